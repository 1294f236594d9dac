"""Hostile and broken upload files for the upload fuzz command and its small test version.

`crafted()` builds ~20 named attacks (zip bombs, billion laughs, XXE, truncated, wrong magic …);
`mutated(n, seed)` derives n files from a valid DOCX and the crafted ones by flipping, cutting,
duplicating and inserting bytes. All in memory; the same seed gives the same files.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
from collections.abc import Iterator

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def body(paragraphs: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0"?>{prolog}<w:document {W}><w:body>{paragraphs}'
            "</w:body></w:document>").encode()  # fmt: skip


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx(document: bytes, extra: dict[str, bytes] | None = None, level: int = 6) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def valid_docx() -> bytes:
    lines = ["Ik ontving gasten in een hotel.", "Ik plande de week voor het team.", "Café ë ő ș"]
    return docx(body("".join(para(line) for line in lines)))


def _lying_sizes(data: bytes) -> bytes:
    """A zip whose directory claims tiny sizes for a large member."""
    raw = bytearray(data)
    at = raw.find(b"PK\x01\x02")
    while at != -1:
        struct.pack_into("<I", raw, at + 24, 10)  # uncompressed size in the central directory
        at = raw.find(b"PK\x01\x02", at + 4)
    return bytes(raw)


def _bombs() -> dict[str, bytes]:
    zeros = b"\0" * (64 * 1024 * 1024)
    nested = docx(body(para("x")), {"inner.zip": docx(body(para("y")))})
    return {
        "zip-bomb-64mib-zeros": docx(body(para("x")), {"word/media/zeros.bin": zeros}, level=9),
        "zip-bomb-document-body": docx(b"<a>" + b"A" * (30 * 1024 * 1024) + b"</a>", level=9),
        "zip-many-entries": docx(body(para("x")), {f"f/{i}.xml": b"<a/>" for i in range(3000)}),
        "zip-lying-sizes": _lying_sizes(docx(body(para("B" * 12_000_000)), level=9)),
        "zip-nested": nested,
    }


def _xml_attacks() -> dict[str, bytes]:
    levels = [f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)]
    laughs = '<!ENTITY l0 "lol">' + "".join(levels)
    return {
        "billion-laughs": docx(body(para("&l9;"), f"<!DOCTYPE d [{laughs}]>")),
        "xxe-file": docx(
            body(para("&x;"), '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
        ),
        "xxe-parameter": docx(
            body(para("x"), '<!DOCTYPE d [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x"> %p;]>')
        ),
        "dtd-only": docx(body(para("x"), "<!DOCTYPE d>")),
        "deep-nesting": docx(b"<a>" * 200_000 + b"</a>" * 200_000),
        "not-xml-body": docx(b"\xff\xfe garbage <<<"),
        "many-paragraphs": docx(body(para("woord " * 20) * 20_000)),
    }


def _broken() -> dict[str, bytes]:
    good = valid_docx()
    encrypted = bytearray(good)
    encrypted[6] |= 0x1
    at = encrypted.find(b"PK\x01\x02")
    encrypted[at + 8] |= 0x1
    return {
        "truncated-half": good[: len(good) // 2],
        "truncated-tail": good[:-30],
        "empty": b"",
        "wrong-magic-pdf": b"%PDF-1.7\n" + good,
        "wrong-magic-png": b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
        "no-document-xml": _without_body(),
        "path-traversal": docx(body(para("x")), {"../../evil.xml": b"<a/>"}),
        "encrypted-flag": bytes(encrypted),
    }


def _without_body() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
    return buffer.getvalue()


def crafted() -> dict[str, bytes]:
    return {"valid-docx": valid_docx(), **_bombs(), **_xml_attacks(), **_broken()}


def _mutate(data: bytes, rng: random.Random) -> bytes:
    raw = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.random()
        at = rng.randrange(max(len(raw), 1))
        if op < 0.5 and raw:
            raw[at] = rng.randrange(256)
        elif op < 0.7:
            raw[at:at] = rng.randbytes(rng.randint(1, 64))
        elif op < 0.85 and raw:
            del raw[at : at + rng.randint(1, 256)]
        else:
            raw = raw[: rng.randrange(max(len(raw), 1))]
    return bytes(raw)


def mutated(n: int, seed: int = 9) -> Iterator[tuple[str, bytes]]:
    rng = random.Random(seed)
    small = {name: data for name, data in crafted().items() if len(data) < 200_000}
    sources = [valid_docx()] * 4 + list(small.values())
    for index in range(n):
        yield f"mutated-{index:04d}", _mutate(rng.choice(sources), rng)
