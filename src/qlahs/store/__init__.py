"""One URL configures the event store and the read models together (ARCHITECTURE principle 6).

- `sqlite:///path.db` — the embedded default; eventsourcing's SQLite recorder and the
  SQLAlchemy read models share the file (WAL mode).
- `sqlite:///:memory:` — a private temporary file, removed on close (the two halves cannot
  share an in-memory database).
- `postgresql://user@host:port/db[?schema=name]` — eventsourcing's PostgreSQL recorder and
  SQLAlchemy over psycopg 3; `schema` keeps several engines apart in one database.

With `QLAHS_CIPHER_KEY` set (base64 of 16, 24 or 32 bytes; `qlahs audit cipher-key` makes
one), every event's state is encrypted with AES-GCM before it is stored (docs/security.md).
Inside it, the personal fields of a subject's events are sealed with the subject's own key
(`privacy/`), so that destroying that key erases them.

`location.py` reads the URL; `log.py` opens the event log it names.
"""

from qlahs.privacy.keys import CIPHER_ENV
from qlahs.store.location import DEFAULT_URL, Location, locate, setup_lock
from qlahs.store.log import DateAsISO, EventLog, open_event_log, store_key

__all__ = [
    "CIPHER_ENV",
    "DEFAULT_URL",
    "DateAsISO",
    "EventLog",
    "Location",
    "locate",
    "open_event_log",
    "setup_lock",
    "store_key",
]
