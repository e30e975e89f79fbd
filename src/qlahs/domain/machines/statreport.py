"""The steps of a unit's statistical report for one period (TTLT 05/2018 Điều 9, 12): drafted
from the log, submitted to the level above, returned with reasons and corrected, accepted."""

from statemachine import State, StateMachine


class StatisticalReportPath(StateMachine):
    """A report from its first draft to its acceptance by the level above."""

    drafted = State("Đang lập", initial=True)
    submitted = State("Đã gửi cấp trên")
    returned = State("Bị trả lại để sửa")
    accepted = State("Đã được chấp nhận", final=True)

    draft = drafted.to.itself() | returned.to(drafted)
    submit = drafted.to(submitted) | returned.to(submitted)
    send_back = submitted.to(returned)
    accept = submitted.to(accepted)
