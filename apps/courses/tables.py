"""Tables of the course domain: sortable, paginated, a constant number of queries."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import Course, Expert, Partner

ATTRS = {"class": "table table-sm table-striped table-hover align-middle"}


class CourseTable(tables.Table):
    code = tables.Column(linkify=True, attrs={"td": {"class": "text-nowrap"}})
    title = tables.Column(linkify=True)
    form = tables.Column(accessor="form__name", order_by=("form_id",), verbose_name=_("Form"))
    content_group = tables.Column(
        accessor="content_group__code", verbose_name=_("Group"), order_by=("content_group__code",)
    )
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
        attrs = ATTRS
        empty_text = _("No course matches these filters.")
        order_by = ("-start",)

    def render_places(self, value, record):
        return f"{value} / {record.capacity}"


class PartnerTable(tables.Table):
    name = tables.Column(linkify=True)
    course_count = tables.Column(verbose_name=_("Courses"))

    class Meta:
        model = Partner
        fields = ["name", "short_name", "country", "city", "fields", "course_count"]
        attrs = ATTRS
        empty_text = _("No partner yet.")


class ExpertTable(tables.Table):
    full_name = tables.Column(linkify=True)
    partner = tables.Column(accessor="partner__name", verbose_name=_("Partner"))

    class Meta:
        model = Expert
        fields = ["full_name", "title", "partner", "country", "expertise", "languages"]
        attrs = ATTRS
        empty_text = _("No expert yet.")
