"""The tables taken over from ``courses`` get this app's names (content types and audit entries
follow); an issued document keeps what it was rendered from (its context)."""

from django.db import migrations, models

MODELS = ["documentregister", "issueddocument"]


def relabel(apps, schema_editor, old="courses", new="documents"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    AuditEntry = apps.get_model("core", "AuditEntry")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)
        AuditEntry.objects.filter(object_type=f"{old}.{model}").update(
            object_type=f"{new}.{model}"
        )


def relabel_back(apps, schema_editor):
    relabel(apps, schema_editor, old="documents", new="courses")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0001_initial"),
        ("courses", "0005_documents_moved"),
        ("documents", "0001_initial"),
    ]

    operations = [
        *[migrations.AlterModelTable(name=model, table=None) for model in MODELS],
        migrations.AddField(
            model_name="issueddocument",
            name="context",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.RunPython(relabel, relabel_back),
    ]
