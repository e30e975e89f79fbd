"""The legal path of a criminal case, one machine per procedural stage.

A case moves through the stage machines one after another: a state that is final in one
machine (a hand-off, e.g. `investigation_concluded`) is the initial state of the next. The
case's transition table is the union of the machines. Custody, the VKS's approval of a charge
and enforcement are per accused person, each with its own machine.
"""

from statemachine import State, StateMachine


class Investigation(StateMachine):
    """Khởi tố và điều tra (Điều 153–180, 229–235)."""

    investigating = State("Đang điều tra", initial=True)
    investigation_suspended = State("Tạm đình chỉ điều tra")
    investigation_concluded = State("Kết thúc điều tra", final=True)
    dismissed = State("Đã đình chỉ", final=True)
    merged = State("Đã nhập vào vụ án khác", final=True)

    change_charge = investigating.to.itself() | investigation_suspended.to.itself()
    charge = investigating.to.itself()
    extend_investigation = investigating.to.itself()
    transfer = investigating.to.itself() | investigation_suspended.to.itself()
    join = investigating.to.itself()
    split = investigating.to.itself()
    suspend_investigation = investigating.to(investigation_suspended)
    resume_investigation = investigation_suspended.to(investigating)
    dismiss_investigation = investigating.to(dismissed) | investigation_suspended.to(dismissed)
    conclude_investigation = investigating.to(investigation_concluded)
    merge_into = investigating.to(merged) | investigation_suspended.to(merged)


class Indictment(StateMachine):
    """Truy tố (Điều 236–249)."""

    investigation_concluded = State("Kết thúc điều tra", initial=True)
    prosecution = State("Viện kiểm sát đang giải quyết")
    case_suspended = State("Tạm đình chỉ vụ án")
    indicted = State("Đã có cáo trạng")
    sent_to_court = State("Đã chuyển Tòa án", final=True)
    investigating = State("Đang điều tra", final=True)
    dismissed = State("Đã đình chỉ", final=True)

    receive_file = investigation_concluded.to(prosecution)
    extend_prosecution = prosecution.to.itself()
    return_for_investigation = prosecution.to(investigating)
    indict = prosecution.to(indicted)
    send_to_court = indicted.to(sent_to_court)
    suspend = prosecution.to(case_suspended)
    resume = case_suspended.to(prosecution)
    dismiss = prosecution.to(dismissed) | case_suspended.to(dismissed)


class Trial(StateMachine):
    """Xét xử sơ thẩm (Điều 276–286)."""

    sent_to_court = State("Đã chuyển Tòa án", initial=True)
    trial_preparation = State("Tòa án chuẩn bị xét xử")
    trial_suspended = State("Tòa án tạm đình chỉ vụ án")
    trial_scheduled = State("Đã có quyết định đưa ra xét xử")
    judged = State("Đã xét xử sơ thẩm", final=True)
    investigating = State("Đang điều tra", final=True)
    dismissed = State("Đã đình chỉ", final=True)

    court_accept = sent_to_court.to(trial_preparation)
    extend_trial_preparation = trial_preparation.to.itself()
    bring_to_trial = trial_preparation.to(trial_scheduled)
    return_for_investigation = trial_preparation.to(investigating) | trial_scheduled.to(
        investigating
    )
    suspend = trial_preparation.to(trial_suspended)
    resume = trial_suspended.to(trial_preparation)
    dismiss = trial_preparation.to(dismissed) | trial_suspended.to(dismissed)
    judge = trial_scheduled.to(judged)


class Appeal(StateMachine):
    """Kháng cáo, kháng nghị và xét xử phúc thẩm (Điều 330–355)."""

    judged = State("Đã xét xử sơ thẩm", initial=True)
    appeal_trial = State("Tòa phúc thẩm thụ lý")
    appeal_judged = State("Đã xét xử phúc thẩm", final=True)

    appeal = judged.to.itself()
    protest = judged.to.itself()
    appeal_accept = judged.to(appeal_trial)
    appeal_judge = appeal_trial.to(appeal_judged)


class Custody(StateMachine):
    """Biện pháp ngăn chặn đối với một người (Điều 109–125)."""

    free = State("Tại ngoại", initial=True)
    arrested = State("Bị giữ, bị bắt")
    held = State("Tạm giữ")
    detained = State("Tạm giam")

    arrest = free.to(arrested)
    hold = free.to(held) | arrested.to(held)
    extend_hold = held.to.itself()
    approve_hold_extension = held.to.itself()
    detain = free.to(detained) | arrested.to(detained) | held.to(detained) | detained.to.itself()
    extend_detention = detained.to.itself()
    release = arrested.to(free) | held.to(free) | detained.to(free)


class ChargeApproval(StateMachine):
    """Viện kiểm sát phê chuẩn quyết định khởi tố bị can (Điều 179 k3)."""

    pending = State("Chờ phê chuẩn", initial=True)
    evidence_requested = State("Yêu cầu bổ sung chứng cứ")
    # Not final: a changed charge goes to the VKS for approval again (Điều 180 k3).
    approved = State("Đã phê chuẩn")
    cancelled = State("Đã hủy bỏ", final=True)

    approve_charge = pending.to(approved) | evidence_requested.to(approved)
    cancel_charge = pending.to(cancelled) | evidence_requested.to(cancelled)
    request_evidence = pending.to(evidence_requested)
    change_charge = approved.to(pending) | pending.to.itself() | evidence_requested.to(pending)


class AccusedProcedure(StateMachine):
    """Tạm đình chỉ, phục hồi, đình chỉ đối với riêng một bị can (Điều 229 k2, 247, 248)."""

    active = State("Đang giải quyết", initial=True)
    suspended = State("Tạm đình chỉ")
    dismissed = State("Đình chỉ", final=True)

    suspend = active.to(suspended)
    resume = suspended.to(active)
    dismiss = active.to(dismissed) | suspended.to(dismissed)


CASE_MACHINES = (Investigation, Indictment, Trial, Appeal)
