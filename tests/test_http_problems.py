"""What goes wrong over HTTP is said as the CLI says it: RFC 9457 problem details with the
Vietnamese sentence, the field and the article; a missing, bad or revoked token is refused
and recorded; the trusted header works only when switched on; no stack trace ever leaves."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from http_world import World, http_world, receive
from qlahs.cli import app
from qlahs.http.problems import INTERNAL, MEDIA_TYPE, problem
from qlahs.oversight import tokens

PROBLEM_KEYS = {"type", "title", "status", "detail"}


@pytest.fixture
def world(tmp_path: object) -> Iterator[World]:
    with http_world(f"sqlite:///{tmp_path}/q.db") as found:
        yield found


def _is_problem(answer: object, status: int) -> dict[str, object]:
    assert answer.status_code == status, answer.text  # type: ignore[attr-defined]
    assert answer.headers["content-type"].startswith(MEDIA_TYPE)  # type: ignore[attr-defined]
    body = answer.json()  # type: ignore[attr-defined]
    assert set(body) >= PROBLEM_KEYS and body["status"] == status
    assert "Traceback" not in body["detail"] and "Error" not in body["detail"]
    return dict(body)


def test_a_bad_field_is_named_in_vietnamese(world: World) -> None:
    bad_day = _is_problem(world.post("/commands", receive("TB-P1", on="31/02/2025")), 422)
    assert bad_day["field"] == "on" and "dd/mm/yyyy" in str(bad_day["detail"])
    typed = {"ref": "TB-P2", "on": "03/03/2025", "source": "tin_bao", "received_by": "CQDT"}
    extra = _is_problem(world.post("/commands/report.receive", typed | {"lạ": 1}), 422)
    assert extra["field"] == "lạ" and "không được phép" in str(extra["detail"])
    missing = _is_problem(world.post("/commands/report.receive", {"ref": "TB-P3"}), 422)
    assert "bắt buộc" in str(missing["detail"])
    unknown = _is_problem(world.post("/commands", {"do": "report.bay", "ref": "X"}), 422)
    assert "VOCABULARY" in str(unknown["detail"])
    step = _is_problem(
        world.post(
            "/commands",
            {"do": "report.decide", "ref": "KHONG-CO", "on": "03/03/2025"}
            | {"with": {"outcome": "khoi_to"}},
        ),
        404,
    )
    assert "KHONG-CO" in str(step["detail"])
    query = _is_problem(world.get("/deadlines", as_of="32/13/2025"), 422)
    assert query["field"] == "as_of"
    size = _is_problem(world.get("/deadlines", size=100000), 422)
    assert size["field"] == "size" and "500" in str(size["detail"])
    not_json = world.client.post(
        "/commands",
        content=b"{",
        headers=world.auth("clerk") | {"content-type": "application/json"},
    )
    _is_problem(not_json, 422)


def test_a_stage_refusal_cites_the_procedure(world: World) -> None:
    world.post("/commands", receive("TB-P4"))
    twice = _is_problem(world.post("/commands", receive("TB-P4")), 409)
    assert "TB-P4" in str(twice["detail"])


def test_tokens_are_required_checked_and_revocable(world: World, tmp_path: object) -> None:
    _is_problem(world.client.get("/deadlines"), 401)
    bad = {"Authorization": "Bearer qlahs_abc_sai"}
    _is_problem(world.client.get("/deadlines", headers=bad), 401)
    public = world.tokens["clerk"].split("_")[1]
    tokens.revoke(world.engine, public)
    revoked = _is_problem(world.get("/deadlines"), 401)
    assert "thu hồi" in str(revoked["detail"])
    assert (
        world.client.get("/deadlines", headers={"X-Remote-User": "lanh_dao.vksqn"}).status_code
        == 401
    )


def test_the_dashboard_signs_in_with_a_token_kept_in_a_cookie(world: World) -> None:
    form = {"content-type": "application/x-www-form-urlencoded"}
    refused = world.client.post("/dashboard/sign-in", content="token=sai", headers=form)
    assert refused.status_code == 401 and "Mã truy cập không hợp lệ" in refused.text
    assert world.client.get("/dashboard", follow_redirects=False).status_code == 303
    token = world.tokens["leader"]
    signed = world.client.post("/dashboard/sign-in", content=f"token={token}", headers=form)
    assert signed.status_code == 200 and "Bảng điều khiển" in signed.text
    assert "Đăng xuất" in signed.text
    assert world.client.get("/deadlines").status_code == 401  # the cookie opens pages only
    other = world.client.get("/dashboard/units/VKSKV2")
    assert other.status_code == 200  # a leader reaches the units under the province
    out = world.client.post("/dashboard/sign-out", follow_redirects=False)
    assert out.status_code == 303 and "qlahs_token" in out.headers["set-cookie"]


def test_the_trusted_header_only_when_switched_on(tmp_path: object) -> None:
    with http_world(f"sqlite:///{tmp_path}/t.db", trust_header="X-Remote-User") as world:
        who = {"X-Remote-User": "lanh_dao.vksqn"}
        assert world.client.get("/deadlines", headers=who).status_code == 200
        stranger = world.client.get("/deadlines", headers={"X-Remote-User": "ai.do"})
        assert _is_problem(stranger, 401)["detail"]


def test_no_stack_trace_leaves_the_server(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("bí mật nội bộ /srv/qlahs")

    monkeypatch.setattr(type(world.engine), "search", broken)
    answer = _is_problem(world.get("/search", text="x"), 500)
    assert answer["detail"] == INTERNAL and "bí mật" not in str(answer)


def test_a_body_larger_than_any_command_is_refused(world: World) -> None:
    huge = receive("TB-P5") | {"note": "x" * 2_000_000}
    _is_problem(world.post("/commands", huge), 413)

    def chunks() -> Iterator[bytes]:
        yield json.dumps(receive("TB-P6")).encode()

    streamed = world.client.post(
        "/commands",
        content=chunks(),
        headers=world.auth("clerk") | {"content-type": "application/json"},
    )
    _is_problem(streamed, 411)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.dictionaries(
        st.sampled_from(["do", "ref", "on", "unit", "with", "actor", "note", "command_id", "x"]),
        st.one_of(
            st.none(),
            st.text(max_size=30),
            st.integers(),
            st.lists(st.text(max_size=5), max_size=3),
            st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=3),
            st.sampled_from(["report.receive", "03/03/2025", "VKSKV1", "\x00", "\ud800"]),
        ),
    )
)
def test_careless_bodies_are_refused_in_vietnamese(world: World, body: dict[str, object]) -> None:
    # sent as ASCII JSON: a lone surrogate travels as its escape, as a careless client sends it
    raw = json.dumps(body).encode()
    headers = world.auth("clerk") | {"content-type": "application/json"}
    answer = world.client.post("/commands", content=raw, headers=headers)
    assert answer.status_code < 500, answer.text
    if answer.status_code >= 400:
        assert answer.headers["content-type"].startswith(MEDIA_TYPE)


def test_the_token_commands(tmp_path: object) -> None:
    db = f"sqlite:///{tmp_path}/c.db"
    runner = CliRunner()
    user = ["ksv.a", "--name", "Lê Văn A", "--unit", "VKSKV1", "--role", "kiem_sat_vien"]
    added = runner.invoke(app, ["access", "user", "add", *user, "--db", db])
    assert added.exit_code == 0, added.output
    created = runner.invoke(app, ["access", "token", "create", "ksv.a", "--db", db])
    assert created.exit_code == 0 and "qlahs_" in created.output
    public = created.output.split("Đã cấp mã truy cập ")[1].split()[0]
    revoked = runner.invoke(app, ["access", "token", "revoke", public, "--db", db])
    assert revoked.exit_code == 0 and "Đã thu hồi" in revoked.output
    again = runner.invoke(app, ["access", "token", "revoke", public, "--db", db])
    assert again.exit_code == 1 and "đã bị thu hồi" in again.output
    nobody = runner.invoke(app, ["access", "token", "create", "khong.co", "--db", db])
    assert nobody.exit_code == 1 and "không có người dùng" in nobody.output
    verified = runner.invoke(app, ["audit", "verify", "--db", db])  # tokens are chained too
    assert verified.exit_code == 0, verified.output
    refusals = runner.invoke(app, ["audit", "refusals", "--db", db])
    assert refusals.exit_code == 0, refusals.output


def test_serve_refuses_a_store_that_is_not_there(tmp_path: object) -> None:
    missing = CliRunner().invoke(app, ["serve", "--db", f"sqlite:///{tmp_path}/khong-co.db"])
    assert missing.exit_code == 2 and "khong-co.db" in missing.output
    helped = CliRunner().invoke(app, ["serve", "--help"])
    assert helped.exit_code == 0 and "--trust-header" in helped.output


@pytest.mark.parametrize(
    ("detail", "field", "article"),
    [
        (
            "Trường 'known_on' sau ngày nhận đơn: không thể có thật (Điều 471).",
            "known_on",
            "Điều 471",
        ),
        ("Quá thời hạn (Điều 146 k5).", None, "Điều 146 k5"),
        (
            "Theo khoản 2 Điều 147 BLTTHS 2015, trường 'until' quá 4 tháng.",
            "until",
            "khoản 2 Điều 147 BLTTHS 2015",
        ),
        ("Tham số 'as_of' phải là ngày dạng dd/mm/yyyy.", "as_of", None),
    ],
)
def test_the_field_and_the_article_are_read_from_the_sentence(
    detail: str, field: str | None, article: str | None
) -> None:
    body = json.loads(problem(409, detail).body)
    assert body.get("field") == field and body.get("article") == article
    assert body["detail"] == detail
