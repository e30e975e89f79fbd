"""Files people take away: every Excel book, register and report is written by `excel.py`."""
