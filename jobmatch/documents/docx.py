"""Document -> DOCX bytes with python-docx, using real Word styles.

Title, Subtitle, Heading 1 (standard headings), Heading 2 and List Bullet: accessible and
readable by applicant tracking systems. One column. The styled base file per template is built
once per process (styles trimmed to the ones used, so every CV is small and quick to write).
The result still has to go through `sanitize.sanitize_docx`.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache
from typing import Any

import docx
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

from jobmatch.documents.fonts import DOCX_NAMES
from jobmatch.documents.sanitize import clean_text
from jobmatch.domain.document import Block, Document
from jobmatch.domain.style import LETTER_GAP, TemplateStyle

KEEP_STYLES = {
    "Normal",
    "Title",
    "Subtitle",
    "Heading1",
    "Heading2",
    "ListBullet",
    "ListParagraph",
    "DefaultParagraphFont",
    "TableNormal",
    "NoList",
}


def _set_fonts(rpr: Any, font_name: str) -> None:
    """Replace theme fonts by the template font for every script."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font_name)


def _remove(parent: Any, tag: str) -> None:
    for child in parent.findall(qn(tag)):
        parent.remove(child)


# Children of w:pPr that must come after w:shd (the schema fixes the order; Word is strict).
_AFTER_SHD = (
    "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def _bottom_rule(ppr: Any, colour: str) -> None:
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "2"), ("w:color", colour)):
        bottom.set(qn(key), value)
    border.append(bottom)
    ppr.insert_element_before(border, "w:shd", *_AFTER_SHD)


def _band(ppr: Any, colour: str) -> None:
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", colour)):
        shading.set(qn(key), value)
    ppr.insert_element_before(shading, *_AFTER_SHD)


def _style_paragraph_style(
    doc: Any, name: str, style: TemplateStyle, *, size: float, colour: str, bold: bool
) -> Any:
    word_style = doc.styles[name]
    element = word_style.element
    _remove(element, "w:rsid")
    ppr = element.get_or_add_pPr()
    _remove(ppr, "w:pBdr")
    _remove(ppr, "w:shd")
    rpr = element.get_or_add_rPr()
    _set_fonts(rpr, DOCX_NAMES[style.font])
    font = word_style.font
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = RGBColor.from_string(colour)
    for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
        color = rpr.find(qn("w:color"))
        if color is not None and color.get(qn(attr)) is not None:
            del color.attrib[qn(attr)]
    return word_style


def _style_headings(doc: Any, style: TemplateStyle) -> None:
    heading = _style_paragraph_style(
        doc, "Heading 1", style, size=style.heading_size, colour=style.accent, bold=True
    )
    heading.font.all_caps = style.heading_upper and style.heading_style != "smallcaps"
    heading.font.small_caps = style.heading_style == "smallcaps"
    fmt = heading.paragraph_format
    fmt.space_before = Pt(style.heading_space_before)
    fmt.space_after = Pt(style.paragraph_space + 2)
    fmt.keep_with_next = True
    ppr = heading.element.get_or_add_pPr()
    if style.heading_style == "rule":
        _bottom_rule(ppr, style.accent)
    elif style.heading_style == "band":
        _band(ppr, style.band_colour)
    sub = _style_paragraph_style(
        doc, "Heading 2", style, size=style.subheading_size, colour=style.text_colour, bold=True
    )
    sub.paragraph_format.space_before = Pt(style.paragraph_space + 2)
    sub.paragraph_format.space_after = Pt(style.paragraph_space / 2)
    sub.paragraph_format.keep_with_next = True


