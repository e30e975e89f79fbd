"""The procuracy's own acts on crime reports and criminal cases (docs/vocabulary-supervision.md):
not a stage of its own but what the report and case stages share — commands, rules, book rows
and statistics of assignments, requests, cancellations, recommendations, protests and answers.
"""
