"""Messages of third-party templates that ship no Vietnamese translation (django-tables2).

Listing them here puts them in the project catalogue, which Django consults first.
"""

from django.utils.translation import gettext_noop

MESSAGES = (
    gettext_noop("previous"),
    gettext_noop("next"),
)
