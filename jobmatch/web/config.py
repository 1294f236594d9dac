"""Configuration: defaults, then the instance folder, then JOBMATCH_* env, then explicit values."""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jobmatch.db.engine import database_url
from jobmatch.domain.errors import JobmatchError

ENV_INSTANCE = "JOBMATCH_INSTANCE"
SECRET_FILE = "secret_key"
DEFAULTS: Mapping[str, Any] = {
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_NAME": "jobmatch_session",
    "MAX_CONTENT_LENGTH": 5 * 1024 * 1024,
}


class InstanceError(JobmatchError):
    """The instance folder cannot be created or written."""


def instance_path(override: str | Path | None = None) -> Path:
    """--instance, else JOBMATCH_INSTANCE, else ./instance in the current folder."""
    chosen = override or os.environ.get(ENV_INSTANCE) or Path.cwd() / "instance"
    return Path(chosen).expanduser().resolve()


def prepare_instance(path: Path) -> Path:
    """Create the folder (mode 0700) and prove it is writable; InstanceError otherwise."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        raise InstanceError(
            f"Instance-map niet schrijfbaar / instance folder not writable: {path} "
            f"({exc.strerror or exc})"
        ) from exc
    return path


def secret_key(instance: Path) -> str:
    """The key in instance/secret_key, created once with file mode 0600."""
    path = instance / SECRET_FILE
    if not path.exists():
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process created it just now
        else:
            with os.fdopen(descriptor, "w", encoding="ascii") as handle:
                handle.write(secrets.token_hex(32))
    key = path.read_text(encoding="ascii").strip()
    if len(key) < 32:
        raise InstanceError(f"Geheime sleutel te kort / secret key too short: {path}")
    return key


def env_settings(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """JOBMATCH_X=value as {"X": value}; e.g. JOBMATCH_DATABASE_URL -> DATABASE_URL."""
    source = os.environ if environ is None else environ
    return {key.removeprefix("JOBMATCH_"): value for key, value in source.items()
            if key.startswith("JOBMATCH_")}  # fmt: skip


def load_config(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The full configuration of one app. `overrides` wins over everything else."""
    given = dict(overrides or {})
    config: dict[str, Any] = dict(DEFAULTS)
    config.update(env_settings())
    config.update(given)
    instance = prepare_instance(
        instance_path(config.get("INSTANCE_PATH") or config.get("INSTANCE"))
    )
    config["INSTANCE_PATH"] = str(instance)
    config.setdefault("DATABASE_URL", database_url(instance))
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = secret_key(instance)
    return config
