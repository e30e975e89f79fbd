"""The legal path of a request for criminal mutual legal assistance at the central authority
(Viện kiểm sát nhân dân tối cao, BLTTHS 2015 Điều 493 k2; Luật Tương trợ tư pháp 2007 Điều
22–24).

An outgoing request (of a Vietnamese body, to a foreign state) is checked and sent abroad or
returned; the foreign result is forwarded to the body that asked. An incoming request (of a
foreign state) is checked and forwarded to the Vietnamese body that executes it, returned,
refused or postponed (Điều 21); the executing body's result is sent back abroad.
"""

from statemachine import State, StateMachine


class AssistancePath(StateMachine):
    """Yêu cầu tương trợ tư pháp về hình sự từ khi Viện kiểm sát nhân dân tối cao nhận đến
    khi kết quả được chuyển, hoặc hồ sơ được trả lại, bị từ chối."""

    new = State("Chưa tiếp nhận", initial=True)
    outgoing_received = State("Đã nhận yêu cầu của cơ quan Việt Nam")
    sent_abroad = State("Đã gửi nước được yêu cầu")
    result_received = State("Đã nhận kết quả của nước được yêu cầu")
    incoming_received = State("Đã nhận yêu cầu của nước ngoài")
    with_executor = State("Đã chuyển cơ quan có thẩm quyền thực hiện")
    postponed = State("Hoãn thực hiện")
    executed = State("Cơ quan thực hiện đã thông báo kết quả")
    returned = State("Đã trả lại hồ sơ", final=True)
    refused = State("Từ chối thực hiện", final=True)
    completed = State("Đã chuyển kết quả", final=True)

    receive_outgoing = new.to(outgoing_received)
    receive_incoming = new.to(incoming_received)
    receive_summons = new.to(incoming_received)
    send_abroad = outgoing_received.to(sent_abroad)
    return_request = outgoing_received.to(returned) | incoming_received.to(returned)
    receive_result = sent_abroad.to(result_received)
    forward_result = result_received.to(completed)
    forward_to_executor = incoming_received.to(with_executor) | postponed.to(with_executor)
    refuse = incoming_received.to(refused) | postponed.to(refused)
    postpone = incoming_received.to(postponed) | with_executor.to(postponed)
    executor_result = with_executor.to(executed)
    reply_abroad = executed.to(completed)
