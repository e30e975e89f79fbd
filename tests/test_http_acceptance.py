"""The service's acceptance, as a client sees it: a command posted over HTTP appears in the
next list read by the same user; another unit's user is refused (and the refusal recorded);
a repeated command id returns the first result."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from http_world import World, http_world, receive
from qlahs.access import tables as t


@pytest.fixture
def world(store_url: str) -> Iterator[World]:
    with http_world(store_url) as found:
        yield found


def test_a_posted_command_is_in_the_next_list_of_the_same_user(world: World) -> None:
    answer = world.post("/commands", receive("TB-H1"))
    assert answer.status_code == 200, answer.text
    assert answer.json()["ref"] == "TB-H1" and answer.json()["stage"] == "received"
    listed = world.get("/deadlines", as_of="05/03/2025")
    assert listed.status_code == 200
    assert "TB-H1" in {row["ref"] for row in listed.json()["items"]}
    assert all(row["unit"] == "VKSKV1" for row in listed.json()["items"])


def test_another_units_user_is_refused_and_the_refusal_recorded(world: World) -> None:
    assert world.post("/commands", receive("TB-H2")).status_code == 200
    refused = world.get("/deadlines", who="stranger", unit="VKSKV1")
    assert refused.status_code == 403
    assert refused.headers["content-type"].startswith("application/problem+json")
    body = refused.json()
    assert body["field"] == "unit" and "VKSKV1" in body["detail"]
    assert "không được" in body["detail"]
    history = world.get("/subjects/report/TB-H2/history", who="stranger")
    assert history.status_code == 403
    with world.engine.sql.connect() as connection:
        world.engine.projector.catch_up()
        users = connection.execute(sa.select(t.refusals.c.user)).scalars().all()
    assert users.count("kiem_sat_vien.vksqn") >= 2


def test_a_repeated_command_id_returns_the_first_result(world: World) -> None:
    first = world.post("/commands", receive("TB-H3"), **{"Idempotency-Key": "lenh-1"})
    again = world.post("/commands", receive("TB-H3"), **{"Idempotency-Key": "lenh-1"})
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    typed = receive("TB-H4")
    body = {"ref": "TB-H4", "on": "03/03/2025", "command_id": "lenh-2"} | typed["with"]
    once = world.post("/commands/report.receive", body)
    twice = world.post("/commands/report.receive", body)
    assert once.status_code == twice.status_code == 200 and once.json() == twice.json()
    history = world.get("/subjects/report/TB-H4/history")
    assert history.json()["total"] == 1
    reused = world.post("/commands", receive("TB-H5"), **{"Idempotency-Key": "lenh-1"})
    assert reused.status_code == 409
    assert reused.json()["field"] == "command_id"
