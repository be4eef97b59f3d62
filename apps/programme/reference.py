"""Load programme settings from reference/programme.yaml, creating only what is missing.

Settings that already exist are left as steering admins edited them, so loading is idempotent
and never undoes a change made in the application.
"""

from decimal import Decimal

from django.db import transaction

from apps.core.reference import read_reference_yaml

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
from .settings_registry import SPECS


def fill_rule_sources(model, data: dict | None = None) -> int:
    """Give rule settings created without their clause (source "" or "setting", as databases
    loaded before the clauses were data) the clause of programme.yaml. ``model`` is the
    RuleSetting model (a migration passes its historical one)."""
    data = data or read_reference_yaml()
    filled = 0
    for code, row in data["rules"].items():
        if row.get("source"):
            filled += model.objects.filter(code=code, source__in=("", "setting")).update(
                source=row["source"]
            )
    return filled


def fill_field_groups(work_field, content_group, data: dict | None = None) -> None:
    """Give fields of work without matching content groups those of programme.yaml (models
    passed in, as a migration passes its historical ones)."""
    data = data or read_reference_yaml()
    groups = {group.code: group for group in content_group.objects.all()}
    for row in data.get("work_fields", []):
        field = work_field.objects.filter(code=row["code"]).first()
        if field is not None and not field.content_groups.exists():
            field.content_groups.set(
                [groups[c] for c in row.get("content_groups", []) if c in groups]
            )


@transaction.atomic
def load_programme(data: dict | None = None) -> dict[str, int]:
    data = data or read_reference_yaml()
    created = dict.fromkeys(["levels", "groups", "fields", "forms", "phases", "rules"], 0)

    for rank, row in enumerate(data["position_levels"], start=1):
        _obj, new = PositionLevel.objects.get_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "short_name": row.get("short_name", ""),
                "rank": rank,
                "source": "KL §2.4",
            },
        )
        created["levels"] += new
    for row in data["content_groups"]:
        _obj, new = ContentGroup.objects.get_or_create(
            code=row["code"], defaults={"name": row["name"], "source": "KL §2.3"}
        )
        created["groups"] += new
    for row in data.get("work_fields", []):
        _obj, new = WorkField.objects.get_or_create(
            code=row["code"], defaults={"name": row["name"]}
        )
        created["fields"] += new
    fill_field_groups(WorkField, ContentGroup, data)

    levels = {level.code: level for level in PositionLevel.objects.all()}
    for code, row in data["forms"].items():
        size = row.get("delegation_size", {})
        form, new = TrainingForm.objects.get_or_create(
            code=code,
            defaults={
                "name": row["name"],
                "typical_days": row.get("typical_days"),
                "delegation_min": size.get("min"),
                "delegation_max": size.get("max"),
                "taught_in_foreign_language": bool(row.get("taught_in_foreign_language")),
                "min_language_level": row.get("min_language_level", ""),
                "eligibility_note": row.get("eligible", ""),
                "gate": row.get("gate", ""),
                "source": row.get("source", ""),
            },
        )
        if new:
            form.eligible_levels.set([levels[c] for c in row.get("eligible_levels", [])])
            for order, phase in enumerate(row.get("phases", [])):
                FormPhase.objects.create(
                    form=form,
                    code=phase["code"],
                    name=phase["name"],
                    typical_days=phase.get("typical_days"),
                    order=order,
                )
        created["forms"] += new

    forms = {form.code: form for form in TrainingForm.objects.all()}
    for row in data["phases"]:
        phase, new = Phase.objects.get_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "start": row["start"],
                "end": row["end"],
                "source": row.get("source", ""),
            },
        )
        if new:
            for form_code, places in row["annual_targets"].items():
                AnnualTarget.objects.create(phase=phase, form=forms[form_code], places=places)
        created["phases"] += new

    for code, row in data["rules"].items():
        value = row.get("value")
        _obj, new = RuleSetting.objects.get_or_create(
            code=code,
            defaults={
                "name": SPECS[code].name,
                "value": Decimal(str(value)) if value is not None else None,
                "severity": row.get("severity", ""),
                "params": row.get("params", {}),
                "source": row.get("source", ""),
            },
        )
        created["rules"] += new
    fill_rule_sources(RuleSetting, data)
    if "retirement_age" in data:
        params = dict(data["retirement_age"])
        source = params.pop("source", "")
        _obj, new = RuleSetting.objects.get_or_create(
            code="retirement_age",
            defaults={"name": SPECS["retirement_age"].name, "params": params, "source": source},
        )
        created["rules"] += new
    return created


def load_reference(data: dict) -> str:
    """The loader registered with ``apps.core.reference``."""
    return f"settings {load_programme(data)}"
