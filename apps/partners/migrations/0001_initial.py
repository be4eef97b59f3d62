"""Partners and experts, taken over from ``courses`` with their tables and rows."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('courses', '0003_course_planned_course'),
        ('programme', '0002_position_level_short_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The tables of ``courses`` as they are: Django's state only, no change to the database.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Expert',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('full_name', models.CharField(max_length=200, verbose_name='full name')),
                        ('title', models.CharField(blank=True, max_length=200, verbose_name='title')),
                        ('country', models.CharField(max_length=64, verbose_name='country')),
                        ('expertise', models.CharField(max_length=500, verbose_name='expertise')),
                        ('languages', models.CharField(blank=True, max_length=200, verbose_name='languages')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                        ('content_groups', models.ManyToManyField(blank=True, to='programme.contentgroup', verbose_name='content groups')),
                    ],
                    options={
                        'db_table': 'courses_expert',
                        'verbose_name': 'expert',
                        'verbose_name_plural': 'experts',
                        'ordering': ['full_name', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalExpert',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('full_name', models.CharField(max_length=200, verbose_name='full name')),
                        ('title', models.CharField(blank=True, max_length=200, verbose_name='title')),
                        ('country', models.CharField(max_length=64, verbose_name='country')),
                        ('expertise', models.CharField(max_length=500, verbose_name='expertise')),
                        ('languages', models.CharField(blank=True, max_length=200, verbose_name='languages')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'courses_historicalexpert',
                        'verbose_name': 'historical expert',
                        'verbose_name_plural': 'historical experts',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalExpert_content_groups',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('contentgroup', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programme.contentgroup')),
                        ('expert', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='partners.expert')),
                        ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='partners.historicalexpert')),
                    ],
                    options={
                        'db_table': 'courses_historicalexpert_content_groups',
                        'verbose_name': 'HistoricalExpert_content_groups',
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalPartner',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('name', models.CharField(max_length=255, verbose_name='name')),
                        ('short_name', models.CharField(blank=True, max_length=64, verbose_name='short name')),
                        ('country', models.CharField(max_length=64, verbose_name='country')),
                        ('city', models.CharField(blank=True, max_length=128, verbose_name='city')),
                        ('contact_name', models.CharField(blank=True, max_length=200, verbose_name='contact person')),
                        ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='contact e-mail')),
                        ('contact_phone', models.CharField(blank=True, max_length=32, verbose_name='contact phone')),
                        ('fields', models.CharField(blank=True, max_length=500, verbose_name='fields of training')),
                        ('note', models.TextField(blank=True, verbose_name='note')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'courses_historicalpartner',
                        'verbose_name': 'historical partner',
                        'verbose_name_plural': 'historical partners',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Partner',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=255, verbose_name='name')),
                        ('short_name', models.CharField(blank=True, max_length=64, verbose_name='short name')),
                        ('country', models.CharField(max_length=64, verbose_name='country')),
                        ('city', models.CharField(blank=True, max_length=128, verbose_name='city')),
                        ('contact_name', models.CharField(blank=True, max_length=200, verbose_name='contact person')),
                        ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='contact e-mail')),
                        ('contact_phone', models.CharField(blank=True, max_length=32, verbose_name='contact phone')),
                        ('fields', models.CharField(blank=True, max_length=500, verbose_name='fields of training')),
                        ('note', models.TextField(blank=True, verbose_name='note')),
                        ('content_groups', models.ManyToManyField(blank=True, to='programme.contentgroup', verbose_name='content groups')),
                    ],
                    options={
                        'db_table': 'courses_partner',
                        'verbose_name': 'partner',
                        'verbose_name_plural': 'partners',
                        'ordering': ['name', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalPartner_content_groups',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('contentgroup', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programme.contentgroup')),
                        ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='partners.historicalpartner')),
                        ('partner', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='partners.partner')),
                    ],
                    options={
                        'db_table': 'courses_historicalpartner_content_groups',
                        'verbose_name': 'HistoricalPartner_content_groups',
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.AddField(
                    model_name='historicalexpert',
                    name='partner',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='partners.partner', verbose_name='partner'),
                ),
                migrations.AddField(
                    model_name='expert',
                    name='partner',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='experts', to='partners.partner', verbose_name='partner'),
                ),
                migrations.AddConstraint(
                    model_name='partner',
                    constraint=models.UniqueConstraint(fields=('name', 'country'), name='partner_unique_name'),
                ),
            ],
            database_operations=[],
        ),
]
