"""The demo's year of numbers shows every kind of number people ask about."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from rich.console import Console

from qlahs.demo.numbers import show_registers
from qlahs.engine import Engine


def test_the_demo_year_has_reserved_inserted_voided_numbers_and_rolls_over(
    tmp_path: Path,
) -> None:
    out = io.StringIO()
    with Engine.open(f"sqlite:///{tmp_path}/demo.db") as engine:
        summary = show_registers(engine, Console(file=out, width=160), date(2026, 11, 22))
    counts = summary["numbers"]
    assert counts["issued"] > 500
    assert min(counts["reserved"], counts["inserted"], counts["voided"], counts["released"]) > 0
    assert summary["number_violations"] == 1  # the one document registered late
    printed = out.getvalue()
    assert "01/12/2024" in printed and "01/12/2025" in printed  # QD-HS 2025 and 2026
    for shown in ("Số chèn", "Đã hủy", "Đang giữ số", "Đã trả số giữ", "Vi phạm thứ tự số"):
        assert shown in printed
