"""A trigram index on the cadres' search key (PostgreSQL only): a search of any part of a name
(``search_key LIKE '%nguyen van%'``) reads the index instead of scanning the registry. SQLite,
the embedded default, keeps its plain index."""

from django.db import migrations

FORWARDS = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS cadres_cadre_search_key_trgm "
    "ON cadres_cadre USING gin (search_key gin_trgm_ops)",
]
BACKWARDS = ["DROP INDEX IF EXISTS cadres_cadre_search_key_trgm"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("cadres", "0006_training_history_and_dossier_code")]

    operations = [migrations.RunPython(_run(FORWARDS), _run(BACKWARDS))]
