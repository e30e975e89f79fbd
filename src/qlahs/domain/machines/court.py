"""The legal path of a matter before a civil or administrative court, as the VKS supervises it
(BLTTDS 2015; Luật TTHC 2015): one machine for both, since the two codes walk the same steps.

First instance until the appeal court accepts the matter, then appeal; a judgment or decision
in effect can still be protested on review. Steps that only note a fact (a document reaching
the VKS, a prosecutor attending) leave the stage where it was.
"""

from statemachine import State, StateMachine


class CourtProcedure(StateMachine):
    """Vụ việc từ khi Tòa án nhận đơn đến khi bản án, quyết định có hiệu lực pháp luật."""

    claim_received = State("Tòa án đã nhận đơn", initial=True)
    claim_returned = State("Tòa án đã trả lại đơn")
    first_instance = State("Tòa án cấp sơ thẩm đang giải quyết")
    suspended = State("Tòa án cấp sơ thẩm tạm đình chỉ")
    scheduled = State("Đã quyết định đưa ra xét xử, mở phiên họp")
    decided = State("Đã xét xử, giải quyết sơ thẩm")
    dismissed = State("Tòa án cấp sơ thẩm đình chỉ giải quyết")
    appeal_preparation = State("Tòa án cấp phúc thẩm đang giải quyết")
    appeal_suspended = State("Tòa án cấp phúc thẩm tạm đình chỉ")
    appeal_scheduled = State("Đã quyết định đưa ra xét xử phúc thẩm")
    appeal_decided = State("Đã xét xử phúc thẩm")
    appeal_dismissed = State("Tòa án cấp phúc thẩm đình chỉ xét xử")
    in_effect = State("Đã có hiệu lực pháp luật")

    return_claim = claim_received.to(claim_returned)
    object_return = claim_returned.to.itself()
    accept = claim_received.to(first_instance) | claim_returned.to(first_instance)
    deliver = (
        claim_received.to.itself()
        | claim_returned.to.itself()
        | first_instance.to.itself()
        | suspended.to.itself()
        | scheduled.to.itself()
        | decided.to.itself()
        | dismissed.to.itself()
        | appeal_preparation.to.itself()
        | appeal_suspended.to.itself()
        | appeal_scheduled.to.itself()
        | appeal_decided.to.itself()
        | appeal_dismissed.to.itself()
        | in_effect.to.itself()
    )
    extend_preparation = (
        first_instance.to.itself()
        | scheduled.to.itself()
        | appeal_preparation.to.itself()
        | appeal_scheduled.to.itself()
    )
    suspend = (
        first_instance.to(suspended)
        | scheduled.to(suspended)
        | appeal_preparation.to(appeal_suspended)
        | appeal_scheduled.to(appeal_suspended)
    )
    resume = suspended.to(first_instance) | appeal_suspended.to(appeal_preparation)
    dismiss = (
        first_instance.to(dismissed)
        | suspended.to(dismissed)
        | scheduled.to(dismissed)
        | appeal_preparation.to(appeal_dismissed)
        | appeal_suspended.to(appeal_dismissed)
        | appeal_scheduled.to(appeal_dismissed)
    )
    bring_to_trial = first_instance.to(scheduled) | appeal_preparation.to(appeal_scheduled)
    schedule_hearing = first_instance.to(scheduled)
    send_file = (
        first_instance.to.itself()
        | scheduled.to.itself()
        | appeal_preparation.to.itself()
        | appeal_scheduled.to.itself()
    )
    return_file = (
        first_instance.to.itself()
        | scheduled.to.itself()
        | suspended.to.itself()
        | decided.to.itself()
        | dismissed.to.itself()
        | appeal_preparation.to.itself()
        | appeal_scheduled.to.itself()
        | appeal_suspended.to.itself()
        | appeal_decided.to.itself()
        | appeal_dismissed.to.itself()
    )
    open_session = scheduled.to.itself() | appeal_scheduled.to.itself()
    attend = (
        first_instance.to.itself()
        | scheduled.to.itself()
        | appeal_preparation.to.itself()
        | appeal_scheduled.to.itself()
    )
    judge = first_instance.to(decided) | scheduled.to(decided)
    decide_petition = first_instance.to(decided) | scheduled.to(decided)
    appeal = decided.to.itself() | dismissed.to.itself() | suspended.to.itself()
    protest = decided.to.itself() | dismissed.to.itself() | suspended.to.itself()
    appeal_accept = (
        decided.to(appeal_preparation)
        | dismissed.to(appeal_preparation)
        | suspended.to(appeal_preparation)
    )
    appeal_judge = appeal_preparation.to(appeal_decided) | appeal_scheduled.to(appeal_decided)
    take_effect = (
        first_instance.to(in_effect)
        | scheduled.to(in_effect)
        | decided.to(in_effect)
        | dismissed.to(in_effect)
        | suspended.to(in_effect)
        | appeal_decided.to(in_effect)
        | appeal_dismissed.to(in_effect)
    )
    learn_grounds = in_effect.to.itself()
    cassation_protest = in_effect.to.itself()


# Steps of a civil matter only: a non-contentious matter (việc dân sự, BLTTDS Điều 366–370).
CIVIL_ONLY = frozenset({"schedule_hearing", "decide_petition"})
