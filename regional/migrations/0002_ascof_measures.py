from django.db import migrations

# The national ASCOF measures as they were when this migration was written, copied here so the
# migration keeps working whatever later happens to regional/indicators/ascof.py.
QUALITY_OF_LIFE = "Enhancing quality of life for people with care and support needs"
DELAYING_NEED = "Delaying and reducing the need for care and support"
POSITIVE_EXPERIENCE = "Ensuring that people have a positive experience of care and support"
SAFEGUARDING = (
    "Safeguarding adults whose circumstances make them vulnerable and protecting from avoidable "
    "harm"
)

# (code, domain, name, better)
MEASURES = [
    ("1A", QUALITY_OF_LIFE, "Social care-related quality of life", "higher"),
    (
        "1B",
        QUALITY_OF_LIFE,
        "Proportion of people who use services who have control over their daily life",
        "higher",
    ),
    (
        "1C",
        QUALITY_OF_LIFE,
        "Proportion of people using social care who receive self-directed support and those receiving direct payments",
        "higher",
    ),
    ("1D", QUALITY_OF_LIFE, "Carer-reported quality of life", "higher"),
    (
        "1E",
        QUALITY_OF_LIFE,
        "Proportion of adults with a learning disability in paid employment",
        "higher",
    ),
    (
        "1F",
        QUALITY_OF_LIFE,
        "Proportion of adults in contact with secondary mental health services in paid employment",
        "higher",
    ),
    (
        "1G",
        QUALITY_OF_LIFE,
        "Proportion of adults with a learning disability who live in their own home or with their family",
        "higher",
    ),
    (
        "1H",
        QUALITY_OF_LIFE,
        "Proportion of adults in contact with secondary mental health services who live independently with or without support",
        "higher",
    ),
    (
        "1I",
        QUALITY_OF_LIFE,
        "Proportion of people who use services and their carers who reported that they had as much social contact as they would like",
        "higher",
    ),
    (
        "2A",
        DELAYING_NEED,
        "Permanent admissions to residential and nursing care homes per 100000 population",
        "lower",
    ),
    (
        "2B",
        DELAYING_NEED,
        "Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital into reablement services",
        "higher",
    ),
    ("2C", DELAYING_NEED, "Delayed transfers of care from hospital", "lower"),
    ("2D", DELAYING_NEED, "Outcome of short-term services: sequel to service", "higher"),
    (
        "3A",
        POSITIVE_EXPERIENCE,
        "Overall satisfaction of people who use services with their care and support",
        "higher",
    ),
    ("3B", POSITIVE_EXPERIENCE, "Overall satisfaction of carers with social services", "higher"),
    (
        "3C",
        POSITIVE_EXPERIENCE,
        "Proportion of carers who report that they have been included or consulted in discussion about the person they care for",
        "higher",
    ),
    (
        "3D",
        POSITIVE_EXPERIENCE,
        "Proportion of people who use services and carers who find it easy to find information about support",
        "higher",
    ),
    ("4A", SAFEGUARDING, "Proportion of people who use services who feel safe", "higher"),
    (
        "4B",
        SAFEGUARDING,
        "Proportion of people who use services who say that those services have made them feel safe and secure",
        "higher",
    ),
]


def load(apps, schema_editor):
    Measure = apps.get_model("regional", "Measure")
    for code, domain, name, better in MEASURES:
        Measure.objects.update_or_create(
            region=None, code=code, defaults={"domain": domain, "name": name, "better": better}
        )


def unload(apps, schema_editor):
    Measure = apps.get_model("regional", "Measure")
    Measure.objects.filter(region=None, code__in=[row[0] for row in MEASURES]).delete()


class Migration(migrations.Migration):
    dependencies = [("regional", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
