"""Erasing a record's personal data by destroying its own key (docs/security.md §5): nothing
of the names is left in any table, decoded event or read model, while deadlines, books, the
history and the hash chain keep working; only an administrator erases, and only once."""

from __future__ import annotations

import base64
import json
import os
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
import sqlalchemy as sa
from eventsourcing.persistence import Mapper

from access_world import REGION, enrol_everyone, login
from qlahs.access.actor import AccessDenied
from qlahs.access.refusals import AccessRefused
from qlahs.engine import Engine
from qlahs.kernel.errors import CommandRejected
from qlahs.kernel.subject import subject_id
from qlahs.oversight.erasure import erase
from qlahs.oversight.ledger import verify
from qlahs.oversight.trail import history
from qlahs.privacy.keys import Erasure
from qlahs.privacy.sealing import SealingMapper, personal_paths
from qlahs.projections.case_queries import search_cases
from qlahs.store import CIPHER_ENV
from stored_v01 import insert_v01_events

# Names only the erased records hold. Each last word has a diacritic, so that no base64 of
# a sealed box can contain it by chance.
REPORTER, CORRECTED, SUSPECT, WITNESS = (
    "Nguyễn Văn Bình",
    "Nguyễn Văn Bính",
    "Trần Thị Huệ",
    "Vũ Thị Lụa",
)
MINOR = "Lê Minh Tuấn"  # born 2009: the limits of a minor apply to his case
ERASED_NAMES = (REPORTER, CORRECTED, SUSPECT, WITNESS, MINOR)
SPLIT_OFF = "Đỗ Quang Khải"  # charged in VA1, then split off into VA2, which is not erased
OTHER = "Phan Văn Đức"  # the reporter of TB2, another record
REASON = "Quyết định số 12/QĐ-VKSKV1 ngày 20/11/2026"
DATES = [date(2026, 3, 5), date(2026, 4, 15), date(2026, 6, 1)]


def _forms(name: str) -> list[bytes]:
    """A name as stored JSON, a database file or a dump could hold it."""
    escaped = name.encode("ascii", "backslashreplace").replace(b"\\x", b"\\u00")
    return [name.encode(), escaped, name.split()[-1].encode(), name.encode("unicode_escape")]


def _step(do: str, ref: str, on: str, note: str | None = None, **fields: Any) -> dict[str, Any]:
    step: dict[str, Any] = {"do": do, "ref": ref, "on": on, "unit": REGION, "with": fields}
    if note is not None:
        step["note"] = note
    return step


def record_world(engine: Engine) -> None:
    """A report with its reporter, suspect, a witness in a note and a correction; the case
    opened from it with a minor in detention and a person split off into another case; and
    another report of someone else."""
    for step in (
        _step(
            "report.receive",
            "TB1",
            "2026-03-02",
            source="to_giac",
            received_by="CQDT",
            reporter=REPORTER,
            suspects=[SUSPECT],
            summary=f"{SUSPECT} lấy xe máy của {REPORTER}",
        ),
        _step("report.notify_procuracy", "TB1", "2026-03-03", note=f"Người làm chứng {WITNESS}"),
        _step("report.correct", "TB1", "2026-03-04", reporter=CORRECTED, reason="Ghi sai dấu"),
        _step(
            "case.open",
            "VA1",
            "2026-03-10",
            crime="BLHS 173 k1",
            summary="Trộm cắp xe máy",  # copied into VA2 when BC2 is split off
            from_report="TB1",
        ),
        _step(
            "case.charge",
            "VA1",
            "2026-03-11",
            person="BC1",
            name=MINOR,
            crime="BLHS 173 k1",
            birth_date="2009-05-01",
        ),
        _step("custody.detain", "VA1", "2026-03-12", person="BC1", months=2),
        _step(
            "case.charge",
            "VA1",
            "2026-03-13",
            person="BC2",
            name=SPLIT_OFF,
            crime="BLHS 173 k1",
            birth_date="1990-01-01",
        ),
        _step("case.split", "VA1", "2026-03-20", persons=["BC2"], into="VA2"),
        _step(
            "report.receive",
            "TB2",
            "2026-03-05",
            source="to_giac",
            received_by="CQDT",
            reporter=OTHER,
            summary=f"{OTHER} báo mất trộm",
        ),
    ):
        engine.execute(step)


