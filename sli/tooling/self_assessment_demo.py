"""Loads the demo self-assessments (sli/tooling/demo_data/walsall_self_assessment.py).

A submitted self-assessment is read-only, so one already loaded and submitted is left as it
is: loading twice changes nothing.
"""

from django.contrib.auth import get_user_model

from councils.models import Council, Membership
from improvement_plans.models import (
    CqcSelfAssessment,
    SelfRating,
    SelfRatingChallenge,
    SelfRatingLink,
)
from reviews.models import Framework, QualityStatement
from sli.tooling.demo_data import walsall_self_assessment
from sli.tooling.records import upsert


def load_self_assessment_demo():
    for data in walsall_self_assessment.SELF_ASSESSMENTS:
        load_self_assessment(data)


def load_self_assessment(data):
    council = Council.objects.get(name=data["host_council"])
    editor = (
        get_user_model()
        .objects.filter(
            memberships__council=council, memberships__role=Membership.Role.COUNCIL_EDITOR
        )
        .order_by("pk")
        .first()
    )
    framework = Framework.objects.applying_on(data["assessed_on"])
    assessment, _ = upsert(
        CqcSelfAssessment,
        council=council,
        assessed_on=data["assessed_on"],
        defaults={"framework": framework, "created_by": editor},
    )
    statements = {s.name: s for s in QualityStatement.objects.filter(theme__framework=framework)}
    if not assessment.is_submitted:
        for name, rating_data in data["ratings"].items():
            rating, _ = upsert(
                SelfRating,
                assessment=assessment,
                statement=statements[name],
                defaults={
                    **{k: v for k, v in rating_data.items() if k != "links"},
                    "completed": True,
                },
            )
            for title, url in rating_data["links"]:
                upsert(SelfRatingLink, rating=rating, title=title, defaults={"url": url})
        assessment.submitted_at, assessment.submitted_by = data["submitted_at"], editor
        assessment.save()
    for challenge in data["challenges"]:
        upsert(
            SelfRatingChallenge,
            rating=SelfRating.objects.get(
                assessment=assessment, statement=statements[challenge["statement"]]
            ),
            raised_by=get_user_model().objects.get(username=challenge["raised_by"]),
            defaults={
                "score_challenged": data["ratings"][challenge["statement"]]["score"],
                "proposed_score": challenge["proposed_score"],
                "reason": challenge["reason"],
            },
        )
    return assessment
