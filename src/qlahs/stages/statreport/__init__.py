"""Statistical reports sent up the hierarchy (TTLT 05/2018 Điều 9, 12; law.md §13.2–13.3).

- `commands.py`  the `statreport.*` actions and their fields (the figures, bounded and sealed
                 by a checksum);
- `rules.py`     the submission deadline of the reporting calendar and its violation;
- `stage.py`     the stage plug-in.
"""
