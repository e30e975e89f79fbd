"""Module 1: receiving and resolving crime reports (BLTTHS 2015 Điều 144–159).

- `machine.py`   the legal path of a report (python-statemachine);
- `commands.py`  the `report.*` actions: their fields and what each records;
- `rules.py`     the obligations a report creates and how they are judged.
"""
