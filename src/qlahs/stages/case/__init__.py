"""Modules 2–5: a criminal case from prosecution to enforcement.

One module per procedural stage, each with its machine, commands and rules:

- `investigation.py` — khởi tố, điều tra (Điều 153–180, 229–235);
- `custody.py`       — giữ người, tạm giữ, tạm giam (Điều 109–125, 173, 241, 278, 329, 347);
- `indictment.py`    — truy tố (Điều 236–249);
- `trial.py`         — xét xử sơ thẩm (Điều 276–286);
- `appeal.py`        — kháng cáo, kháng nghị, phúc thẩm (Điều 330–355);
- `enforcement.py`   — ra quyết định thi hành án (Điều 363–367).

The acts they record are in `qlahs.domain.criminal_case`; `stage.py` puts them together.
"""
