"""The legal path of each subject as a python-statemachine class.

An aggregate checks every step against its machine (read into a transition table once), so
the machines are part of the domain: the stage modules above name the steps, the domain
decides which are allowed.
"""
