"""The DOCX CV is the document the PDF is: opened in a real office suite (LibreOffice Writer,
headless) it has as many pages as the PDF, in every template, for short and long profiles.

All DOCX files are converted by ONE soffice call (start-up is most of its time).
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.services.documents import make_cv

SOFFICE = shutil.which("soffice")
TEMPLATES = ("helder", "compact", "warm")
LANDED = "Ik zorgde dat gasten zich welkom voelden en hielp ze met hun vragen."


def _experience(index: int) -> dict[str, str]:
    return {
        "title": f"Medewerker bediening in restaurant {'ABCDEFGH'[index]}",
        "kind": "work",
        "description": "Ik ontving gasten, nam bestellingen op en rekende af aan de kassa. "
        "Ik hield de bar schoon en vulde de voorraad aan.",
    }


def profile(size: str) -> dict[str, Any]:
    ids = ["gastvrijheid", "klantgerichtheid", "samenwerken", "flexibiliteit"]
    ids += ["stressbestendigheid", "betrouwbaarheid", "plannen-organiseren", "talenkennis"]
    count = {"short": 2, "medium": 6, "long": 8}[size]
    data: dict[str, Any] = {
        "name": "Zsófia Ilyés-Țurcanu",
        "contact": {"email": "zsofia@example.org", "phone": "06-12345678", "city": "Utrecht"},
        "languages": [{"language": "hu", "level": "native"}, {"language": "nl", "level": "B1"}],
        "competencies": [
            {"id": cid, "evidence": f"{LANDED} Ik deed dit vaak ({cid})." * (size == "long")}
            for cid in ids[:count]
        ],
        "experiences": [_experience(i) for i in range({"short": 1, "medium": 3, "long": 6}[size])],
    }
    if size != "short":
        data["education"] = [{"title": "Cursus NT2", "level": "B1", "completed": False}]
        data["digital_skills"] = ["Word", "Excel", "WhatsApp Business"]
    return data


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed here")
def test_docx_has_as_many_pages_as_the_pdf(tmp_path: Path) -> None:
    lexicon = load_lexicon()
    expected: dict[str, int] = {}
    for size in ("short", "medium", "long"):
        person = profile_from_dict(profile(size))
        for template in TEMPLATES:
            name = f"{template}-{size}"
            docx_file = make_cv(profile=person, lexicon=lexicon, template=template, fmt="docx")
            pdf_file = make_cv(profile=person, lexicon=lexicon, template=template, fmt="pdf")
            (tmp_path / f"{name}.docx").write_bytes(docx_file.data)
            expected[name] = len(PdfReader(io.BytesIO(pdf_file.data)).pages)
    assert {expected[f"{t}-short"] for t in TEMPLATES} == {1}
    assert max(expected[f"{t}-long"] for t in TEMPLATES) >= 2  # a long CV, really
    command = [
        str(SOFFICE),
        f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp_path / "lo"),
        *sorted(str(p) for p in tmp_path.glob("*.docx")),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=240)
    office = {name: len(PdfReader(tmp_path / "lo" / f"{name}.pdf").pages) for name in expected}
    assert office == expected
