"""One fingerprint of everything that decides what extraction finds: the lexicon, the bridge,
the phrase tables and levels under competencies/, the gazetteer, and the extraction code itself
(jobmatch/nlp/*.py). Cached features keyed with it are not served once any of these changes
(issue 13: a changed lexicon still served old matches from `--cache`)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from jobmatch.datafiles.paths import data_dir

_NLP = Path(__file__).resolve().parent.parent / "nlp"


def _files() -> list[Path]:
    competencies = data_dir("competencies")
    files = [p for p in competencies.rglob("*") if p.suffix in (".toml", ".csv") and p.is_file()]
    files.append(data_dir("vacancies") / "towns.csv")
    files += _NLP.glob("*.py")
    return sorted(p for p in files if p.is_file())


@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    """A short hex digest over the rule files (cached per process)."""
    digest = hashlib.sha256()
    for path in _files():
        digest.update(path.name.encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
