"""Configuration: defaults, then the instance folder, then JOBMATCH_* env, then explicit values."""

from __future__ import annotations

import os
import secrets
import tempfile
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jobmatch.db.engine import database_url
from jobmatch.domain.errors import JobmatchError

ENV_INSTANCE = "JOBMATCH_INSTANCE"
SECRET_FILE = "secret_key"  # nosec B105  (a file name in the instance folder, not a password)
CONFIG_FILE = "config.toml"
TEXT_SETTINGS = ("DATABASE_URL", "SECRET_KEY")  # used as text; a number there is a mistake
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
    if path.stat().st_mode & 0o077:  # copied or restored with wider rights: tighten them
        path.chmod(0o600)
    key = path.read_text(encoding="ascii").strip()
    if len(key) < 32:
        raise InstanceError(f"Geheime sleutel te kort / secret key too short: {path}")
    return key


def env_settings(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """JOBMATCH_X=value as {"X": value}; e.g. JOBMATCH_DATABASE_URL -> DATABASE_URL."""
    source = os.environ if environ is None else environ
    return {key.removeprefix("JOBMATCH_"): value for key, value in source.items()
            if key.startswith("JOBMATCH_")}  # fmt: skip


def instance_settings(instance: Path) -> dict[str, Any]:
    """instance/config.toml (optional; TOML, never executed): `database_url = "…"` etc."""
    path = instance / CONFIG_FILE
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise InstanceError(
            f"Instellingen onleesbaar / config file unreadable: {path}: {exc}"
        ) from exc
    settings = {key.upper(): value for key, value in data.items()}
    for key in TEXT_SETTINGS:
        if key in settings and not isinstance(settings[key], str):
            raise InstanceError(f"{path}: {key.lower()} moet tekst zijn / must be text")
    return settings


def load_config(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Defaults < instance/config.toml < JOBMATCH_* environment < `overrides`."""
    given = dict(overrides or {})
    from_env = env_settings()
    chosen = given.get("INSTANCE_PATH") or from_env.get("INSTANCE")
    instance = prepare_instance(instance_path(chosen))
    config: dict[str, Any] = dict(DEFAULTS)
    config.update(instance_settings(instance))
    config.update(from_env)
    config.update(given)
    config["INSTANCE_PATH"] = str(instance)
    if not config.get("DATABASE_URL"):
        config["DATABASE_URL"] = database_url(instance)
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = secret_key(instance)
    return config
