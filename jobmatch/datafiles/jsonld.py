"""schema.org JobPosting objects from a saved HTML page (JSON-LD script blocks) or a JSON file.

Only the standard library: `html.parser` finds `<script type="application/ld+json">` blocks and
turns the HTML description into plain text with line breaks.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

from jobmatch.datafiles.import_files import ImportFileError, check_size, decode

_BREAKS = {"p", "br", "li", "div", "h1", "h2", "h3", "h4", "tr", "ul", "ol"}
MAX_POSTINGS = 20_000


class _ScriptFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = (dict(attrs).get("type") or "").strip().lower()
        if tag == "script" and kind == "application/ld+json":
            self._inside = True
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.blocks[-1] += data


class _TextMaker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: one line per paragraph or list item."""
    maker = _TextMaker()
    maker.feed(markup)
    maker.close()
    lines = (" ".join(line.split()) for line in "".join(maker.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _is_posting(node: dict[str, Any]) -> bool:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return "JobPosting" in kinds


def _walk(node: Any, found: list[dict[str, Any]]) -> None:
    if isinstance(node, list):
        for item in node:
            _walk(item, found)
    elif isinstance(node, dict):
        if _is_posting(node):
            found.append(node)
        elif "@graph" in node:
            _walk(node["@graph"], found)


def _load_block(block: str, number: int) -> Any:
    try:
        return json.loads(block)
    except (json.JSONDecodeError, RecursionError) as exc:
        where = f"regel/line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
        raise ImportFileError(
            f"Het JSON-LD-blok {number} is geen geldige JSON ({where}). "
            f"/ JSON-LD block {number} is not valid JSON ({where})."
        ) from exc


def read_job_postings(raw: bytes, filename: str) -> list[dict[str, Any]]:
    """The JobPosting objects of a .json file or an HTML page, in order of appearance."""
    check_size(raw)
    text, _encoding = decode(raw)
    if filename.lower().endswith(".json") or text.lstrip().startswith(("{", "[")):
        blocks = [text]
    else:
        finder = _ScriptFinder()
        finder.feed(text)
        finder.close()
        blocks = finder.blocks
        if not blocks:
            raise ImportFileError(
                "Deze pagina bevat geen vacaturegegevens (JSON-LD). Bewaar de pagina van de "
                "vacature zelf, of plak de tekst. / This page holds no job data (JSON-LD): save "
                "the page of the vacancy itself, or paste the text."
            )
    found: list[dict[str, Any]] = []
    for number, block in enumerate(blocks, start=1):
        _walk(_load_block(block, number), found)
    if not found:
        raise ImportFileError(
            "Geen schema.org JobPosting gevonden in dit bestand. "
            "/ No schema.org JobPosting found in this file."
        )
    return found[:MAX_POSTINGS]
