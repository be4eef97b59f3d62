"""Rows of the consolidation table written in Python: 300 agencies × 8 cells through the
template engine cost more than the queries behind them (see docs/BENCHMARKS.md)."""

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
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
        cells = []
        for requested, realism in zip(row.by_form, row.realism, strict=True):
            ratio = realism.ratio
            cells.append(
                format_html(
                    '<td class="text-end">{}<div class="small text-body-secondary text-nowrap">'
                    "{}</div></td>",
                    requested,
                    no_history
                    if ratio is None
                    else format_html(
                        "{} ({})", f"{ratio:.2f}".replace(".", ","), realism.years_label
                    ),
                )
            )
        flags = format_html_join(
            "", '<div>{} <span class="small">{}</span></div>', ((badge, f) for f in row.flags if f)
        )
        out.append(
            format_html(
                '<tr><td><a href="{}">{}</a></td>{}<td class="text-end fw-bold">{}</td>'
                "<td>{}</td></tr>",
                detail.format(registration.pk),
                registration.agency.name,
                mark_safe("".join(cells)),  # each cell built by format_html above
                row.total,
                flags,
            )
        )
    return mark_safe("".join(out))
