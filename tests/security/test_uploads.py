"""Uploads: hostile DOCX/ZIP files are refused with a plain message, never a crash."""

from __future__ import annotations

import pytest

from bench.upload_corpus import crafted, mutated
from bench.upload_fuzz import Tally, run
from jobmatch.security.uploads import ZipLimits, docx_text
from jobmatch.services.uploads import UploadError, read_upload

HARMLESS = {"valid-docx", "zip-nested"}  # a nested zip is just one more part; it is not opened


def test_small_fuzz_run_has_no_crash_and_refuses_every_attack() -> None:
    files = crafted()
    tally = run([*files.items(), *mutated(29, seed=3)], Tally())
    assert sum(tally.counts.values()) == len(files) + 29 == 50
    assert tally.crashes == [] and tally.over_cpu == 0
    assert 0 < tally.max_peak_kib < 256 * 1024
    for name in files:
        expected = "accepted" if name in HARMLESS else "refused"
        assert tally.verdicts[name].startswith(expected), (name, tally.verdicts[name])
    assert "forbidden XML" in tally.verdicts["xxe-file"]
    assert "too large" in tally.verdicts["zip-bomb-64mib-zeros"]


def test_a_real_docx_is_read_through_the_worker() -> None:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("Ik ontving gasten.")
    document.add_paragraph("Ik plande de week: ő ș ĳ")
    buffer = io.BytesIO()
    document.save(buffer)
    result = read_upload(data=buffer.getvalue(), filename="cv.docx")
    assert result.text.splitlines() == ["Ik ontving gasten.", "Ik plande de week: ő ș ĳ"]


def test_limits_are_checked_before_anything_is_sent_to_the_worker() -> None:
    with pytest.raises(UploadError, match="te groot"):
        read_upload(data=b"PK\x03\x04" + b"\0" * 100, filename="x", limits=ZipLimits(50))
    small = ZipLimits(max_entries=1)
    with pytest.raises(Exception, match="te veel onderdelen"):
        docx_text(crafted()["valid-docx"], small)
