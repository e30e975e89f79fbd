"""The shared kernel: errors, dates, the `Subject`/`Act` bases, YAML and text helpers.

Every other part of qlahs may import it; it imports no other part of qlahs.
"""
