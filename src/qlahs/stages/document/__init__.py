"""Issued documents (văn bản đã ban hành) as a stage: the act that records a drafted document
under its number, linked to the record it was drafted from."""
