"""Sealing the personal fields of events with their subject's key (docs/security.md §5).

An event class names its personal fields in a ClassVar `personal` (none by default; every
legal act has its free-text `note`); `"carried[].name"` names a field of each item of a list.
Before the usual transcoding, compression and store cipher, the mapper moves the non-empty
personal values of an event into one AES-GCM box sealed with the subject's key, bound to the
subject and the event's version, and keeps beside it their shape (text, list of three texts…)
in the clear:

    {..., "_sealed": {"shape": {"reporter": "s", "suspects": ["s", "s"]}, "box": "<base64>"}}

Decoding opens the box; once the key is destroyed it fills the same shape with a Vietnamese
placeholder instead, so replays, deadlines and books keep working. Events stored without a
box (before sealing existed, or with nothing personal in them) decode as they always did.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Iterable
from functools import cache
from typing import Any
from uuid import UUID

from cryptography.exceptions import InvalidTag
from eventsourcing.domain import DomainEventProtocol
from eventsourcing.persistence import (
    Cipher,
    Compressor,
    Mapper,
    MapperDeserialisationError,
    StoredEvent,
    Transcoder,
)
from eventsourcing.utils import resolve_topic

from qlahs.kernel.errors import CommandRejected
from qlahs.privacy.keys import NONCE, Erasure, KeyRing

SEALED = "_sealed"
_AAD = b"qlahs-seal-1"
_TEXT, _OTHER = "s", "x"  # shapes of sealed leaves: text becomes the placeholder, others None


@cache
def personal_paths(cls: type) -> tuple[str, ...]:
    """The personal fields an event class declares, with those of its bases."""
    paths: dict[str, None] = {}
    for klass in reversed(cls.__mro__):
        for path in vars(klass).get("personal", ()):
            paths[path] = None
    return tuple(paths)


def erases(cls: type) -> bool:
    """Whether events of `cls` announce that their subject's key was destroyed."""
    return bool(getattr(cls, "erases_personal_data", False))


class SealingMapper(Mapper[UUID]):
    """eventsourcing's Mapper, sealing personal fields with their subject's key."""

    def __init__(
        self,
        transcoder: Transcoder,
        compressor: Compressor | None = None,
        cipher: Cipher | None = None,
        *,
        keys: KeyRing,
    ):
        super().__init__(transcoder=transcoder, compressor=compressor, cipher=cipher)
        self.keys = keys

    # -- writing --------------------------------------------------------------------------------

    def to_stored_event(self, domain_event: DomainEventProtocol[UUID]) -> StoredEvent:
        paths = personal_paths(type(domain_event))
        if paths:
            domain_event = self._sealed(domain_event, paths)
        return super().to_stored_event(domain_event)

    def _sealed(
        self, event: DomainEventProtocol[UUID], paths: tuple[str, ...]
    ) -> DomainEventProtocol[UUID]:
        state = dict(vars(event))
        values, shapes = take(state, paths)
        if not values:
            return event
        subject, version = event.originator_id, event.originator_version
        key = self.keys.sealing_key(subject, first=version == 1)
        if isinstance(key, Erasure):
            fields = ", ".join(f"'{path}'" for path in values)
            what = f"hồ sơ {key.ref}" if key.ref else "hồ sơ này"
            raise CommandRejected(
                f"Dữ liệu cá nhân của {what} đã bị xóa ngày {key.day} ({key.reason}): không "
                f"ghi thêm dữ liệu cá nhân cho hồ sơ (trường {fields}); hãy bỏ các trường đó."
            )
        nonce = os.urandom(NONCE)
        box = key.encrypt(nonce, self.transcoder.encode(values), _aad(subject, version))
        state[SEALED] = {"shape": shapes, "box": base64.b64encode(nonce + box).decode("ascii")}
        # The same event with the sealed state: the base class then stores it as usual.
        sealed = object.__new__(type(event))
        object.__setattr__(sealed, "__dict__", state)
        return sealed

    # -- reading --------------------------------------------------------------------------------

    def to_domain_event(self, stored_event: StoredEvent) -> DomainEventProtocol[UUID]:
        event = super().to_domain_event(stored_event)
        state = event.__dict__
        if erases(type(event)):
            # Another process may have destroyed this subject's key: read it again.
            self.keys.forget(state["originator_id"])
        sealed = state.pop(SEALED, None)
        if sealed is not None:
            self._open(state, sealed, stored_event)
        return event

    def _open(self, state: dict[str, Any], sealed: dict[str, Any], stored: StoredEvent) -> None:
        subject, version = state["originator_id"], state["originator_version"]
        key = self.keys.opening_key(subject)
        if isinstance(key, Erasure):
            put(
                state,
                {path: blank(shape, key.placeholder) for path, shape in sealed["shape"].items()},
            )
            return
        try:
            raw = base64.b64decode(sealed["box"])
            values = self.transcoder.decode(
                key.decrypt(raw[:NONCE], raw[NONCE:], _aad(subject, version))
            )
        except (InvalidTag, ValueError) as error:
            raise MapperDeserialisationError(
                f"Không mở được dữ liệu cá nhân niêm phong của sự kiện {stored.topic} "
                f"(hồ sơ {subject}, phiên bản {version}): dữ liệu hoặc khóa riêng đã bị sửa "
                f"({type(error).__name__})."
            ) from None
        put(state, values)

    def personal_in_clear(self, stored_event: StoredEvent) -> tuple[str, ...]:
        """The personal fields a stored event holds unsealed (written before sealing
        existed): destroying the subject's key cannot erase them."""
        paths = personal_paths(resolve_topic(stored_event.topic))
        if not paths:
            return ()
        data = stored_event.state
        if self.cipher:
            data = self.cipher.decrypt(data)
        if self.compressor:
            data = self.compressor.decompress(data)
        state: dict[str, Any] = self.transcoder.decode(data)
        values, _ = take(state, paths)
        return tuple(values)


