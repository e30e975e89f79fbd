"""Document number registers (lấy số văn bản; NĐ 30/2020 Điều 15–16, law.md §15).

- `machine.py`   a register's steps (one state: a register is open for its whole year);
- `commands.py`  the `number.*` actions and their fields;
- `rules.py`     how a register's numbers are judged (the order of issue);
- `stage.py`     the stage plug-in: which register a command names, what it records;
- `outcome.py`   the numbers a command took, read back from its act.
"""
