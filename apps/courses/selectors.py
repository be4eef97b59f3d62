"""Reads of the course domain; every one starts from ``restrict``."""

from django.db.models import Count, Prefetch, Q, QuerySet

from apps.nominations.choices import PLACE_STATUSES

from .models import AgendaItem, Course, Expert, IssuedDocument, Partner


def course_list(*, fetched_by) -> QuerySet[Course]:
    return (
        Course.objects.restrict(fetched_by)
        .select_related("form", "content_group", "partner", "organiser")
        .annotate(taken=Count("nominations", filter=Q(nominations__status__in=PLACE_STATUSES)))
        .order_by("-start", "code")
    )


def course_detail_queryset(*, fetched_by) -> QuerySet[Course]:
    return course_list(fetched_by=fetched_by).prefetch_related(
        Prefetch(
            "agenda",
            queryset=AgendaItem.objects.select_related("expert", "content_group").order_by(
                "date", "start_time", "pk"
            ),
        ),
        "phases__form_phase",
        "transitions__actor",
        Prefetch("documents", queryset=IssuedDocument.objects.select_related("issued_by")),
    )


def partner_list(*, fetched_by) -> QuerySet[Partner]:
    return (
        Partner.objects.restrict(fetched_by)
        .annotate(course_count=Count("courses"))
        .order_by("name", "pk")
    )


def expert_list(*, fetched_by) -> QuerySet[Expert]:
    return Expert.objects.restrict(fetched_by).select_related("partner")
