"""The retirement-age roadmap gains the ages before 2021 (60 / 55); stored dates recomputed."""

import datetime

from django.db import migrations

from apps.cadres.retirement import expected_retirement

PRE_BASE_MONTHS = {"M": 720, "F": 660}  # Bộ luật Lao động 2012 art. 187


def forwards(apps, schema_editor):
    RuleSetting = apps.get_model("programme", "RuleSetting")
    Cadre = apps.get_model("cadres", "Cadre")
    setting = RuleSetting.objects.filter(code="retirement_age").first()
    if setting is None or not setting.params:
        return  # not seeded yet: the reference data brings the full roadmap
    params = dict(setting.params)
    for gender, months in PRE_BASE_MONTHS.items():
        if gender in params:
            params[gender] = {"pre_base_months": months, **params[gender]}
    setting.params = params
    setting.save(update_fields=["params"])
    computed = Cadre.objects.filter(
        retirement_override__isnull=True, date_of_birth__isnull=False
    ).exclude(gender="")
    groups = {
        (c.gender, c.date_of_birth.year, c.date_of_birth.month)
        for c in computed.only("gender", "date_of_birth").iterator()
    }
    for gender, year, month in groups:
        retires = expected_retirement(datetime.date(year, month, 1), gender, params)
        computed.filter(gender=gender, date_of_birth__year=year, date_of_birth__month=month).update(
            expected_retirement=retires
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cadres", "0003_import_job"),
        ("programme", "0002_position_level_short_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
