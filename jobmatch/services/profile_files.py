"""Use case: read a participant profile file (JSON) into a Profile. Light on imports, so a
command can use it without loading the NLP or ranking stack."""

from __future__ import annotations

from pathlib import Path

from jobmatch.datafiles.reading import read_text
from jobmatch.domain.profile_json import profile_from_json
from jobmatch.domain.profiles import Profile


def read_profile_file(path: Path) -> Profile:
    """The profile in the file; ProfileError (a JobmatchError) names what is wrong."""
    return profile_from_json(read_text(path), source=str(path))
