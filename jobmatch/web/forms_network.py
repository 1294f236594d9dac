"""Forms of the coordinator's pages (the services check everything again)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    FloatField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp

from jobmatch.domain.profiles import CEFR_LEVELS
from jobmatch.services.training_catalogue import TRAINING_KINDS
from jobmatch.web.forms_participants import REQUIRED, MultiCheckbox, options

PC4 = Regexp(r"^\s*([1-9][0-9]{3})?\s*$", message=_l("Vier cijfers, bijvoorbeeld 2521."))
STATUS = options(
    [
        ("open", _l("Open")),
        ("expired", _l("Verlopen")),
        ("archived", _l("Gearchiveerd")),
        ("all", _l("Alle")),
    ]
)
SALARY_UNITS = options(
    [("", "—"), ("hour", _l("per uur")), ("month", _l("per maand")), ("year", _l("per jaar"))]
)
DUTCH = options([("", "—"), *[(level, level) for level in CEFR_LEVELS]])
SHIFTS = options([("evening", _l("Avond")), ("night", _l("Nacht")), ("weekend", _l("Weekend"))])
KIND_LABELS = {
    "course": _l("Cursus of opleiding (mbo)"),
    "language-course": _l("Taalcursus"),
    "work-experience": _l("Werkervaringsplaats"),
    "learning-work": _l("Leerwerkplaats"),
    "volunteering": _l("Vrijwilligerswerk"),
}
KINDS = options([(kind, KIND_LABELS[kind]) for kind in TRAINING_KINDS])
IMPORT_KINDS = options([("vacancies", _l("Vacatures")), ("training", _l("Opleidingsplaatsen"))])
HOURS = [Optional(), NumberRange(0, 80, _l("Tussen 0 en 80 uur."))]
MONEY = [Optional(), NumberRange(0, 1_000_000, _l("Een bedrag van 0 of meer."))]


class VacancyFilterForm(FlaskForm):  # type: ignore[misc]
    class Meta:
        csrf = False  # a GET search form changes nothing

    status = SelectField(_l("Welke vacatures"), choices=STATUS, default="open")
    sector = SelectField(_l("Sector"), choices=[], default="")
    group = SelectField(_l("Beroepsgroep"), choices=[], default="")


class PasteForm(FlaskForm):  # type: ignore[misc]
    employer = StringField(_l("Welke werkgever (mag leeg)"), validators=[Length(max=200)])
    pasted = TextAreaField(
        _l("Plak hier de tekst (de eerste regel is de titel)"),
        validators=[DataRequired(REQUIRED), Length(max=50_000)],
    )


class VacancyConfirmForm(FlaskForm):  # type: ignore[misc]
    """The extracted fields, editable, before anything is saved."""

    title = StringField(_l("Titel"), validators=[DataRequired(REQUIRED), Length(max=300)])
    employer = StringField(_l("Werkgever"), validators=[Length(max=200)])
    text = TextAreaField(
        _l("Tekst van de vacature"), validators=[DataRequired(REQUIRED), Length(max=50_000)]
    )
    sector = StringField(_l("Sector"), validators=[Length(max=100)])
    pc4 = StringField(_l("Postcode (4 cijfers)"), validators=[PC4])
    location = StringField(_l("Plaats"), validators=[Length(max=100)])
    hours_min = FloatField(_l("Minimaal uren per week"), validators=HOURS)
    hours_max = FloatField(_l("Maximaal uren per week"), validators=HOURS)
    salary_min = FloatField(_l("Salaris vanaf (euro)"), validators=MONEY)
    salary_max = FloatField(_l("Salaris tot (euro)"), validators=MONEY)
    salary_unit = SelectField(_l("Salaris per"), choices=SALARY_UNITS, default="")
    dutch_level = SelectField(_l("Niveau Nederlands"), choices=DUTCH, default="")
    education_level = StringField(_l("Opleiding"), validators=[Length(max=100)])
    driving_licence = BooleanField(_l("Rijbewijs nodig"))
    certificates = StringField(_l("Certificaten (met komma's)"), validators=[Length(max=500)])
    shifts = MultiCheckbox(_l("Diensten"), choices=SHIFTS)
    closing_date = DateField(_l("Sluitingsdatum (mag leeg)"), validators=[Optional()])
    save_anyway = BooleanField(_l("Toch opslaan: het is een andere vacature"))


class VacancyEditForm(FlaskForm):  # type: ignore[misc]
    title = StringField(_l("Titel"), validators=[DataRequired(REQUIRED), Length(max=300)])
    sector = StringField(_l("Sector"), validators=[Length(max=100)])
    pc4 = StringField(_l("Postcode (4 cijfers)"), validators=[PC4])
    closing_date = DateField(_l("Sluitingsdatum (mag leeg)"), validators=[Optional()])
    occupation = SelectField(_l("Beroep (ESCO)"), choices=[], default="")
    archived = BooleanField(_l("Gearchiveerd (niet meer bij de matches)"))


class UploadForm(FlaskForm):  # type: ignore[misc]
    kind = SelectField(_l("Wat staat er in het bestand"), choices=IMPORT_KINDS, default="vacancies")
    upload = FileField(
        _l("Kies het bestand (CSV, JSON-LD of een opgeslagen webpagina, max 5 MB)"),
        validators=[FileRequired(_l("Kies een bestand."))],
    )


class TrainingPasteForm(FlaskForm):  # type: ignore[misc]
    provider = StringField(
        _l("Welke aanbieder (school, organisatie)"), validators=[Length(max=200)]
    )
    pasted = TextAreaField(
        _l("Plak hier de tekst (de eerste regel is de titel)"),
        validators=[DataRequired(REQUIRED), Length(max=50_000)],
    )


class TrainingForm(FlaskForm):  # type: ignore[misc]
    title = StringField(_l("Titel"), validators=[DataRequired(REQUIRED), Length(max=300)])
    kind = SelectField(_l("Soort plaats"), choices=KINDS, default="course")
    provider = StringField(_l("Aanbieder"), validators=[DataRequired(REQUIRED), Length(max=200)])
    description = TextAreaField(_l("Beschrijving"), validators=[Length(max=50_000)])
    dutch_level = SelectField(_l("Niveau Nederlands dat nodig is"), choices=DUTCH, default="")
    city = StringField(_l("Plaats"), validators=[Length(max=100)])
    pc4 = StringField(_l("Postcode (4 cijfers)"), validators=[PC4])
    employer = StringField(
        _l("Bij welke werkgever (werkervarings- of leerwerkplaats, mag leeg)"),
        validators=[Length(max=200)],
    )
    competencies_taught = MultiCheckbox(_l("Wat leer je er (competenties)"), choices=[])
    archived = BooleanField(_l("Gearchiveerd"))


SIZES = options([("", "—"), ("1-10", "1-10"), ("11-50", "11-50"), ("51-250", "51-250"),
                 ("250+", "250+")])  # fmt: skip
CHANNELS = options(
    [
        ("phone", _l("Telefoon")),
        ("email", _l("E-mail")),
        ("visit", _l("Bezoek")),
        ("other", _l("Anders")),
    ]
)
PC4_LIST = Regexp(
    r"^\s*([1-9][0-9]{3}(\s*,\s*[1-9][0-9]{3})*)?\s*$",
    message=_l("Postcodes van vier cijfers, met komma's."),
)


class EmployerForm(FlaskForm):  # type: ignore[misc]
    name = StringField(_l("Naam"), validators=[DataRequired(REQUIRED), Length(max=200)])
    sector = StringField(_l("Sector"), validators=[Length(max=100)])
    city = StringField(_l("Plaats"), validators=[Length(max=100)])
    pc4 = StringField(_l("Postcode (4 cijfers)"), validators=[PC4])
    locations = StringField(_l("Andere vestigingen (postcodes, met komma's)"),
                            validators=[PC4_LIST, Length(max=500)])  # fmt: skip
    size = SelectField(_l("Aantal medewerkers"), choices=SIZES, default="")
    open_to_gap = BooleanField(_l("Staat open voor mensen met een gat in hun cv"))
    approach_notes = TextAreaField(_l("Hoe benader je deze werkgever"),
                                   validators=[Length(max=4000)])  # fmt: skip
    notes = TextAreaField(_l("Notities"), validators=[Length(max=4000)])
    next_follow_up = DateField(_l("Volgende keer bellen"), validators=[Optional()])


class ContactLogForm(FlaskForm):  # type: ignore[misc]
    on = DateField(_l("Datum van het contact"), validators=[DataRequired(REQUIRED)])
    channel = SelectField(_l("Hoe"), choices=CHANNELS, default="phone")
    summary = TextAreaField(_l("Wat is er besproken"), validators=[Length(max=4000)])
    next_follow_up = DateField(_l("Volgende keer bellen (mag leeg)"), validators=[Optional()])


class ContactsUploadForm(FlaskForm):  # type: ignore[misc]
    upload = FileField(
        _l("Contactpersonen uit een bestand (CSV of vCard, max 5 MB)"),
        validators=[FileRequired(_l("Kies een bestand."))],
    )


class CompetencyForm(FlaskForm):  # type: ignore[misc]
    """The lexicon entry; lists are one term per line (checked like `jobmatch check-data`)."""

    label_nl = StringField(
        _l("Naam (Nederlands)"), validators=[DataRequired(REQUIRED), Length(max=200)]
    )
    label_en = StringField(
        _l("Naam (Engels)"), validators=[DataRequired(REQUIRED), Length(max=200)]
    )
    definition_nl = TextAreaField(_l("Omschrijving (Nederlands)"), validators=[Length(max=2000)])
    definition_en = TextAreaField(_l("Omschrijving (Engels)"), validators=[Length(max=2000)])
    terms_nl = TextAreaField(_l("Woorden en synoniemen (Nederlands, één per regel)"),
                             validators=[Length(max=20_000)])  # fmt: skip
    terms_en = TextAreaField(_l("Woorden en synoniemen (Engels, één per regel)"),
                             validators=[Length(max=20_000)])  # fmt: skip
    stems_nl = TextAreaField(_l("Woordstammen (één per regel)"), validators=[Length(max=20_000)])
    exclude_nl = TextAreaField(_l("Woorden die niet meetellen (één per regel)"),
                               validators=[Length(max=20_000)])  # fmt: skip
    evidence_nl = TextAreaField(_l("Voorbeeldzinnen voor het cv (Nederlands, één per regel)"),
                                validators=[Length(max=20_000)])  # fmt: skip
    evidence_en = TextAreaField(_l("Voorbeeldzinnen voor het cv (Engels, één per regel)"),
                                validators=[Length(max=20_000)])  # fmt: skip