def _style_document(doc: Any, style: TemplateStyle) -> None:
    normal = _style_paragraph_style(
        doc, "Normal", style, size=style.base_size, colour=style.text_colour, bold=False
    )
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    normal.paragraph_format.line_spacing = style.line_spacing
    normal.paragraph_format.space_after = Pt(style.paragraph_space)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            _set_fonts(rpr, DOCX_NAMES[style.font])
    title = _style_paragraph_style(
        doc, "Title", style, size=style.title_size, colour=style.accent, bold=True
    )
    title.paragraph_format.space_after = Pt(style.paragraph_space)
    subtitle = _style_paragraph_style(
        doc, "Subtitle", style, size=style.subtitle_size, colour=style.text_colour, bold=False
    )
    subtitle.font.italic = False
    _style_headings(doc, style)
    bullets = doc.styles["List Bullet"]
    bullets.paragraph_format.space_after = Pt(style.paragraph_space / 2)
    for section in doc.sections:
        margin = Cm(style.margin_cm)
        section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4, not US Letter
        section.left_margin = section.right_margin = margin
        section.top_margin = section.bottom_margin = margin


def _trim_styles(doc: Any) -> None:
    """Drop the latent-style table and every style the renderer never uses."""
    root = doc.styles.element
    _remove(root, "w:latentStyles")
    for element in root.findall(qn("w:style")):
        if element.get(qn("w:styleId")) not in KEEP_STYLES:
            root.remove(element)
    for element in root.findall(qn("w:style")):
        _remove(element, "w:link")


@lru_cache(maxsize=16)
def base_docx(style: TemplateStyle) -> bytes:
    """The empty, styled document for one template (built once per process)."""
    doc = docx.Document()
    _style_document(doc, style)
    _trim_styles(doc)
    body = doc.element.body
    for paragraph in body.findall(qn("w:p")):
        body.remove(paragraph)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


STYLE_IDS = {
    "title": "Title",
    "subtitle": "Subtitle",
    "heading": "Heading1",
    "subheading": "Heading2",
    "paragraph": "",
    "bullets": "ListBullet",
}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@lru_cache(maxsize=16)
def _base_parts(style: TemplateStyle) -> tuple[tuple[str, bytes], ...]:
    with zipfile.ZipFile(io.BytesIO(base_docx(style))) as archive:
        return tuple((name, archive.read(name)) for name in archive.namelist())


def _paragraph(text: str, style_id: str, after: int | None = None) -> Any:
    """<w:p> with a paragraph style and one run; newlines become line breaks.
    `after`: space after the paragraph in twentieths of a point (letters)."""
    paragraph = etree.Element(qn("w:p"))
    if style_id or after is not None:
        properties = etree.SubElement(paragraph, qn("w:pPr"))
        if style_id:
            etree.SubElement(properties, qn("w:pStyle")).set(qn("w:val"), style_id)
        if after is not None:
            etree.SubElement(properties, qn("w:spacing")).set(qn("w:after"), str(after))
    run = etree.SubElement(paragraph, qn("w:r"))
    for index, line in enumerate(clean_text(text).split("\n")):
        if index:
            etree.SubElement(run, qn("w:br"))
        for part_index, part in enumerate(line.split("\t")):
            if part_index:
                etree.SubElement(run, qn("w:tab"))
            node = etree.SubElement(run, qn("w:t"))
            node.text = part
            node.set(XML_SPACE, "preserve")
    return paragraph


def _paragraphs(block: Block, after: int | None = None) -> list[Any]:
    style_id = STYLE_IDS[block.kind]
    if block.kind == "bullets":
        return [_paragraph(item, style_id) for item in block.items if item.strip()]
    if not block.text.strip():
        return []
    return [_paragraph(block.text, style_id, after if block.kind == "paragraph" else None)]


def render_docx(document: Document, style: TemplateStyle) -> bytes:
    """The document in this template as DOCX bytes (not yet sanitised).

    The paragraphs are added to the cached, styled base file directly (python-docx looks a
    style up by name for every paragraph, which is most of the time per CV).
    """
    parts = dict(_base_parts(style))
    root = etree.fromstring(parts["word/document.xml"])
    body = root.find(qn("w:body"))
    section = body.find(qn("w:sectPr"))
    # A letter: a blank line between paragraphs (as in the PDF).
    after = round(style.base_size * LETTER_GAP * 20) if document.kind == "letter" else None
    for block in document.blocks:
        for paragraph in _paragraphs(block, after):
            if section is not None:
                section.addprevious(paragraph)
            else:
                body.append(paragraph)
    parts["word/document.xml"] = etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()
