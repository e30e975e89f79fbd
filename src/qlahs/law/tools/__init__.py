"""Maintenance tools for the law data: run by hand when a source text changes, never at run time."""
