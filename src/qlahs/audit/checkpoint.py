"""Signed checkpoints: a unit signs the head of its chain with its own Ed25519 key and hands
the checkpoint to the level above, which keeps it as a witness. Whoever holds a checkpoint
and the unit's public key can later prove that nothing up to it changed, even if the chain
table was rewritten along with the events (docs/security.md)."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import asdict, dataclass, replace
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from qlahs.kernel.errors import QlahsError


class AuditError(QlahsError):
    """A key, a checkpoint or a chain that cannot be trusted."""


@dataclass(frozen=True)
class Checkpoint:
    unit: str
    position: int  # the notification id of the last event covered
    count: int  # how many events it covers
    head: str  # the chain's link at `position`
    made_at: str  # ISO time, UTC
    made_by: str
    key_id: str  # which key of the unit signed it
    signature: str = ""  # base64 Ed25519 signature of everything above

    def message(self) -> bytes:
        fields = asdict(self)
        del fields["signature"]
        return json.dumps(fields, sort_keys=True, ensure_ascii=False).encode("utf-8")

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str, source: str = "điểm kiểm tra") -> Checkpoint:
        try:
            data: dict[str, Any] = json.loads(text)
            return cls(**data)
        except (ValueError, TypeError) as error:
            raise AuditError(f"Tệp {source} không phải điểm kiểm tra hợp lệ ({error}).") from None


def new_key() -> tuple[bytes, bytes]:
    """A unit's key pair, PEM: the private key stays with the unit, the public key goes to
    whoever keeps its checkpoints."""
    private = Ed25519PrivateKey.generate()
    return (
        private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ),
    )


def key_id(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def private_key(pem: bytes, source: str = "khóa bí mật") -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError) as error:
        raise AuditError(f"Tệp {source} không phải khóa bí mật PEM đọc được ({error}).") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise AuditError(f"Tệp {source} không phải khóa Ed25519.")
    return key


def public_key(pem: bytes, source: str = "khóa công khai") -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError) as error:
        raise AuditError(
            f"Tệp {source} không phải khóa công khai PEM đọc được ({error})."
        ) from None
    if not isinstance(key, Ed25519PublicKey):
        raise AuditError(f"Tệp {source} không phải khóa Ed25519.")
    return key


def sign(unsigned: Checkpoint, key: Ed25519PrivateKey) -> Checkpoint:
    stamped = replace(unsigned, key_id=key_id(key.public_key()), signature="")
    signature = base64.b64encode(key.sign(stamped.message())).decode("ascii")
    return replace(stamped, signature=signature)


def check_signature(checkpoint: Checkpoint, key: Ed25519PublicKey) -> None:
    if checkpoint.key_id != key_id(key):
        raise AuditError(
            f"Điểm kiểm tra của {checkpoint.unit} được ký bằng khóa {checkpoint.key_id}, không "
            f"phải khóa công khai đã cho ({key_id(key)})."
        )
    try:
        key.verify(base64.b64decode(checkpoint.signature), checkpoint.message())
    except (InvalidSignature, ValueError):
        raise AuditError(
            f"Chữ ký của điểm kiểm tra {checkpoint.unit} (sự kiện số {checkpoint.position}) "
            "không đúng: điểm kiểm tra đã bị sửa hoặc không do khóa này ký."
        ) from None
