"""The steps of a number register. It has one state: a register is open for its whole
numbering year (a number of last year may still be voided), and every step keeps it open."""

from statemachine import State, StateMachine


class NumberRegister(StateMachine):
    """A register from its first number on."""

    open = State("Đang sử dụng", initial=True)

    issue = open.to.itself()
    reserve = open.to.itself()
    insert = open.to.itself()
    use = open.to.itself()
    release = open.to.itself()
    void = open.to.itself()
