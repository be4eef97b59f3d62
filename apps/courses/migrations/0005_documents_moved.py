"""The register and issued documents moved to the ``documents`` app: Django's state only.

The tables stay (``documents`` 0001 takes them over, 0002 renames them), rows and links kept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0004_partners_moved"),
        ("documents", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='issueddocument',
                    name='register',
                ),
                migrations.RemoveField(
                    model_name='issueddocument',
                    name='course',
                ),
                migrations.RemoveField(
                    model_name='issueddocument',
                    name='issued_by',
                ),
                migrations.DeleteModel(
                    name='DocumentRegister',
                ),
                migrations.DeleteModel(
                    name='IssuedDocument',
                )
            ],
            database_operations=[],
        ),
    ]
