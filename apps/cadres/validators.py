"""One validator per cadre field, shared by the page form, the API and the Excel import.

Each raises ``ValidationError`` with a ``code`` (and ``params``) so that the import can word
its message by row and column while forms and the API show the sentence as it is.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: A cadre is an adult in employment: younger than MIN_AGE or older than MAX_AGE is a typo.
MIN_AGE = 18
MAX_AGE = 80


def age_on(birth: datetime.date, day: datetime.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def validate_date_of_birth(value: datetime.date, *, today: datetime.date | None = None) -> None:
    """Not in the future, and an age a serving cadre can have (MIN_AGE to MAX_AGE)."""
    today = today or timezone.localdate()
    if value > today:
        raise ValidationError(
            _("The date of birth %(value)s is in the future."),
            code="date_future",
            params={"value": value.strftime("%d/%m/%Y")},
        )
    age = age_on(value, today)
    if age < MIN_AGE:
        raise ValidationError(
            _(
                "With the date of birth %(value)s the person is %(age)s years old; a cadre "
                "must be at least %(min_age)s."
            ),
            code="too_young",
            params={"value": value.strftime("%d/%m/%Y"), "age": age, "min_age": MIN_AGE},
        )
    if age > MAX_AGE:
        raise ValidationError(
            _(
                "With the date of birth %(value)s the person is %(age)s years old; check the "
                "year (a cadre is at most %(max_age)s)."
            ),
            code="too_old",
            params={"value": value.strftime("%d/%m/%Y"), "age": age, "max_age": MAX_AGE},
        )


def validate_national_id(value: str) -> str:
    """Exactly 12 digits (spaces around are ignored); returns the cleaned number."""
    value = (value or "").strip()
    if not (value.isdigit() and len(value) == 12):
        raise ValidationError(
            _("A citizen ID number has exactly 12 digits; “%(value)s” does not."),
            code="national_id_format",
            params={"value": value, "length": len(value)},
        )
    return value
