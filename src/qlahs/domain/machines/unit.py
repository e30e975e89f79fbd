"""The life of a procuracy unit in the organisation (Luật Tổ chức VKSND; the 2025
reorganisation of law.md §0): established, renamed, moved under another superior, merged into
a successor that carries its history on."""

from statemachine import State, StateMachine


class UnitLife(StateMachine):
    """Một đơn vị Viện kiểm sát từ khi được ghi nhận đến khi sáp nhập vào đơn vị kế thừa."""

    active = State("Đang hoạt động", initial=True)
    merged = State("Đã sáp nhập vào đơn vị kế thừa", final=True)

    rename = active.to.itself()
    reattach = active.to.itself()
    merge_into = active.to(merged)
