"""The enforcement of a judgment for one sentenced person, as the procuracy follows it (BLTTHS
2015 Điều 363–364; Luật Thi hành án hình sự 2019 Điều 22–23).

The court of first instance decides on enforcement or delegates the decision to another court
of the same level (Điều 364 k1); the decision is then delivered (to the procuracy, the
enforcement body, the convicted person), and a convicted person at liberty reports to the
enforcement body. Delivery goes on after the person reported: a late copy is still a copy.
"""

from statemachine import State, StateMachine


class Enforcement(StateMachine):
    """Thi hành bản án đối với một người bị kết án."""

    sentenced = State("Chờ quyết định thi hành án", initial=True)
    delegated = State("Đã ủy thác ra quyết định thi hành án")
    enforcement_decided = State("Đã có quyết định thi hành án")
    reported = State("Đã có mặt chấp hành án")

    delegate_enforcement = sentenced.to(delegated)
    enforcement_decision = sentenced.to(enforcement_decided) | delegated.to(enforcement_decided)
    deliver_enforcement_decision = enforcement_decided.to.itself() | reported.to.itself()
    report_for_enforcement = enforcement_decided.to(reported)
