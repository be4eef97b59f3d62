"""Excel workbooks of the consolidation and of a plan (small: built in the request)."""

from django.utils.translation import gettext as _

from apps.core.spreadsheets import HEADER_STYLE, Styled, Workbook

from . import selectors
from .models import AnnualPlan
from .selectors import Consolidation

TOTAL_STYLE = {"bold": True, "bg_color": "#DDEBF7", "border": 1}
MONEY_STYLE = {"num_format": "#,##0"}


def consolidation_workbook(data: Consolidation) -> bytes:
    workbook = Workbook()
    sheet = workbook.sheet(_("Requests"))
    sheet.append(
        [
            _("Agency"),
            *[form.name for form in data.forms],
            _("Total"),
            *[_("Realism ratio – %(form)s") % {"form": form.name} for form in data.forms],
            _("Years of history"),
            _("Flag"),
            _("Topics"),
            _("Preferred countries"),
            _("Justification"),
        ],
        HEADER_STYLE,
    )
    for row in data.rows:
        sheet.append(
            [
                row.registration.agency.name,
                *row.by_form,
                row.total,
                *[float(r.ratio) if r.ratio is not None else _("no history") for r in row.realism],
                ", ".join(
                    f"{form.name}: {r.years_label}"
                    for form, r in zip(data.forms, row.realism, strict=True)
                    if r.years
                ),
                row.flag,
                row.registration.topics,
                row.registration.preferred_countries,
                row.registration.justification,
            ]
        )
    sheet.append([_("Total"), *data.totals, data.grand_total], TOTAL_STYLE)
    sheet.append([_("Annual target"), *data.targets], TOTAL_STYLE)
    sheet.widths([45])
    groups = workbook.sheet(_("By content group"))
    groups.append([_("Content group"), *[form.name for form in data.forms]], HEADER_STYLE)
    for group, values in data.by_group:
        groups.append([str(group), *values])
    groups.widths([60])
    return workbook.close()


def plan_workbook(plan: AnnualPlan) -> bytes:
    workbook = Workbook()
    totals = workbook.sheet(_("Totals"))
    totals.append(
        [_("Form"), _("Annual target"), _("Planned places"), _("Quotas"), _("Pool")],
        HEADER_STYLE,
    )
    for row in selectors.plan_totals(plan):
        totals.append([row.form.name, row.target, row.capacity, row.quotas, row.pool])
    totals.widths([40])
    courses = workbook.sheet(_("Planned courses"))
    courses.append(
        [
            _("Form"),
            _("Content group"),
            _("Topic"),
            _("Country"),
            _("Quarter"),
            _("Capacity"),
            _("Estimated cost (VND)"),
        ],
        HEADER_STYLE,
    )
    for course in plan.courses.select_related("form", "content_group"):
        cost = course.estimated_cost
        courses.append(
            [
                course.form.name,
                str(course.content_group),
                course.topic,
                course.country,
                course.get_quarter_display(),
                course.capacity,
                Styled(int(cost), MONEY_STYLE) if cost is not None else None,
            ]
        )
    courses.widths([40, 40, 40])
    quotas = workbook.sheet(_("Quotas"))
    forms, rows = selectors.plan_quota_grid(plan)
    quotas.append(
        [_("Agency"), *[f.name for f in forms], *[f"{_('Requested')} {f.code}" for f in forms]],
        HEADER_STYLE,
    )
    for row in rows:
        quotas.append([row.agency.name, *row.places, *row.requested])
    quotas.widths([45])
    return workbook.close()
