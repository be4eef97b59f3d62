"""Partners and experts moved to the ``partners`` app: only Django's state changes here.

The tables stay where they are (``partners`` 0001 takes them over, 0002 renames them), so the
rows and every foreign key to them (Course.partner, AgendaItem.expert, the history) are kept.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_course_planned_course"),
        ("partners", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="expert",
                    name="content_groups",
                ),
                migrations.RemoveField(
                    model_name="expert",
                    name="partner",
                ),
                migrations.RemoveField(
                    model_name="historicalexpert_content_groups",
                    name="expert",
                ),
                migrations.AlterField(
                    model_name="agendaitem",
                    name="expert",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="agenda_items",
                        to="partners.expert",
                        verbose_name="speaker",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalagendaitem",
                    name="expert",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="partners.expert",
                        verbose_name="speaker",
                    ),
                ),
                migrations.RemoveField(
                    model_name="historicalexpert",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicalexpert",
                    name="partner",
                ),
                migrations.RemoveField(
                    model_name="historicalexpert_content_groups",
                    name="history",
                ),
                migrations.RemoveField(
                    model_name="historicalexpert_content_groups",
                    name="contentgroup",
                ),
                migrations.RemoveField(
                    model_name="historicalpartner",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicalpartner_content_groups",
                    name="history",
                ),
                migrations.RemoveField(
                    model_name="historicalpartner_content_groups",
                    name="contentgroup",
                ),
                migrations.RemoveField(
                    model_name="historicalpartner_content_groups",
                    name="partner",
                ),
                migrations.RemoveField(
                    model_name="partner",
                    name="content_groups",
                ),
                migrations.AlterField(
                    model_name="historicalcourse",
                    name="partner",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="partners.partner",
                        verbose_name="partner",
                    ),
                ),
                migrations.AlterField(
                    model_name="course",
                    name="partner",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="courses",
                        to="partners.partner",
                        verbose_name="partner",
                    ),
                ),
                migrations.DeleteModel(
                    name="Expert",
                ),
                migrations.DeleteModel(
                    name="HistoricalExpert",
                ),
                migrations.DeleteModel(
                    name="HistoricalExpert_content_groups",
                ),
                migrations.DeleteModel(
                    name="HistoricalPartner",
                ),
                migrations.DeleteModel(
                    name="HistoricalPartner_content_groups",
                ),
                migrations.DeleteModel(
                    name="Partner",
                ),
            ],
            database_operations=[],
        ),
    ]
