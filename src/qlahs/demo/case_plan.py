"""One demo case's story from its opening: charges and custody, the VKS's approval, the
investigation and its extensions, prosecution, trial, appeals and enforcement, with a few acts
late, a few cases dismissed, suspended or returned, and a few stalled with a person detained."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from qlahs.demo.case_story import (
    AGENCIES,
    DETENTION_EXTENSION,
    EXTENSION,
    INVESTIGATION,
    NON_CUSTODIAL,
    OFFENCES,
    PREPARATION,
    PROSECUTION,
    PROSECUTION_DETENTION,
    TRIAL_DETENTION,
    Accused,
    Offence,
    Story,
    name,
)
from qlahs.law.calendar import Calendar, add_months
from qlahs.law.crimes import category_of


def plan_case(
    ref: str,
    report: str | None,
    opened: date,
    summary: str,
    rng: random.Random,
    calendar: Calendar,
) -> list[dict[str, Any]]:
    """One case's story from its opening (`report`: the crime report it was opened from, if
    any); nothing is cut off yet."""
    offence = OFFENCES.get(summary, OFFENCES["Trộm cắp tài sản (xe máy)"])
    crime = rng.choices([c for c, _ in offence.clauses], [w for _, w in offence.clauses])[0]
    story = Story(ref, rng, category_of(crime) or "NT")
    story.add(
        opened,
        "case.open",
        crime=crime,
        summary=summary,
        from_report=report,
        investigating_agency=AGENCIES[offence.agency],
    )
    # the last day of the investigation period, moved off a day off (Điều 134)
    due = calendar.roll_forward(add_months(opened, INVESTIGATION[story.category]))[0]
    if story.chance(0.07):  # the offender is not identified: suspended when the time runs out
        late = story.days(1, 4) if story.chance(0.1) else timedelta()
        story.add(due + late, "case.suspend_investigation", ground="khong_xac_dinh_bi_can")
        return story.steps
    last_charge = _charge_persons(story, opened, crime, offence)
    if story.chance(0.03):  # stalled: nothing more is recorded, custody runs out
        return story.steps
    end = _investigate(story, opened, due, last_charge, offence, crime)
    if end is None:
        return story.steps
    received = _prosecute(story, end, offence)
    if received is None:
        return story.steps
    _try(story, received, offence)
    return story.steps


def _charge_persons(story: Story, opened: date, crime: str, offence: Offence) -> date:
    rng = story.rng
    count = rng.choices([1, 2, 3], [65, 25, 10])[0]
    last = opened
    for index in range(1, count + 1):
        person = Accused(f"BC{index}", name(rng))
        story.persons.append(person)
        code = person.code
        birth = date(rng.randint(1968, 2004), rng.randint(1, 12), rng.randint(1, 28))
        charge_with: dict[str, Any] = {
            "person": code,
            "name": person.name,
            "crime": crime,
            "birth_date": birth,
        }
        if story.chance(offence.custody):
            charged = _hold(story, person, opened, charge_with)
        else:
            charged = opened + story.days(2, 20)
            story.add(charged, "case.charge", **charge_with)
        last = max(last, charged)
        _approve(story, code, charged)
        if count > 1 and not person.detained and story.chance(0.08):
            person.absconded = True  # wanted: this person's investigation is suspended
            person.suspended_on = charged + story.days(10, 30)
            story.add(
                person.suspended_on,
                "case.suspend_investigation",
                ground="bi_can_bo_tron",
                person=code,
            )
            last = max(last, person.suspended_on)
    return last


def _hold(story: Story, person: Accused, opened: date, charge_with: dict[str, Any]) -> date:
    """Arrest, tạm giữ (72 hours, sometimes extended), the charge, then tạm giam or release."""
    code = person.code
    received = datetime.combine(opened, time(story.rng.randint(7, 20), story.rng.choice([0, 30])))
    if story.chance(0.4):
        story.add(received - timedelta(hours=2), "custody.arrest", person=code)
    story.add(received, "custody.hold", person=code)
    end = received + timedelta(hours=72)
    extensions = 2 if story.chance(0.05) else 1 if story.chance(0.22) else 0
    for _ in range(extensions):
        asked = end - timedelta(hours=story.rng.randint(4, 20))
        story.add(asked, "custody.extend_hold", person=code, days=3)
        hours = story.rng.randint(13, 20) if story.chance(0.05) else story.rng.randint(2, 10)
        story.add(asked + timedelta(hours=hours), "custody.approve_hold_extension", person=code)
        end += timedelta(hours=72)
    charged = received.date() + story.days(1, 2)
    story.add(charged, "case.charge", **charge_with)
    if story.chance(0.03):  # released hours after the hold ran out
        story.add(end + timedelta(hours=story.rng.randint(2, 30)), "custody.release", person=code)
    elif story.chance(0.12):  # bail or residence ban instead of detention
        story.add(end - timedelta(hours=story.rng.randint(1, 12)), "custody.release", person=code)
    else:
        start = max(charged, (end - timedelta(hours=story.rng.randint(1, 20))).date())
        months = INVESTIGATION[story.category]
        story.add(start, "custody.detain", person=code, months=months, stage="investigation")
        held = (start - received.date()).days
        person.detained, person.detention_end = True, start + timedelta(30 * months - held - 1)
    return charged


def _approve(story: Story, code: str, charged: date) -> None:
    if story.chance(0.03):
        asked = charged + story.days(1, 3)
        story.add(asked, "case.request_evidence", person=code)
        story.add(asked + story.days(4, 12), "case.approve_charge", person=code)
        return
    approved = charged + (story.days(4, 8) if story.chance(0.05) else story.days(0, 3))
    story.add(approved, "case.approve_charge", person=code)


def _investigate(
    story: Story, opened: date, due: date, last_charge: date, offence: Offence, crime: str
) -> date | None:
    """The investigation's end: its conclusion, or None when it ends the case."""
    rng, category = story.rng, story.category
    if story.chance(0.25):  # the investigating body asks for more time
        months = rng.randint(1, EXTENSION[category])
        story.add(due - story.days(3, 10), "case.extend_investigation", months=months)
        end = due + story.days(5, 30 * months - 3)
    elif story.chance(0.05):  # concluded late, without an extension
        end = due + story.days(2, 20)
    else:
        end = opened + story.days(30, max(31, (due - opened).days - 3))
    end = max(end, last_charge + timedelta(days=10))
    if not story.active:  # every accused absconded: the whole case waits for them
        story.add(max(end, due), "case.suspend_investigation", ground="bi_can_bo_tron")
        return None
    _keep_detained(story, end)
    if story.chance(0.04):  # dismissed by the investigating body
        story.add(end, "case.dismiss_investigation", ground="Không đủ căn cứ chứng minh tội phạm")
        _release(story, end, "Đình chỉ điều tra")
        return None
    for person in story.persons:
        if person.absconded and person.suspended_on and story.chance(0.4):
            resumed = max(person.suspended_on + timedelta(days=1), end - story.days(5, 15))
            story.add(resumed, "case.resume_investigation", person=person.code)
            person.absconded = False
    story.add(end, "case.conclude_investigation", recommendation="truy_to")
    return end


