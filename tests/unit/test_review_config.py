"""instance/config.toml with a number where text belongs: one clear error (review find)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch.cli import main
from jobmatch.web.config import InstanceError, load_config


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("JOBMATCH_DATABASE_URL", "JOBMATCH_INSTANCE", "JOBMATCH_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("line", ["database_url = 5", "secret_key = [1, 2]"])
def test_a_setting_that_must_be_text_but_is_not_is_refused(tmp_path: Path, line: str) -> None:
    (tmp_path / "config.toml").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InstanceError, match="moet tekst zijn / must be text"):
        load_config({"INSTANCE_PATH": str(tmp_path)})


def test_init_db_with_a_number_as_database_url_gives_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("database_url = 5\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init-db", "--instance", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert "database_url moet tekst zijn / must be text" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_text_settings_still_load(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('database_url = "sqlite:///x.db"\n', encoding="utf-8")
    assert load_config({"INSTANCE_PATH": str(tmp_path)})["DATABASE_URL"] == "sqlite:///x.db"


def test_a_config_file_nested_too_deeply_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(
        "x = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8"
    )
    with pytest.raises(InstanceError, match="config file unreadable"):
        load_config({"INSTANCE_PATH": str(tmp_path)})


def test_a_demo_participant_nested_too_deeply_is_a_problem(tmp_path: Path) -> None:
    from jobmatch.datafiles.people import read_participant

    path = tmp_path / "p.json"
    path.write_text('{"name": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    participant, problems = read_participant(path)
    assert participant is None and "te diep genest" in problems[0].message
