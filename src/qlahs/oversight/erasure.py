"""Erasing a subject's personal data by destroying its key (docs/security.md §5).

    erase(engine, "TB-2025-0007", kind="report", reason="Quyết định số 12/QĐ-VKSKV7")

Beside the Engine like `access/admin.py`: it asks the Engine's access check first
(`erase.personal`, quản trị only), then

1. destroys the key, keeping its row with who, when and why (`qlahs_subject_keys`);
2. records `PersonalDataErased` on the subject, with the reason and nothing personal, so the
   erasure is in the record's history and the hash chain;
3. catches up, which rebuilds the subject's read-model rows with placeholders.

The key goes first: the projector rebuilds the subject when it sees the event, and must by
then find the key gone. Should step 2 fail, erasing again completes it instead of being
refused. The stored events are never touched, so `audit verify` still holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eventsourcing.persistence import IntegrityError

from qlahs.access.policy import Wish
from qlahs.engine import gate
from qlahs.kernel.errors import CommandRejected, ConcurrencyError, SubjectNotFound
from qlahs.kernel.subject import Subject, subject_id
from qlahs.oversight.trail import kind_of
from qlahs.privacy.keys import Erasure
from qlahs.privacy.sealing import SealingMapper

if TYPE_CHECKING:
    from qlahs.engine import Engine

RETRIES = 10


@dataclass(frozen=True)
class Erased:
    kind: str
    noun: str  # "nguồn tin", "vụ án"
    ref: str
    erasure: Erasure
    # other records that may hold copies of the same people's data (the report a case was
    # opened from, cases split off or joined): each is erased on its own, if the law says so
    related: tuple[str, ...]


def erase(engine: Engine, ref: str, *, reason: str, kind: str | None = None) -> Erased:
    """Erase the personal data of one record; refuses a second erasure."""
    kind = kind or kind_of(engine, ref)
    reason = reason.strip()
    subject = engine._system().find_subject(kind, ref)
    if subject is None:
        raise SubjectNotFound(f"Không tìm thấy {engine.registry.noun(kind)} {ref} (trường 'ref').")
    engine.authorize(
        Wish(
            "erase.personal",
            f"xóa dữ liệu cá nhân của hồ sơ {ref}",
            subject.unit,
            gate.record(engine, kind, ref, subject.unit),
        )
    )
    if not reason:
        raise CommandRejected(
            "Trường 'reason': cần ghi căn cứ xóa (quyết định, yêu cầu của chủ thể dữ liệu…)."
        )
    sid = subject_id(kind, ref)
    events = list(engine.log.events.get(sid))
    recorded = [e for e in events if isinstance(e, Subject.PersonalDataErased)]
    keys = engine.log.keys
    assert keys is not None and isinstance(engine.log.mapper, SealingMapper)
    earlier = keys.state(sid)
    if isinstance(earlier, Erasure) and recorded:
        raise CommandRejected(
            f"Dữ liệu cá nhân của {subject.noun} {ref} đã bị xóa ngày {earlier.day} (người "
            f"xóa: {earlier.erased_by}; căn cứ: {earlier.reason}); không thể xóa lần thứ hai."
        )
    _refuse_unsealed(engine, subject, sid)
    by, unit = _by(engine)
    erasure = earlier if isinstance(earlier, Erasure) else None
    if erasure is None:
        erasure = keys.erase(sid, kind=kind, ref=ref, by=by, reason=reason)
        if erasure is None:
            raise CommandRejected(
                f"Dữ liệu cá nhân của {subject.noun} {ref} vừa được người khác xóa; "
                "không thể xóa lần thứ hai."
            )
    # else: the key was destroyed but the event not recorded (an earlier attempt failed
    # between the two steps): record it now, with the first attempt's reason.
    _record(engine, sid, erasure.reason, by, unit)
    engine.projector.catch_up()
    return Erased(kind, subject.noun, ref, erasure, _related(subject, events))


def _by(engine: Engine) -> tuple[str, str]:
    if engine.actor is not None:
        return engine.actor.user, engine.actor.unit
    return engine.default_actor, engine.default_unit


def _refuse_unsealed(engine: Engine, subject: Subject, sid: Any) -> None:
    """Events stored before sealing existed hold their personal fields in the clear:
    destroying the key would leave them readable, so nothing is erased."""
    mapper = engine.log.mapper
    assert isinstance(mapper, SealingMapper)
    found: dict[int, tuple[str, ...]] = {}
    for stored in engine.log.recorder.select_events(sid):
        in_clear = mapper.personal_in_clear(stored)
        if in_clear:
            found[stored.originator_version] = in_clear
    if not found:
        return
    versions = ", ".join(str(version) for version in found)
    names = ", ".join(sorted({f"'{field}'" for fields in found.values() for field in fields}))
    raise CommandRejected(
        f"{subject.noun.capitalize()} {subject.ref} có {len(found)} sự kiện (phiên bản {versions}) "
        f"ghi trước khi có khóa riêng từng hồ sơ, mang dữ liệu cá nhân không niêm phong (trường "
        f"{names}): hủy khóa không xóa được chúng, nên chưa xóa gì. Cần chép kho sang kho mới "
        "để niêm phong lại (docs/security.md §5)."
    )


def _record(engine: Engine, sid: Any, reason: str, by: str, unit: str) -> None:
    for _ in range(RETRIES):
        engine._evict_id(sid)  # decoded again: without the key, with placeholders
        subject = engine._find(sid)
        subject.trigger_event(Subject.PersonalDataErased, reason=reason, actor=by, unit=unit)
        try:
            engine.log.save(subject)
        except IntegrityError:
            continue  # another act was recorded meanwhile: load again
        except BaseException:
            engine._evict_id(sid)
            raise
        return
    engine._evict_id(sid)
    raise ConcurrencyError(
        "Đã hủy khóa nhưng chưa ghi được sự kiện xóa do xung đột ghi đồng thời; hãy chạy lại "
        "lệnh xóa để ghi nốt."
    )


def _related(subject: Subject, events: list[Any]) -> tuple[str, ...]:
    refs: dict[str, None] = {}
    for name in ("from_report", "from_case", "case"):
        value = getattr(subject, name, None)
        if value:
            refs[str(value)] = None
    for event in events:
        for ref in getattr(event, "cases", None) or ():
            refs[str(ref)] = None
        into = getattr(event, "into", None)
        if into:
            refs[str(into)] = None
    refs.pop(subject.ref, None)
    return tuple(refs)
