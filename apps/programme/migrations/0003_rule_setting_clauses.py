"""Rule settings cite their clause (reference/programme.yaml) instead of the marker "setting"."""

from django.db import migrations

from apps.programme.reference import fill_rule_sources


def forwards(apps, schema_editor):
    fill_rule_sources(apps.get_model("programme", "RuleSetting"))


class Migration(migrations.Migration):
    dependencies = [("programme", "0002_position_level_short_name")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
