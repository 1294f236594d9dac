"""Reading data files with problems reported as file + entry + field, never a traceback."""

from __future__ import annotations

import codecs
import csv
import io
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jobmatch.domain.errors import DataFileError, Problem


def decode_text(raw: bytes) -> str:
    """UTF-8 (with or without BOM); UTF-16 with a BOM (Windows PowerShell `>` and Notepad's
    "Unicode"); cp1252 as the fallback Dutch Windows tools write."""
    if is_utf16(raw):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def is_utf16(raw: bytes) -> bool:
    """Starts with a UTF-16 byte order mark (its NUL bytes do not make it binary)."""
    return raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def read_text(path: Path) -> str:
    """The file decoded as `decode_text` does."""
    return decode_text(path.read_bytes())


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(
            [Problem(str(path), "", "", f"geen geldige TOML / invalid TOML: {exc}")]
        ) from exc
    except RecursionError as exc:  # arrays nested thousands deep
        raise DataFileError(
            [
                Problem(
                    str(path),
                    "",
                    "",
                    "geen geldige TOML / invalid TOML: te diep genest / nested too deeply",
                )
            ]
        ) from exc


def _delimiter(text: str) -> str:
    header = text.splitlines()[0] if text else ""
    return ";" if header.count(";") > header.count(",") else ","


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    """Rows as dicts; the delimiter (`,` or `;`) is sniffed from the header line."""
    text = read_text(path)
    reader = csv.DictReader(io.StringIO(text), delimiter=_delimiter(text))
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader]


def read_csv_header(path: Path) -> list[str]:
    """The column names of the header line (same delimiter sniffing as read_csv_rows)."""
    text = read_text(path)
    header = next(csv.reader(io.StringIO(text), delimiter=_delimiter(text)), [])
    return [name.strip() for name in header if name.strip()]


class EntryChecker:
    """Collects problems while reading fields of one entry of a data file."""

    def __init__(self, source: str, where: str, problems: list[Problem]) -> None:
        self.source = source
        self.where = where
        self.problems = problems

    def fail(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.source, self.where, field, message))

    def text(self, entry: Mapping[str, Any], field: str, *, required: bool = True) -> str:
        value = entry.get(field, "")
        if not isinstance(value, str):
            self.fail(field, "moet tekst zijn / must be text")
            return ""
        if required and not value.strip():
            self.fail(field, "ontbreekt of is leeg / is missing or empty")
        return value.strip()

    def texts(self, entry: Mapping[str, Any], field: str, *, minimum: int = 0) -> tuple[str, ...]:
        value = entry.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(field, "moet een lijst met teksten zijn / must be a list of texts")
            return ()
        cleaned = tuple(v.strip() for v in value if v.strip())
        if len(cleaned) < minimum:
            self.fail(
                field,
                f"minstens {minimum} nodig, nu {len(cleaned)} / "
                f"needs at least {minimum} entries, has {len(cleaned)}",
            )
        return cleaned

    def number(self, entry: Mapping[str, Any], field: str, default: float) -> float:
        value = entry.get(field, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(field, "moet een getal zijn / must be a number")
            return default
        return float(value)

    def boolean(self, entry: Mapping[str, Any], field: str, default: bool = False) -> bool:
        value = entry.get(field, default)
        if not isinstance(value, bool):
            self.fail(field, "moet true of false zijn / must be true or false")
            return default
        return value
