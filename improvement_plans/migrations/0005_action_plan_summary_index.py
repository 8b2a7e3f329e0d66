"""A covering index for counting a reader's actions by status, due date and RAG (the home
page, the lists' counts) without reading the wide action rows: on PostgreSQL only, since
SQLite has no INCLUDE and its data sets are small."""

from django.db import migrations

INDEX = "improvement_plans_action_plan_summary"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON improvement_plans_action "
            "(plan_id) INCLUDE (id, status, due_date, rag)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("improvement_plans", "0004_remindersent")]

    operations = [migrations.RunPython(create, drop)]
