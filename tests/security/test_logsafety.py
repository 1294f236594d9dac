"""Logs hold no e-mail addresses, phone numbers or free text of participants."""

from __future__ import annotations

import io
import logging

from jobmatch.security.logsafety import PersonalDataFilter, redact
from tests.security.helpers import CANARY_MAIL, CANARY_PHONE, CANARY_STORY


def test_a_handler_with_the_filter_writes_no_canary() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(PersonalDataFilter())
    logger = logging.getLogger("jobmatch.test.logsafety")
    logger.addHandler(handler)
    logger.propagate = False
    long_text = CANARY_STORY + " en nog veel meer over haar dagen en haar werk" * 3
    try:
        logger.warning("mail %s failed", CANARY_MAIL)
        logger.warning("call %s", CANARY_PHONE)
        logger.warning("note for participant 12: %s", long_text)
        logger.warning("contact %(mail)s", {"mail": CANARY_MAIL})
        logger.warning("participant %d has %d experiences", 12, 3)
    finally:
        logger.removeHandler(handler)
    written = stream.getvalue()
    for canary in (CANARY_MAIL, CANARY_PHONE, CANARY_STORY):
        assert canary not in written
    assert "participant 12 has 3 experiences" in written  # ids and counts stay readable
    assert written.count("[e-mail]") == 2 and "[telefoon/phone]" in written


def test_redact_leaves_ordinary_numbers_and_words() -> None:
    assert redact("2026 rows in 0.5 s, postcode 2521") == "2026 rows in 0.5 s, postcode 2521"
