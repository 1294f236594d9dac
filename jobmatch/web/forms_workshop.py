"""The participant's own forms in the workshop (plain B1 Dutch, one topic per screen)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, IntegerField, StringField, TelField
from wtforms.validators import Length, NumberRange, Optional

from jobmatch.web.forms_participants import SHIFT_CHOICES, MultiCheckbox
from jobmatch.web.validators import plain_characters


class AboutMeForm(FlaskForm):  # type: ignore[misc]
    full_name = StringField(
        _l("Je naam (zoals op je cv)"), validators=[plain_characters, Length(max=200)]
    )
    contact_email = EmailField(_l("Je e-mailadres"), validators=[plain_characters, Length(max=254)])
    contact_phone = TelField(_l("Je telefoonnummer"), validators=[plain_characters, Length(max=40)])
    city = StringField(_l("Je woonplaats"), validators=[plain_characters, Length(max=100)])


class MyWishesForm(FlaskForm):  # type: ignore[misc]
    hours_max = IntegerField(
        _l("Hoeveel uur per week wil je werken?"), validators=[Optional(), NumberRange(0, 60)]
    )
    max_km = IntegerField(
        _l("Hoe ver wil je reizen? (km)"), validators=[Optional(), NumberRange(0, 300)]
    )
    avoid_shifts = MultiCheckbox(_l("Welke diensten wil je niet?"), choices=SHIFT_CHOICES)
