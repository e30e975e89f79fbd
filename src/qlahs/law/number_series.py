"""Numbering series as data (`number_series.yaml`): display symbol, numbering-year start and
whether inserted numbers are allowed, each value dated and cited like the rule files.

A value without a citation does not load. A register is labelled with the calendar year its
numbering year ends in, so the QD-HS register "2026" runs 01/12/2025–30/11/2026.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from qlahs.kernel import yamlio
from qlahs.kernel.errors import CommandRejected, InvalidCommand
from qlahs.law.calendar import fmt
from qlahs.law.citation import Citation, Confidence


class Cited(BaseModel):
    """One value of a series parameter, from its effective date on."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: str | bool
    citation: Citation
    confidence: Confidence
    note: str | None = None


@dataclass(frozen=True)
class NumberingYear:
    """The register year a date falls in: its label and the days it runs."""

    label: int
    start: date
    end: date
    source: Cited


class Series(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    title: str
    symbol: dict[date, Cited]
    year_start: dict[date, Cited]
    inserts: dict[date, Cited]

    @field_validator("symbol", "year_start", "inserts")
    @classmethod
    def _dated(cls, values: dict[date, Cited]) -> dict[date, Cited]:
        if not values:
            raise ValueError("cần ít nhất một giá trị có ngày hiệu lực")
        return dict(sorted(values.items()))

    @model_validator(mode="after")
    def _typed(self) -> Series:
        for cited in self.symbol.values():
            if not isinstance(cited.value, str) or not cited.value.strip():
                raise ValueError(f"{self.code}: 'symbol' phải là ký hiệu dạng chữ")
        for cited in self.inserts.values():
            if not isinstance(cited.value, bool):
                raise ValueError(f"{self.code}: 'inserts' phải là true hoặc false")
        for cited in self.year_start.values():
            _month_day(self.code, cited.value)
        return self

    def in_force(self, parameter: str, on: date) -> Cited:
        values: dict[date, Cited] = getattr(self, parameter)
        chosen = [cited for since, cited in values.items() if since <= on]
        if not chosen:
            first = fmt(next(iter(values)))
            raise CommandRejected(
                f"Trường 'on' ({fmt(on)}): hệ thống số {self.code} chỉ có dữ liệu '{parameter}' "
                f"từ ngày {first}."
            )
        return chosen[-1]

    def symbol_on(self, on: date) -> str:
        return str(self.in_force("symbol", on).value)

    def allows_inserts(self, on: date) -> Cited:
        return self.in_force("inserts", on)

    def numbering_year(self, on: date) -> NumberingYear:
        source = self.in_force("year_start", on)
        month, day = _month_day(self.code, source.value)
        start = date(on.year, month, day)
        if on < start:
            start = date(on.year - 1, month, day)
        end = date(start.year + 1, month, day) - timedelta(days=1)
        return NumberingYear(end.year, start, end, source)

    def labelled(self, label: int) -> NumberingYear:
        """The numbering year called `label` (the one that ends in that calendar year)."""
        for day in (date(label, 12, 31), date(label, 6, 30), date(label, 1, 1)):
            found = self.numbering_year(day)
            if found.label == label:
                return found
        raise CommandRejected(f"Trường 'year': hệ thống số {self.code} không có năm {label}.")


class Order(BaseModel):
    """The rule every register is judged by: numbers follow the order of issue."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    citation: Citation
    confidence: Confidence


class SeriesBook(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    order: Order
    series: dict[str, Series]

    @model_validator(mode="before")
    @classmethod
    def _codes(cls, data: object) -> object:
        if isinstance(data, dict) and isinstance(data.get("series"), dict):
            data["series"] = {
                code: {"code": code, **body} if isinstance(body, dict) else body
                for code, body in data["series"].items()
            }
        return data

    @model_validator(mode="after")
    def _unique_symbols(self) -> SeriesBook:
        # Đ15 k1: a number and symbol are unique in a year, so two series sharing a symbol
        # would give two documents the same "05/QĐ-VKSKV7".
        owner: dict[str, str] = {}
        for code, series in self.series.items():
            for cited in series.symbol.values():
                other = owner.setdefault(str(cited.value), code)
                if other != code:
                    raise ValueError(
                        f"ký hiệu {cited.value} dùng cho cả {other} và {code}: số và ký hiệu "
                        "văn bản phải là duy nhất trong năm (NĐ 30/2020 Điều 15 k1)"
                    )
        return self

    def get(self, code: str) -> Series:
        try:
            return self.series[code]
        except KeyError:
            known = ", ".join(self.series)
            raise InvalidCommand(
                f"Trường 'series': không có hệ thống số {code!r}. Các hệ thống số: {known}."
            ) from None


def _month_day(code: str, value: str | bool) -> tuple[int, int]:
    try:
        month, day = (int(part) for part in str(value).split("-"))
        date(2001, month, day)  # a common year: 29 February cannot start a numbering year
    except ValueError:
        raise ValueError(
            f"{code}: 'year_start' phải là ngày dạng MM-DD (nhận được: {value!r})"
        ) from None
    return month, day


def parse_series(name: str, text: str) -> SeriesBook:
    return yamlio.load_data(SeriesBook, name, text)


@cache
def series_book() -> SeriesBook:
    text = resources.files("qlahs.law").joinpath("number_series.yaml").read_text("utf-8")
    return parse_series("number_series.yaml", text)


def series(code: str) -> Series:
    return series_book().get(code)
