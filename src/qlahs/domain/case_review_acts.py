"""Review of a criminal judgment in effect (BLTTHS 2015 Điều 367, 370–403): protests under
giám đốc thẩm and tái thẩm, the court's receipt and hearing, the file lent to the procuracy,
and the review of a death sentence before it is carried out.

These acts move none of the case's stage machines: they concern a judgment that has taken legal
effect, whatever the case's last stage. They keep their own state (`Review`) and are declared on
`ReviewActs`, a base class of `CriminalCase`; eventsourcing redefines them on it, so they are
stored as `CriminalCase.<Act>`. Whether they came in time is judged by
`stages/case/review.py`, never here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from qlahs.domain.case_act import CaseChecks
from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.subject import Act, day_of
from qlahs.law.calendar import fmt

# the case stages at which a judgment exists and no appeal trial is under way
JUDGMENT_STAGES = ("judged", "appeal_judged")
PROCEDURE_NAMES = {"giam_doc_tham": "giám đốc thẩm", "tai_tham": "tái thẩm"}


@dataclass
class Review:
    """Where the review of the case's judgment stands."""

    new_fact_on: date | None = None
    protests: int = 0
    protested_on: date | None = None
    accepted_on: date | None = None  # the court holds a protest it has not judged yet
    files_out: set[str] = field(default_factory=set)  # "review", "death": lent to the VKS
    death_files: set[str] = field(default_factory=set)  # persons whose file the VKS received
    decided: set[str] = field(default_factory=set)  # persons the VKSNDTC decided on (Đ367)
    petitioned: set[str] = field(default_factory=set)  # clemency petitions (Đ367 k1 d)


def review_of(case: Any) -> Review:
    """The review state of a case; a case recorded before these acts has none yet."""
    state = getattr(case, "review", None)
    if state is None:
        state = Review()
        case.review = state
    return state


class ReviewAct(Act):
    """An act on the judgment in effect: it moves no stage of the case."""

    def apply(self, aggregate: Any) -> None:
        self.follow(review_of(aggregate))

    def follow(self, state: Review) -> None:
        raise NotImplementedError


class ProtestAct(ReviewAct):
    """A protest under giám đốc thẩm or tái thẩm: against or for the convicted person."""

    direction: str  # against | for
    person: str | None  # the convicted person; None: every one
    by: str  # VKS | TA

    def follow(self, state: Review) -> None:
        state.protests += 1
        state.protested_on, state.accepted_on = day_of(self.on), None
        if self.by == "VKS":
            state.decided.update([self.person] if self.person else state.death_files)


