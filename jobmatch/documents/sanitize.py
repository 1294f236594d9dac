"""Remove everything from a DOCX or PDF that could link it to this app, a template or a time.

DOCX: new core properties (author/last-modified-by = the participant, title, created/modified =
now in UTC, revision 1; nothing else), a minimal app.xml, no thumbnail, customXml, comments,
glossary or stylesWithEffects part, no rsid attributes or elements, no w14 paragraph ids,
document id or list-definition ids (nsid, tmpl), a font table that lists only the bundled
fonts (no panose or signature codes), every w:lang set to nl-NL or en-GB, and the zip written
in a fixed order with fixed entry times. PDF: rewritten with pypdf, info with only /Title and
/Author, a random document ID and random font-subset prefixes (reportlab writes "AAAAAA+").
"""

from __future__ import annotations

import io
import posixpath
import re
import secrets
import string
import unicodedata
import zipfile
from datetime import UTC, datetime
from functools import lru_cache
from xml.sax.saxutils import escape  # nosec B406  (escape() writes XML text; parses nothing)

from lxml import etree
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, DictionaryObject, NameObject

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
LANGS = {"nl": "nl-NL", "en": "en-GB"}
DROP_PARTS = re.compile(
    r"^(docProps/thumbnail\.|docProps/custom\.xml|customXml/|word/stylesWithEffects\.xml|"
    r"word/comments|word/people\.xml|word/glossary/|word/vbaProject|word/_rels/vbaProject)"
)
DROP_ELEMENTS = {
    f"{{{W}}}rsids",
    f"{{{W}}}rsid",
    f"{{{W}}}attachedTemplate",
    f"{{{W}}}savePreviewPicture",
    f"{{{W}}}docVars",
    f"{{{W}}}nsid",  # fixed list-definition ids of the template
    f"{{{W}}}tmpl",
    f"{{{W14}}}docId",
    "{http://schemas.microsoft.com/office/word/2012/wordml}docId",
}
DROP_ATTRIBUTES = {f"{{{W14}}}paraId", f"{{{W14}}}textId"}
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")

CORE_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>"
    "<cp:lastModifiedBy>{author}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
    "<dc:language>{lang}</dc:language></cp:coreProperties>"
)
FONT_TABLE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:fonts xmlns:w="{W}">'
    '<w:font w:name="Arial"><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
    '<w:font w:name="Times New Roman"><w:family w:val="roman"/><w:pitch w:val="variable"/>'
    "</w:font>"
    '<w:font w:name="Calibri"><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
    "</w:fonts>"
)
APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><DocSecurity>0</DocSecurity></Properties>'
)


def clean_text(text: str) -> str:
    """NFC text without control characters that XML and PDF cannot carry."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


@lru_cache(maxsize=64)
def _clean_xml(data: bytes, lang: str) -> bytes:
    if not any(marker in data for marker in (b"rsid", b"w:lang", b"w14:", b"w:nsid")):
        return data
    root = etree.fromstring(data)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if element.tag in DROP_ELEMENTS:
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
            continue
        for key in list(element.attrib):
            local = key.rsplit("}", 1)[-1]
            if local.startswith("rsid") or key in DROP_ATTRIBUTES:
                del element.attrib[key]
        if element.tag in (f"{{{W}}}lang", f"{{{W}}}themeFontLang"):
            element.attrib.clear()
            element.set(f"{{{W}}}val", lang)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _clean_rels(name: str, data: bytes, kept: set[str]) -> bytes:
    """Drop relationships to removed parts and external links other than mailto:."""
    root = etree.fromstring(data)
    base = posixpath.dirname(posixpath.dirname(name))
    for rel in list(root):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            if not target.startswith("mailto:"):
                root.remove(rel)
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
        if posixpath.normpath(path) not in kept:
            root.remove(rel)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _clean_content_types(data: bytes, kept: set[str]) -> bytes:
    root = etree.fromstring(data)
    extensions = {name.rsplit(".", 1)[-1].lower() for name in kept}
    for entry in list(root):
        part = entry.get("PartName")
        if part is not None and part.lstrip("/") not in kept:
            root.remove(entry)
        extension = entry.get("Extension")
        if extension is not None and extension.lower() not in extensions:
            root.remove(entry)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _zip_order(name: str) -> tuple[int, str]:
    return (0 if name == "[Content_Types].xml" else 1 if name.startswith("_rels/") else 2, name)


def _write_zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(parts, key=_zip_order):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, parts[name])
    return out.getvalue()


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sanitize_docx(data: bytes, *, author: str, title: str, lang: str) -> bytes:
    """The DOCX without identifying metadata (see module docstring)."""
    language = LANGS.get(lang, "nl-NL")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {
            name: archive.read(name) for name in archive.namelist() if not DROP_PARTS.match(name)
        }
    kept = set(parts)
    for name in list(parts):
        if name.endswith(".rels"):
            parts[name] = _clean_rels(name, parts[name], kept)
        elif name == "[Content_Types].xml":
            parts[name] = _clean_content_types(parts[name], kept)
        elif name.endswith(".xml"):
            parts[name] = _clean_xml(parts[name], language)
    fields = {"title": escape(clean_text(title)), "author": escape(clean_text(author))}
    parts["docProps/core.xml"] = CORE_XML.format(**fields, now=utc_now(), lang=language).encode()
    parts["docProps/app.xml"] = APP_XML.encode()
    if "word/fontTable.xml" in parts:
        parts["word/fontTable.xml"] = FONT_TABLE.encode()
    return _write_zip(parts)


def _random_prefix() -> str:
    return "".join(secrets.choice(string.ascii_uppercase) for _ in range(6))


def _rename_subset(font: DictionaryObject, renamed: dict[str, str]) -> None:
    """A random six-letter prefix instead of reportlab's 'AAAAAA+', once per subset."""
    targets: list[tuple[DictionaryObject, str]] = [(font, "/BaseFont")]
    descriptor = font.get("/FontDescriptor")
    if descriptor is not None:
        targets.append((descriptor.get_object(), "/FontName"))
    for holder, key in targets:
        name = str(holder.get(key, ""))
        if name in renamed.values() or not re.match(r"^/[A-Z]{6}\+", name):
            continue
        new_name = renamed.setdefault(name, f"/{_random_prefix()}{name[7:]}")
        holder[NameObject(key)] = NameObject(new_name)


def _clean_fonts(writer: PdfWriter) -> None:
    """Rename font subsets; drop font entries that no page's content names."""
    font_dicts: list[DictionaryObject] = []
    used = b""
    for page in writer.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        if fonts is not None:
            font_dicts.append(fonts.get_object())
        contents = page.get_contents()
        used += contents.get_data() if contents is not None else b""
    renamed: dict[str, str] = {}
    for fonts in font_dicts:
        for key in list(fonts):
            if f"{key} ".encode() not in used:
                del fonts[key]
            else:
                font = fonts[key].get_object()
                if isinstance(font, DictionaryObject):
                    _rename_subset(font, renamed)


def sanitize_pdf(data: bytes, *, author: str, title: str) -> bytes:
    """Rewrite the PDF: only title and author, a random ID, no producer or dates."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.metadata = None
    writer.add_metadata({"/Title": clean_text(title), "/Author": clean_text(author)})
    identifier = ByteStringObject(secrets.token_bytes(16))
    writer._ID = ArrayObject([identifier, ByteStringObject(secrets.token_bytes(16))])
    _clean_fonts(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
