"""DOCX: real Word styles, and nothing that links the file to the app, a template or a time."""

from __future__ import annotations

import io
import posixpath
import re
import time
import zipfile
from datetime import UTC, datetime, timedelta

import docx
import pytest

from jobmatch.datafiles.guard import load_guard_config
from jobmatch.documents.inspect import docx_text_parts
from jobmatch.domain.document import Block, Document
from jobmatch.domain.guard import scan_text
from jobmatch.services.documents import build_document

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def sample(name: str = "Őrsi Kovács", lang: str = "nl") -> Document:
    heading = "PROFIEL" if lang == "nl" else "PROFILE"
    return Document(
        kind="cv",
        lang=lang,  # type: ignore[arg-type]
        title=f"CV {name}",
        author=name,
        blocks=(
            Block("title", name),
            Block("subtitle", "orsi@example.org | Den Haag"),
            Block("heading", heading),
            Block("paragraph", "Ik ben gastvrij en klantgericht. Ik spreek Hongaars (ő, ű)."),
            Block("heading", "COMPETENTIES"),
            Block("subheading", "Gastvrijheid"),
            Block("bullets", items=("Ik ontvang mensen warm.", "Ik zorg voor een prettige sfeer.")),
        ),
        filename_stem=f"cv-{name.split(maxsplit=1)[0]}",
    )


def parts_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return build_document(document=sample(), fmt="docx").data


def test_paragraphs_use_real_heading_and_list_styles(rendered: bytes) -> None:
    paragraphs = docx.Document(io.BytesIO(rendered)).paragraphs
    styled = [(p.style.name, p.text) for p in paragraphs]
    assert styled == [
        ("Title", "Őrsi Kovács"),
        ("Subtitle", "orsi@example.org | Den Haag"),
        ("Heading 1", "PROFIEL"),
        ("Normal", "Ik ben gastvrij en klantgericht. Ik spreek Hongaars (ő, ű)."),
        ("Heading 1", "COMPETENTIES"),
        ("Heading 2", "Gastvrijheid"),
        ("List Bullet", "Ik ontvang mensen warm."),
        ("List Bullet", "Ik zorg voor een prettige sfeer."),
    ]


def test_page_is_a4(rendered: bytes) -> None:
    section = docx.Document(io.BytesIO(rendered)).sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


def test_core_properties_name_the_participant_and_now(rendered: bytes) -> None:
    props = docx.Document(io.BytesIO(rendered)).core_properties
    assert props.author == "Őrsi Kovács"
    assert props.last_modified_by == "Őrsi Kovács"
    assert props.title == "CV Őrsi Kovács"
    assert (props.comments, props.category, props.keywords, props.subject) == ("", "", "", "")
    assert props.revision == 1
    now = datetime.now(UTC).replace(tzinfo=None)
    assert props.created is not None and props.modified is not None
    created = props.created.replace(tzinfo=None)
    assert abs(now - created) < timedelta(minutes=2)
    assert props.modified.replace(tzinfo=None) == created


def test_no_thumbnail_custom_xml_or_tool_traces(rendered: bytes) -> None:
    parts = parts_of(rendered)
    names = set(parts)
    assert not any(n.startswith(("customXml/", "docProps/thumbnail")) for n in names)
    assert "word/stylesWithEffects.xml" not in names
    app = parts["docProps/app.xml"].decode()
    for field in ("Application", "Template", "Company", "Manager", "AppVersion"):
        assert f"<{field}" not in app
    everything = b"".join(parts.values())
    for trace in (b"python-docx", b"2013-12-23", b"Macintosh", b"Normal.dotm", b"rsid"):
        assert trace not in everything, trace
    assert b"paraId" not in everything and b"textId" not in everything
    assert b"w14:docId" not in everything


def test_languages_are_only_the_document_language() -> None:
    for lang, expected in (("nl", "nl-NL"), ("en", "en-GB")):
        parts = parts_of(build_document(document=sample(lang=lang), fmt="docx").data)
        values = set()
        for data in parts.values():
            for attributes in re.findall(rb"<w:(?:lang|themeFontLang) ([^>]*?)/?>", data):
                assert attributes.count(b"=") == 1, attributes  # only w:val, no eastAsia/bidi
                values |= set(re.findall(rb'w:val="([^"]+)"', attributes))
        assert values == {expected.encode()}


def test_relationships_point_to_parts_that_exist_and_no_links(rendered: bytes) -> None:
    parts = parts_of(rendered)
    for name, data in parts.items():
        if not name.endswith(".rels"):
            continue
        base = posixpath.dirname(posixpath.dirname(name))
        for target in re.findall(rb'Target="([^"]+)"', data):
            full = posixpath.normpath(posixpath.join(base, target.decode()))
            assert full in parts, (name, full)
    assert b'TargetMode="External"' not in b"".join(parts.values())
    assert b"<w:hyperlink" not in parts["word/document.xml"]


def test_zip_is_written_in_a_fixed_order_with_fixed_times(rendered: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(rendered)) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    rest = [i.filename for i in infos if not i.filename.startswith(("[", "_rels/"))]
    assert rest == sorted(rest)


def ids_in(data: bytes) -> set[tuple[bytes, bytes]]:
    """Every (attribute, value) whose attribute name ends in id/Id, plus rsid* attributes."""
    found: set[tuple[bytes, bytes]] = set()
    for part in parts_of(data).values():
        found |= set(re.findall(rb'([\w:]*(?:[iI]d|rsid\w*))="([^"]+)"', part))
        hex_values = re.findall(rb'="([0-9A-Fa-f]{8,})"', part)
        found |= {(b"hex", v) for v in hex_values if not v.isdigit()}  # digits only: a number
    return found


def harmless(value: bytes) -> bool:
    """Small sequential numbers, relationship ids and style names: the same in every file of
    this app and identifying nothing."""
    if value.isdigit():
        return int(value) < 100
    return re.fullmatch(rb"rId\d{1,2}|[A-Z][A-Za-z]*\d?", value) is not None


def test_two_participants_share_no_identifying_ids() -> None:
    first = build_document(document=sample("Ana Souza"), fmt="docx").data
    time.sleep(1.05)
    second = build_document(document=sample("Réka Tóth"), fmt="docx").data
    shared = ids_in(first) & ids_in(second)
    assert shared, "the comparison found no ids at all"
    # Only small sequential numbers (numbering definitions) and rIdN may repeat.
    assert all(harmless(value) for _, value in shared), shared
    assert not any(b"rsid" in name or b"paraId" in name for name, _ in ids_in(first))
    created = [docx.Document(io.BytesIO(d)).core_properties.created for d in (first, second)]
    assert created[0] != created[1]


def test_guard_reads_text_and_properties_but_not_markup(rendered: bytes) -> None:
    parts = docx_text_parts(rendered)
    assert "Őrsi Kovács" in parts["word/document.xml"]
    assert "CV Őrsi Kovács" in parts["docProps/core.xml"]  # property values are scanned
    everything = "\n".join(parts.values())
    assert "schemas.openxmlformats.org" not in everything  # namespace and type URIs are not
    assert "2006" not in everything
    created = docx.Document(io.BytesIO(rendered)).core_properties.created
    assert created is not None and str(created.year) not in parts["docProps/core.xml"]
    assert scan_text(parts, load_guard_config()) == []
