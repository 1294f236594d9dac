"""Issue 10: one normalisation, words as words (lemmas, compounds), disguised forms, years and
ages by meaning, with the shipped guard.toml and guard_places.toml (docs/privacy.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobmatch.datafiles.guard import ENV_ORGANISATIONS, load_guard_config, split_names
from jobmatch.datafiles.guard_confusables import confusables_table
from jobmatch.datafiles.guard_places import check_places
from jobmatch.domain.guard import GuardConfig, scan_text
from jobmatch.domain.guard_text import normalise, refused_characters
from jobmatch.nlp.lemmatize import lemma

SHIPPED = load_guard_config()


def kinds(text: str, **options: object) -> set[str]:
    return {f.kind for f in scan_text({"t": text}, SHIPPED, lemmatise=lemma, **options)}  # type: ignore[arg-type]


def test_normalisation_order_and_origins() -> None:
    table = confusables_table()
    assert normalise("ＰＲＩＶÉ", table).text == "prive"
    assert normalise("еѕсоrt", table).text == "escort"  # Cyrillic look-alikes
    assert normalise("ᴇꜱᴄᴏʀᴛ", table).text == "escort"  # small capitals
    assert normalise("𝐄𝐬𝐜𝐨𝐫𝐭", table).text == "escort"  # capitals decompose before folding
    assert normalise("es\u200bco\u00adrt", table).text == "escort"
    assert normalise("٢٠١٩ २०१९ ²⁰¹⁹", table).text == "2019 2019 2019"
    view = normalise("Ik\u200b ben Ｅ", table)
    assert view.source_span("Ik\u200b ben Ｅ", 7, 8) == "Ｅ"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("abc\u202edef", "U+202E"),
        ("a\u2066b\u2069", "U+2066"),
        ("x\ue000", "U+E000"),
        ("e\ufe0fscort", "U+FE0F"),
        ("es\U000e0041cort", "U+E0041"),
        ("a\u3164b", "U+3164"),
    ],
)
def test_characters_without_business_in_a_cv_are_named(text: str, reason: str) -> None:
    assert any(reason in line for line in refused_characters(text))


def test_ordinary_scripts_are_not_refused() -> None:
    assert refused_characters("Réka Tóth, Ștefan, สมชาย, Ангелина, نور, 😊\n") == []


@pytest.mark.parametrize(
    "text",
    [
        "privéhuizen",
        "Gastvrouw in clubs",
        "Clubwerk",
        "herenclub",
        "parenclub",
        "sexshop",
        "sexwerk",
        "seksarbeid",
        "seksuele dienstverlening",
        "Doubletstraat",
        "Geleenstraat",
        "Walletjes",
        "roodlichtdistrict",
        "pimps",
        "traffickers",
        "callgirls",
        "uitstapcoach",
        "bordeellen",
        "e s c o r t",
        "3sc0rt",
        "s3ksw3rk",
        "Stichting-Nieuwe Morgen",
        "S.H.O.P.",
        "Spot.46",
        "R.U.P.S.",
        "\u202etrocse\u202c",
    ],
)
def test_banned_words_in_any_form_are_blocked(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_ORGANISATIONS, "Stichting Nieuwe Morgen")
    config = load_guard_config()
    assert scan_text({"t": text}, config, lemmatise=lemma), text


@pytest.mark.parametrize(
    "text",
    [
        "vrijwilliger bij de Rotary Club",
        "lid van een voetbalclub",
        "trainer bij twee hockeyclubs",
        "het clubhuis schoonmaken",
        "Ik werk met een raamwerk",
        "verfstripper verkopen",
        "werk in de haven van Rotterdam",
        "De Haven van Rotterdam is groot",
        "uitstapjes met ouderen",
        "seksuele voorlichting op school",
        "een unisex kapsalon",
        "koffie in een coffee shop",
        "Essex en Sussex",
        "herenkapper en herenmode",
        "dansclub en zangkoor",
    ],
)
def test_innocent_compounds_and_contexts_pass(text: str) -> None:
    assert kinds(text) == set(), text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("In 2019, ben ik begonnen", "year"),
        ("sinds 2018 HR-werk", "year"),
        ("2012 - 2019", "date"),
        ("mei ‘19", "date"),
        ("mei2019", "date"),
        ("tweeduizend negentien", "year"),
        ("since twenty nineteen", "year"),
        ("Gestart in MMXIX", "year"),
        ("Gestart in ２０１９", "year"),
        ("45 jr oud", "age"),
        ("vijfenveertig jaar oud", "age"),
        ("fifty-five years old", "age"),
        ("50-plusser", "age"),
        ("Ik ben vijftig.", "age"),
    ],
)
def test_years_and_ages_in_any_form(text: str, kind: str) -> None:
    assert kind in kinds(text), kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "2000 bestellingen per dag",
        "1500 pakketten per week",
        "Microsoft Office 2016 en Windows 2000",
        "VCA geldig tot 2027",
        "First aid certificate valid until 2028",
        "2000 uur stage",
        "kinderen in de leeftijd van 0 tot 4 jaar",
        "children aged 4 to 12",
        "een verjaardag voor de kinderen",
        "Postcode 2011 AB Haarlem",
        "15 jaar ervaring",
    ],
)
def test_numbers_that_are_not_years_or_ages_pass(text: str) -> None:
    assert kinds(text) == set(), kinds(text)


def test_dates_opt_in_is_per_field_and_never_for_ages() -> None:
    allowed = ("2016 - 2019",)
    assert kinds("Receptie 2016 - 2019", allowed_dates=allowed) == set()
    assert kinds("Receptie 2016 - 2019. In 2021, kok.", allowed_dates=allowed) == {"year"}
    # The opted-in range as a whole, not a year from inside it elsewhere.
    assert kinds("Receptie 2016 - 2019. In 2019, kok.", allowed_dates=allowed) == {"year"}
    assert kinds("Ik ben 45 jaar oud.", allow_dates=True) == {"age"}


def test_organisation_list_separators(monkeypatch: pytest.MonkeyPatch) -> None:
    assert split_names("Exit Noord, Nieuwe Weg;Huis van Hoop\nUitweg040") == (
        "Exit Noord",
        "Nieuwe Weg",
        "Huis van Hoop",
        "Uitweg040",
    )
    monkeypatch.setenv(ENV_ORGANISATIONS, "Exit Noord, Nieuwe Weg")
    config = load_guard_config()
    for text in ("EXIT NOORD", "exit-noord", "Nieuwe-Weg", "N.i.e.u.w.e W.e.g"):
        assert {f.kind for f in scan_text({"t": text}, config)} == {"organisation"}, text


def test_places_file_is_checked(tmp_path: Path) -> None:
    assert check_places(Path(__file__).resolve().parents[2] / "competencies") == []
    (tmp_path / "guard_places.toml").write_text(
        '[[place]]\nname = "Zandpad"\ncity = "Utrecht"\n\n'
        '[[place]]\nname = "Achterdam"\ncity = "Alkmaar"\ncontext = "een"\n\n'
        '[[place]]\nname = "achterdam"\ncity = "Alkmaar"\ncontext = "twee"\n',
        encoding="utf-8",
    )
    problems = check_places(tmp_path)
    assert {p.field for p in problems} == {"context", "name"}
    assert check_places(tmp_path / "missing") != []


def test_lemmatiser_is_asked_only_for_words_that_start_like_a_listed_word() -> None:
    asked: list[str] = []

    def fake(word: str) -> str:
        asked.append(word)
        return {"bordxyz": "bordeel"}.get(word, word)

    config = GuardConfig(past_words=("bordeel",))
    assert scan_text({"t": "Ik werkte bij de bakker."}, config, lemmatise=fake) == []
    assert asked == []  # ordinary text never loads the lemmatiser
    assert [f.word for f in scan_text({"t": "een bordxyz"}, config, lemmatise=fake)] == ["bordxyz"]
    assert scan_text({"t": "een bordxyz"}, config) == []  # without the lemma: not a word
