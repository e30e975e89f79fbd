"""The readable, Vietnamese report of scenario runs."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from qlahs.kernel.dates import fmt, from_iso

STATUS = {
    "open": "đang chạy",
    "met": "đúng hạn",
    "missed": "quá hạn",
    "suspended": "tạm dừng",
    "cancelled": "hủy",
}
KIND = {
    "late": "chậm",
    "missing": "chưa thực hiện",
    "premature": "trước thời điểm luật cho phép",
    "exceeds_limit": "vượt giới hạn",
    "wrong_authority": "sai thẩm quyền",
}


def failure_text(result: dict[str, Any]) -> str:
    lines = [f"Kịch bản không đạt: {result['name']} ({result['file']})"]
    for step in result["steps"]:
        if step["accepted"] == step["expected_rejection"]:
            what = "phải bị từ chối" if step["expected_rejection"] else "bị từ chối"
            lines.append(f"  bước {step['index']} {step['do']} {step['ref'] or ''}: {what}")
            if step["error"]:
                lines.append(f"    {step['error']}")
    for check in result["checks"]:
        for failure in check["failures"]:
            lines.append(f"  ngày {check['at']}: {failure}")
    return "\n".join(lines)


def render(results: list[dict[str, Any]], console: Console) -> None:
    for result in results:
        mark = {True: "[green]ĐẠT[/]", False: "[red]KHÔNG ĐẠT[/]", None: "[cyan]ĐÁNH GIÁ[/]"}[
            result["passed"]
        ]
        console.rule(f"{mark} {result['name']}")
        console.print(f"[dim]{result['file']}[/]")
        for step in result["steps"]:
            ok = step["accepted"] != step["expected_rejection"]
            state = "ghi nhận" if step["accepted"] else "từ chối"
            console.print(
                f"  {'✓' if ok else '✗'} bước {step['index']}: "
                f"{step['do']} {step['ref'] or ''} — {state}"
            )
            if step["error"]:
                console.print(f"      [yellow]{step['error']}[/]")
        for check in result["checks"]:
            title = f"Ngày {fmt(from_iso(check['at']))}"
            if check["passed"] is not None:
                title += " — đạt" if check["passed"] else " — không đạt"
            table = Table(title=title, show_lines=False)
            for heading in ("Số hiệu", "Nghĩa vụ", "Căn cứ", "Bắt đầu", "Hạn cuối", "Tình trạng"):
                table.add_column(heading)
            for d in check["deadlines"]:
                table.add_row(
                    d["ref"],
                    d["rule"],
                    d["article"],
                    d["start"],
                    d["due"],
                    STATUS.get(d["status"], d["status"]),
                )
            console.print(table)
            for v in check["violations"]:
                console.print(
                    f"  [red]Vi phạm ({KIND.get(v['kind'], v['kind'])}):[/] {v['message']}"
                )
            if not check["violations"]:
                console.print("  Không có vi phạm.")
            for failure in check["failures"]:
                console.print(f"  [red]✗ {failure}[/]")
    passed = sum(1 for r in results if r["passed"])
    judged = [r for r in results if r["passed"] is not None]
    if judged:
        console.print(f"\n{passed}/{len(judged)} kịch bản đạt.")
