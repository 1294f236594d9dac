"""`jobmatch suggest`: competencies suggested from a participant's experiences and answers."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import click

from jobmatch.cli import main
from jobmatch.cli.common import echo_json, friendly_errors, load_profile
from jobmatch.domain.discovery import DISCOVERY_LANGUAGES, Bridge, Source, Suggestion
from jobmatch.domain.errors import JobmatchError
from jobmatch.domain.profiles import Profile

PROFILE = click.Path(exists=True, dir_okay=False, path_type=Path)
_TEXT = {
    "nl": ("Voorgestelde competenties", "Staat al in het profiel", "bron", "ervaring", "vraag"),
    "en": ("Suggested competencies", "Already in the profile", "source", "experience", "question"),
}


def _read_profile(path: Path) -> Profile:
    if not path.read_bytes().strip():
        raise JobmatchError(f"Bestand is leeg / file is empty: {path}")
    return load_profile(path)


def _warn_unknown_questions(profile: Profile, bridge: Bridge) -> None:
    from jobmatch.services.suggestions import unknown_questions

    unknown = unknown_questions(profile, bridge)
    if unknown:
        click.echo(
            f"Let op: onbekende vraag / note: unknown discovery question: {', '.join(unknown)}",
            err=True,
        )


def _source_text(source: Source, lang: Literal["nl", "en"]) -> str:
    words = _TEXT[lang]
    if source.experience is None:
        return f"{words[4]} {source.question}"
    return f'{words[3]} {source.experience + 1} "{source.title}"'


def _print_readable(suggestions: list[Suggestion], lang: Literal["nl", "en"]) -> None:
    heading, already, source_word = _TEXT[lang][:3]
    new = [s for s in suggestions if not s.already_in_profile]
    click.echo(f"{heading} / {_TEXT['en'][0] if lang == 'nl' else _TEXT['nl'][0]}:")
    if not new:
        click.echo("  (geen / none)")
    for number, suggestion in enumerate(new, start=1):
        evidence = suggestion.evidence_en if lang == "en" else suggestion.evidence_nl
        sources = "; ".join(_source_text(source, lang) for source in suggestion.sources)
        click.echo(f"{number:3}. {suggestion.label} ({suggestion.strength:.2f})")
        click.echo(f"     {evidence}")
        click.echo(f"     {source_word}: {sources}")
    known = [s.label for s in suggestions if s.already_in_profile]
    if known:
        click.echo(f"\n{already}: {', '.join(known)}")


def _print_neutral_lines(profile: Profile, bridge: Bridge, lang: Literal["nl", "en"]) -> None:
    """For experiences without a chosen neutral line: the lines the participant may choose."""
    heading = "Neutrale regel voor het cv" if lang == "nl" else "Neutral line for the CV"
    for index, experience in enumerate(profile.experiences):
        lines = bridge.neutral_lines(experience.kind, lang)
        if lines and not experience.neutral_line:
            click.echo(f"\n{heading} ({_TEXT[lang][3]} {index + 1}):")
            for line in lines:
                click.echo(f"  - {line}")


@main.command("suggest")
@click.option("--profile", "profile_path", required=True, type=PROFILE, help="Profiel (JSON).")
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON / output JSON.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@click.option(
    "--min-strength",
    type=click.FloatRange(0.0, 1.0),
    default=0.0,
    help="Alleen voorstellen vanaf deze sterkte / only suggestions at least this strong.",
)
@friendly_errors
def suggest(profile_path: Path, as_json: bool, lang: str, min_strength: float) -> None:
    """Competenties uit ervaringen en antwoorden / competencies from experiences and answers."""
    from jobmatch.services.suggestions import suggest_competencies

    language: Literal["nl", "en"] = "en" if lang == "en" else "nl"
    profile = _read_profile(profile_path)
    from jobmatch.services.suggestions import discovery_bridge

    bridge = discovery_bridge()
    _warn_unknown_questions(profile, bridge)
    suggestions = [
        s
        for s in suggest_competencies(profile=profile, bridge=bridge, lang=language)
        if s.strength >= min_strength
    ]
    if as_json:
        echo_json([suggestion.to_dict() for suggestion in suggestions])
    else:
        _print_readable(suggestions, language)
        _print_neutral_lines(profile, bridge, language)


@main.command("questions")
@click.option(
    "--lang",
    type=click.Choice(list(DISCOVERY_LANGUAGES)),
    default="nl",
    show_default=True,
    help="Taal van de vragen / language of the questions.",
)
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON / output JSON.")
@friendly_errors
def questions(lang: str, as_json: bool) -> None:
    """De ontdekvragen / the discovery questions (answers go in the profile's "discovery")."""
    from jobmatch.services.suggestions import discovery_bridge

    found = discovery_bridge().questions
    if as_json:
        echo_json([{"id": q.id, "text": q.text_in(lang), "nl": q.text_in("nl")} for q in found])
        return
    for question in found:
        click.echo(f"{question.id}: {question.text_in(lang)}")
