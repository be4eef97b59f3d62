"""Tables of the planning lists: sortable, paginated, a constant number of queries."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import NeedsRegistration, Quota

ATTRS = {"class": "table table-sm table-striped table-hover align-middle"}


class QuotaTable(tables.Table):
    year = tables.Column(accessor="plan__year", verbose_name=_("Year"))
    agency = tables.Column(
        accessor="agency__name", order_by=("agency__path",), verbose_name=_("Agency")
    )
    form = tables.Column(accessor="form__name", order_by=("form_id",), verbose_name=_("Form"))
    places = tables.Column(verbose_name=_("Places"), attrs={"td": {"class": "text-end"}})
    used = tables.Column(verbose_name=_("Places used"), attrs={"td": {"class": "text-end"}})

    class Meta:
        model = Quota
        fields = ["year", "agency", "form", "places", "used"]
        attrs = ATTRS
        empty_text = _("No approved quota yet.")

    def render_year(self, value):
        return str(value)  # a year, not a number to group by thousands


class RegistrationTable(tables.Table):
    agency = tables.Column(
        accessor="agency__name", order_by=("agency__path",), verbose_name=_("Agency"), linkify=True
    )
    total = tables.Column(verbose_name=_("Places requested"), attrs={"td": {"class": "text-end"}})
    updated_at = tables.DateTimeColumn(format="d/m/Y H:i", verbose_name=_("Last changed"))
    reopened_until = tables.DateColumn(format="d/m/Y", verbose_name=_("Reopened until"))

    class Meta:
        model = NeedsRegistration
        fields = ["agency", "total", "updated_at", "reopened_until"]
        attrs = ATTRS
        empty_text = _("No agency has registered yet.")

    def render_total(self, value):
        return value or 0
