"""Supervising administrative cases (kiểm sát giải quyết vụ án hành chính, Luật TTHC 2015): the
`admin.*` actions and obligations of VOCABULARY.md on an `AdministrativeCase`."""
