"""The one SQLAlchemy `MetaData` every read-model table registers on.

The projector's own tables and each stage's books live on it, so that the projector can
create, clear and rebuild them together without importing the stages that declare them.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()
