"""Loads the demo data in ``sli/tooling/demo_data`` into the database.

Every row is found by its natural key and updated in place, so loading twice changes nothing.
"""

from importlib import import_module

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone
from django.utils.text import slugify

from councils.models import Council, Membership, Region
from improvement_plans.models import (
    Action,
    EvidenceItem,
    ImprovementArea,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
)
from improvement_plans.services import link_recommendation
from recommendations.models import Recommendation
from recommendations.services import recommend_areas_for_improvement
from reviews.focus_areas import FOCUS_AREAS
from reviews.models import (
    AccuracyCorrection,
    CqcAssessment,
    EvidenceCategory,
    Finding,
    FocusArea,
    Framework,
    Judgement,
    QualityStatement,
    Review,
    ScopeQuestion,
    StatementScore,
    TeamMember,
)
from sli.tooling.demo_data import councils as council_data
from sli.tooling.demo_data import (
    sefton,
    sefton_sar,
    walsall,
    walsall_cqc,
    walsall_evidence,
    west_midlands_cqc,
)
from sli.tooling.practice_demo import load_practice_demo
from sli.tooling.records import upsert
from sli.tooling.regional_demo import load_regional_demo
from sli.tooling.self_assessment_demo import load_self_assessment_demo

DEMO_PASSWORD = "improve-together"

LETTER_FIELDS = [name.removeprefix("letter_") for name in Review.LETTER_FIELDS]

GRADES = {label.lower(): value for value, label in Judgement.Grade.choices}


@transaction.atomic
def load_demo():
    """Load everything; return the demo users as (username, description) pairs."""
    load_regions_and_councils()
    load_regional_demo()
    reviews, plans = {}, {}
    for module in (sefton, walsall):
        review = load_review(module.REVIEW)
        plans[module] = load_plan(module.PLAN, review)
        reviews[module] = review
    load_sar(sefton_sar, plans[sefton])
    load_practice_demo()
    load_cqc_assessment(walsall_cqc.ASSESSMENT)
    load_evidence_items(walsall_evidence)
    for assessment in west_midlands_cqc.ASSESSMENTS:
        load_cqc_assessment(assessment)
    users = load_users(sefton_review=reviews[sefton], walsall_review=reviews[walsall])
    # After the users: the self-assessments name who submitted and who challenged them.
    load_self_assessment_demo()
    return users


FRAMEWORK_MIGRATION = ("reviews", "0012_cqc_framework_2023")


def put_back_the_cqc_framework():
    """The CQC framework, as its data migration puts it, if the tables were emptied (a test's
    flush does): run that migration's own loader on the models as they were then."""
    if Framework.objects.exists():
        return
    state_apps = MigrationLoader(connection).project_state(FRAMEWORK_MIGRATION).apps
    import_module(f"{FRAMEWORK_MIGRATION[0]}.migrations.{FRAMEWORK_MIGRATION[1]}").load(
        state_apps, None
    )


def load_regions_and_councils():
    # Normally put there by a migration; loaded again in case the tables were emptied.
    for number, code, name in FOCUS_AREAS:
        upsert(FocusArea, code=code, defaults={"number": number, "name": name})
    put_back_the_cqc_framework()
    regions = {}
    for name in council_data.REGIONS:
        regions[name], _ = upsert(Region, slug=slugify(name), defaults={"name": name})
    for region_name, name, kind in council_data.COUNCILS:
        upsert(
            Council,
            slug=slugify(name),
            defaults={
                "name": name,
                "kind": kind,
                "region": regions[region_name],
                "address": council_data.ADDRESSES.get(name, ""),
            },
        )


def load_review(data):
    council = Council.objects.get(name=data["host_council"])
    letter = data.get("letter", {})
    review, _ = upsert(
        Review,
        host_council=council,
        title=data["title"],
        defaults={
            "kind": data["kind"],
            "lead_council": Council.objects.filter(name=data.get("lead_council", "")).first(),
            "visit_start": data["visit_start"],
            "visit_end": data["visit_end"],
            "letter_date": data["letter_date"],
            "progress_review_date": data.get("progress_review_date"),
            "status": data["status"],
            "capacity_to_improve": data.get("capacity_to_improve", ""),
            **{f"letter_{field}": letter.get(field, "") for field in LETTER_FIELDS},
        },
    )
    review.focus_areas.set(FocusArea.objects.filter(code__in=data["focus_areas"]))
    for order, judgement in enumerate(data.get("judgements", []), start=1):
        upsert(
            Judgement,
            review=review,
            order=order,
            defaults={
                "outcome_area": judgement["outcome_area"],
                "grade": GRADES[judgement["grade"].lower()],
            },
        )
    for order, member in enumerate(data.get("team", []), start=1):
        upsert(
            TeamMember,
            review=review,
            order=order,
            defaults={
                "name": member["name"],
                "role": member["role"],
                "organisation": member.get("organisation", ""),
                "home_council": Council.objects.filter(name=member.get("organisation", "")).first(),
            },
        )
    questions = {}
    for question in data.get("scope_questions", []):
        questions[question["number"]], _ = upsert(
            ScopeQuestion,
            review=review,
            number=question["number"],
            defaults={"text": question["text"]},
        )
    for order, finding in enumerate(data.get("findings", []), start=1):
        upsert(
            Finding,
            review=review,
            order=order,
            defaults={
                "kind": finding["kind"],
                "text": finding["text"],
                "scope_question": questions.get(finding.get("scope_question")),
            },
        )
    focus_areas = {area.code: area for area in FocusArea.objects.all()}
    for item in data.get("recommendations", []):
        load_recommendation(review, item, questions, focus_areas)
    return review


