"""What the civil and the administrative stages share: the court procedure's obligations.

Not a stage itself: `qlahs.stages.civil` and `qlahs.stages.administrative` each declare one,
with their own rule names (`civil.*`, `admin.*`) and their own codes' articles in the data. An
obligation whose rule file does not exist for a stage is not kept for it (an administrative
case has no trial-preparation rule in the vocabulary, for instance).
"""