def laws_view(engine: Engine) -> Any:
    """Everything the law says of the records: deadlines and violations as of several days,
    and the deadline rows of the read model."""
    # (The explanations name the accused persons: only their number of lines must stay.)
    seen = [
        [
            (d.ref, d.rule, d.start, d.due, d.status, d.closed_on, len(d.explanation))
            for d in engine.deadlines(day)
        ]
        for day in DATES
    ] + [sorted(v.message for v in engine.violations(day)) for day in DATES]
    with engine.sql.connect() as connection:
        rows = connection.execute(
            sa.text(
                "SELECT ref, rule, start, due, status, valid_from, valid_to "
                "FROM qlahs_deadline_versions ORDER BY ref, rule, valid_from"
            )
        ).all()
    return seen, [tuple(row) for row in rows]


def dump(engine: Engine) -> bytes:
    """Every row of every table of the store, as bytes."""
    parts: list[bytes] = []
    with engine.sql.connect() as connection:
        for table in sa.inspect(connection).get_table_names():
            for row in connection.execute(sa.text(f'SELECT * FROM "{table}"')):
                for value in row:
                    parts.append(
                        bytes(value)
                        if isinstance(value, bytes | memoryview)
                        else str(value).encode()
                    )
    return b"\n".join(parts)


def traces(data: bytes, names: tuple[str, ...] = ERASED_NAMES) -> list[bytes]:
    return [form for name in names for form in _forms(name) if form in data]


def text_of(engine: Engine, kind: str, ref: str) -> str:
    """Every decoded event and history entry of a record, and the record itself."""
    events = [vars(e) for e in engine.history(kind, ref)]
    entries = [e.to_json() for e in history(engine, ref, kind=kind)]
    subject = engine.subject(kind, ref)
    return json.dumps([events, entries, vars(subject)], default=str, ensure_ascii=False)


@pytest.fixture
def world(store_url: str) -> Iterator[Engine]:
    with Engine.open(store_url) as engine:
        enrol_everyone(engine)
        record_world(engine)
        yield engine


def test_after_erasure_no_table_event_or_read_model_holds_the_names(world: Engine) -> None:
    before = laws_view(world)
    assert traces(dump(world))  # the read models hold them until the erasure
    admin = world.as_user(login("quan_tri", REGION))
    done = erase(admin, "TB1", reason=REASON)
    assert done.related == ("VA1",)
    done = erase(admin, "VA1", kind="case", reason=REASON)
    assert set(done.related) == {"TB1", "VA2"}

    assert traces(dump(world)) == []
    for kind, ref in (("report", "TB1"), ("case", "VA1")):
        text = text_of(world, kind, ref)
        assert not traces(text.encode())
        assert f"[đã xóa ngày {done.erasure.day}: {REASON}]" in text
    report = world.subject("report", "TB1")
    assert report.reporter == report.suspects[0] == done.erasure.placeholder  # type: ignore[attr-defined]
    case = world.subject("case", "VA1")
    assert case.summary == done.erasure.placeholder  # type: ignore[attr-defined]
    minor = case.persons["BC1"]  # type: ignore[attr-defined]
    assert (minor.name, minor.birth_date) == (done.erasure.placeholder, date(2009, 5, 1))
    # the law sees the same: the minor's limits, every deadline, every violation
    assert laws_view(world) == before
    assert verify(world).intact
    # books and searches are rebuilt without them…
    with world.sql.connect() as connection:
        assert search_cases(connection, "Tuấn") == []
        assert [c["ref"] for c in search_cases(connection, "Khải")] == ["VA2"]
    # …and the other records are untouched
    assert world.subject("report", "TB2").reporter == OTHER  # type: ignore[attr-defined]
    assert world.subject("case", "VA2").persons["BC2"].name == SPLIT_OFF  # type: ignore[attr-defined]
    kept = dump(world)
    assert OTHER.encode() in kept and SPLIT_OFF.encode() in kept
    # a replay from nothing gives the same
    world.replay()
    assert traces(dump(world)) == []
    assert laws_view(world) == before


def test_the_erasure_is_an_event_of_the_record_with_who_and_why(world: Engine) -> None:
    erase(world.as_user(login("quan_tri", REGION)), "TB1", reason=REASON)
    last = history(world, "TB1")[-1]
    assert (last.event, last.actor, last.unit) == (
        "Xóa dữ liệu cá nhân của hồ sơ (hủy khóa niêm phong)",
        login("quan_tri", REGION),
        REGION,
    )
    assert last.changes == {"reason": REASON}
    with world.sql.connect() as connection:
        row = connection.execute(sa.text("SELECT * FROM qlahs_subject_keys WHERE ref = 'TB1'"))
        kept = row.mappings().one()
    assert kept["key"] is None and kept["erased_by"] == login("quan_tri", REGION)
    assert (kept["kind"], kept["reason"]) == ("report", REASON)


