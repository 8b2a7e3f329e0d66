from django.db import migrations

from regional.ascof import load_ascof_measures


def load(apps, schema_editor):
    load_ascof_measures(apps.get_model("regional", "Measure"))


def unload(apps, schema_editor):
    from regional.ascof import ASCOF_MEASURES

    Measure = apps.get_model("regional", "Measure")
    Measure.objects.filter(region=None, code__in=[row[0] for row in ASCOF_MEASURES]).delete()


class Migration(migrations.Migration):
    dependencies = [("regional", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
