"""`qlahs access …` and `qlahs --as-user`: the first administrator is entered by the system,
then every command runs as a user and is checked."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner, Result

from qlahs.cli import app
from qlahs.engine import Engine

USERS = """
users:
  vt.kv1:
    name: Lê Thị Văn
    unit: VKSKV1
    roles: [van_thu]
  ksv.kv1:
    name: Phạm Văn Sát
    unit: VKSKV1
    roles: [kiem_sat_vien]
    clearance: 1
  ld.kv1:
    name: Hoàng Văn Đạo
    unit: VKSKV1
    roles: [lanh_dao]
    clearance: 2
"""


def _run(args: list[str], db: str, user: str | None = None, **env: str) -> Result:
    who = ["--as-user", user] if user else []
    return CliRunner().invoke(app, [*who, *args, "--db", db], env=env or None)


def _setup(tmp_path: Path) -> str:
    db = f"sqlite:///{tmp_path}/q.db"
    first = _run(
        [
            "access",
            "user",
            "add",
            "qt.qn",
            "--name",
            "Quản Trị Tỉnh",
            "--unit",
            "VKSQN",
            "--role",
            "quan_tri",
        ],
        db,
    )
    assert first.exit_code == 0, first.output
    users = tmp_path / "users.yaml"
    users.write_text(USERS, encoding="utf-8")
    imported = _run(["access", "import", str(users)], db, "qt.qn")
    assert imported.exit_code == 0, imported.output
    assert "3 trong 3" in imported.output
    return db


def test_an_administrator_imports_users_and_lists_those_of_the_units_under_them(
    tmp_path: Path,
) -> None:
    db = _setup(tmp_path)
    listed = _run(["access", "user", "list"], db, "qt.qn")
    assert listed.exit_code == 0
    for name in ("Lê Thị Văn", "Phạm Văn Sát", "Hoàng Văn Đạo", "Kiểm sát viên"):
        assert name in listed.output
    again = _run(["access", "import", str(tmp_path / "users.yaml")], db, "qt.qn")
    assert "0 trong 3" in again.output


def test_a_clerk_may_not_add_users_and_the_refusal_is_listed_for_the_leader(
    tmp_path: Path,
) -> None:
    db = _setup(tmp_path)
    refused = _run(
        ["access", "user", "add", "x", "--name", "X", "--unit", "VKSKV1", "--role", "lanh_dao"],
        db,
        "vt.kv1",
    )
    assert refused.exit_code == 1
    assert "quản lý người dùng" in refused.output
    listed = _run(["audit", "refusals"], db, "ld.kv1")
    assert "vt.kv1" in listed.output and "thêm người dùng x" in listed.output


def test_a_query_outside_the_users_reach_ends_with_the_reason_not_a_traceback(
    tmp_path: Path,
) -> None:
    db = _setup(tmp_path)
    result = _run(["deadlines", "--unit", "VKSKV2", "--as-of", "2025-03-05"], db, "ksv.kv1")
    assert result.exit_code == 1
    assert "Trường 'unit'" in result.output and "VKSKV2" in result.output
    assert "Traceback" not in result.output


def test_the_user_can_come_from_the_environment(tmp_path: Path) -> None:
    db = _setup(tmp_path)
    result = _run(["replay"], db, None, QLAHS_USER="vt.kv1")
    assert result.exit_code == 1
    assert "dựng lại bảng đọc" in result.output
    unknown = _run(["deadlines"], db, "ai.do")
    assert unknown.exit_code == 2 and "không có trong danh bạ" in unknown.output


def test_a_leader_classifies_and_assigns_a_record_from_the_command_line(tmp_path: Path) -> None:
    db = _setup(tmp_path)
    taken = _run(
        ["number", "issue", "--unit", "VKSKV1", "--series", "CV", "--on", "2025-03-05"],
        db,
        "vt.kv1",
    )
    assert taken.exit_code == 0, taken.output
    elsewhere = _run(["number", "issue", "--unit", "VKSKV2", "--series", "CV"], db, "vt.kv1")
    assert elsewhere.exit_code == 1 and "Trường 'unit'" in elsewhere.output
    with Engine.open(db) as system:
        system.execute(
            {
                "do": "report.receive",
                "ref": "TB1",
                "on": "2025-03-03",
                "unit": "VKSKV1",
                "with": {"source": "tin_bao", "received_by": "CQDT"},
            }
        )
    classified = _run(
        ["access", "classify", "TB1", "--level", "1", "--reason", "Mật"], db, "ld.kv1"
    )
    assert classified.exit_code == 0, classified.output
    assigned = _run(["access", "assign", "TB1", "ksv.kv1"], db, "ld.kv1")
    assert assigned.exit_code == 0, assigned.output
    seen = _run(["audit", "history", "TB1"], db, "ksv.kv1")
    assert seen.exit_code == 0 and "Giao người được xem hồ sơ" in seen.output
    hidden = _run(["audit", "history", "TB1"], db, "vt.kv1")
    assert hidden.exit_code == 1


def test_a_user_is_added_only_to_a_unit_of_today_s_organisation(tmp_path: Path) -> None:
    db = _setup(tmp_path)
    add = ["access", "user", "add", "vt.x", "--name", "Lê Văn Gõ", "--role", "van_thu"]
    typo = _run([*add, "--unit", "VKSKV11"], db)  # the system: no access check stops it first
    assert typo.exit_code != 0
    assert "Không có đơn vị VKSKV11" in typo.output
    assert "Traceback" not in typo.output
    with Engine.open(db, default_unit="VKSQN") as engine:
        for do, ref, fields in (
            ("unit.establish", "VKSKV1", {"name": "Khu vực 1", "level": "khu_vuc"}),
            ("unit.establish", "VKSKV2", {"name": "Khu vực 2", "level": "khu_vuc"}),
            ("unit.merge_into", "VKSKV2", {"into": "VKSKV1"}),
        ):
            engine.execute({"do": do, "ref": ref, "on": "2025-09-01", "unit": ref, "with": fields})
    merged = _run([*add, "--unit", "VKSKV2"], db, "qt.qn")
    assert merged.exit_code != 0
    assert "đã sáp nhập vào VKSKV1" in merged.output
    moved = _run(["access", "user", "change", "vt.kv1", "--unit", "VKSKV2"], db, "qt.qn")
    assert moved.exit_code != 0
    assert "đã sáp nhập vào VKSKV1" in moved.output
    kept = _run([*add, "--unit", "VKSKV1"], db, "qt.qn")
    assert kept.exit_code == 0, kept.output