def test_only_an_administrator_erases_and_a_refusal_is_recorded(world: Engine) -> None:
    for role in ("kiem_sat_vien", "lanh_dao", "van_thu", "thong_ke"):
        with pytest.raises(AccessDenied, match="xóa dữ liệu cá nhân"):
            erase(world.as_user(login(role, REGION)), "TB1", reason=REASON)
    refused = [
        event
        for notification in world.log.recorder.select_notifications(start=1, limit=10_000)
        if isinstance(
            event := world.log.mapper.to_domain_event(notification), AccessRefused.Refused
        )
    ]
    assert [e.permission for e in refused] == ["erase.personal"] * 4
    assert refused[0].ref == "TB1" and refused[0].user == login("kiem_sat_vien", REGION)
    # nothing was erased
    assert world.subject("report", "TB1").reporter == CORRECTED  # type: ignore[attr-defined]
    assert world.log.keys is not None
    assert not isinstance(world.log.keys.state(subject_id("report", "TB1")), Erasure)


def test_erasing_twice_is_refused_with_a_clear_message(world: Engine) -> None:
    admin = world.as_user(login("quan_tri", REGION))
    erase(admin, "TB1", reason=REASON)
    with pytest.raises(CommandRejected, match=r"đã bị xóa ngày .*không thể xóa lần thứ hai"):
        erase(admin, "TB1", reason="Lần nữa")
    with pytest.raises(CommandRejected, match="Trường 'reason'"):
        erase(admin, "TB2", reason="  ")


def test_an_erased_record_goes_on_but_takes_no_new_personal_data(world: Engine) -> None:
    erase(world, "TB1", reason=REASON)
    world.execute(_step("report.assign_prosecutor", "TB1", "2026-03-21", prosecutor="KSV An"))
    with pytest.raises(CommandRejected, match=r"không ghi thêm dữ liệu cá nhân.*'note'"):
        world.execute(
            _step("report.assign_prosecutor", "TB1", "2026-03-22", note="x", prosecutor="KSV B")
        )
    assert world.subject("report", "TB1").prosecutor == "KSV An"  # type: ignore[attr-defined]
    assert verify(world).intact


def test_another_process_sees_the_erasure_at_once(store_url: str) -> None:
    with Engine.open(store_url) as first, Engine.open(store_url) as second:
        record_world(first)
        assert first.subject("report", "TB1").reporter == CORRECTED  # type: ignore[attr-defined]
        assert first.history("report", "TB1")  # its keys and decoded events are cached now
        erase(second, "TB1", reason=REASON)
        assert not traces(text_of(first, "report", "TB1").encode())
        with pytest.raises(CommandRejected, match="không ghi thêm dữ liệu cá nhân"):
            first.execute(
                _step("report.assign_prosecutor", "TB1", "2026-03-21", note="x", prosecutor="B")
            )


def test_events_stored_before_sealing_are_not_erased_silently(store_url: str) -> None:
    with Engine.open(store_url) as engine:
        insert_v01_events(engine)
        with pytest.raises(CommandRejected, match=r"ghi trước khi có khóa riêng.*chưa xóa gì"):
            erase(engine, "TB-CU", reason=REASON)
        assert engine.subject("report", "TB-CU").suspects == ["Lê Văn Bình"]  # type: ignore[attr-defined]


def test_with_a_store_key_the_subject_keys_are_wrapped(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CIPHER_ENV, base64.b64encode(os.urandom(32)).decode())
    with Engine.open(store_url) as engine:
        record_world(engine)
        with engine.sql.connect() as connection:
            keys = connection.execute(sa.text("SELECT key FROM qlahs_subject_keys")).scalars()
            assert all(bytes(key)[:1] == b"\x01" and len(key) == 1 + 12 + 32 + 16 for key in keys)
        erase(engine, "TB1", reason=REASON)
    with Engine.open(store_url) as engine:  # a new process reads the wrapped keys
        assert engine.subject("report", "TB2").reporter == OTHER  # type: ignore[attr-defined]
        assert engine.subject("report", "TB1").summary.startswith("[đã xóa")  # type: ignore[attr-defined]
        assert verify(engine).intact


