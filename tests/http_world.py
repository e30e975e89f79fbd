"""A store with the province's and a regional unit's users (tests/access_world.py), a bearer
token for some of them, and the HTTP service on it through FastAPI's test client."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from access_world import PROVINCE, REGION, enrol_everyone, login
from qlahs.engine import Engine
from qlahs.http.app import create_app
from qlahs.oversight import tokens

with warnings.catch_warnings():
    # starlette's test client warns about the httpx it is built on; the warning is its own
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PEOPLE = {
    "clerk": ("kiem_sat_vien", REGION),
    "leader": ("lanh_dao", PROVINCE),
    "stranger": ("kiem_sat_vien", PROVINCE),
    "admin": ("quan_tri", PROVINCE),
}


@dataclass(repr=False)
class World:
    client: TestClient
    engine: Engine
    tokens: dict[str, str]

    def auth(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}

    def get(self, path: str, who: str = "clerk", **params: Any) -> Any:
        return self.client.get(path, params=params, headers=self.auth(who))

    def post(self, path: str, body: Any, who: str = "clerk", **headers: str) -> Any:
        return self.client.post(path, json=body, headers=self.auth(who) | headers)


@contextmanager
def http_world(url: str, *, trust_header: str | None = None) -> Iterator[World]:
    with Engine.open(url) as engine:
        enrol_everyone(engine)
        issued = {who: tokens.issue(engine, login(*role))[1] for who, role in PEOPLE.items()}
        app = create_app(url, trust_header=trust_header, engine=engine)
        with TestClient(app, raise_server_exceptions=False) as client:
            yield World(client, engine, issued)


def receive(ref: str, on: str = "03/03/2025") -> dict[str, Any]:
    return {
        "do": "report.receive",
        "ref": ref,
        "on": on,
        "with": {"source": "tin_bao", "received_by": "CQDT", "reporter": "Lê Văn Tố"},
    }
