"""The legal path of a complaint or denunciation in criminal procedure (BLTTHS 2015 Điều
469–483)."""

from statemachine import State, StateMachine


class ComplaintPath(StateMachine):
    """Đơn khiếu nại, tố cáo từ khi nhận đến khi giải quyết xong."""

    pending = State("Đang giải quyết", initial=True)
    # Resolved at the first level: the complainant may still complain further (Điều 474–477).
    resolved = State("Đã giải quyết")
    further = State("Đang giải quyết khiếu nại tiếp")
    closed = State("Đã giải quyết xong")
    withdrawn = State("Đã rút")

    transfer = pending.to.itself() | further.to.itself()
    extend = pending.to.itself()
    resolve = pending.to(resolved) | further.to(closed)
    complain_further = resolved.to(further)
    withdraw = pending.to(withdrawn) | further.to(withdrawn)
    # The procuracy's supervision (Điều 483) and the answers owed to it go on at any stage,
    # also after the resolution or a withdrawal: it may find how the complaint was handled
    # unlawful. No stage is final for that reason.
    request_supervision = (
        pending.to.itself()
        | resolved.to.itself()
        | further.to.itself()
        | closed.to.itself()
        | withdrawn.to.itself()
    )
    answer = (
        pending.to.itself()
        | resolved.to.itself()
        | further.to.itself()
        | closed.to.itself()
        | withdrawn.to.itself()
    )