def test_on_sqlite_the_old_key_is_not_left_in_the_database_files(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/qlahs.db"
    with Engine.open(url) as engine:
        record_world(engine)
        with engine.sql.connect() as connection:
            key = connection.execute(
                sa.text("SELECT key FROM qlahs_subject_keys WHERE subject_id = :id"),
                {"id": subject_id("report", "TB1").hex},
            ).scalar_one()
        engine.catch_up()
        files = b"".join(path.read_bytes() for path in tmp_path.glob("qlahs.db*"))
        assert bytes(key)[1:] in files and traces(files)  # the read models have the names
        erase(engine, "TB1", reason=REASON)
        erase(engine, "VA1", kind="case", reason=REASON)
    files = b"".join(path.read_bytes() for path in tmp_path.glob("qlahs.db*"))
    assert bytes(key)[1:] not in files
    assert traces(files) == []


def test_sealing_costs_little_per_event(tmp_path: Path) -> None:
    """Sealing and opening a receipt with its key cached, against eventsourcing's own mapper
    with the same transcoder (the quick measure of docs/security.md §5)."""
    with Engine.open(f"sqlite:///{tmp_path}/qlahs.db") as engine:
        engine.execute(
            _step(
                "report.receive",
                "TB1",
                "2026-03-02",
                note="Ghi chú",
                source="to_giac",
                received_by="CQDT",
                reporter=REPORTER,
                suspects=[SUSPECT],
                summary=f"{SUSPECT} lấy xe",
            )
        )
        event = next(iter(engine.log.events.get(subject_id("report", "TB1"))))
        sealing = engine.log.mapper
        assert isinstance(sealing, SealingMapper)
        plain = Mapper[UUID](sealing.transcoder)
        assert personal_paths(type(event)) == ("note", "summary", "reporter", "suspects")
        stored = sealing.to_stored_event(event)
        assert REPORTER.encode() not in stored.state and b"_sealed" in stored.state
        assert vars(sealing.to_domain_event(stored)) == vars(event)

        def per_event(mapper: Mapper[UUID]) -> float:
            started = time.perf_counter()
            for _ in range(1000):
                mapper.to_domain_event(mapper.to_stored_event(event))
            return (time.perf_counter() - started) / 1000

        extra = min(per_event(sealing) for _ in range(3)) - min(per_event(plain) for _ in range(3))
    assert extra < 200e-6  # about 12 µs on 2 vCPUs (7 sealing, 5 opening)


def test_a_case_is_opened_from_an_erased_report(world: Engine) -> None:
    world.execute(
        _step(
            "report.receive",
            "TB3",
            "2026-03-02",
            source="to_giac",
            received_by="CQDT",
            reporter=REPORTER,
        )
    )
    erase(world, "TB3", reason=REASON)
    world.execute(_step("case.open", "VA3", "2026-03-09", crime="BLHS 173 k1", from_report="TB3"))
    assert world.subject("report", "TB3").case == "VA3"  # type: ignore[attr-defined]


def test_qlahs_audit_erase_on_the_command_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from qlahs.cli import app

    db = f"sqlite:///{tmp_path}/qlahs.db"
    with Engine.open(db) as engine:
        enrol_everyone(engine)
        record_world(engine)

    def run(user: str, *args: str) -> Any:
        return CliRunner().invoke(app, ["--as-user", user, "audit", "erase", *args, "--db", db])

    refused = run(login("kiem_sat_vien", REGION), "TB1", "--reason", REASON)
    assert refused.exit_code == 1 and "không có quyền" in refused.output
    done = run(login("quan_tri", REGION), "TB1", "--reason", REASON)
    assert done.exit_code == 0, done.output
    assert "Đã xóa dữ liệu cá nhân của nguồn tin TB1" in done.output
    assert "VA1" in done.output  # the related case, to be erased on its own if need be
    again = run(login("quan_tri", REGION), "TB1", "--reason", REASON)
    assert again.exit_code == 1 and "không thể xóa lần thứ hai" in again.output


def test_a_key_row_deleted_or_blanked_behind_qlahs_is_a_finding_of_audit_verify(
    world: Engine,
) -> None:
    from qlahs.oversight.ledger import verify
    from qlahs.privacy.keys import subject_keys

    erase(world, "TB1", reason=REASON)
    assert verify(world).key_problems == ()  # a recorded erasure is not a finding
    tb2 = subject_id("report", "TB2").hex
    with world.log.keys.engine.begin() as connection:  # type: ignore[union-attr]
        connection.execute(subject_keys.delete().where(subject_keys.c.subject_id == tb2))
    (deleted,) = verify(world).key_problems
    assert "khóa riêng của nó không còn trong bảng khóa" in deleted
    assert not verify(world).intact
    with world.log.keys.engine.begin() as connection:  # type: ignore[union-attr]
        other = connection.execute(
            sa.select(subject_keys.c.subject_id).where(subject_keys.c.key.is_not(None)).limit(1)
        ).scalar_one()
        blank = subject_keys.update().where(subject_keys.c.subject_id == other).values(key=None)
        connection.execute(blank)
    blanked = verify(world).key_problems[-1]
    assert blanked.startswith(f"Khóa riêng của hồ sơ {UUID(hex=other)} đã bị hủy mà không có")
