"""Forms for the job hunter's participant pages (validated again by the services)."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    FieldList,
    FormField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TelField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp
from wtforms.widgets import CheckboxInput, ListWidget

from jobmatch.domain.profiles import CEFR_LEVELS
from jobmatch.domain.wording import LANGUAGE_NAMES
from jobmatch.web.validators import plain_characters


def options(pairs: list[tuple[str, object]]) -> list[SelectChoice]:
    """WTForms choices from (value, label) pairs; labels may be lazy translations."""
    return [SelectChoice(value, label) for value, label in pairs]  # type: ignore[arg-type]


PHASES = options(
    [
        ("contact", _l("Contact")),
        ("oriëntatie", _l("Oriëntatie")),
        ("uitvoering", _l("Uitvoering")),
        ("nazorg", _l("Nazorg")),
    ]
)
SHIFT_CHOICES = options(
    [
        ("evening", _l("Avond")),
        ("night", _l("Nacht")),
        ("weekend", _l("Weekend")),
        ("irregular", _l("Wisselende diensten")),
    ]
)
LEVELS = options(
    [("", "—"), *[(level, level) for level in CEFR_LEVELS], ("native", _l("moedertaal"))]
)
PC4 = Regexp(r"^\s*([1-9][0-9]{3})?\s*$", message=_l("Vier cijfers, bijvoorbeeld 2521."))
REQUIRED = _l("Vul dit in.")


def language_choices() -> list[SelectChoice]:
    names = sorted(LANGUAGE_NAMES.items(), key=lambda item: item[1][0])
    return options([("", "—"), *[(code, f"{nl} / {en}") for code, (nl, en) in names]])


class MultiCheckbox(SelectMultipleField):  # type: ignore[misc]
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ParticipantForm(FlaskForm):  # type: ignore[misc]
    alias = StringField(
        _l("Naam of roepnaam in deze lijst"),
        validators=[plain_characters, DataRequired(REQUIRED), Length(max=100)],
    )
    full_name = StringField(
        _l("Naam op haar cv (mag leeg)"), validators=[plain_characters, Length(max=200)]
    )
    phase = SelectField(_l("Fase"), choices=PHASES, default="contact")
    city = StringField(_l("Woonplaats"), validators=[plain_characters, Length(max=100)])
    pc4 = StringField(_l("Postcode (4 cijfers)"), validators=[PC4])
    birth_year = IntegerField(
        _l("Geboortejaar (alleen voor het jaarverslag)"),
        validators=[Optional(), NumberRange(1920, 2015, _l("Een jaar tussen 1920 en 2015."))],
    )
    contact_email = EmailField(
        _l("E-mailadres (voor haar cv)"), validators=[plain_characters, Length(max=254)]
    )
    contact_phone = TelField(
        _l("Telefoon (voor haar cv)"), validators=[plain_characters, Length(max=40)]
    )
    last_contact = DateField(_l("Laatste contact"), validators=[Optional()])
    next_follow_up = DateField(_l("Volgende afspraak"), validators=[Optional()])


class LanguageRow(FlaskForm):  # type: ignore[misc]
    class Meta:
        csrf = False

    language = SelectField(_l("Taal"), choices=language_choices, default="")
    level = SelectField(_l("Niveau"), choices=LEVELS, default="")


class LanguagesForm(FlaskForm):  # type: ignore[misc]
    rows = FieldList(FormField(LanguageRow), min_entries=6, max_entries=12)


class WishesForm(FlaskForm):  # type: ignore[misc]
    sectors = StringField(
        _l("Sectoren waarin ze wil werken (met komma's)"), validators=[Length(max=500)]
    )
    hours_min = IntegerField(
        _l("Minimaal uren per week"), validators=[Optional(), NumberRange(0, 60)]
    )
    hours_max = IntegerField(
        _l("Maximaal uren per week"), validators=[Optional(), NumberRange(0, 60)]
    )
    max_km = IntegerField(
        _l("Hoe ver wil ze reizen (km)"), validators=[Optional(), NumberRange(0, 300)]
    )
    avoid_shifts = MultiCheckbox(_l("Diensten die ze niet wil"), choices=SHIFT_CHOICES)
    income_need = IntegerField(
        _l("Wat ze netto per maand nodig heeft (euro)"),
        validators=[Optional(), NumberRange(0, 10000)],
    )
    avoid_employers = TextAreaField(
        _l("Werkgevers die ze wil vermijden (één per regel)"), validators=[Length(max=4000)]
    )
    avoid_places = TextAreaField(
        _l("Plaatsen of buurten die ze wil vermijden (één per regel)"),
        validators=[Length(max=4000)],
    )


class ConsentForm(FlaskForm):  # type: ignore[misc]
    agreed = BooleanField(
        _l("Ze heeft de privacytekst gelezen (of voorgelezen gekregen) en gaat akkoord"),
        validators=[DataRequired(_l("Kruis dit aan als ze akkoord gaat."))],
    )


class EmptyForm(FlaskForm):  # type: ignore[misc]
    """A button that changes something: only the CSRF token."""


class ExitForm(FlaskForm):  # type: ignore[misc]
    exit_date = DateField(_l("Datum van afsluiten"), validators=[DataRequired(REQUIRED)])
    exit_reason = SelectField(
        _l("Hoe gaat ze verder?"),
        choices=options(
            [
                ("uitgestroomd", _l("Ze is uit het vak gestapt")),
                ("uitgevallen", _l("Ze is gestopt met het programma")),
            ]
        ),
    )
    outcome = SelectField(
        _l("Wat doet ze nu?"),
        choices=options(
            [
                ("", "—"),
                ("betaald-werk", _l("Betaald werk")),
                ("opleiding", _l("Een opleiding")),
                ("vrijwilligerswerk", _l("Vrijwilligerswerk")),
                ("dagbesteding", _l("Dagbesteding")),
                ("eigen-bedrijf", _l("Een eigen bedrijf buiten het vak")),
            ]
        ),
    )
    work_pc4 = StringField(_l("Postcode van haar werk (4 cijfers, mag leeg)"), validators=[PC4])


def language_rows(form: LanguagesForm) -> list[tuple[str, str]] | None:
    """(language, level) pairs from the filled rows; None (with a message) if a level is missing."""
    chosen: dict[str, str] = {}
    ok = True
    for entry in form.rows.entries:
        language, level = entry.form.language.data, entry.form.level.data
        if language and not level:
            entry.form.level.errors = [_("Kies ook het niveau.")]
            ok = False
        elif language:
            chosen[language] = level
    return list(chosen.items()) if ok else None
