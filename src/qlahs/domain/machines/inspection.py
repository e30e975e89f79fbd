"""The legal path of a direct inspection (kiểm sát trực tiếp) by the procuracy of a detention
facility or a criminal enforcement body (Luật Thi hành tạm giữ, tạm giam 2015 Chương VIII;
Luật Thi hành án hình sự 2019 Điều 168–169)."""

from statemachine import State, StateMachine


class InspectionPath(StateMachine):
    """Cuộc kiểm sát trực tiếp từ quyết định kiểm sát đến kết luận."""

    inspecting = State("Đang kiểm sát trực tiếp", initial=True)
    concluded = State("Đã ban hành kết luận kiểm sát", final=True)

    conclude = inspecting.to(concluded)