def _keep_detained(story: Story, until: date) -> None:
    """Extend each detention that would end before `until`, or release the person."""
    for person in story.detained:
        end = person.detention_end
        assert end is not None
        if end >= until:
            continue
        months = DETENTION_EXTENSION[story.category]
        if end + timedelta(days=30 * months) >= until:
            asked = end - story.days(2, 7) if not story.chance(0.04) else end + story.days(1, 4)
            story.add(asked, "custody.extend_detention", person=person.code, months=months)
            person.detention_end = end + timedelta(days=30 * months)
        else:
            story.add(end, "custody.release", person=person.code, note="Hết thời hạn tạm giam")
            person.detained = False


def _release(story: Story, on: date, why: str) -> None:
    for person in story.detained:
        story.add(on, "custody.release", note=why, person=person.code)
        person.detained = False


def _prosecute(story: Story, concluded: date, offence: Offence) -> date | None:
    """The VKS's decision: the indictment (its date), or None when the case ends here."""
    category = story.category
    received = _in_time(story, concluded + story.days(1, 4), concluded)
    story.add(received, "case.receive_file")
    _detain(story, received, "prosecution", PROSECUTION_DETENTION[category])
    if story.chance(0.05):  # the VKS sends the file back for supplementary investigation
        returned = received + story.days(8, 16)
        story.add(returned, "case.return_for_investigation", by="VKS")
        _detain(story, returned, "investigation", 45)
        concluded = returned + story.days(20, 40)
        story.add(concluded, "case.conclude_investigation", recommendation="truy_to")
        received = _in_time(story, concluded + story.days(1, 3), concluded)
        story.add(received, "case.receive_file")
        _detain(story, received, "prosecution", PROSECUTION_DETENTION[category])
    limit = PROSECUTION[category]
    if offence.withdrawable and category == "INT" and story.chance(0.2):
        dismissed = received + story.days(3, limit - 2)
        story.add(dismissed, "case.dismiss", ground="Người bị hại rút yêu cầu khởi tố (Điều 155)")
        _release(story, dismissed, "Đình chỉ vụ án")
        return None
    if story.chance(0.08):
        extra = 10 if category in ("INT", "NT") else 15
        story.add(
            received + story.days(limit - 5, limit - 1), "case.extend_prosecution", days=extra
        )
        indicted = received + story.days(limit + 1, limit + extra - 1)
    elif story.chance(0.04):
        indicted = received + story.days(limit + 2, limit + 10)
    else:
        indicted = received + story.days(8, limit - 2)
    indicted = _in_time(story, indicted, received + timedelta(days=1), margin=5)
    story.add(indicted, "case.indict", persons=[p.code for p in story.active])
    sent = indicted + (story.days(5, 9) if story.chance(0.05) else story.days(0, 2))
    sent = _in_time(story, sent, indicted, margin=3)
    story.add(sent, "case.send_to_court")
    return sent


