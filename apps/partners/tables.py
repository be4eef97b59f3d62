"""Tables of the registries: sortable, paginated, a constant number of queries."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from apps.core.pages import TABLE_ATTRS

from .models import Expert, Partner


class PartnerTable(tables.Table):
    name = tables.Column(linkify=True)
    course_count = tables.Column(verbose_name=_("Courses"))

    class Meta:
        model = Partner
        fields = ["name", "short_name", "country", "city", "fields", "course_count"]
        attrs = TABLE_ATTRS
        empty_text = _("No partner yet.")


class ExpertTable(tables.Table):
    full_name = tables.Column(linkify=True)
    partner = tables.Column(accessor="partner__name", verbose_name=_("Partner"))

    class Meta:
        model = Expert
        fields = ["full_name", "title", "partner", "country", "expertise", "languages"]
        attrs = TABLE_ATTRS
        empty_text = _("No expert yet.")
