"""The tables taken over from ``courses`` get this app's names; content types and audit entries
follow, so the change history and the audit log keep pointing at the same rows."""

from django.db import migrations

MODELS = [
    "partner",
    "expert",
    "historicalpartner",
    "historicalexpert",
    "historicalpartner_content_groups",
    "historicalexpert_content_groups",
]


def relabel(apps, schema_editor, old="courses", new="partners"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    AuditEntry = apps.get_model("core", "AuditEntry")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)
    for model in ("partner", "expert"):
        AuditEntry.objects.filter(object_type=f"{old}.{model}").update(
            object_type=f"{new}.{model}"
        )


def relabel_back(apps, schema_editor):
    relabel(apps, schema_editor, old="partners", new="courses")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0001_initial"),
        ("courses", "0004_partners_moved"),
        ("partners", "0001_initial"),
    ]

    operations = [
        *[migrations.AlterModelTable(name=model, table=None) for model in MODELS],
        migrations.RunPython(relabel, relabel_back),
    ]
