"""Configuration: instance folder, secret key, database URL, JOBMATCH_* environment."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from jobmatch.db.engine import DatabaseError, database_url, parse_url
from jobmatch.web.config import (
    InstanceError,
    env_settings,
    instance_path,
    load_config,
    prepare_instance,
)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("JOBMATCH_DATABASE_URL", "JOBMATCH_INSTANCE", "JOBMATCH_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)


def test_first_load_creates_instance_and_private_secret_key(tmp_path: Path) -> None:
    instance = tmp_path / "inst"
    config = load_config({"INSTANCE_PATH": str(instance)})
    key_file = instance / "secret_key"
    assert instance.is_dir()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert config["SECRET_KEY"] == key_file.read_text(encoding="ascii").strip()
    assert len(config["SECRET_KEY"]) >= 32
    assert config["DATABASE_URL"] == f"sqlite:///{instance / 'jobmatch.sqlite'}"


def test_second_load_reuses_the_same_secret_key(tmp_path: Path) -> None:
    first = load_config({"INSTANCE_PATH": str(tmp_path)})
    second = load_config({"INSTANCE_PATH": str(tmp_path)})
    assert first["SECRET_KEY"] == second["SECRET_KEY"]


def test_env_database_url_wins_over_instance_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBMATCH_DATABASE_URL", "postgresql+psycopg://u@db.example/jm")
    config = load_config({"INSTANCE_PATH": str(tmp_path)})
    assert config["DATABASE_URL"] == "postgresql+psycopg://u@db.example/jm"
    assert database_url(tmp_path) == "postgresql+psycopg://u@db.example/jm"


def test_explicit_config_wins_over_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBMATCH_SECRET_KEY", "from-env-" + "e" * 40)
    monkeypatch.setenv("JOBMATCH_INSTANCE", str(tmp_path / "from-env"))
    config = load_config({"SECRET_KEY": "given-" + "g" * 40, "INSTANCE_PATH": str(tmp_path)})
    assert config["SECRET_KEY"].startswith("given-")
    assert config["INSTANCE_PATH"] == str(tmp_path.resolve())
    assert not (tmp_path / "from-env").exists()


def test_instance_path_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert instance_path() == (tmp_path / "instance").resolve()
    monkeypatch.setenv("JOBMATCH_INSTANCE", str(tmp_path / "env"))
    assert instance_path() == (tmp_path / "env").resolve()
    assert instance_path(tmp_path / "arg") == (tmp_path / "arg").resolve()


def test_env_settings_strips_prefix() -> None:
    env = {"JOBMATCH_DATABASE_URL": "sqlite://", "HOME": "/root", "JOBMATCH_X": "1"}
    assert env_settings(env) == {"DATABASE_URL": "sqlite://", "X": "1"}


def test_unwritable_instance_folder_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(InstanceError, match="niet schrijfbaar / instance folder not writable"):
        prepare_instance(blocker / "instance")


def test_postgres_url_uses_psycopg3_and_bad_url_is_clear() -> None:
    assert parse_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert parse_url("sqlite:///x.db").drivername == "sqlite"
    with pytest.raises(DatabaseError, match="not a valid database URL"):
        parse_url("no url at all")


def test_instance_config_file_sits_between_defaults_and_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "config.toml").write_text(
        'database_url = "sqlite:////srv/jm.sqlite"\nmax_content_length = 1024\n', encoding="utf-8"
    )
    config = load_config({"INSTANCE_PATH": str(tmp_path)})
    assert config["DATABASE_URL"] == "sqlite:////srv/jm.sqlite"
    assert config["MAX_CONTENT_LENGTH"] == 1024
    monkeypatch.setenv("JOBMATCH_DATABASE_URL", "sqlite:////from/env.sqlite")
    assert load_config({"INSTANCE_PATH": str(tmp_path)})["DATABASE_URL"].endswith("env.sqlite")


def test_broken_instance_config_file_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("database_url = ", encoding="utf-8")
    with pytest.raises(InstanceError, match="config file unreadable"):
        load_config({"INSTANCE_PATH": str(tmp_path)})


def test_a_secret_key_readable_by_others_is_made_private(tmp_path: Path) -> None:
    key_file = tmp_path / "secret_key"
    key_file.write_text("k" * 64, encoding="ascii")
    key_file.chmod(0o644)
    assert load_config({"INSTANCE_PATH": str(tmp_path)})["SECRET_KEY"] == "k" * 64
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
