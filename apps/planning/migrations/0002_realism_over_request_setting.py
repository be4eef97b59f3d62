"""Create the "realism_over_request" rule setting on databases loaded before it existed."""

from decimal import Decimal

from django.db import migrations

CODE = "realism_over_request"
NAME = "Mức vượt tối đa của nhu cầu đăng ký so với số đã thực hiện các năm trước"


def create_setting(apps, schema_editor):
    RuleSetting = apps.get_model("programme", "RuleSetting")
    # Only where programme settings were loaded: a fresh database gets it from the loader.
    if RuleSetting.objects.exists():
        RuleSetting.objects.get_or_create(
            code=CODE,
            defaults={
                "name": NAME,
                "value": Decimal("0.5"),
                "severity": "warning",
                "source": "setting",
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("planning", "0001_initial"),
        ("programme", "0002_position_level_short_name"),
    ]

    operations = [migrations.RunPython(create_setting, migrations.RunPython.noop)]
