"""A matter before a civil or administrative court as the VKS supervises it: the checks each
act needs before it is recorded. Whether an act came in time is judged by the stages' rules,
never here (ARCHITECTURE principle 1).
"""

from __future__ import annotations

from typing import Any, ClassVar

from qlahs.domain.court_acts import CourtMatterActs
from qlahs.domain.court_documents import ANY_TIME, DOCUMENT_NAMES
from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.subject import Act, day_of, subject_id
from qlahs.law.calendar import fmt


class CourtMatter(CourtMatterActs):
    """Common to a civil matter and an administrative case."""

    # the code's name, for messages ("Bộ luật Tố tụng dân sự")
    code: ClassVar[str] = ""

    @classmethod
    def receive_claim(cls, *, ref: str, **fields: Any) -> CourtMatter:
        fields.setdefault("procedure", None)
        fields.setdefault("kind", None)
        return cls._create(cls.ClaimReceived, id=subject_id(cls.kind, ref), ref=ref, **fields)

    @classmethod
    def open_on_acceptance(cls, *, ref: str, **fields: Any) -> CourtMatter:
        fields.setdefault("procedure", None)
        fields.setdefault("kind", None)
        return cls._create(cls.OpenedOnAcceptance, id=subject_id(cls.kind, ref), ref=ref, **fields)

    @classmethod
    def open_in_effect(cls, *, ref: str, **fields: Any) -> CourtMatter:
        fields.setdefault("kind", None)
        return cls._create(cls.OpenedInEffect, id=subject_id(cls.kind, ref), ref=ref, **fields)

    def record(self, act: type[Act], **fields: Any) -> None:
        """An act whose only check is that the procedure allows it now."""
        self.require_step(act.step, fields["on"])
        self.trigger_event(act, **fields)

    def accept(self, **fields: Any) -> None:
        self.require_step(self.Accepted.step, fields["on"])
        fields.setdefault("procedure", None)
        fields.setdefault("kind", None)
        if fields["procedure"] and fields["procedure"] != self.procedure:
            raise CommandRejected(
                f"Đơn của {self.noun} {self.ref} đã được nhận theo thủ tục "
                f"'{self.procedure}'; trường 'procedure' khi thụ lý không được khác."
            )
        self.trigger_event(self.Accepted, **fields)

    def deliver(self, **fields: Any) -> None:
        """A court document reaches the VKS: it must have been issued, and cannot have been
        sent after the VKS received it."""
        self.require_step(self.Delivered.step, fields["on"])
        document = fields["document"]
        if document not in self.issued and document not in ANY_TIME:
            raise CommandRejected(
                f"{self.noun.capitalize()} {self.ref} chưa có {DOCUMENT_NAMES[document]} "
                f"(trường 'document': {document}) để Viện kiểm sát nhận."
            )
        sent_on = fields.get("sent_on")
        if sent_on is not None and sent_on > day_of(fields["on"]):
            raise CommandRejected(
                f"Trường 'sent_on' ({fmt(sent_on)}) sau ngày Viện kiểm sát nhận văn bản "
                f"({fmt(fields['on'])}): không thể có thật."
            )
        self.trigger_event(self.Delivered, **fields)

    def bring_to_trial(self, **fields: Any) -> None:
        self.require_step(self.BroughtToTrial.step, fields["on"])
        self._require_procedure("vu_an", "bring_to_trial", "schedule_hearing")
        self.trigger_event(self.BroughtToTrial, **fields)

    def schedule_hearing(self, **fields: Any) -> None:
        self.require_step(self.HearingScheduled.step, fields["on"])
        self._require_procedure("viec", "schedule_hearing", "bring_to_trial")
        self.trigger_event(self.HearingScheduled, **fields)

    def return_file(self, **fields: Any) -> None:
        self.require_step(self.FileReturned.step, fields["on"])
        if not self.file_with_vks:
            raise CommandRejected(
                f"Viện kiểm sát chưa nhận hồ sơ {self.noun} {self.ref} (send_file) ở giai đoạn "
                "này: không có hồ sơ để trả lại."
            )
        self.trigger_event(self.FileReturned, **fields)

    def judge(self, **fields: Any) -> None:
        """Tuyên án sơ thẩm; whether the prosecutor was there decides when the VKS's time to
        protest starts (BLTTDS Điều 280 k1)."""
        self.require_step(self.Judged.step, fields["on"])
        self._require_procedure("vu_an", "judge", "decide_petition")
        if fields.get("prosecutor_present") is None:
            fields["prosecutor_present"] = self.attended
        self.trigger_event(self.Judged, **fields)

    def decide_petition(self, **fields: Any) -> None:
        self.require_step(self.PetitionDecided.step, fields["on"])
        self._require_procedure("viec", "decide_petition", "judge")
        self.trigger_event(self.PetitionDecided, **fields)

    def take_effect(self, **fields: Any) -> None:
        self.require_step(self.TookEffect.step, fields["on"])
        fields.setdefault("kind", None)
        self.trigger_event(self.TookEffect, **fields)

    def cassation_protest(self, **fields: Any) -> None:
        self.require_step(self.CassationProtested.step, fields["on"])
        fields.setdefault("k2", False)
        if fields.get("k2") and fields["procedure"] != "giam_doc_tham":
            raise CommandRejected(
                "Trường 'k2' (kéo dài thời hạn kháng nghị thêm 02 năm) chỉ dùng cho kháng nghị "
                "giám đốc thẩm (procedure: giam_doc_tham; BLTTDS Điều 334 k2)."
            )
        self.trigger_event(self.CassationProtested, **fields)

    def _require_procedure(self, procedure: str, step: str, instead: str) -> None:
        if self.procedure != procedure:
            kind = "việc dân sự" if self.procedure == "viec" else "vụ án"
            raise CommandRejected(
                f"Không thể thực hiện '{step}' đối với {self.noun} {self.ref}: đây là {kind} "
                f"(trường 'procedure': {self.procedure}); bước tương ứng là '{instead}'."
            )
