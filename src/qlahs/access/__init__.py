"""Units, users, roles and confidentiality: one check at the Engine boundary (docs/security.md)."""

from qlahs.access.actor import AccessDenied, Actor

__all__ = ["AccessDenied", "Actor"]
