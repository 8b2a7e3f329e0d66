from django.db import migrations

from reviews.focus_areas import FOCUS_AREAS


def add_focus_areas(apps, schema_editor):
    FocusArea = apps.get_model("reviews", "FocusArea")
    for number, code, name in FOCUS_AREAS:
        FocusArea.objects.update_or_create(code=code, defaults={"number": number, "name": name})


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]

    operations = [migrations.RunPython(add_focus_areas, migrations.RunPython.noop)]
