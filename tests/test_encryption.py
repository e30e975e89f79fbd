"""Event payloads are encrypted at rest with AES-GCM when QLAHS_CIPHER_KEY is set: the raw
event table holds no personal name, and a wrong or missing key is a clear Vietnamese error."""

from __future__ import annotations

import base64
import os

import pytest
import sqlalchemy as sa

import tamper
from qlahs.engine import Engine
from qlahs.kernel.errors import QlahsError
from qlahs.oversight.ledger import verify
from qlahs.store import CIPHER_ENV

NAMES = ("Nguyễn Văn Bình", "Trần Thị Hoa")


def _key() -> str:
    return base64.b64encode(os.urandom(32)).decode()


def _record(engine: Engine) -> None:
    engine.execute(
        {
            "do": "report.receive",
            "ref": "TB1",
            "on": "2025-03-03",
            "with": {"source": "to_giac", "received_by": "CQDT", "reporter": NAMES[0]},
        }
    )
    engine.execute(
        {
            "do": "case.open",
            "ref": "VA1",
            "on": "2025-03-10",
            "with": {"crime": "BLHS 173 k1", "summary": "Trộm cắp xe máy"},
        }
    )
    engine.execute(
        {
            "do": "case.charge",
            "ref": "VA1",
            "on": "2025-03-13",
            "with": {"person": "BC1", "name": NAMES[1], "crime": "BLHS 173 k1"},
        }
    )


def _raw_bytes(engine: Engine) -> bytes:
    """Everything the event table holds, as the database files do."""
    events = tamper.table(engine)
    with engine.sql.connect() as connection:
        rows = connection.execute(
            sa.text(f"SELECT originator_id, topic, state FROM {events.name}")
        ).all()
    return b"\n".join(
        str(originator).encode() + topic.encode() + bytes(state)
        for originator, topic, state in rows
    )


def _forms(name: str) -> list[bytes]:
    """A name as it could appear in stored JSON: UTF-8, \\u-escaped, or part of it."""
    escaped = name.encode("ascii", "backslashreplace").replace(b"\\x", b"\\u00")
    return [name.encode(), escaped, name.split()[-1].encode(), name.encode("unicode_escape")]


def test_without_a_key_the_raw_table_shows_the_acts_so_the_check_below_can_see_them(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CIPHER_ENV, raising=False)
    with Engine.open(store_url, default_unit="VKSKV7") as engine:
        _record(engine)
        raw = _raw_bytes(engine)
    assert b"BLHS" in raw and b"173" in raw
    # Names never are: each subject's own key seals them (test_erasure.py).
    assert not [form for name in NAMES for form in _forms(name) if form in raw]


def test_with_a_key_no_personal_name_is_in_the_raw_event_table(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CIPHER_ENV, _key())
    with Engine.open(store_url, default_unit="VKSKV7") as engine:
        _record(engine)
        raw = _raw_bytes(engine)
        assert not [form for name in NAMES for form in _forms(name) if form in raw]
        assert b"BLHS" not in raw and b"173" not in raw  # nor any other field of the acts
        # …while the engine reads them back as usual, and the read models have them
        assert engine.subject("report", "TB1").reporter == NAMES[0]  # type: ignore[attr-defined]
        assert engine.search("TB1")


def test_the_hash_chain_of_an_encrypted_store_verifies(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CIPHER_ENV, _key())
    with Engine.open(store_url, default_unit="VKSKV7") as engine:
        _record(engine)
        assert verify(engine).intact
        tamper.change_state(engine, 1, tamper.row(engine, 1).state[:-1] + b"\x00")
        broken = verify(engine).walk.broken
        assert broken is not None and broken.position == 1


def test_a_wrong_key_is_a_clear_error_naming_the_variable(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CIPHER_ENV, _key())
    with Engine.open(store_url, default_unit="VKSKV7") as engine:
        _record(engine)
    monkeypatch.setenv(CIPHER_ENV, _key())
    with pytest.raises(QlahsError, match=f"khóa {CIPHER_ENV} không đúng"):
        Engine.open(store_url)


def test_an_encrypted_store_opened_without_the_key_says_the_key_is_needed(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CIPHER_ENV, _key())
    with Engine.open(store_url, default_unit="VKSKV7") as engine:
        _record(engine)
    monkeypatch.delenv(CIPHER_ENV)
    with pytest.raises(QlahsError, match=f"cần đặt biến môi trường {CIPHER_ENV}"):
        Engine.open(store_url)


def test_a_key_that_is_not_aes_is_refused_before_anything_is_written(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CIPHER_ENV, "mat-khau-cua-toi")
    with pytest.raises(QlahsError, match="16, 24 hoặc 32 byte"):
        Engine.open(store_url)