def _in_time(story: Story, planned: date, earliest: date, margin: int = 0) -> date:
    """While someone is detained the next order comes before the current one runs out: the
    planned day, moved back to leave `margin` days, but not before `earliest`."""
    ends = [p.detention_end for p in story.detained if p.detention_end is not None]
    if not ends:
        return planned
    return max(earliest, min(planned, min(ends) + timedelta(days=1 - margin)))


def _detain(story: Story, on: date, stage: str, days: int) -> None:
    """A new detention order for the next stage, for every person still detained."""
    for person in story.detained:
        story.add(on, "custody.detain", person=person.code, days=days, stage=stage)
        person.detention_end = on + timedelta(days=days - 1)


def _try(story: Story, sent: date, offence: Offence) -> None:
    rng, category = story.rng, story.category
    accepted = _in_time(story, sent + story.days(1, 6), sent)
    story.add(accepted, "case.court_accept")
    _detain(story, accepted, "trial", TRIAL_DETENTION[category])
    preparation = PREPARATION[category]
    if not story.detained and story.chance(0.1):
        story.add(
            accepted + story.days(preparation - 6, preparation - 2),
            "case.extend_trial_preparation",
            days=15,
        )
        brought = accepted + story.days(preparation + 1, preparation + 12)
    else:
        brought = accepted + story.days(10, preparation - 3)
    story.add(brought, "case.bring_to_trial")
    judged = brought + (story.days(16, 25) if story.chance(0.03) else story.days(3, 14))
    sentenced = story.active
    sentences = {p.code: rng.choice(offence.sentences) for p in sentenced}
    story.add(judged, "case.judge", outcome="Tuyên bố các bị cáo phạm tội", sentences=sentences)
    for person in story.detained:
        if any(word in sentences.get(person.code, "") for word in NON_CUSTODIAL):
            story.add(judged, "custody.release", person=person.code, note="Trả tự do tại phiên tòa")
            person.detained = False
        else:
            story.add(judged, "custody.detain", person=person.code, days=45, stage="judgment")
    appealed = story.chance(0.12)
    protested = story.chance(0.03)
    if appealed:
        story.add(judged + story.days(3, 14), "case.appeal", person=rng.choice(sentenced).code)
    if protested:
        story.add(judged + story.days(5, 14), "case.protest", level="same")
    if appealed or protested:
        accepted = judged + story.days(20, 35)
        story.add(accepted, "case.appeal_accept")
        _detain(story, accepted, "appeal", 60)
        judged = accepted + story.days(30, 50)
        story.add(
            judged,
            "case.appeal_judge",
            outcome="Không chấp nhận kháng cáo, giữ nguyên bản án sơ thẩm",
        )
        decided = judged + story.days(1, 6)
    else:
        decided = judged + story.days(31, 36)
    if story.chance(0.05):
        decided += story.days(8, 20)
    for person in sentenced:
        story.add(decided, "case.enforcement_decision", person=person.code)
    _release(story, decided, "Đưa đi chấp hành án phạt tù")
