"""Supervision of detention facilities and criminal enforcement bodies (module 5)."""