def load_cqc_assessment(data):
    """A CQC local authority assessment: the review, its scores, areas and corrections."""
    council = Council.objects.get(name=data["host_council"])
    review, _ = upsert(
        Review,
        host_council=council,
        title=data["title"],
        defaults={
            "kind": Review.Kind.CQC_ASSESSMENT,
            "visit_start": data["visit_start"],
            "visit_end": data["visit_end"],
            "letter_date": data["report_date"],
            "status": data["status"],
        },
    )
    framework = Framework.objects.applying_on(data["visit_end"])
    assessment, _ = upsert(
        CqcAssessment,
        review=review,
        defaults={
            "framework": framework,
            "report_date": data["report_date"],
            "draft_report_sent_on": data["draft_report_sent_on"],
            "published_rating": data["published_rating"],
            "published_percentage": data.get("published_percentage"),
        },
    )
    statements = {s.name: s for s in QualityStatement.objects.filter(theme__framework=framework)}
    for name, score in data["scores"].items():
        upsert(
            StatementScore,
            assessment=assessment,
            statement=statements[name],
            defaults={"score": score},
        )
    order = 0
    for name, (strengths, improvements) in data["areas"].items():
        for kind, texts in (
            (Finding.Kind.STRENGTH, strengths),
            (Finding.Kind.AREA_FOR_IMPROVEMENT, improvements),
        ):
            for text in texts:
                order += 1
                upsert(
                    Finding,
                    review=review,
                    order=order,
                    defaults={"kind": kind, "text": text, "quality_statement": statements[name]},
                )
    for correction in data["corrections"]:
        upsert(
            AccuracyCorrection,
            review=review,
            where=correction["where"],
            defaults={k: v for k, v in correction.items() if k != "where"},
        )
    recommend_areas_for_improvement(review=review)
    return review


def load_sar(data, plan):
    """An (invented) safeguarding adults review feeding ``plan``: its recommendations tagged to
    quality statements, one linked to the plan's action that already addresses it, and some
    of the plan's actions tagged to the statements they work towards."""
    sar = data.SAR
    # Tagged as the plan is read today: to the statements of the framework now in force.
    framework = Framework.objects.applying_on(timezone.localdate())
    statements = {s.name: s for s in QualityStatement.objects.filter(theme__framework=framework)}
    review, _ = upsert(
        Review,
        host_council=plan.council,
        title=sar["title"],
        defaults={
            "kind": sar["kind"],
            "visit_start": sar["visit_start"],
            "visit_end": sar["visit_end"],
            "letter_date": sar["letter_date"],
            "status": sar["status"],
        },
    )
    plan.reviews.add(review)
    for item in sar["recommendations"]:
        recommendation, _ = upsert(
            Recommendation,
            review=review,
            parent=None,
            number=item["number"],
            defaults={"text": item["text"], "response": item["response"]},
        )
        recommendation.quality_statements.set(
            [statements[name] for name in item["quality_statements"]]
        )
        if number := item.get("already_addressed_by"):
            link_recommendation(
                recommendation=recommendation, action=plan.actions.get(number=number), by=None
            )
    for number, names in data.ACTION_STATEMENTS.items():
        plan.actions.get(number=number).quality_statements.set([statements[n] for n in names])
    return review


def load_evidence_items(data):
    """A council's evidence library: numbered items, each a link, with its statements and
    categories (from the framework in force on the item's date)."""
    council = Council.objects.get(name=data.COUNCIL)
    for number, (title, day, page, statements, categories) in enumerate(data.ITEMS, start=1):
        item, _ = upsert(
            EvidenceItem,
            council=council,
            number=number,
            defaults={
                "title": title,
                "description": data.MADE_UP,
                "evidence_date": day,
                "link": f"{data.LINK}{page}",
            },
        )
        framework = Framework.objects.applying_on(day) or Framework.objects.first()
        item.quality_statements.set(
            QualityStatement.objects.filter(theme__framework=framework, name__in=statements)
        )
        item.categories.set(
            EvidenceCategory.objects.filter(framework=framework, code__in=categories)
        )


