"""Reading an uploaded import file: size, binary check, encoding, CSV delimiter, header.

Dutch Excel writes CSV with `;` in cp1252 ("CSV (gescheiden door lijstscheidingsteken)") or in
UTF-8 with a byte order mark ("CSV UTF-8"); other tools write `,`. All are detected here. Every
problem with the file as a whole is an `ImportFileError` with one clear sentence (Dutch, then
English); problems of single rows are left to the row checks.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass

from jobmatch.domain.errors import JobmatchError

MAX_IMPORT_BYTES = 25 * 1024 * 1024  # 10,000 vacancies of ~250 words are ~17 MB
DELIMITERS = (";", ",", "\t")
_MAGIC = {
    b"PK\x03\x04": "een Excel- of zip-bestand / an Excel or zip file",
    b"%PDF": "een PDF / a PDF",
    b"\xd0\xcf\x11\xe0": "een oud Excel- of Word-bestand / an old Excel or Word file",
    b"\x89PNG": "een afbeelding / an image",
    b"\xff\xd8\xff": "een afbeelding / an image",
}


class ImportFileError(JobmatchError):
    """The file as a whole cannot be read; nothing from it is stored."""


@dataclass(frozen=True)
class CsvTable:
    header: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]  # (line number, cells by column name)
    delimiter: str
    encoding: str


def check_size(raw: bytes) -> None:
    if len(raw) > MAX_IMPORT_BYTES:
        size = len(raw) / 1024 / 1024
        limit = MAX_IMPORT_BYTES // 1024 // 1024
        raise ImportFileError(
            f"Het bestand is te groot ({size:.0f} MB, maximaal {limit} MB): splits het in delen. "
            f"/ The file is too large ({size:.0f} MB, at most {limit} MB): split it into parts."
        )
    if not raw.strip():
        raise ImportFileError("Het bestand is leeg. / The file is empty.")


def decode(raw: bytes) -> tuple[str, str]:
    """(text, encoding name). Refuses binary files with a message that says what they look like."""
    for magic, what in _MAGIC.items():
        if raw.startswith(magic):
            raise ImportFileError(
                f"Dit is geen tekstbestand maar {what.split(' / ')[0]}: bewaar het als CSV. "
                f"/ This is not a text file but {what.split(' / ')[1]}: save it as CSV."
            )
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in raw[:8192]:
        raise ImportFileError(
            "Dit is geen tekstbestand (het bevat binaire gegevens). "
            "/ This is not a text file (it contains binary data)."
        )
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "cp1252"


def sniff_delimiter(header_line: str) -> str:
    """The delimiter used most in the header line (`;`, `,` or tab)."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _header_problem(header: list[str], required: tuple[str, ...]) -> str | None:
    missing = [name for name in required if name not in header]
    if not missing:
        return None
    found = ", ".join(header[:8]) or "-"
    if len(header) == 1:
        return (
            f"Alleen één kolom gevonden ({found[:80]}): gebruik ; of , als scheidingsteken. "
            f"/ Only one column found: use ; or , as the delimiter."
        )
    return (
        f"Verplichte kolommen ontbreken: {', '.join(missing)} (gevonden: {found}). "
        f"/ Required columns are missing: {', '.join(missing)} (found: {found})."
    )


def _cell(cells: list[str], index: int) -> str:
    return cells[index].strip() if index < len(cells) else ""


def read_csv_table(
    raw: bytes, *, required: tuple[str, ...], aliases: dict[str, str] | None = None
) -> CsvTable:
    """The table with a checked header; column names are lower-cased, trimmed and mapped
    through `aliases` (Dutch column names to the template's)."""
    check_size(raw)
    text, encoding = decode(raw)
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = sniff_delimiter(first_line)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    try:
        names = [name.strip().lower() for name in next(reader, [])]
        header = [(aliases or {}).get(name, name) for name in names]
        problem = _header_problem(header, required)
        if problem:
            raise ImportFileError(problem)
        rows = []
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            values = {name: _cell(cells, i) for i, name in enumerate(header) if name}
            rows.append((reader.line_num, values))
    except csv.Error as exc:
        raise ImportFileError(
            f"Het bestand is geen geldige CSV (rond regel {reader.line_num}: {exc}). "
            f"/ The file is not valid CSV (near line {reader.line_num}: {exc})."
        ) from exc
    return CsvTable(tuple(header), tuple(rows), delimiter, encoding)


def csv_template(columns: tuple[str, ...], example: tuple[str, ...]) -> bytes:
    """A template Dutch Excel opens as a table: `;`-separated UTF-8 with a byte order mark."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerow(example)
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")
