"""Rows of the consolidation table written in Python: 300 agencies × 8 cells through the
template engine cost more than the queries behind them (see docs/BENCHMARKS.md)."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def consolidation_rows(data):
    no_history = format_html('<span class="text-body-secondary">{}</span>', _("no history"))
    badge = format_html('<span class="badge text-bg-warning">{}</span>', _("Over-request"))
    detail = reverse("planning:registration_detail", args=[0]).replace("/0/", "/{}/")
    out = []
    for row in data.rows:
        registration = row.registration
        ratio = row.realism.ratio
        realism = (
            no_history
            if ratio is None
            else format_html(
                '{} <span class="small text-body-secondary">({})</span>',
                f"{ratio:.2f}".replace(".", ","),
                row.realism.years_label,
            )
        )
        flag = format_html('{} <span class="small">{}</span>', badge, row.flag) if row.flag else ""
        out.append(
            format_html(
                '<tr><td><a href="{}">{}</a></td>{}<td class="text-end fw-bold">{}</td>'
                '<td class="text-end text-nowrap">{}</td><td>{}</td></tr>',
                detail.format(registration.pk),
                registration.agency.name,
                # whole numbers only: nothing to escape
                mark_safe("".join(f'<td class="text-end">{int(v)}</td>' for v in row.by_form)),
                row.total,
                realism,
                flag,
            )
        )
    return mark_safe("".join(out))