def _aad(subject: UUID, version: int) -> bytes:
    # Bound to its subject and version: a box copied onto another event does not open.
    return _AAD + subject.bytes + version.to_bytes(8, "big")


# -- moving personal values out of a state and back ---------------------------------------------


def _split(path: str) -> tuple[str, str | None]:
    """`"summary"` → ("summary", None); `"carried[].name"` → ("carried", "name")."""
    field, _, sub = path.partition("[].")
    return field, sub or None


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _shape(value: Any) -> Any:
    if isinstance(value, str):
        return _TEXT
    if isinstance(value, list | tuple):
        return [_shape(item) for item in value]
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    return _OTHER


def take(state: dict[str, Any], paths: Iterable[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Move the non-empty personal values out of `state` (changed in place; lists of items are
    copied, never changed): the values by path, and their shapes."""
    values: dict[str, Any] = {}
    shapes: dict[str, Any] = {}
    for path in paths:
        field, sub = _split(path)
        value = state.get(field)
        if sub is None:
            if not _empty(value):
                values[path], shapes[path] = value, _shape(value)
                del state[field]
            continue
        if not isinstance(value, list):
            continue
        inner = [item.get(sub) if isinstance(item, dict) else None for item in value]
        if all(_empty(item) for item in inner):
            continue
        state[field] = [
            item if _empty(found) else {k: v for k, v in item.items() if k != sub}
            for item, found in zip(value, inner, strict=True)
        ]
        values[path] = [None if _empty(found) else found for found in inner]
        shapes[path] = [None if _empty(found) else _shape(found) for found in inner]
    return values, shapes


def put(state: dict[str, Any], values: dict[str, Any]) -> None:
    """Put personal values back where `take` found them (None in a list: nothing there)."""
    for path, value in values.items():
        field, sub = _split(path)
        if sub is None:
            state[field] = value
            continue
        items = state.get(field)
        if isinstance(items, list):
            for item, found in zip(items, value, strict=False):
                if found is not None and isinstance(item, dict):
                    item[sub] = found


def blank(shape: Any, placeholder: str) -> Any:
    """A value of the given shape with every text replaced by the placeholder."""
    if shape == _TEXT:
        return placeholder
    if isinstance(shape, list):
        return [blank(item, placeholder) for item in shape]
    if isinstance(shape, dict):
        return {key: blank(item, placeholder) for key, item in shape.items()}
    return None
