"""Every rule value is grounded in the words of the law: its `quote` must be found in the
shipped text under the cited law, article and clause (whitespace aside).

A misread figure or a wrong clause number then fails the build instead of reaching a deadline.
A value may do without a checked quote only when its law is not shipped, and it says why in
`quote_source`.
"""

from __future__ import annotations

from qlahs.law.rulebook import RuleBook
from qlahs.law.statutes import quoted_in, shipped_laws


def quote_problems(rulebook: RuleBook) -> list[str]:
    """One Vietnamese line per value whose quote is missing or not found in the cited text."""
    problems: list[str] = []
    for name, rule in sorted(rulebook.rules.items()):
        for key, parameter in rule.parameters.items():
            for effective_from, value in parameter.values.items():
                where = f"{name} ({key}, từ {effective_from:%d/%m/%Y}), {value.citation}"
                law = value.citation.law
                if law not in shipped_laws():
                    if not value.quote_source:
                        problems.append(f"{where}: luật không kèm văn bản, thiếu quote_source")
                    continue
                if value.quote_source:
                    problems.append(
                        f"{where}: luật có văn bản kèm theo, không được ghi quote_source"
                    )
                if not value.quote:
                    problems.append(f"{where}: thiếu quote")
                    continue
                article, clause = value.citation.article, value.citation.clause
                if article is None or not quoted_in(value.quote, law, article, clause):
                    problems.append(f"{where}: lời trích không có trong điều, khoản được dẫn")
    return problems
