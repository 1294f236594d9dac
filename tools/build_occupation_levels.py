"""Build competencies/occupation_levels.csv from ESCO's Dutch occupation labels.

Run from the repository root with the two ESCO files (see /work/shared/data/README.md):
    python tools/build_occupation_levels.py ../shared/data/esco-occupations-nl.csv \
        ../shared/data/isco-groups-nl.csv > competencies/occupation_levels.csv

Keeps what the ranker uses: one row per Dutch word that names a person doing the work, with the
ISCO-08 skill level of that work. From each label (preferred and alternative) the first word
that looks like a person noun (ends in -er, -eur, -ent, -aar, -kundige, … see PERSON) counts:
"directeur hotel" gives "directeur", not "hotel". A word that several occupations share gets the
level most of them have; when the word is itself a whole label ("kapper"), only those
occupations count. On a tie the lower level, so an ambiguous word does not put a job out
of reach. Words shorter than five letters and very generic words are left out (see GENERIC).
Data: ESCO, European Commission (Commission Decision 2011/833/EU).
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata

# ISCO-08 major group -> skill level (managers: 4; armed forces left out).
MAJOR_LEVEL = {"1": 4, "2": 4, "3": 3, "4": 2, "5": 2, "6": 2, "7": 2, "8": 2, "9": 1}
PERSON = re.compile(
    r"(?:er|eur|euse|ent|ant|aar|ier|ist|or|ster|trice|man|vrouw|kundige|loog|aat|ege"
    r"|ende|arts|ist|oog|eut|iste|ine|meisje|jongen|ess)$"
)
# Words that end like a person noun but name a thing or place.
NOT_PERSON = {"customer", "callcenter", "center", "centre", "computer", "water", "winter", "order"}
GENERIC = {"medewerker", "medewerkster", "assistent", "assistente", "hulp", "werker", "helper"}


def fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).split())


def main(occupations: str, _groups: str) -> None:
    votes: dict[str, dict[int, int]] = {}
    exact: dict[str, dict[int, int]] = {}
    with open(occupations, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            level = MAJOR_LEVEL.get(row["isco_group"][:1])
            if level is None:
                continue
            for label in [row["preferred_label"], *row["alt_labels"].split("|")]:
                words = fold(label).split()
                heads = [w for w in words if w.replace("-", "").isalpha() and PERSON.search(w)]
                heads = [w for w in heads if w not in NOT_PERSON]
                if not heads or len(heads[0]) < 5 or heads[0] in GENERIC:
                    continue
                head = heads[0]
                tally = (exact if len(words) == 1 else votes).setdefault(head, {})
                tally[level] = tally.get(level, 0) + 1
    votes.update(exact)
    levels = {w: max(t, key=lambda lv: (t[lv], -lv)) for w, t in votes.items()}
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["word", "skill_level"])
    for word in sorted(levels):
        out.writerow([word, levels[word]])


if __name__ == "__main__":
    main(*sys.argv[1:3])
