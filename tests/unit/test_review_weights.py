"""Weights refuse NaN and infinity (review: `--weight text=nan` ranked nothing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobmatch.domain.errors import DataFileError
from jobmatch.domain.ranking import Weights, weights_from_toml


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_updated_refuses_values_that_are_not_finite(value: float) -> None:
    with pytest.raises(DataFileError, match="eindig getal zijn / must be finite"):
        Weights().updated({"text": value}, source="--weight")


@pytest.mark.parametrize("value", ["nan", "inf", "-nan"])
def test_weights_file_with_nan_or_inf_is_refused(tmp_path: Path, value: str) -> None:
    path = tmp_path / "w.toml"
    path.write_text(f"[weights]\nmust = {value}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="must"):
        weights_from_toml(path)


def test_constructor_refuses_nan_but_keeps_ordinary_values() -> None:
    with pytest.raises(ValueError, match="finite"):
        Weights(text=float("nan"))
    assert Weights(text=0.0).text == 0.0 and Weights(text=2).text == 2


def test_weights_file_nested_too_deeply_is_a_data_file_error(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text("text = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="geen geldige TOML / invalid TOML"):
        weights_from_toml(path)


def test_data_file_nested_too_deeply_is_a_data_file_error(tmp_path: Path) -> None:
    from jobmatch.datafiles.reading import read_toml

    path = tmp_path / "x.toml"
    path.write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="te diep genest / nested too deeply"):
        read_toml(path)
