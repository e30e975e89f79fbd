"""A stage that lives outside qlahs: warning letters sent to a supervised body, and the answer
each one is owed. It plugs in through the `qlahs.stages` entry point (see
`../qlahs_warning-0.1.dist-info/entry_points.txt`) and edits nothing in `src/qlahs`; the
tests use it to prove that (docs/adding-a-stage.md)."""
