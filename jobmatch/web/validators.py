"""Form checks shared by the pages whose text can reach a document."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from wtforms.validators import ValidationError

from jobmatch.domain.guard_text import refused_characters


def plain_characters(_form: Any, field: Any) -> None:
    """Refuse characters that have no business in a CV (direction overrides, invisible fillers,
    private-use or tag characters), naming them; they are never silently stripped."""
    found = refused_characters(str(field.data or ""))
    if found:
        raise ValidationError(
            _(
                "Hier staat een onzichtbaar of vreemd teken in. Typ de tekst opnieuw: %(what)s",
                what=", ".join(found[:3]),
            )
        )
