"""Sign-in forms (Flask-WTF: every form carries the CSRF token)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Length

REQUIRED = _l("Vul dit in.")


class LoginForm(FlaskForm):  # type: ignore[misc]
    email = EmailField(_l("E-mailadres"), validators=[DataRequired(REQUIRED), Length(max=254)])
    password = PasswordField(_l("Wachtwoord"), validators=[DataRequired(REQUIRED), Length(max=256)])


class SecondFactorForm(FlaskForm):  # type: ignore[misc]
    code = StringField(
        _l("Code uit je app, of een herstelcode"),
        validators=[DataRequired(REQUIRED), Length(max=32)],
    )


class WorkshopCodeForm(FlaskForm):  # type: ignore[misc]
    code = StringField(_l("Jouw code"), validators=[DataRequired(REQUIRED), Length(max=32)])


class PasswordChangeForm(FlaskForm):  # type: ignore[misc]
    current = PasswordField(_l("Huidig wachtwoord"), validators=[DataRequired(REQUIRED)])
    new = PasswordField(
        _l("Nieuw wachtwoord (minstens 12 tekens; een zin mag)"),
        validators=[DataRequired(REQUIRED), Length(max=256)],
    )


class TotpForm(FlaskForm):  # type: ignore[misc]
    code = StringField(_l("Code uit je app"), validators=[DataRequired(REQUIRED), Length(max=12)])
