"""Reads of the programme settings, for the settings pages and for the features that apply them."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from apps.core.history import HistoryEntry, change_history, records_of

from .models import (
    AnnualTarget,
    ContentGroup,
    FormPhase,
    Phase,
    PositionLevel,
    RuleSetting,
    TrainingForm,
    WorkField,
)


def rule_setting(code: str) -> RuleSetting:
    """The rule setting with this code; ``RuleSetting.DoesNotExist`` if it was never loaded."""
    return RuleSetting.objects.get(code=code)


def form_by_code(code: str) -> TrainingForm:
    """A training form (SHORT, MEDIUM, LANGUAGE); ``TrainingForm.DoesNotExist`` if unknown."""
    return TrainingForm.objects.get(code=code)


def phase_for_year(year: int) -> Phase | None:
    """The phase that contains 1 January of ``year``."""
    first_day = datetime.date(year, 1, 1)
    return Phase.objects.filter(start__lte=first_day, end__gte=first_day).first()


def annual_targets(year: int) -> dict[str, int]:
    """Places per year by form code in the phase containing 1 January; empty outside phases."""
    first_day = datetime.date(year, 1, 1)
    rows = AnnualTarget.objects.filter(
        phase__start__lte=first_day, phase__end__gte=first_day
    ).values_list("form__code", "places")
    return dict(rows)


@dataclass
class PhaseRow:
    phase: Phase
    targets: list[int | None]
    total: int
    years: int

    @property
    def phase_total(self) -> int:
        return self.total * self.years


@dataclass
class SettingsOverview:
    forms: list[TrainingForm]
    phases: list[PhaseRow]
    content_groups: list[ContentGroup]
    position_levels: list[PositionLevel]
    work_fields: list[WorkField]
    rule_settings: list[RuleSetting]
    target_totals: list[int] = field(default_factory=list)


def settings_overview() -> SettingsOverview:
    """Everything on the settings page in a fixed number of queries."""
    forms = list(
        TrainingForm.objects.prefetch_related(
            Prefetch("eligible_levels", queryset=PositionLevel.objects.order_by("rank")),
            Prefetch("phases", queryset=FormPhase.objects.order_by("order")),
        ).order_by("pk")
    )
    phases = list(
        Phase.objects.prefetch_related(
            Prefetch("targets", queryset=AnnualTarget.objects.select_related("form"))
        ).order_by("start")
    )
    rows = []
    for phase in phases:
        by_form = {target.form_id: target.places for target in phase.targets.all()}
        targets = [by_form.get(form.pk) for form in forms]
        rows.append(
            PhaseRow(
                phase=phase,
                targets=targets,
                total=sum(t for t in targets if t),
                years=phase.end.year - phase.start.year + 1,
            )
        )
    return SettingsOverview(
        forms=forms,
        phases=rows,
        content_groups=list(ContentGroup.objects.order_by("code")),
        position_levels=list(PositionLevel.objects.order_by("rank")),
        work_fields=list(WorkField.objects.order_by("name")),
        rule_settings=list(RuleSetting.objects.order_by("code")),
    )


# --- history ---------------------------------------------------------------------------------

#: The setting kinds that have a history page, by the slug used in URLs.
SETTING_MODELS = {
    "phase": Phase,
    "form": TrainingForm,
    "content-group": ContentGroup,
    "position-level": PositionLevel,
    "work-field": WorkField,
    "rule": RuleSetting,
}


HISTORY_LIMIT = 200


def setting_history(obj) -> list[HistoryEntry]:
    """Who changed a setting, when, and each field before → after, newest first
    (``apps.core.history``).

    A phase's history includes its annual targets; a form's, its eligible position levels.
    """
    model = type(obj)
    entries = change_history(
        records_of(obj, HISTORY_LIMIT), model, limit=HISTORY_LIMIT, subject=str(obj)
    )
    if model is Phase:
        forms = dict(TrainingForm.objects.values_list("pk", "name"))
        target_records = list(
            AnnualTarget.history.filter(phase_id=obj.pk)
            .select_related("history_user")
            .order_by("form_id", "-history_date", "-history_id")
        )
        by_form: dict[int, list] = {}
        for record in target_records:
            by_form.setdefault(record.form_id, []).append(record)
        for form_id, form_records in by_form.items():
            subject = str(_("Target %(form)s")) % {"form": forms.get(form_id, form_id)}
            entries += change_history(
                form_records, AnnualTarget, limit=HISTORY_LIMIT, subject=subject
            )
    entries.sort(key=lambda entry: entry.at, reverse=True)
    return entries