def load_recommendation(review, item, questions, focus_areas):
    fields = {
        "text": item["text"],
        "scope_question": questions.get(item.get("scope_question")),
        "focus_area": focus_areas.get(item.get("focus_area")),
        "page_reference": item.get("page_reference", ""),
        "response": item.get("response", ""),
        "response_reason": item.get("response_reason", ""),
    }
    recommendation, _ = upsert(
        Recommendation, review=review, parent=None, number=item["number"], defaults=fields
    )
    for number, sub_item in enumerate(item.get("sub_items", []), start=1):
        upsert(
            Recommendation,
            review=review,
            parent=recommendation,
            number=number,
            defaults={**fields, "text": sub_item["text"]},
        )
    return recommendation


def load_plan(data, review):
    plan, _ = upsert(
        ImprovementPlan,
        council=review.host_council,
        title=data["title"],
        defaults={"version_date": data["version_date"], "status": data["status"]},
    )
    plan.reviews.add(review)
    recommendations = {
        r.number: r for r in Recommendation.objects.filter(review=review, parent=None)
    }
    for area_data in data["areas"]:
        area, _ = upsert(
            ImprovementArea,
            plan=plan,
            number=area_data["number"],
            defaults={"title": area_data["title"]},
        )
        answered = [recommendations[n] for n in area_data["recommendations"]]
        area.recommendations.set(answered)
        for action_data in area_data["actions"]:
            load_action(plan, area, answered, action_data, default_start=data["start"])
    return plan


def load_action(plan, area, recommendations, data, default_start):
    measure = data.get("measure") or {}
    latest = max(data.get("updates", []), key=lambda update: update["date"], default={})
    action, _ = upsert(
        Action,
        plan=plan,
        number=data["number"],
        defaults={
            "area": area,
            "title": data["title"][:250],
            "how": data.get("how", ""),
            "expected_evidence": data.get("expected_evidence", ""),
            "owner_name": data.get("owner", ""),
            "measure_description": measure.get("description", ""),
            "measure_baseline": measure.get("baseline", ""),
            "measure_target": measure.get("target", ""),
            "measure_unit": measure.get("unit", ""),
            "start_date": data.get("start") or default_start,
            "due_date": data["due"],
            "status": data["status"],
            "rag": data.get("rag", ""),
            "percent_complete": latest.get("percent_complete", 0),
        },
    )
    # Added, not set: a recommendation of another source linked to the action stays linked.
    action.recommendations.add(*recommendations)
    for milestone in data.get("milestones", []):
        upsert(
            Milestone,
            action=action,
            text=milestone["text"],
            due_date=milestone["due"],
            defaults={"done_on": milestone.get("done_on")},
        )
    for update in data.get("updates", []):
        ProgressUpdate.objects.get_or_create(
            action=action,
            date=update["date"],
            narrative=update.get("narrative", ""),
            defaults={
                "status": update["status"],
                "rag": update.get("rag", ""),
                "percent_complete": update.get("percent_complete", 0),
                "measure_reading": update.get("measure_reading", ""),
            },
        )
    return action


def load_users(*, sefton_review, walsall_review):
    sefton_council = sefton_review.host_council
    walsall_council = walsall_review.host_council
    north_west = Region.objects.get(slug="north-west")
    west_midlands = Region.objects.get(slug="west-midlands")
    R = Membership.Role
    people = [
        ("admin", "Site", "Administrator", "site administrator (Django staff)", []),
        (
            "sefton.editor",
            "Sam",
            "Sefton",
            "council editor, Sefton",
            [(R.COUNCIL_EDITOR, {"council": sefton_council})],
        ),
        (
            "sefton.councillor",
            "Chris",
            "Scrutiny",
            "council viewer (scrutiny councillor), Sefton",
            [(R.COUNCIL_VIEWER, {"council": sefton_council})],
        ),
        (
            "walsall.editor",
            "Wendy",
            "Walsall",
            "council editor, Walsall",
            [(R.COUNCIL_EDITOR, {"council": walsall_council})],
        ),
        (
            "walsall.councillor",
            "Pat",
            "Councillor",
            "council viewer, Walsall",
            [(R.COUNCIL_VIEWER, {"council": walsall_council})],
        ),
        (
            "peer.lead",
            "Stephen",
            "Lead",
            "review lead, Walsall peer challenge",
            [(R.REVIEW_LEAD, {"review": walsall_review})],
        ),
        (
            "peer.member",
            "Liam",
            "Peer",
            "review team member, Walsall peer challenge",
            [(R.REVIEW_TEAM, {"review": walsall_review})],
        ),
        (
            "nw.lead",
            "Nadia",
            "North-West",
            "regional lead, North West ADASS",
            [(R.REGIONAL_LEAD, {"region": north_west})],
        ),
        (
            "wm.lead",
            "Helen",
            "West-Midlands",
            "regional lead, West Midlands ADASS",
            [(R.REGIONAL_LEAD, {"region": west_midlands})],
        ),
    ]
    User = get_user_model()
    created = []
    for username, first, last, description, roles in people:
        is_admin = username == "admin"
        user, created_now = upsert(
            User,
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "is_staff": is_admin,
                "is_superuser": is_admin,
            },
        )
        if created_now or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        for role, scope in roles:
            Membership.objects.get_or_create(user=user, role=role, **scope)
        created.append((username, description))
    return created
