"""The cached tokenizer gives exactly spaCy's Dutch tokens (words and spaces) and the lemmas."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import spacy

from jobmatch.nlp.pipeline import get_lemmas, get_nlp
from jobmatch.nlp.tokenizer import CachedTokenizer

ROOT = Path(__file__).resolve().parents[2]
ODD = [
    "",
    " ",
    "\n",
    "  ",
    " a",
    "a ",
    "a  ",
    "a  b",
    "a \n b",
    "\n\na",
    "x\t y",
    "a\u00a0 b",
    "Dit breng je mee•Je hebt een mbo-niveau 2 diploma.",
    "€2.450 - €2.915 bruto p/m, 24-32 uur, bijv. o.a. m.b.t. 's avonds!",
    "✅ Klantvriendelijk * stressbestendig (B1) https://example.nl/vacature?id=3 :-)",
    "Je stuurt het team aan; zo'n 20 kg tillen... “Gastvrij”? Ja!!",
]


def _spacy_tokens(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.whitespace_) for t in spacy.blank("nl").make_doc(text)]


def _texts() -> list[str]:
    files = sorted((ROOT / "tests" / "data").rglob("*.txt"))[:40]
    texts = [path.read_text(encoding="utf-8") for path in files]
    rng = random.Random(3)
    alphabet = "ab .,;:!?-–'\"()€%/\n\t\u00a0•✅*12é"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(300)]
    return [*ODD, *texts]


@pytest.fixture(scope="module")
def reference() -> spacy.language.Language:
    return spacy.blank("nl")


def test_tokens_are_spacys_own(reference: spacy.language.Language) -> None:
    tokenizer = CachedTokenizer(spacy.blank("nl").tokenizer, get_lemmas())
    for text in _texts():
        expected = [(t.text, t.whitespace_) for t in reference.make_doc(text)]
        for _ in range(2):  # the second pass reads the cache
            doc = tokenizer(text)
            assert [(t.text, t.whitespace_) for t in doc] == expected, repr(text)
            assert doc.text == text


def test_lemmas_are_set_and_punctuation_has_none() -> None:
    doc = get_nlp()("Je werkt in wisselende diensten, ook 's avonds.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["werkt"] == "werken"
    assert lemmas["diensten"] == "dienst"
    assert lemmas[","] == ""
    assert lemmas["."] == ""


def test_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import jobmatch.nlp.tokenizer as module

    monkeypatch.setattr(module, "CACHE_LIMIT", 5)
    tokenizer = CachedTokenizer(spacy.blank("nl").tokenizer, get_lemmas())
    words = " ".join(f"woord{i}" for i in range(50))
    assert [t.text for t in tokenizer(words)] == words.split()
    assert len(tokenizer._cache) == 5


def test_pipeline_saves_and_loads(tmp_path: Path) -> None:
    nlp = get_nlp()
    nlp.to_disk(tmp_path / "nl")
    loaded = spacy.blank("nl")
    loaded.tokenizer = CachedTokenizer(loaded.tokenizer, get_lemmas())
    loaded.tokenizer.from_disk(tmp_path / "nl" / "tokenizer")
    text = "Je werkt o.a. in het weekend, bijv. 's avonds."
    assert [t.text for t in loaded.make_doc(text)] == [t.text for t in nlp.make_doc(text)]
