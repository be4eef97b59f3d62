"""The cadre list table: sortable columns, masked identifiers, a constant number of queries."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .identifiers import mask_identifier
from .models import Cadre


class CadreTable(tables.Table):
    full_name = tables.Column(linkify=True, order_by=("search_key", "pk"))
    date_of_birth = tables.DateColumn(format="d/m/Y", verbose_name=_("Date of birth"))
    agency = tables.Column(
        accessor="agency__name", order_by=("agency__path",), verbose_name=_("Agency")
    )
    position_title = tables.Column()

    position_level = tables.Column(
        accessor="position_level__label",
        order_by=("position_level__rank",),
        verbose_name=_("Position level"),
    )
    work_field = tables.Column(
        accessor="work_field__name", order_by=("work_field__name",), verbose_name=_("Field of work")
    )
    national_id = tables.Column(orderable=False, verbose_name=_("Citizen ID"))
    expected_retirement = tables.DateColumn(format="m/Y")

    class Meta:
        model = Cadre
        fields = [
            "full_name",
            "gender",
            "date_of_birth",
            "agency",
            "position_title",
            "position_level",
            "work_field",
            "national_id",
            "expected_retirement",
        ]
        attrs = {"class": "table table-sm table-striped table-hover align-middle"}
        empty_text = _("No cadre matches these filters.")
        template_name = "cadres/_cadre_table.html"
        order_by = ("full_name",)

    def render_national_id(self, value):
        return format_html('<span class="masked">{}</span>', mask_identifier(value))
