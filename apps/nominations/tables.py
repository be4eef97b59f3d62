"""The nomination table: eligibility and override visible on every row."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Nomination

BADGES = {"pass": "success", "warning": "warning", "fail": "danger"}


def outcome_badge(nomination: Nomination):
    badge = format_html(
        '<span class="badge text-bg-{}">{}</span>',
        BADGES.get(nomination.outcome, "secondary"),
        nomination.get_outcome_display(),
    )
    if nomination.is_overridden:
        badge += format_html(
            ' <span class="badge text-bg-info" title="{}">{}</span>',
            nomination.override_reason,
            _("Override"),
        )
    return badge


class NominationTable(tables.Table):
    cadre = tables.Column(
        accessor="cadre__full_name",
        verbose_name=_("Cadre"),
        linkify=lambda record: record.get_absolute_url(),
        order_by=("cadre__search_key",),
    )
    position = tables.Column(
        accessor="cadre__position_title", verbose_name=_("Position"), orderable=False
    )
    agency = tables.Column(accessor="agency__name", verbose_name=_("Nominating agency"))
    course = tables.Column(
        accessor="course__code",
        verbose_name=_("Course"),
        linkify=lambda record: record.course.get_absolute_url(),
    )
    outcome = tables.Column(verbose_name=_("Eligibility"))
    status = tables.Column()
    created_at = tables.DateColumn(format="d/m/Y", verbose_name=_("Nominated at"))

    class Meta:
        model = Nomination
        fields = ["cadre", "position", "agency", "course", "outcome", "status", "created_at"]
        attrs = {"class": "table table-sm table-striped table-hover align-middle"}
        empty_text = _("No nomination matches these filters.")
        order_by = ("-created_at",)

    def render_outcome(self, value, record):
        return outcome_badge(record)
