"""Issue 10: random default-ignorable and look-alike characters inserted into banned words, in
random fields and document kinds, through services.documents: nothing is ever written."""

from __future__ import annotations

import copy
import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobmatch.datafiles.guard import load_guard_config
from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.datafiles.paths import data_dir
from jobmatch.domain.errors import GuardError
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.vacancies import Extraction
from jobmatch.services.documents import make_letter, make_sheet

BASE: dict[str, Any] = json.loads(
    (data_dir("vacancies") / "participants" / "reka-hu.json").read_text("utf-8")
)
LEXICON = load_lexicon()
CONFIG = load_guard_config()
BANNED = ["escort", "prostitutie", "sekswerk", "privehuis", "bordeel", "brothel", "herenclub"]
IGNORABLE = [
    "\u00ad", "\u034f", "\u200b", "\u200c", "\u200d", "\u2060", "\u2061", "\u2064", "\ufeff",
    "\u180e", "\ufe0f", "\ufe00", "\U000e0041", "\U000e0100", "\u3164", "\u115f", "\u202e",
    "\u2066", "\u200e", "\u061c",
]  # fmt: skip
LOOKALIKE = {
    "a": "аɑａ𝐚𝒂ᴀ", "b": "ｂ𝐛ʙ", "c": "сϲｃ𝐜ᴄ", "d": "ԁｄ𝐝ᴅ", "e": "еｅ𝐞ᴇ℮", "h": "һｈ𝐡ʜ",
    "i": "іιｉ𝐢ɪ", "k": "ｋ𝐤ᴋ", "l": "ӏｌ𝐥ʟ", "n": "ｎ𝐧ɴ", "o": "оοｏ𝐨ᴏ", "p": "рｐ𝐩ᴘ",
    "r": "ｒ𝐫ʀ", "s": "ѕｓ𝐬ꜱ", "t": "ｔ𝐭ᴛ", "u": "ｕ𝐮ᴜ", "v": "ｖ𝐯ᴠ", "w": "ԝｗ𝐰ᴡ",
}  # fmt: skip
FIELDS = [
    "name",
    "contact.city",
    "experiences.0.title",
    "experiences.0.description",
    "competencies.0.evidence",
    "education.0.title",
    "interests.0",
    "cv.motivation",
    "vacancy.title",
    "employer",
    "contact_name",
]


@st.composite
def disguised(draw: st.DrawFn) -> str:
    word = draw(st.sampled_from(BANNED))
    out = []
    for letter in word:
        swap = letter in LOOKALIKE and draw(st.booleans())
        out.append(draw(st.sampled_from(LOOKALIKE[letter])) if swap else letter)
        if draw(st.integers(0, 3)) == 0:
            out.append(draw(st.sampled_from(IGNORABLE)))
    return "".join(out)


def _place(raw: dict[str, Any], field: str, text: str) -> None:
    if field == "cv.motivation":
        raw["cv"] = {"motivation": text}
        return
    target: Any = raw
    *path, last = field.split(".")
    for key in path:
        target = target[int(key)] if key.isdigit() else target[key]
    target[int(last) if last.isdigit() else last] = text


# JOBMATCH_FUZZ_EXAMPLES=2000 explores more (locally); the default run stays short.
@settings(
    max_examples=int(os.environ.get("JOBMATCH_FUZZ_EXAMPLES", "50")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    word=disguised(),
    field=st.sampled_from(FIELDS),
    kind=st.sampled_from(["letter", "pitch", "interview"]),
    prefix=st.sampled_from(["Ik werkte bij ", "", "Ervaring: ", "I worked at "]),
)
def test_disguised_banned_words_are_never_written(
    word: str, field: str, kind: str, prefix: str
) -> None:
    raw = copy.deepcopy(BASE)
    text = prefix + word
    options: dict[str, Any] = {}
    title = "Medewerker receptie"
    if field == "vacancy.title":
        title = text
    elif field in ("employer", "contact_name"):
        options[field] = text
    else:
        _place(raw, field, text)
    common: dict[str, Any] = {
        "profile": profile_from_dict(raw),
        "lexicon": LEXICON,
        "vacancy": Extraction(source="fuzz", title=title),
        "fmt": "txt",
        "guard_config": CONFIG,
    }
    with pytest.raises(GuardError):
        if kind == "letter" or options:
            make_letter(**common, **options)
        else:
            make_sheet(kind=kind, **common)  # type: ignore[arg-type]


def test_the_same_profile_without_the_word_is_written() -> None:
    """The control: the fuzzed profile and options are fine on their own."""
    rendered = make_letter(
        profile=profile_from_dict(BASE),
        lexicon=LEXICON,
        vacancy=Extraction(source="fuzz", title="Medewerker receptie"),
        fmt="txt",
        guard_config=CONFIG,
        employer="Bakkerij De Korenaar",
        contact_name="mevrouw Jansen",
    )
    assert "Jansen" in rendered.data.decode("utf-8")
