"""Use cases: an encrypted backup of the database, and its restore.

SQLite: the online backup API copies a consistent snapshot while the app runs. PostgreSQL:
`pg_dump` (plain SQL), restored with `psql --single-transaction` into an empty database/schema.
The file is `JMBK1` + a JSON header line + AES-256-GCM ciphertext (the header is bound as
associated data), keyed by `backup_key` in the instance folder (0600) or JOBMATCH_BACKUP_KEY.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess  # nosec B404  (fixed argv, no shell)
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.engine import URL
from sqlmodel import Session

from jobmatch.db.engine import make_engine, parse_url
from jobmatch.db.migrate import sqlite_file
from jobmatch.domain.errors import JobmatchError
from jobmatch.security import keys
from jobmatch.services.privacy import reapply_erasures

MAGIC = b"JMBK1\n"
ENV_BACKUP_KEY = "JOBMATCH_BACKUP_KEY"
BACKUP_KEY_FILE = "backup_key"
NONCE = 12


class BackupError(JobmatchError):
    """A backup cannot be made or restored."""


@dataclass(frozen=True)
class BackupInfo:
    kind: str  # "sqlite" | "postgresql"
    created: str
    plain_bytes: int


def backup_key(instance: Path) -> bytes:
    configured = os.environ.get(ENV_BACKUP_KEY, "").strip()
    if configured:
        return keys.parse_key(configured, where=ENV_BACKUP_KEY)
    return keys.read_key_file(instance / BACKUP_KEY_FILE)


def _pg_args(url: URL) -> tuple[list[str], dict[str, str], str | None]:
    """Connection arguments for pg_dump/psql, the password in the environment, the schema."""
    args = ["-h", url.host or "127.0.0.1", "-p", str(url.port or 5432), "-d", url.database or ""]
    if url.username:
        args += ["-U", url.username]
    env = {**os.environ, "PGPASSWORD": url.password or ""} if url.password else dict(os.environ)
    options = str(url.query.get("options", ""))
    schema = (
        options.split("search_path=", 1)[1].split(maxsplit=1)[0]
        if "search_path=" in options
        else None
    )
    return args, env, schema


def _run(argv: list[str], env: dict[str, str], data: bytes | None = None) -> bytes:
    tool = shutil.which(argv[0])
    if tool is None:
        raise BackupError(f"Programma ontbreekt / program missing: {argv[0]}")
    result = subprocess.run(  # nosec B603  (argv built from a parsed URL, no shell)
        [tool, *argv[1:]], input=data, capture_output=True, env=env, check=False
    )
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
        raise BackupError(f"{argv[0]} mislukt / failed: {' '.join(reason)}")
    return result.stdout


def _sqlite_snapshot(path: Path) -> bytes:
    if not path.is_file():
        raise BackupError(f"Database niet gevonden / database not found: {path}")
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.sqlite"
        source, target = sqlite3.connect(path), sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        return copy.read_bytes()


def make_backup(*, url: str, instance: Path, out: Path) -> BackupInfo:
    """Write an encrypted backup of the database at `url` to `out` (atomically)."""
    parsed = parse_url(url)
    path = sqlite_file(parsed)
    if path is not None:
        kind, plain = "sqlite", _sqlite_snapshot(path)
    else:
        args, env, schema = _pg_args(parsed)
        scope = ["-n", schema] if schema else []
        kind, plain = (
            "postgresql",
            _run(["pg_dump", "--no-owner", "--no-privileges", *args, *scope], env),
        )
    info = BackupInfo(kind, datetime.now(UTC).isoformat(timespec="seconds"), len(plain))
    header = json.dumps(info.__dict__).encode("ascii") + b"\n"
    nonce = os.urandom(NONCE)
    sealed = AESGCM(backup_key(instance)).encrypt(nonce, plain, MAGIC + header)
    handle, temp = tempfile.mkstemp(prefix=".backup-", dir=out.parent)
    with os.fdopen(handle, "wb") as stream:
        stream.write(MAGIC + header + nonce + sealed)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temp, out)
    return info


def read_backup(*, instance: Path, source: Path) -> tuple[BackupInfo, bytes]:
    blob = source.read_bytes()
    head, _, rest = blob[len(MAGIC) :].partition(b"\n")
    try:
        if not blob.startswith(MAGIC):
            raise ValueError("magic")
        info = BackupInfo(**json.loads(head))
        plain = AESGCM(backup_key(instance)).decrypt(
            rest[:NONCE], rest[NONCE:], MAGIC + head + b"\n"
        )
    except (ValueError, TypeError, InvalidTag) as exc:
        raise BackupError(
            "Geen geldige back-up, of een andere sleutel / not a valid backup, or another key"
        ) from exc
    return info, plain


def restore_backup(*, url: str, instance: Path, source: Path, force: bool = False) -> BackupInfo:
    """Restore into `url`, then erase again everyone erased since (instance/erased_keys)."""
    info = _restore(url=url, instance=instance, source=source, force=force)
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            reapply_erasures(session=session, instance=instance)
    finally:
        engine.dispose()
    return info


def _restore(*, url: str, instance: Path, source: Path, force: bool) -> BackupInfo:
    """A SQLite file (replaced only with `force`) or an empty PostgreSQL database/schema."""
    info, plain = read_backup(instance=instance, source=source)
    parsed = parse_url(url)
    path = sqlite_file(parsed)
    if (info.kind == "sqlite") != (path is not None):
        raise BackupError(f"Back-up van {info.kind} past niet / backup kind does not match target")
    if path is None:
        args, env, _schema = _pg_args(parsed)
        _run(
            ["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "--single-transaction", *args], env, plain
        )
        return info
    if path.exists() and not force:
        raise BackupError(f"Database bestaat al (gebruik --force) / database exists: {path}")
    _replace_sqlite(path, plain)
    return info


def _replace_sqlite(path: Path, plain: bytes) -> None:
    handle, temp = tempfile.mkstemp(prefix=".restore-", suffix=".sqlite", dir=path.parent)
    with os.fdopen(handle, "wb") as stream:
        stream.write(plain)
        stream.flush()
        os.fsync(stream.fileno())
    check = sqlite3.connect(temp)
    try:
        verdict = check.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.DatabaseError:
        verdict = None
    finally:
        check.close()
    if verdict != ("ok",):
        Path(temp).unlink(missing_ok=True)
        raise BackupError("Back-up is beschadigd / backup is damaged (integrity check)")
    for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    os.replace(temp, path)
