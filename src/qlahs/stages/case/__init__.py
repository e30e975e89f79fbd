"""Modules 2–5: a criminal case from prosecution to enforcement.

One module per procedural stage, each with its commands and rules (the larger stages keep
their commands in `<stage>_commands.py`):

- `investigation.py` — khởi tố, điều tra (Điều 153–180, 229–235); `charge_approval.py` — the
  VKS's approval of each charge (Điều 179 k3);
- `custody.py`       — giữ người, tạm giữ, tạm giam (Điều 109–125, 173, 241, 278, 329, 347);
  `detention.py` — the limit of one tạm giam order;
- `indictment.py`    — truy tố (Điều 236–249);
- `trial.py`         — xét xử sơ thẩm (Điều 276–286);
- `appeal.py`        — kháng cáo, kháng nghị, phúc thẩm (Điều 330–355);
- `enforcement.py`   — ra quyết định thi hành án (Điều 363–367).

The acts they record are in `qlahs.domain.criminal_case`; the books (Sổ 06–23) are in
`books.py` and its `book_*.py`; `stage.py` puts them together.
"""
