"""Reads of the partner and expert registries; every one starts from ``restrict``."""

from django.db.models import Count, QuerySet

from .models import Expert, Partner


def partner_list(*, fetched_by) -> QuerySet[Partner]:
    # ``courses`` is the reverse name of Course.partner (the app above names it; no import here)
    return (
        Partner.objects.restrict(fetched_by)
        .annotate(course_count=Count("courses"))
        .order_by("name", "pk")
    )


def expert_list(*, fetched_by) -> QuerySet[Expert]:
    return Expert.objects.restrict(fetched_by).select_related("partner")
