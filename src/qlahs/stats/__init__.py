"""Criminal statistics and leaders' reports (modules 7 and 8), replayed from the event log.

    from qlahs.stats.compute import compute
    from qlahs.stats.periods import parse_period
    report = compute(engine, "VKSQN", parse_period("y-2026"), with_subunits=True)

docs/statistics.md defines every period, unit rule and indicator.
"""
