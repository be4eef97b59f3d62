"""The register and issued documents, taken over from ``courses`` with their tables and rows."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('courses', '0004_partners_moved'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The tables of ``courses`` as they are: Django's state only, no change to the database.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='DocumentRegister',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('issuer', models.CharField(max_length=32, verbose_name='issuer')),
                        ('doc_type', models.CharField(max_length=16, verbose_name='document type')),
                        ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                        ('next_number', models.PositiveIntegerField(default=1, verbose_name='next number')),
                    ],
                    options={
                        'db_table': 'courses_documentregister',
                        'verbose_name': 'document register',
                        'verbose_name_plural': 'document registers',
                        'constraints': [models.UniqueConstraint(fields=('issuer', 'doc_type', 'year'), name='document_register_unique'), models.CheckConstraint(condition=models.Q(('next_number__gte', 1)), name='document_register_next_positive')],
                    },
                ),
                migrations.CreateModel(
                    name='IssuedDocument',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.PositiveIntegerField(verbose_name='number')),
                        ('reference', models.CharField(max_length=64, verbose_name='number and code')),
                        ('kind', models.CharField(choices=[('decision', 'Decision to send cadres'), ('summary_list', 'Summary list of cadres'), ('programme', 'Course programme')], max_length=16, verbose_name='kind')),
                        ('issued_on', models.DateField(verbose_name='issued on')),
                        ('file_path', models.CharField(editable=False, max_length=500)),
                        ('file_name', models.CharField(max_length=255, verbose_name='file name')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('course', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='documents', to='courses.course')),
                        ('issued_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='issued by')),
                        ('register', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='documents', to='documents.documentregister')),
                    ],
                    options={
                        'db_table': 'courses_issueddocument',
                        'verbose_name': 'issued document',
                        'verbose_name_plural': 'issued documents',
                        'ordering': ['-created_at', '-pk'],
                        'constraints': [models.UniqueConstraint(fields=('register', 'number'), name='issued_document_unique')],
                    },
                ),
            ],
            database_operations=[],
        ),
]
