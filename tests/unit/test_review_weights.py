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
