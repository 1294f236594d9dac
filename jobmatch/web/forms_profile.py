"""Forms for experiences, discovery answers and competencies (job hunter and participant)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from jobmatch.web.forms_participants import options
from jobmatch.web.validators import plain_characters

REQUIRED = _l("Vul dit in.")
KINDS = options(
    [
        ("work", _l("Werk in loondienst")),
        ("own-business", _l("Eigen bedrijf of zelfstandig")),
        ("personal-services", _l("Persoonlijke dienstverlening (komt nooit letterlijk op je cv)")),
        ("volunteer", _l("Vrijwilligerswerk")),
        ("care", _l("Zorg voor familie of anderen")),
        ("education", _l("School of cursus")),
        ("other", _l("Iets anders")),
    ]
)
ANSWERS = options([("ja", _l("Ja")), ("nee", _l("Nee")), ("weet-niet", _l("Weet ik niet"))])


class ExperienceForm(FlaskForm):  # type: ignore[misc]
    title = StringField(
        _l("Wat deed je? (een korte titel)"),
        validators=[DataRequired(REQUIRED), plain_characters, Length(max=200)],
    )
    kind = SelectField(_l("Wat voor ervaring is het?"), choices=KINDS, default="work")
    description = TextAreaField(
        _l("Vertel in je eigen woorden wat je deed"),
        validators=[plain_characters, Length(max=5000)],
    )
    neutral_line = StringField(
        _l("Hoe wil je het op je cv noemen? (mag leeg)"),
        validators=[plain_characters, Length(max=300)],
    )
    show_on_cv = BooleanField(_l("Laat deze ervaring zien op mijn cv"), default=True)


class AnswerForm(FlaskForm):  # type: ignore[misc]
    answer = RadioField(_l("Jouw antwoord"), choices=ANSWERS, validators=[DataRequired(REQUIRED)])


class CompetencyForm(FlaskForm):  # type: ignore[misc]
    competency = HiddenField(validators=[DataRequired()])
    evidence = TextAreaField(
        _l("Zeg het in je eigen woorden (één zin)"),
        validators=[DataRequired(REQUIRED), plain_characters, Length(max=400)],
    )
    action = HiddenField(default="confirm")


class AddCompetencyForm(FlaskForm):  # type: ignore[misc]
    competency = SelectField(_l("Competentie"), validators=[DataRequired(REQUIRED)])
    evidence = TextAreaField(
        _l("Waaraan zie je dat? (één zin)"),
        validators=[DataRequired(REQUIRED), plain_characters, Length(max=400)],
    )
