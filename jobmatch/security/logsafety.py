"""A logging filter that keeps e-mail addresses, phone numbers and long free text out of logs.

Code should not log personal data in the first place (log ids and counts); this filter is the
safety net. `install()` puts it on every handler of the root logger, so records from every
logger (also libraries) pass through it.
"""

from __future__ import annotations

import logging
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w.])\+?\d[\d ()-]{7,}\d(?![\w.])")
MAX_ARG_CHARS = 80  # a longer text argument is treated as free text and left out


def redact(message: str) -> str:
    return PHONE.sub("[telefoon/phone]", EMAIL.sub("[e-mail]", message))


def _safe_arg(value: object) -> object:
    if isinstance(value, str) and len(value) > MAX_ARG_CHARS:
        return f"[tekst/text: {len(value)} tekens/chars]"
    return value


class PersonalDataFilter(logging.Filter):
    """Rewrites each record in place: message formatted with safe args, then redacted."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple):
            args = tuple(_safe_arg(value) for value in args)
        elif isinstance(args, dict):
            args = {key: _safe_arg(value) for key, value in args.items()}
        try:
            message = str(record.msg) % args if args else str(record.msg)
        except (TypeError, ValueError, KeyError):
            message = str(record.msg)
        record.msg, record.args = redact(message), None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def install(logger: logging.Logger | None = None) -> PersonalDataFilter:
    """Add the filter to every handler of `logger` (root by default) and Python's last resort."""
    target = logger or logging.getLogger()
    found = PersonalDataFilter()
    handlers = [*target.handlers, *([logging.lastResort] if logging.lastResort else [])]
    for handler in handlers:
        if not any(isinstance(f, PersonalDataFilter) for f in handler.filters):
            handler.addFilter(found)
    return found
