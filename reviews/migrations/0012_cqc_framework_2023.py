"""Load the CQC's local authority assessment framework as it applies from April 2023.

The names of the themes, quality statements and evidence categories are the CQC's; the "we
statements" and the "I statements" (from Think Local Act Personal's Making It Real) are as the
CQC's assessment guidance for local authorities gives them. Rating characteristics are added
when a version publishes them.
"""

from datetime import date

from django.db import migrations

CODE = "la-2023"

EVIDENCE_CATEGORIES = [
    ("peoples-experience", "People's experience", True),
    ("staff-and-leaders", "Feedback from staff and leaders", False),
    ("partners", "Feedback from partners", False),
    ("processes", "Processes", False),
]

COORDINATED = (
    "I have care and support that is coordinated, and everyone works well together and with me."
)
AS_I_WANT = (
    "I have care and support that enables me to live as I want to, seeing me as a unique "
    "person with skills, strengths and goals."
)
INFORMATION = (
    "I can get information and advice about my health, care and support and how I can be as "
    "well as possible – physically, mentally and emotionally."
)
PLAN_AHEAD = "I am supported to plan ahead for important changes in my life that I can anticipate."
SAFE = "I feel safe and am supported to understand and manage any risks."
MOVING = (
    "When I move between services, settings or areas, there is a plan for what happens next "
    "and who will do what, and all the practical arrangements are in place."
)
LISTENED_TO = "I am listened to and my views are used to shape and improve services."

# (theme, [(code, name, we statement, [I statements])])
THEMES = [
    (
        "Working with people",
        [
            (
                "assessing-needs",
                "Assessing needs",
                "We maximise the effectiveness of people's care and treatment by assessing and "
                "reviewing their health, care, wellbeing and communication needs with them.",
                [COORDINATED, AS_I_WANT],
            ),
            (
                "supporting-people-to-live-healthier-lives",
                "Supporting people to live healthier lives",
                "We support people to manage their health and wellbeing so they can maximise "
                "their independence, choice and control, live healthier lives and where "
                "possible, reduce future needs for care and support.",
                [INFORMATION, PLAN_AHEAD],
            ),
            (
                "equity-in-experience-and-outcomes",
                "Equity in experience and outcomes",
                "We actively seek out and listen to information about people who are most "
                "likely to experience inequality in experience or outcomes. We tailor the care, "
                "support and treatment in response to this.",
                [AS_I_WANT],
            ),
        ],
    ),
    (
        "Providing support",
        [
            (
                "care-provision-integration-and-continuity",
                "Care provision, integration and continuity",
                "We understand the diverse health and care needs of people and our local "
                "communities, so care is joined-up, flexible and supports choice and continuity.",
                [COORDINATED, AS_I_WANT],
            ),
            (
                "partnerships-and-communities",
                "Partnerships and communities",
                "We understand our duty to collaborate and work in partnership, so our services "
                "work seamlessly for people. We share information and learning with partners "
                "and collaborate for improvement.",
                [COORDINATED],
            ),
        ],
    ),
    (
        "Ensuring safety within the system",
        [
            (
                "safe-systems-pathways-and-transitions",
                "Safe systems, pathways and transitions",
                "We work with people and our partners to establish and maintain safe systems of "
                "care, in which safety is managed, monitored and assured. We ensure continuity "
                "of care, including when people move between different services.",
                [MOVING, SAFE],
            ),
            (
                "safeguarding",
                "Safeguarding",
                "We work with people to understand what being safe means to them and work with "
                "our partners to develop the best way to achieve this. We concentrate on "
                "improving people's lives while protecting their right to live in safety, free "
                "from bullying, harassment, abuse, discrimination, avoidable harm and neglect. "
                "We make sure we share concerns quickly and appropriately.",
                [SAFE],
            ),
        ],
    ),
    (
        "Leadership",
        [
            (
                "governance-management-and-sustainability",
                "Governance, management and sustainability",
                "We have clear responsibilities, roles, systems of accountability and good "
                "governance to manage and deliver good quality, sustainable care, treatment and "
                "support. We act on the best information about risk, performance and outcomes, "
                "and we share this securely with others when appropriate.",
                [LISTENED_TO],
            ),
            (
                "learning-improvement-and-innovation",
                "Learning, improvement and innovation",
                "We focus on continuous learning, innovation and improvement across our "
                "organisation and the local system. We encourage creative ways of delivering "
                "equality of experience, outcome and quality of life for people. We actively "
                "contribute to safe, effective practice and research.",
                [LISTENED_TO],
            ),
        ],
    ),
]


def load(apps, schema_editor):
    Framework = apps.get_model("reviews", "Framework")
    framework = Framework.objects.create(
        code=CODE,
        name="Local authority assessment framework",
        version="2023",
        applies_from=date(2023, 4, 1),
        source="https://www.cqc.org.uk/guidance-regulation/local-authorities",
    )
    categories = [
        apps.get_model("reviews", "EvidenceCategory").objects.create(
            framework=framework, code=code, name=name, order=order, required_for_every_statement=r
        )
        for order, (code, name, r) in enumerate(EVIDENCE_CATEGORIES, start=1)
    ]
    Theme = apps.get_model("reviews", "FrameworkTheme")
    Statement = apps.get_model("reviews", "QualityStatement")
    IStatement = apps.get_model("reviews", "IStatement")
    number = 0
    for theme_number, (theme_name, statements) in enumerate(THEMES, start=1):
        theme = Theme.objects.create(framework=framework, number=theme_number, name=theme_name)
        for code, name, we_statement, i_statements in statements:
            number += 1
            statement = Statement.objects.create(
                theme=theme, number=number, code=code, name=name, we_statement=we_statement
            )
            statement.evidence_categories.set(categories)
            IStatement.objects.bulk_create(
                IStatement(statement=statement, order=order, text=text)
                for order, text in enumerate(i_statements, start=1)
            )


def unload(apps, schema_editor):
    apps.get_model("reviews", "Framework").objects.filter(code=CODE).delete()


class Migration(migrations.Migration):
    dependencies = [("reviews", "0011_cqc_framework")]

    operations = [migrations.RunPython(load, unload)]
