"""Excel workbooks of the consolidation and of a plan (small: built in the request)."""

import io

import xlsxwriter
from django.utils.translation import gettext as _

from . import selectors
from .models import AnnualPlan
from .selectors import Consolidation


def _workbook():
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    return buffer, workbook, bold


def consolidation_workbook(data: Consolidation) -> bytes:
    buffer, workbook, bold = _workbook()
    sheet = workbook.add_worksheet(_("Requests")[:31])
    header = [
        _("Agency"),
        *[form.name for form in data.forms],
        _("Total"),
        _("Realism ratio"),
        _("Years of history"),
        _("Flag"),
        _("Topics"),
        _("Preferred countries"),
        _("Justification"),
    ]
    sheet.write_row(0, 0, header, bold)
    for index, row in enumerate(data.rows, start=1):
        ratio = row.realism.ratio
        sheet.write_row(
            index,
            0,
            [
                row.registration.agency.name,
                *row.by_form,
                row.total,
                float(ratio) if ratio is not None else _("no history"),
                row.realism.years_label,
                row.flag,
                row.registration.topics,
                row.registration.preferred_countries,
                row.registration.justification,
            ],
        )
    last = len(data.rows) + 1
    sheet.write_row(last, 0, [_("Total"), *data.totals, data.grand_total], bold)
    sheet.write_row(
        last + 1, 0, [_("Annual target"), *[t if t is not None else "" for t in data.targets]], bold
    )
    sheet.set_column(0, 0, 45)
    groups = workbook.add_worksheet(_("By content group")[:31])
    groups.write_row(0, 0, [_("Content group"), *[form.name for form in data.forms]], bold)
    for index, (group, values) in enumerate(data.by_group, start=1):
        groups.write_row(index, 0, [str(group), *values])
    groups.set_column(0, 0, 60)
    workbook.close()
    return buffer.getvalue()


def plan_workbook(plan: AnnualPlan) -> bytes:
    buffer, workbook, bold = _workbook()
    money = workbook.add_format({"num_format": "#,##0"})
    totals = workbook.add_worksheet(_("Totals")[:31])
    totals.write_row(
        0, 0, [_("Form"), _("Annual target"), _("Planned places"), _("Quotas"), _("Pool")], bold
    )
    for index, row in enumerate(selectors.plan_totals(plan), start=1):
        target = row.target if row.target is not None else ""
        totals.write_row(index, 0, [row.form.name, target, row.capacity, row.quotas, row.pool])
    totals.set_column(0, 0, 40)
    courses = workbook.add_worksheet(_("Planned courses")[:31])
    courses.write_row(
        0,
        0,
        [
            _("Form"),
            _("Content group"),
            _("Topic"),
            _("Country"),
            _("Quarter"),
            _("Capacity"),
            _("Estimated cost (VND)"),
        ],
        bold,
    )
    for index, course in enumerate(plan.courses.select_related("form", "content_group"), start=1):
        courses.write_row(
            index,
            0,
            [
                course.form.name,
                str(course.content_group),
                course.topic,
                course.country,
                course.get_quarter_display(),
                course.capacity,
            ],
        )
        if course.estimated_cost is not None:
            courses.write_number(index, 6, int(course.estimated_cost), money)
    courses.set_column(0, 2, 40)
    quotas = workbook.add_worksheet(_("Quotas")[:31])
    forms, rows = selectors.plan_quota_grid(plan)
    quotas.write_row(
        0,
        0,
        [_("Agency"), *[f.name for f in forms], *[f"{_('Requested')} {f.code}" for f in forms]],
        bold,
    )
    for index, row in enumerate(rows, start=1):
        quotas.write_row(index, 0, [row.agency.name, *row.places, *row.requested])
    quotas.set_column(0, 0, 45)
    workbook.close()
    return buffer.getvalue()