class ReviewActs(CaseChecks):
    """The review acts of a criminal case, named as `CriminalCase.<Act>`."""

    class CassationProtested(ProtestAct):
        """Kháng nghị giám đốc thẩm (Điều 373, 378, 379)."""

        step = "cassation_protest"
        named = "Kháng nghị giám đốc thẩm"

    class NewFactLearned(ReviewAct):
        """Viện kiểm sát nhận được tin báo về tình tiết mới được phát hiện (Điều 399, 401)."""

        step = "learn_new_fact"
        named = "Viện kiểm sát nhận tin báo về tình tiết mới"
        personal = ("summary",)
        summary: str | None
        committed_on: date | None

        def follow(self, state: Review) -> None:
            state.new_fact_on = day_of(self.on)

    class ReopeningProtested(ProtestAct):
        """Kháng nghị tái thẩm (Điều 400, 401)."""

        step = "reopening_protest"
        named = "Kháng nghị tái thẩm"

    class ReviewAccepted(ReviewAct):
        """The reviewing court receives the protest with the case file (Điều 380, 385)."""

        step = "review_accept"
        named = "Tòa án có thẩm quyền nhận kháng nghị kèm hồ sơ vụ án"

        def follow(self, state: Review) -> None:
            state.accepted_on = day_of(self.on)

    class ReviewFileReceived(ReviewAct):
        """The procuracy receives the protest and the file from the reviewing court (Điều 380
        k2)."""

        step = "receive_review_file"
        named = "Viện kiểm sát nhận hồ sơ vụ án để nghiên cứu"

        def follow(self, state: Review) -> None:
            state.files_out.add("review")

    class FileReturned(ReviewAct):
        """The procuracy returns the file it was lent (Điều 380 k2, Điều 367 k1 b)."""

        step = "return_file"
        named = "Viện kiểm sát gửi lại hồ sơ vụ án cho Tòa án"

        def follow(self, state: Review) -> None:
            state.files_out.clear()

    class ReviewJudged(ReviewAct):
        """Quyết định giám đốc thẩm, tái thẩm (Điều 388–395, 402)."""

        step = "review_judge"
        named = "Quyết định giám đốc thẩm, tái thẩm"
        outcome: str

        def follow(self, state: Review) -> None:
            state.accepted_on = None

    class DeathFileReceived(ReviewAct):
        """The VKSNDTC receives the file of a death sentence from the TANDTC (Điều 367 k1 b)."""

        step = "death_file_receive"
        named = "Viện kiểm sát nhân dân tối cao nhận hồ sơ vụ án tử hình"
        person: str

        def follow(self, state: Review) -> None:
            state.files_out.add("death")
            state.death_files.add(self.person)

    class DeathNotProtested(ReviewAct):
        """Quyết định không kháng nghị giám đốc thẩm, tái thẩm bản án tử hình (Điều 367 k1 c)."""

        step = "death_no_protest"
        named = "Quyết định không kháng nghị bản án tử hình"
        person: str

        def follow(self, state: Review) -> None:
            state.decided.add(self.person)

    class ClemencyPetitioned(ReviewAct):
        """Đơn xin ân giảm hình phạt tử hình lên Chủ tịch nước (Điều 367 k1 d)."""

        step = "clemency_petition"
        named = "Đơn xin ân giảm hình phạt tử hình"
        person: str

        def follow(self, state: Review) -> None:
            state.petitioned.add(self.person)

    # -- commands: check, then record ---------------------------------------------------------

    def cassation_protest(self, **fields: Any) -> None:
        self._require_judgment("cassation_protest", fields["on"], fields.get("person"))
        self.trigger_event(self.CassationProtested, **fields)

    def learn_new_fact(self, **fields: Any) -> None:
        self._require_judgment("learn_new_fact", fields["on"], None)
        committed = fields.get("committed_on")
        if committed is not None and committed > day_of(fields["on"]):
            raise CommandRejected(
                f"Trường 'committed_on' ({fmt(committed)}) sau ngày nhận tin báo "
                f"({fmt(fields['on'])}): không thể có thật."
            )
        self.trigger_event(self.NewFactLearned, **fields)

    def reopening_protest(self, **fields: Any) -> None:
        self._require_judgment("reopening_protest", fields["on"], fields.get("person"))
        if review_of(self).new_fact_on is None:
            raise CommandRejected(
                f"Vụ án {self.ref} chưa có tin báo về tình tiết mới được phát hiện: cần "
                "case.learn_new_fact trước khi kháng nghị tái thẩm (Điều 397, Điều 399)."
            )
        self.trigger_event(self.ReopeningProtested, **fields)

    def review_accept(self, **fields: Any) -> None:
        self._require_judgment("review_accept", fields["on"], None)
        state = review_of(self)
        if state.protested_on is None or state.accepted_on is not None:
            raise CommandRejected(
                f"Vụ án {self.ref} không có kháng nghị giám đốc thẩm, tái thẩm nào chờ Tòa án "
                "nhận: cần case.cassation_protest hoặc case.reopening_protest trước."
            )
        self._not_before_day(fields["on"], state.protested_on, "kháng nghị")
        self.trigger_event(self.ReviewAccepted, **fields)

    def receive_review_file(self, **fields: Any) -> None:
        accepted = self._accepted("receive_review_file", fields["on"])
        self._not_before_day(fields["on"], accepted, "Tòa án nhận kháng nghị")
        self.trigger_event(self.ReviewFileReceived, **fields)

    def return_file(self, **fields: Any) -> None:
        self._require_judgment("return_file", fields["on"], None)
        if not review_of(self).files_out:
            raise CommandRejected(
                f"Viện kiểm sát không giữ hồ sơ vụ án {self.ref} nào để gửi lại: cần "
                "case.receive_review_file hoặc case.death_file_receive trước."
            )
        self.trigger_event(self.FileReturned, **fields)

    def review_judge(self, **fields: Any) -> None:
        accepted = self._accepted("review_judge", fields["on"])
        self._not_before_day(fields["on"], accepted, "Tòa án nhận kháng nghị")
        self.trigger_event(self.ReviewJudged, **fields)

    def death_file_receive(self, **fields: Any) -> None:
        self._require_death_sentence("death_file_receive", fields)
        self.trigger_event(self.DeathFileReceived, **fields)

    def death_no_protest(self, **fields: Any) -> None:
        self._require_death_sentence("death_no_protest", fields)
        person = fields["person"]
        if person not in review_of(self).death_files:
            raise CommandRejected(
                f"Viện kiểm sát nhân dân tối cao chưa nhận hồ sơ vụ án tử hình của {person} "
                "(trường 'person'): cần case.death_file_receive trước (Điều 367 khoản 1 điểm c)."
            )
        self.trigger_event(self.DeathNotProtested, **fields)

    def clemency_petition(self, **fields: Any) -> None:
        self._require_death_sentence("clemency_petition", fields)
        self.trigger_event(self.ClemencyPetitioned, **fields)

    # -- checks ---------------------------------------------------------------------------------

    def _require_judgment(self, step: str, on: date, person: str | None) -> None:
        """A review concerns a judgment: the case must have one, not under appeal trial."""
        self.require_not_before(step, on)
        if self.stage not in JUDGMENT_STAGES:
            raise CommandRejected(
                f"Vụ án {self.ref} đang ở giai đoạn '{self.stage_names[self.stage]}': chưa có "
                f"bản án có hiệu lực pháp luật để thực hiện '{step}' (Điều 370, Điều 397)."
            )
        if person is not None:
            accused = self.persons.get(person)
            if accused is None or accused.enforcement is None:
                raise CommandRejected(
                    f"Vụ án {self.ref} không có người bị kết án '{person}' (trường 'person')."
                )

    def _accepted(self, step: str, on: date) -> date:
        self._require_judgment(step, on, None)
        accepted = review_of(self).accepted_on
        if accepted is None:
            raise CommandRejected(
                f"Tòa án chưa nhận kháng nghị giám đốc thẩm, tái thẩm của vụ án {self.ref}: "
                "cần case.review_accept trước."
            )
        return accepted

    def _require_death_sentence(self, step: str, fields: dict[str, Any]) -> None:
        person = fields["person"]
        self._require_judgment(step, fields["on"], person)
        sentence = getattr(self, "sentences", {}).get(person, "")
        if "tử hình" not in sentence.lower():
            raise CommandRejected(
                f"Người bị kết án '{person}' của vụ án {self.ref} không bị tuyên hình phạt tử "
                "hình (trường 'person'): thủ tục Điều 367 không áp dụng."
            )

    def _not_before_day(self, on: date, earlier: date, what: str) -> None:
        if day_of(on) < earlier:
            raise CommandRejected(
                f"Trường 'on' ({fmt(on)}) trước ngày {what} ({fmt(earlier)}): không thể có thật."
            )
