"""The language course's gate pass mark as a rule setting, for databases loaded before it."""

from decimal import Decimal

from django.db import migrations

CODE = "language_gate_pass_mark"


def add_setting(apps, schema_editor):
    RuleSetting = apps.get_model("programme", "RuleSetting")
    if not RuleSetting.objects.exists():
        return  # a fresh database: seed_reference_data loads every setting from programme.yaml
    RuleSetting.objects.get_or_create(
        code=CODE,
        defaults={
            "name": "Điểm đạt bài kiểm tra cuối giai đoạn học ngoại ngữ trong nước",
            "value": Decimal("60"),
            "params": {"scale_max": 100},
            "source": "setting",
        },
    )


def remove_setting(apps, schema_editor):
    apps.get_model("programme", "RuleSetting").objects.filter(code=CODE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("programme", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_setting, remove_setting)]
