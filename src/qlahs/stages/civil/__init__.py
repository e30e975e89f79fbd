"""Supervising civil matters (kiểm sát giải quyết vụ việc dân sự, BLTTDS 2015): the `civil.*`
actions and obligations of VOCABULARY.md on a `CivilMatter`."""
