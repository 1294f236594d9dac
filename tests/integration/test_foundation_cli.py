"""`jobmatch init-db`, `seed` and `check-data` as a user runs them (click's CliRunner)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch.cli import main
from jobmatch.datafiles import check
from jobmatch.datafiles.paths import DATA_FOLDERS, data_root


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("JOBMATCH_DATABASE_URL", "JOBMATCH_INSTANCE", "JOBMATCH_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _copy_data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    for folder in DATA_FOLDERS:
        source = data_root() / folder
        if source.is_dir():
            shutil.copytree(source, root / folder)
        else:
            (root / folder).mkdir(parents=True)
    return root


def test_check_data_names_the_broken_file(tmp_path: Path) -> None:
    root = _copy_data(tmp_path)
    employers = root / "vacancies" / "employers.csv"
    env = {"JOBMATCH_DATA_DIR": str(root)}
    _, before = _run("check-data", env=env)
    header = "id,name,sector,city,pc4,open_to_gap\n"
    employers.write_text(header + "kapot,,horeca,Den Haag,2511,misschien\n", encoding="utf-8")
    code, after = _run("check-data", env=env)
    assert code == 1
    broken_lines = [line for line in after.splitlines() if str(employers) in line]
    assert broken_lines, after
    assert any(":line 2 [name]" in line for line in broken_lines), broken_lines
    assert any(":line 2 [open_to_gap]" in line for line in broken_lines), broken_lines
    assert set(broken_lines) - set(before.splitlines())


def test_check_data_reports_a_broken_toml_with_its_file(tmp_path: Path) -> None:
    root = _copy_data(tmp_path)
    bad = root / "competencies" / "mensen.toml"
    bad.write_text("[[competency]\nid = ", encoding="utf-8")
    code, output = _run("check-data", "--root", str(root))
    assert code == 1
    assert any(line.startswith(str(bad)) and "TOML" in line for line in output.splitlines())


def test_check_data_passes_on_a_clean_set_and_reports_missing_checkers(
    tmp_path: Path, demo_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (demo_root / "competencies").mkdir()
    monkeypatch.setattr(
        check,
        "CHECKERS",
        (("jobmatch.datafiles.people", "read_organisations_not_here", "vacancies"),),
    )
    code, output = _run("check-data", "--root", str(demo_root))
    assert code == 1 and "checker is missing" in output
    monkeypatch.setattr(check, "CHECKERS", (("jobmatch.datafiles.lexicon", "check_lexicon", "x"),))
    code, output = _run("check-data", "--root", str(demo_root))
    assert code == 1 and "folder is missing" in output


def test_init_db_creates_then_reuses(tmp_path: Path) -> None:
    instance = tmp_path / "inst"
    code, output = _run("init-db", "--instance", str(instance))
    assert code == 0 and "created" in output
    tables = sqlite3.connect(instance / "jobmatch.sqlite").execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'"
    )
    assert {"participant", "vacancy", "alembic_version"} <= {row[0] for row in tables}
    code, output = _run("init-db", "--instance", str(instance))
    assert code == 0 and "up to date" in output


def test_init_db_unreachable_database_is_one_sentence(tmp_path: Path) -> None:
    env = {"JOBMATCH_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"}
    code, output = _run("init-db", "--instance", str(tmp_path), env=env)
    assert code == 2
    assert output.startswith("Fout / error: Database niet bereikbaar / database unreachable")
    assert len(output.strip().splitlines()) == 1


def test_init_db_unwritable_instance_is_one_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    code, output = _run("init-db", "--instance", str(blocker / "inst"))
    assert code == 2
    assert "instance folder not writable" in output
    assert len(output.strip().splitlines()) == 1


def test_seed_twice_via_cli(tmp_path: Path, demo_root: Path) -> None:
    env = {"JOBMATCH_DATA_DIR": str(demo_root)}
    args = ("seed", "--instance", str(tmp_path), "--no-extract")
    code, output = _run(*args, env=env)
    assert code == 0 and "participant +1" in output and "staff_user +3" in output
    code, output = _run(*args, env=env)
    assert code == 0 and "participant +0" in output
    database = sqlite3.connect(tmp_path / "jobmatch.sqlite")
    assert database.execute("SELECT count(*) FROM vacancy").fetchone() == (2,)


def test_seed_with_a_broken_data_file_changes_nothing(tmp_path: Path, demo_root: Path) -> None:
    (demo_root / "vacancies" / "participants" / "ana.json").write_text("{", encoding="utf-8")
    env = {"JOBMATCH_DATA_DIR": str(demo_root)}
    code, output = _run("seed", "--instance", str(tmp_path), "--no-extract", env=env)
    assert code == 2 and "ana.json" in output and "JSON" in output
    database = sqlite3.connect(tmp_path / "jobmatch.sqlite")
    assert database.execute("SELECT count(*) FROM organisation").fetchone() == (0,)


def test_serve_stops_with_one_sentence_for_an_unwritable_instance(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    code, output = _run("serve", "--instance", str(blocker / "inst"), "--port", "9")
    assert code == 2
    assert output.startswith("Fout / error: Instance-map niet schrijfbaar")
    assert len(output.strip().splitlines()) == 1


def test_serve_stops_before_listening_when_demo_data_is_broken(
    tmp_path: Path, demo_root: Path
) -> None:
    (demo_root / "vacancies" / "employers.csv").write_text("", encoding="utf-8")
    env = {"JOBMATCH_DATA_DIR": str(demo_root)}
    code, output = _run("serve", "--instance", str(tmp_path), "--port", "9", env=env)
    assert code == 2
    assert "employers.csv" in output and "file is empty" in output
    assert "running at" not in output
