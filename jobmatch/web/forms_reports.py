"""Forms for the report pages and the admin's staff pages (validated again by the services)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Length

from jobmatch.web.forms_auth import REQUIRED
from jobmatch.web.forms_participants import options

ROLE_LABELS = {
    "job_hunter": _l("Jobhunter"),
    "coordinator": _l("Coördinator"),
    "admin": _l("Beheerder"),
}


class YearForm(FlaskForm):  # type: ignore[misc]
    """Choosing a year only reads: a GET form without a CSRF token."""

    class Meta:
        csrf = False

    jaar = SelectField(_l("Jaar"), coerce=int)


class StaffForm(FlaskForm):  # type: ignore[misc]
    email = EmailField(_l("E-mailadres"), validators=[DataRequired(REQUIRED), Length(max=254)])
    name = StringField(_l("Naam"), validators=[DataRequired(REQUIRED), Length(max=200)])
    role = SelectField(_l("Rol"), choices=options(list(ROLE_LABELS.items())))
    case_access = BooleanField(
        _l("Ook toegang tot deelnemers (werkt ook als jobhunter)"), default=False
    )
    password = PasswordField(
        _l("Eerste wachtwoord (minstens 12 tekens; een zin mag)"),
        validators=[DataRequired(REQUIRED), Length(max=256)],
    )
