"""A composed document (CV, letter, pitch, interview sheet) as plain blocks.

Composition (domain) produces a Document; renderers (documents/docx.py, documents/pdf.py)
turn any Document into bytes in any template. One column, standard headings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["title", "subtitle", "heading", "subheading", "paragraph", "bullets"]
DocumentKind = Literal["cv", "letter", "pitch", "interview"]


@dataclass(frozen=True)
class Block:
    """One block: `text` for title/subtitle/heading/subheading/paragraph; `items` for bullets."""

    kind: BlockKind
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    kind: DocumentKind
    lang: Literal["nl", "en"]
    title: str  # document title for metadata, e.g. "CV Ana Souza"
    author: str  # the participant's name (metadata author and last-modified-by)
    blocks: tuple[Block, ...]
    filename_stem: str  # neutral, e.g. "cv-ana"

    def plain_text(self) -> str:
        """All visible text in reading order (for guards, txt output and tests)."""
        lines: list[str] = []
        for block in self.blocks:
            if block.kind == "bullets":
                lines.extend(f"- {item}" for item in block.items)
            else:
                lines.append(block.text)
        return "\n".join(lines)
