"""Tables of agency lists (django-tables2); counts come from one grouped query per page."""

import django_tables2 as tables
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Agency


class AgencyTable(tables.Table):
    code = tables.Column(verbose_name=_("Code"))
    name = tables.Column(verbose_name=_("Name"), linkify=True)
    kind = tables.Column(verbose_name=_("Kind"))
    is_central = tables.Column(verbose_name=_("Central or local"))
    parent = tables.Column(
        verbose_name=_("Parent agency"), linkify=True, order_by=("parent__path",)
    )
    cadre_total = tables.Column(verbose_name=_("Cadres"), empty_values=(), orderable=False)
    successor = tables.Column(verbose_name=_("Status"), empty_values=(), orderable=False)

    class Meta:
        model = Agency
        fields = ["code", "name", "kind", "is_central", "parent", "cadre_total", "successor"]
        attrs = {"class": "table table-sm table-striped align-middle"}
        order_by = ("path",)

    def __init__(self, *args, cadre_totals: dict[str, int] | None = None, **kwargs):
        self.cadre_totals = cadre_totals or {}
        super().__init__(*args, **kwargs)

    def render_is_central(self, value):
        return _("Central") if value else _("Local")

    def render_cadre_total(self, record):
        return number_format(self.cadre_totals.get(record.path, 0), force_grouping=True)

    def render_successor(self, record):
        if record.successor_id is None:
            return _("Active") if record.is_active else _("Inactive")
        return format_html(
            '<span class="badge text-bg-secondary">{}</span>',
            _("merged into %(name)s on %(date)s")
            % {
                "name": record.successor.name,
                "date": date_format(record.merged_on, "d/m/Y"),
            },
        )
