"""Drafting procedural documents from the records, numbered from the registers (DOCX)."""
