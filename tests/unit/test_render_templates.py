"""Three visually different templates, the same data in each; broken templates are reported."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.templates import (
    UnknownTemplateError,
    check_templates,
    list_templates,
    load_template,
)
from jobmatch.domain.document import Block, Document
from jobmatch.services.documents import build_document

TEMPLATES = ("helder", "warm", "compact")
DOC = Document(
    kind="cv",
    lang="en",
    title="CV Luíza Simões",
    author="Luíza Simões",
    blocks=(
        Block("title", "Luíza Simões"),
        Block("heading", "Profile"),
        Block("paragraph", "I am hospitable and I keep calm when it is busy."),
        Block("heading", "Competencies"),
        Block("subheading", "Hospitality"),
        Block("bullets", items=("I welcome people warmly.",)),
    ),
    filename_stem="cv-luiza",
)


def words(text: str) -> list[str]:
    return re.sub(r"[^\w]+", " ", text.casefold()).split()


def test_shipped_templates_are_valid() -> None:
    assert set(TEMPLATES) <= set(list_templates())
    assert check_templates() == []


def test_templates_never_mention_an_organisation() -> None:
    text = " ".join(p.read_text("utf-8") for p in data_dir("cv_templates").rglob("*.toml"))
    assert "stichting" not in text.lower()


def test_templates_differ_in_type_layout_and_accent() -> None:
    styles = [load_template(name) for name in TEMPLATES]
    assert len({s.heading_style for s in styles}) == 3
    assert len({s.accent for s in styles}) == 3
    assert len({s.font for s in styles}) == 3  # Arial, Calibri and Times New Roman widths
    assert len({s.title_size for s in styles}) == 3


def test_docx_headings_carry_the_template_look() -> None:
    looks = {"helder": b"<w:pBdr>", "warm": b"<w:smallCaps/>", "compact": b"w:fill="}
    for name, marker in looks.items():
        data = build_document(document=DOC, fmt="docx", template=name).data
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            styles = archive.read("word/styles.xml")
        heading = styles[styles.index(b'w:styleId="Heading1"') :].split(b"</w:style>")[0]
        assert marker in heading, name
        assert load_template(name).accent.encode() in styles


def test_same_text_in_every_template_and_format() -> None:
    texts = set()
    for name in TEMPLATES:
        pdf = build_document(document=DOC, fmt="pdf", template=name).data
        reader = PdfReader(io.BytesIO(pdf))
        texts.add(tuple(words(reader.pages[0].extract_text())))
        fonts = b" ".join(re.findall(rb"/BaseFont /\w+\+([\w-]+)", pdf))
        assert (b"Serif" in fonts) == (load_template(name).font == "serif")
    assert len(texts) == 1
    assert next(iter(texts)) == tuple(words(DOC.plain_text()))


def test_unknown_template_lists_the_available_ones() -> None:
    with pytest.raises(UnknownTemplateError) as caught:
        build_document(document=DOC, fmt="pdf", template="fancy")
    message = str(caught.value)
    assert "fancy" in message and all(name in message for name in TEMPLATES)
    assert message.startswith("Onbekende sjabloon / unknown template")


def test_broken_template_problems_name_file_and_field(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "meta.toml").write_text(
            'font = "comic"\nheading_style = "rule"\naccent = "blue"\nbase_size = 99\n'
            'text_colour = "222222"\nband_colour = "EEEEEE"\nlabel_nl = "A"\nlabel_en = "A"\n',
            encoding="utf-8",
        )
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "meta.toml").write_text("font = [", encoding="utf-8")
    problems = [str(p) for p in check_templates(tmp_path)]
    assert any("[font]" in p for p in problems)
    assert any("[accent]" in p for p in problems)
    assert any("[base_size]" in p for p in problems)
    assert any("TOML" in p and "c/meta.toml" in p for p in problems)
    (tmp_path / "c" / "meta.toml").unlink()
    assert any("drie sjablonen" in p for p in map(str, check_templates(tmp_path)))
