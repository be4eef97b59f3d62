"""A nomination's agency becomes the nominating unit (the cadre's agency), no longer its root.

The quota holder is looked up from the unit against the approved plan (apps.planning.quota):
the unit's own quota first, then up its path. Nominations whose cadre still sits in the branch
of the stored root take the cadre's agency; the others keep what they have. Each plan's
``Quota.used`` is then written again from the places counted (DECISIONS §20).
"""

from django.db import migrations
from django.db.models import Count


def _chain(path):
    return [int(part) for part in path.split("/") if part]


def forwards(apps, schema_editor):
    Nomination = apps.get_model("nominations", "Nomination")
    Quota = apps.get_model("planning", "Quota")
    Agency = apps.get_model("agencies", "Agency")
    changed = []
    for nomination in Nomination.objects.select_related("agency", "cadre__agency").iterator():
        unit = nomination.cadre.agency
        if unit.pk != nomination.agency_id and unit.path.startswith(nomination.agency.path):
            nomination.agency_id = unit.pk
            changed.append(nomination)
    Nomination.objects.bulk_update(changed, ["agency"], batch_size=1000)
    # Quota.used = places (approved, departed, completed, not completed) on Steering Committee
    # courses, counted for the nearest holder of each nominating unit.
    holders = {}
    for quota in Quota.objects.filter(plan__status="approved").select_related("plan"):
        holders.setdefault((quota.plan.year, quota.form_id), {})[quota.agency_id] = quota
    counts = (
        Nomination.objects.filter(
            status__in=("approved", "departed", "completed", "not_completed"),
            course__organiser__isnull=True,
        )
        .values_list("agency_id", "course__form_id", "course__start__year")
        .annotate(n=Count("pk"))
        .order_by()
    )
    paths = dict(Agency.objects.values_list("pk", "path"))
    used = {}
    for agency_id, form_id, year, n in counts:
        quotas = holders.get((year, form_id), {})
        for holder in reversed(_chain(paths[agency_id])):
            if holder in quotas:
                used[quotas[holder].pk] = used.get(quotas[holder].pk, 0) + n
                break
    for key_quotas in holders.values():
        rows = []
        for quota in key_quotas.values():
            value = min(used.get(quota.pk, 0), quota.places)
            if quota.used != value:
                quota.used = value
                rows.append(quota)
        Quota.objects.bulk_update(rows, ["used"])


class Migration(migrations.Migration):
    dependencies = [
        ("nominations", "0001_initial"),
        ("planning", "0002_realism_over_request_setting"),
        ("agencies", "0002_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
