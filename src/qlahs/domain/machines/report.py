"""The legal path of a crime report (BLTTHS 2015 Điều 145–149)."""

from statemachine import State, StateMachine


class ReportResolution(StateMachine):
    """Stages of a crime report from receipt to decision."""

    received = State("Đang giải quyết", initial=True)
    suspended = State("Tạm đình chỉ")
    # Not final: a late notice of receipt, or the prosecutor's assignment, can still be
    # recorded after the decision (and is judged late); a second decision cannot.
    decided = State("Đã giải quyết")

    transfer = received.to.itself()
    notify_procuracy = received.to.itself() | suspended.to.itself() | decided.to.itself()
    assign_prosecutor = received.to.itself() | suspended.to.itself() | decided.to.itself()
    extend = received.to.itself()
    request_extension = received.to.itself()
    grant_extension = received.to.itself()
    refuse_extension = received.to.itself()
    suspend = received.to(suspended)
    cancel_suspension = suspended.to(received)
    resume = suspended.to(received)
    decide = received.to(decided)
    # Amending the descriptive fields (summary, reporter, suspects) as recorded: not a
    # procedural step, so it leaves every stage where it was.
    correct = received.to.itself() | suspended.to.itself() | decided.to.itself()
