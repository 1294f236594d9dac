"""Years, dates and ages by meaning (pure standard library).

Runs on text already normalised by guard_text.normalise with keep_case=True: digits of every
script are 0-9, dashes are '-', apostrophes are "'". A year-like number (1950-2039) counts in
any form: before punctuation ("In 2019,"), glued to a word ("mei2019"), with an apostrophe
("mei '19"), in words ("tweeduizend negentien", "nineteen ninety"), in Roman numerals
("MMXIX"). It does not count when it is clearly something else, masked first:
- a quantity with its unit or "per dag" ("2000 bestellingen per dag", "1950 uur"),
- a software version after its product name ("Microsoft Office 2016", "Windows 2000"),
- the validity of a certificate ("geldig tot 2027", "valid until 2028"),
- money, phone numbers, postcodes followed by a town, e-mail addresses and links,
- an age range of children or groups ("kinderen van 0 tot 4 jaar", "children aged 4 to 12").
Ages count in digits and in words ("45 jr oud", "vijfenveertig jaar oud", "50-plusser").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

DateKind = Literal["date", "year", "age"]
_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    "|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
    "|january|february|march|may|june|july|august|october"
)
_YEAR = r"(?:19[5-9]\d|20[0-3]\d)"
_UNITS_NL = (
    "uur|uren|dag|dagen|klanten|bestellingen|orders|pakketten|pakjes|stuks|kg|kilo|km|m2|m²"
    "|meter|liter|gasten|bezoekers|mensen|deelnemers|maaltijden|borden|kopjes|woorden"
    "|pagina's|producten|artikelen|euro|eur|calorieen|kcal|punten|leerlingen|kinderen|bedden"
    "|kamers|dozen|flessen|brieven|telefoontjes|gesprekken|formulieren|facturen|afspraken"
)
_UNITS_EN = (
    "hours|days|customers|orders|parcels|packages|pieces|items|guests|visitors|people"
    "|meals|words|pages|products|calls|patients|pupils|students|rooms|beds|boxes|letters"
    "|invoices|appointments|units|points"
)
_PERIOD = r"(?:dag|week|maand|uur|dienst|day|week|month|hour|shift)"
_PRODUCTS = (
    r"(?:office|windows|word|excel|outlook|powerpoint|access|visio|project|server|sql"
    r"|exchange|sharepoint|autocad|revit|studio|photoshop|dynamics|navision|teams|publisher)"
)
_NUM_NL_UNITS = "een|twee|drie|vier|vijf|zes|zeven|acht|negen"
_NUM_NL_TENS = "twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig"
_NUM_NL = (
    rf"(?:(?:{_NUM_NL_UNITS})en(?:{_NUM_NL_TENS})|{_NUM_NL_TENS}|tien|elf|twaalf|dertien"
    rf"|veertien|vijftien|zestien|zeventien|achttien|negentien|{_NUM_NL_UNITS})"
)
_NUM_EN_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_NUM_EN_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_NUM_EN = (
    rf"(?:(?:{_NUM_EN_TENS})(?:[\s-]+(?:{_NUM_EN_UNITS}))?|ten|eleven|twelve|thirteen"
    rf"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_NUM_EN_UNITS})"
)
_AGE_WORD = (
    rf"(?:(?:{_NUM_NL_UNITS})en(?:{_NUM_NL_TENS})|{_NUM_NL_TENS}"
    rf"|(?:{_NUM_EN_TENS})(?:[\s-]+(?:{_NUM_EN_UNITS}))?|vijftien|zestien|zeventien"
    r"|achttien|negentien|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_AGE = r"(?:1[5-9]|[2-9]\d)"
_OLD = (
    r"(?:(?:jaar|jaren|jr\.?|lentes)\s+(?:oud|jong)|jarige?|years?[ -](?:old|young)"
    r"|yrs?[ -]old|y/?o)"
)
_DECADES = "twintig|dertig|veertig|vijftig|zestig|twenties|thirties|forties|fifties|sixties"

_MASKS = (
    re.compile(r"\b(?:https?://|www\.)\S+", re.I),
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I),
    re.compile(r"(?:[€$£]|\beur\b|\beuro\b)\s*\d[\d.,]*|\d[\d.,]*\s*(?:euro|eur)\b", re.I),
    re.compile(r"\b\d{4}\s?[A-Z]{2}\b(?![-\w])(?=\s+[A-Z]|\s*[,;)\n]|\s*$)"),
    re.compile(
        rf"\b\d[\d.,]*\s+(?:(?:{_UNITS_NL}|{_UNITS_EN})\b|\w+\s+(?:per|a|each)\s+{_PERIOD}\b)",
        re.I,
    ),
    re.compile(rf"\b\d[\d.,]*\s*(?:per|p/|/)\s*{_PERIOD}\b", re.I),
    re.compile(rf"\b{_PRODUCTS}\s+(?:\w+\s+)?{_YEAR}\b", re.I),
    re.compile(
        r"\b(?:geldig|valid|verloopt|vervalt|loopt\s+af|expires?|expiry|vervaldatum)\b"
        r"[^.\n]{0,25}?"
        rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.])?{_YEAR}\b",
        re.I,
    ),
    re.compile(
        r"\b(?:leeftijd\s+van|aged?|ages|tussen|between|van|from)\s+\d{1,2}\s*"
        r"(?:-|tot|t/m|to|and|en)\s*\d{1,2}(?:\s*(?:jaar|years|jr))?",
        re.I,
    ),
)
_PHONE = re.compile(r"(?:\+|\b)\d[\d \t\n()\-]{7,}\d\b")  # a PDF may break the line inside
_DATES = (
    re.compile(
        rf"(?<!\w){_YEAR}\s*(?:-|/|tot|t/m|to|until)\s*(?:{_YEAR}|'?\d{{2}}|heden|nu|now|present|today)(?!\w)",
        re.I,
    ),
    re.compile(r"(?<!\d)\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}(?!\d)"),
    re.compile(
        rf"(?<!\w)\d{{1,2}}(?:e|ste|de|st|nd|rd|th)?\s+(?:{_MONTHS})\.?(?:,?\s*(?:{_YEAR}|'\d{{2}}))?(?!\w)",
        re.I,
    ),
    re.compile(rf"(?<!\w)(?:{_MONTHS})\.?\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}(?!\d)", re.I),
    re.compile(rf"(?<!\w)(?:{_MONTHS})\.?\s*(?:{_YEAR}|'\d{{2}})(?!\d)", re.I),
    re.compile(r"(?<!\w)(?:begin|eind|midden|zomer|winter|voorjaar|najaar)\s+'\d{2}(?!\w)", re.I),
)
_YEARS = (
    re.compile(rf"(?<![\d.,])(?:'?{_YEAR}|'\d{{2}})(?!\d|[.,]\d)"),
    re.compile(
        rf"(?<!\w)(?:negentienhonderd|tweeduizend)\s*(?:en\s*)?{_NUM_NL}(?!\w)"
        rf"|(?<!\w)(?:nineteen|twenty)[\s-]+(?:hundred\s+(?:and\s+)?)?{_NUM_EN}(?!\w)"
        rf"|(?<!\w)two\s+thousand(?:\s+and)?\s+{_NUM_EN}(?!\w)",
        re.I,
    ),
)
_ROMAN = re.compile(r"\bM{1,2}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b")
_AGES = (
    re.compile(
        rf"(?<!\w)(?:{_AGE}|{_AGE_WORD})\s*(?:-\s*)?{_OLD}(?!\w)"
        r"(?!\s+(?:werk|praktijk)?ervaring)",  # "20-jarige ervaring" is a duration
        re.I,
    ),
    re.compile(
        rf"(?<!\w)(?:ik\s+ben|i\s+am|i'm)\s+(?:{_AGE}|{_AGE_WORD})(?:\s+(?:jaar|years))?"
        r"(?=\s*(?:[.,;:!?)]|$|en\b|and\b))",
        re.I | re.M,
    ),
    re.compile(r"(?<!\w)(?:age|aged|leeftijd)\s*:?\s*\d{1,2}(?!\w)", re.I),
    re.compile(rf"(?<!\w)(?:\d{{2}}|{_AGE_WORD})\s*-?\s*plussers?(?!\w)", re.I),
    re.compile(
        rf"(?<!\w)(?:ik\s+ben|ben\s+ik|i\s+am|i'm)\s+(?:in\s+de|begin|eind|midden|rond\s+de"
        rf"|in\s+my(?:\s+(?:early|mid|late))?|(?:early|mid|late))[\s-]+(?:{_DECADES})(?!\w)",
        re.I,
    ),
    re.compile(
        rf"(?<!\w)(?:ik\s+word|i\s+turn|i\s+will\s+be)\s+(?:[a-z]+\s+){{0,2}}(?:{_AGE}|{_AGE_WORD})"
        r"(?:\s+(?:jaar|years))?(?=\s*(?:[.,;:!?)]|$))",
        re.I,
    ),
    re.compile(rf"(?<!\w){_AGE}(?:e|ste|th)\s+(?:verjaardag|birthday)(?!\w)", re.I),
    re.compile(rf"(?<!\w){_AGE}j(?!\w)", re.I),
    re.compile(
        r"(?<!\w)(?:leeftijd|geboortedatum|geboortejaar|geboren|date of birth|born|"
        r"year of birth|birth date|d\.o\.b\.?)(?!\w)",
        re.I,
    ),
)

Hit = tuple[int, int, DateKind]


def _roman_value(numeral: str) -> int:
    values = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
    total = 0
    for index, ch in enumerate(numeral):
        value = values[ch]
        following = values[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + "#" * (end - start) + text[end:]


def masked(text: str) -> str:
    """The text with money, links, quantities, versions and the like replaced by '#'."""
    for pattern in _MASKS:
        text = pattern.sub(lambda m: "#" * len(m.group(0)), text)

    def phone(match: re.Match[str]) -> str:
        digits = sum(c.isdigit() for c in match.group(0))
        return "#" * len(match.group(0)) if digits >= 9 else match.group(0)

    return _PHONE.sub(phone, text)


def dates_years_ages(text: str) -> Iterable[Hit]:
    """(start, end, kind) spans in `text` (keep-case normalised)."""
    plain = masked(text)
    for pattern in _AGES:
        for match in pattern.finditer(plain):
            yield match.start(), match.end(), "age"
    for pattern in _DATES:
        for match in pattern.finditer(plain):
            yield match.start(), match.end(), "date"
            plain = _mask(plain, match.start(), match.end())
    for pattern in _YEARS:
        for match in pattern.finditer(plain):
            yield match.start(), match.end(), "year"
    for match in _ROMAN.finditer(plain):
        if 1950 <= _roman_value(match.group(0)) <= 2039:
            yield match.start(), match.end(), "year"
