"""Master key and per-participant data keys (AES-256-GCM, `cryptography`).

The master key comes from JOBMATCH_MASTER_KEY (64 hex characters) or from `master_key` in the
instance folder (created once with mode 0600, like `secret_key`). It only wraps data keys; every
participant has their own random data key, stored wrapped in the `data_key` table. Destroying that
row makes the participant's sealed text unreadable, wherever copies of it went.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from jobmatch.domain.errors import JobmatchError

ENV_MASTER_KEY = "JOBMATCH_MASTER_KEY"
MASTER_FILE = "master_key"
KEY_BYTES = 32
NONCE_BYTES = 12
SEALED_PREFIX = "jm1:"  # version tag of sealed text; anything else is legacy plain text

_instance_key_file: Path | None = None


class CryptoKeyError(JobmatchError):
    """A key is missing, malformed, or does not open the data."""


def use_instance(instance: Path) -> None:
    """Take the master key from `instance/master_key` (created on first use) from now on."""
    global _instance_key_file  # noqa: PLW0603  (one process-wide setting, like logging)
    _instance_key_file = instance / MASTER_FILE


def new_key_file(path: Path) -> None:
    """Write a fresh random key (hex) to `path` with mode 0600; keep an existing one."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another process created it just now
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(secrets.token_hex(KEY_BYTES))


def read_key_file(path: Path) -> bytes:
    """A 32-byte key from a hex file, created first if missing; rights tightened to 0600."""
    new_key_file(path)
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)
    return parse_key(path.read_text(encoding="ascii"), where=str(path))


def parse_key(text: str, *, where: str) -> bytes:
    try:
        key = binascii.unhexlify(text.strip())
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != KEY_BYTES:
        raise CryptoKeyError(
            f"Sleutel ongeldig (64 hexadecimale tekens nodig) / invalid key "
            f"(64 hex characters needed): {where}"
        )
    return key


def master_key() -> bytes:
    """JOBMATCH_MASTER_KEY, else the instance file chosen with `use_instance`."""
    configured = os.environ.get(ENV_MASTER_KEY, "").strip()
    if configured:
        return parse_key(configured, where=ENV_MASTER_KEY)
    if _instance_key_file is None:
        raise CryptoKeyError(
            "Geen hoofdsleutel ingesteld / no master key configured "
            f"(set {ENV_MASTER_KEY} or use an instance folder)"
        )
    return read_key_file(_instance_key_file)


def _seal_bytes(key: bytes, data: bytes, aad: bytes) -> str:
    nonce = os.urandom(NONCE_BYTES)
    return base64.b64encode(nonce + AESGCM(key).encrypt(nonce, data, aad)).decode("ascii")


def _open_bytes(key: bytes, token: str, aad: bytes) -> bytes:
    try:
        raw = base64.b64decode(token, validate=True)
        return AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], aad)
    except (InvalidTag, binascii.Error, ValueError) as exc:
        raise CryptoKeyError("Versleutelde gegevens niet te openen / cannot decrypt data") from exc


def new_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


def wrap(master: bytes, data_key: bytes, key_id: str) -> str:
    return _seal_bytes(master, data_key, b"data-key:" + key_id.encode("ascii"))


def unwrap(master: bytes, wrapped: str, key_id: str) -> bytes:
    return _open_bytes(master, wrapped, b"data-key:" + key_id.encode("ascii"))


def seal(data_key: bytes, text: str, where: str) -> str:
    """`text` encrypted with the data key; `where` (table.column) is bound as associated data."""
    return SEALED_PREFIX + _seal_bytes(data_key, text.encode("utf-8"), where.encode("ascii"))


def is_sealed(value: str) -> bool:
    return value.startswith(SEALED_PREFIX)


def open_sealed(data_key: bytes, value: str, where: str) -> str:
    token = value.removeprefix(SEALED_PREFIX)
    return _open_bytes(data_key, token, where.encode("ascii")).decode("utf-8")
