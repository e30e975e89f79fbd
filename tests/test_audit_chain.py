"""The hash chain finds the first changed, deleted, inserted or reordered event, and a signed
checkpoint proves the history before it even when the chain table was rewritten too."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

import tamper
from qlahs.audit import chain as c
from qlahs.audit.checkpoint import AuditError, new_key, private_key, public_key
from qlahs.cli import app
from qlahs.engine import Engine
from qlahs.kernel.errors import QlahsError
from qlahs.oversight.ledger import make_checkpoint, verify
from qlahs.projections.queries import quarantined

REPORTS = 6  # one event each


@pytest.fixture
def recorded(store_url: str) -> Iterator[Engine]:
    """Six receipts in a store that holds nothing else (the unit is in units.yaml)."""
    with Engine.open(store_url, default_unit="VKSKV7") as engine:
        yield _receive_all(engine)


def _receive_all(engine: Engine) -> Engine:
    for number in range(1, REPORTS + 1):
        engine.execute(
            {
                "do": "report.receive",
                "ref": f"TB{number}",
                "on": "2025-03-03",
                "unit": "VKSKV7",
                "with": {"source": "tin_bao", "received_by": "CQDT", "reporter": f"Người {number}"},
            }
        )
    engine.catch_up()
    return engine


def test_an_untouched_store_verifies_with_every_event_linked(recorded: Engine) -> None:
    result = verify(recorded)
    assert result.intact
    assert (result.walk.checked, result.walk.head_position, result.walk.unlinked) == (6, 6, 0)


def test_a_changed_state_is_found_at_its_event(recorded: Engine) -> None:
    tamper.change_state(recorded, 3, tamper.row(recorded, 3).state.replace(b"TB3", b"TB9"))
    broken = verify(recorded).walk.broken
    assert broken is not None
    assert (broken.kind, broken.position, broken.index) == ("changed", 3, 3)
    assert "Sự kiện số 3" in broken.message and "đã bị sửa" in broken.message


def test_a_changed_version_is_found_at_its_event(recorded: Engine) -> None:
    tamper.run(recorded, "UPDATE {table} SET originator_version = 5 WHERE {id} = 4")
    broken = verify(recorded).walk.broken
    assert broken is not None and (broken.kind, broken.position) == ("changed", 4)


def test_a_deleted_event_is_found_where_it_was(recorded: Engine) -> None:
    tamper.delete(recorded, 2)
    result = verify(recorded)
    assert result.walk.broken is not None
    assert (result.walk.broken.kind, result.walk.broken.position) == ("deleted", 2)
    assert result.walk.checked == 1  # the first link is still intact
    assert "đã bị xóa" in result.walk.broken.message


def test_deleting_the_last_event_is_found_too(recorded: Engine) -> None:
    tamper.delete(recorded, REPORTS)
    broken = verify(recorded).walk.broken
    assert broken is not None and (broken.kind, broken.position) == ("deleted", REPORTS)


def test_an_event_inserted_before_the_others_is_found(recorded: Engine) -> None:
    tamper.insert(recorded, 0, like=3)
    broken = verify(recorded).walk.broken
    assert broken is not None
    assert (broken.kind, broken.position, broken.index) == ("inserted", 0, 1)
    assert "bị chèn" in broken.message


def test_two_events_swapped_in_the_log_are_found_as_reordered(recorded: Engine) -> None:
    tamper.swap(recorded, 3, 5)
    broken = verify(recorded).walk.broken
    assert broken is not None
    assert (broken.kind, broken.position) == ("moved", 3)
    assert "vốn ở vị trí 5" in broken.message


def test_a_rewritten_link_in_the_chain_table_is_found(recorded: Engine) -> None:
    with recorded.sql.begin() as connection:
        connection.execute(c.links.update().where(c.links.c.position == 4).values(link="ab" * 32))
    broken = verify(recorded).walk.broken
    assert broken is not None and (broken.kind, broken.position) == ("link", 4)


def test_events_recorded_after_a_verification_are_linked_at_the_next_one(
    recorded: Engine,
) -> None:
    recorded.execute({"do": "report.notify_procuracy", "ref": "TB1", "on": "2025-03-04"})
    result = verify(recorded)
    assert result.intact and result.walk.checked == REPORTS + 1


def test_replaying_the_read_models_neither_drops_nor_repeats_links(recorded: Engine) -> None:
    before = verify(recorded).walk
    recorded.replay()
    after = verify(recorded).walk
    assert (after.checked, after.head_link) == (before.checked, before.head_link)


# -- checkpoints ---------------------------------------------------------------------------


def _keys() -> tuple[object, object]:
    secret, public = new_key()
    return private_key(secret), public_key(public)


def test_a_checkpoint_holds_while_nothing_before_it_changed(recorded: Engine) -> None:
    secret, public = _keys()
    point = make_checkpoint(recorded, "VKSKV7", secret)  # type: ignore[arg-type]
    assert (point.count, point.position) == (REPORTS, REPORTS)
    recorded.execute({"do": "report.notify_procuracy", "ref": "TB1", "on": "2025-03-04"})
    result = verify(recorded, checkpoint=point, key=public)  # type: ignore[arg-type]
    assert result.intact and result.checkpoint_problem is None


def test_a_checkpoint_exposes_history_rewritten_together_with_its_chain(
    recorded: Engine,
) -> None:
    secret, public = _keys()
    point = make_checkpoint(recorded, "VKSKV7", secret)  # type: ignore[arg-type]
    # Someone who can write the database changes an event and rebuilds the chain to match.
    tamper.change_state(recorded, 2, tamper.row(recorded, 2).state.replace(b"TB2", b"TB8"))
    with recorded.sql.begin() as connection:
        connection.execute(c.links.delete())
        c.append(connection, c.Head(0, c.GENESIS), tamper.table(recorded).rows(connection))
    result = verify(recorded, checkpoint=point, key=public)  # type: ignore[arg-type]
    assert result.walk.intact  # the chain alone was made consistent again…
    assert not result.intact  # …but the checkpoint the level above keeps says otherwise
    assert result.checkpoint_problem is not None and "đã bị thay đổi" in result.checkpoint_problem


def test_an_edited_checkpoint_fails_its_signature(recorded: Engine) -> None:
    secret, public = _keys()
    point = make_checkpoint(recorded, "VKSKV7", secret)  # type: ignore[arg-type]
    forged = dataclasses.replace(point, count=point.count - 1)
    with pytest.raises(AuditError, match="Chữ ký"):
        verify(recorded, checkpoint=forged, key=public)  # type: ignore[arg-type]


def test_a_checkpoint_checked_with_another_units_key_is_refused(recorded: Engine) -> None:
    secret, _ = _keys()
    _, other = _keys()
    point = make_checkpoint(recorded, "VKSKV7", secret)  # type: ignore[arg-type]
    with pytest.raises(AuditError, match="không phải khóa công khai đã cho"):
        verify(recorded, checkpoint=point, key=other)  # type: ignore[arg-type]


def test_no_checkpoint_is_signed_over_a_broken_chain(recorded: Engine) -> None:
    secret, _ = _keys()
    tamper.delete(recorded, 2)
    with pytest.raises(AuditError, match="chuỗi đã hỏng"):
        make_checkpoint(recorded, "VKSKV7", secret)  # type: ignore[arg-type]


# -- the command line ----------------------------------------------------------------------


def test_the_cli_verifies_signs_and_checks_a_checkpoint_and_fails_on_tampering(
    recorded: Engine, store_url: str, tmp_path: Path
) -> None:
    runner = CliRunner()
    keys = tmp_path / "keys"
    assert (
        runner.invoke(app, ["audit", "keygen", "--unit", "VKSKV7", "--out", str(keys)]).exit_code
        == 0
    )
    point = tmp_path / "cp.json"
    signed = runner.invoke(
        app,
        [
            "audit",
            "checkpoint",
            "--unit",
            "VKSKV7",
            "--key",
            str(keys / "VKSKV7.key"),
            "--out",
            str(point),
            "--db",
            store_url,
        ],
    )
    assert signed.exit_code == 0, signed.output
    assert json.loads(point.read_text())["count"] == REPORTS
    check = [
        "audit",
        "verify",
        "--db",
        store_url,
        "--checkpoint",
        str(point),
        "--public-key",
        str(keys / "VKSKV7.pub"),
    ]
    intact = runner.invoke(app, check)
    assert intact.exit_code == 0, intact.output
    assert "nguyên vẹn" in intact.output
    tamper.delete(recorded, 4)
    broken = runner.invoke(app, [*check, "--json"])
    assert broken.exit_code == 1
    report = json.loads(broken.stdout)
    assert report["broken"]["kind"] == "deleted" and report["broken"]["position"] == 4
    assert report["checkpoint_problem"]


def test_the_chain_table_survives_a_change_of_read_model_schema(recorded: Engine) -> None:
    head = verify(recorded).walk.head_link
    with recorded.sql.begin() as connection:
        connection.execute(
            sa.text("UPDATE qlahs_tracking SET position = 0 WHERE name = 'schema-version'")
        )
    recorded.projector.create_tables()  # drops and rebuilds the read models
    assert verify(recorded).walk.head_link == head


def test_an_emptied_chain_is_a_finding_not_an_intact_store(recorded: Engine) -> None:
    with recorded.sql.begin() as connection:
        connection.execute(c.links.delete())
    result = verify(recorded)
    assert not result.intact
    broken = result.walk.broken
    assert broken is not None and (broken.kind, broken.position) == ("missing", 1)
    assert broken.message.startswith(f"{REPORTS} sự kiện (số 1 đến số {REPORTS}) đã được xử lý")


def test_links_cut_off_the_end_are_missing_and_new_events_stay_unlinked(
    recorded: Engine,
) -> None:
    with recorded.sql.begin() as connection:
        connection.execute(c.links.delete().where(c.links.c.position > 4))
    recorded.execute(
        {
            "do": "report.receive",
            "ref": "TB9",
            "on": "2025-03-04",
            "unit": "VKSKV7",
            "with": {"source": "tin_bao", "received_by": "CQDT"},
        }
    )
    broken = verify(recorded).walk.broken
    assert broken is not None and (broken.kind, broken.position) == ("missing", 5)
    with recorded.sql.connect() as connection:
        assert c.head(connection).position == 4  # nothing linked over the gap


def test_a_replay_refuses_to_link_a_log_whose_links_were_deleted(recorded: Engine) -> None:
    with recorded.sql.begin() as connection:
        connection.execute(c.links.delete())
    with pytest.raises(QlahsError, match="Không dựng lại: chuỗi băm chỉ đến sự kiện số 0"):
        recorded.replay()
    with recorded.sql.connect() as connection:
        assert c.head(connection).position == 0
    assert verify(recorded).walk.broken is not None


def test_a_forged_unreadable_row_and_a_changed_column_type_are_findings_not_poison(
    tmp_path: Path,
) -> None:
    """SQLite keeps whatever is written into a column: a row no library can read, or a version
    that is not a number, is reported, never a traceback, and no reader stops on it."""
    with Engine.open(f"sqlite:///{tmp_path}/f.db", default_unit="VKSKV7") as engine:
        for number in (1, 2):
            engine.execute(
                {
                    "do": "report.receive",
                    "ref": f"TB{number}",
                    "on": "2025-03-03",
                    "with": {"source": "tin_bao", "received_by": "CQDT"},
                }
            )
        engine.catch_up()
        tamper.run(
            engine,
            "INSERT INTO {table} (originator_id, originator_version, topic, state) "
            "VALUES ('không-phải-uuid', 1, 'x:y', X'00')",
        )
        engine.execute(
            {
                "do": "report.receive",
                "ref": "TB3",
                "on": "2025-03-04",
                "with": {"source": "tin_bao", "received_by": "CQDT"},
            }
        )
        # the readers skip the forged row, set it aside, and go on with the rows after it
        assert {d.ref for d in engine.deadlines(date(2025, 3, 5))} == {"TB1", "TB2", "TB3"}
        with engine.sql.connect() as connection:
            (entry,) = quarantined(connection)
        assert entry["reason"].startswith("Hàng số 3 của nhật ký không đọc được")
        result = verify(engine)
        assert not result.intact
        assert result.walk.broken is not None and result.walk.broken.position == 3
        tamper.run(engine, "UPDATE {table} SET originator_version = 'abc' WHERE {id} = 2")
        broken = verify(engine).walk.broken
        assert broken is not None and (broken.kind, broken.position) == ("changed", 2)
        engine.deadlines(date(2025, 3, 5))  # still answers
