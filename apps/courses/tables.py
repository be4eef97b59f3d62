"""Tables of the course domain: sortable, paginated, a constant number of queries."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from apps.core.pages import TABLE_ATTRS

from .models import Course


class CourseTable(tables.Table):
    code = tables.Column(linkify=True, attrs={"td": {"class": "text-nowrap"}})
    title = tables.Column(linkify=True)
    form = tables.Column(accessor="form__name", order_by=("form_id",), verbose_name=_("Form"))
    content_group = tables.Column(verbose_name=_("Group"), order_by=("content_group__code",))
    start = tables.DateColumn(format="d/m/Y")
    end = tables.DateColumn(format="d/m/Y")
    organiser = tables.Column(
        accessor="organiser__name", verbose_name=_("Organiser"), default=_("Steering Committee")
    )
    places = tables.Column(
        accessor="taken", verbose_name=_("Approved / capacity"), order_by=("taken",)
    )
    status = tables.Column()

    class Meta:
        model = Course
        fields = [
            "code",
            "title",
            "form",
            "content_group",
            "countries",
            "start",
            "end",
            "modality",
            "organiser",
            "places",
            "status",
        ]
        attrs = TABLE_ATTRS
        empty_text = _("No course matches these filters.")
        order_by = ("-start",)

    def render_content_group(self, value):
        """The group's name cut short, the whole name on hover (never the bare number)."""
        return format_html(
            '<span title="{}">{}</span>', value.name, Truncator(value.name).chars(32)
        )

    def render_places(self, value, record):
        return f"{value} / {record.capacity}"
