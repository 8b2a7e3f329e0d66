"""Who may see and change what, enumerated rather than sampled.

One small world (two regions, three councils, an issued and a draft review, plans, actions,
evidence) and one user per role. The expected answers are written out by hand below; the tests
compare them with what the querysets return and with what every URL of the site answers, for
every role, object and verb. A URL that is not listed in ROUTES fails the suite, so a new view
cannot slip in without its access being declared and checked here.
"""

from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.test import TestCase
from django.urls import URLPattern, URLResolver, get_resolver

from councils.models import Council, Membership, Region
from improvement_plans.models import (
    Action,
    CqcSelfAssessment,
    DueDateChange,
    Evidence,
    EvidenceItem,
    ImprovementArea,
    ImprovementPlan,
    Milestone,
    ProgressEvidenceCategories,
    ProgressUpdate,
    RatingChallenge,
    SelfRating,
    SelfRatingChallenge,
    SelfRatingLink,
)
from improvement_plans.prepared.models import PreparedFile
from recommendations.models import Recommendation
from regional.indicators.ascof import ASCOF_MEASURES
from regional.models import (
    AssessmentComment,
    CqcCitation,
    Measure,
    PracticeEntry,
    Reading,
    RiskAssessment,
    SelfAssessment,
    Standard,
    StandardLevel,
    SupportOffer,
    SupportType,
    Theme,
    Trigger,
    TriggerRating,
)
from reviews.models import (
    AccuracyComment,
    AccuracyCorrection,
    CqcAssessment,
    Finding,
    Judgement,
    QualityStatement,
    Review,
    ScopeQuestion,
    StatementScore,
    TeamMember,
)
from sli.api.models import ApiToken
from tests.factories import (
    make_action,
    make_area,
    make_council,
    make_evidence,
    make_finding,
    make_membership,
    make_milestone,
    make_plan,
    make_recommendation,
    make_region,
    make_review,
    make_scope_question,
    make_team_member,
    make_update,
    make_user,
)

Role = Membership.Role

# The people. Staff (site administrators) may see and change everything.
STAFF = "staff"
A_EDITOR = "council A editor"
A_VIEWER = "council A viewer (scrutiny councillor)"
A_LEAD = "lead of council A's issued review"
A_DRAFT_TEAM = "team member of council A's draft review"
NORTH_LEAD = "regional lead, North"
SOUTH_LEAD = "regional lead, South"
C_EDITOR = "council C editor"
NO_ROLE = "signed in, no role"
ROLES = [STAFF, A_EDITOR, A_VIEWER, A_LEAD, A_DRAFT_TEAM, NORTH_LEAD, SOUTH_LEAD, C_EDITOR, NO_ROLE]

A_PEOPLE = {A_EDITOR, A_VIEWER}
A_ISSUED_READERS = A_PEOPLE | {A_LEAD, NORTH_LEAD}
A_DRAFT_READERS = A_PEOPLE | {A_DRAFT_TEAM, NORTH_LEAD}
# Before issue, findings and recommendations are for the team, the regional lead and the
# host council's editors (checking factual accuracy), not its viewers.
A_DRAFT_CONTENT_READERS = {A_EDITOR, A_DRAFT_TEAM, NORTH_LEAD}
C_READERS = {C_EDITOR, SOUTH_LEAD}
# A review's team reads the plans answering the review (for the progress review), but not
# their evidence, which may hold personal data, nor the regional programme.
A_PLAN_READERS = A_PEOPLE | {A_LEAD, NORTH_LEAD}
A_EVIDENCE_READERS = A_PEOPLE | {NORTH_LEAD}

# key: (who may see it, who may change it), besides staff.
EXPECTED = {
    "region north": (A_PEOPLE | {A_LEAD, A_DRAFT_TEAM, NORTH_LEAD}, set()),
    "region south": ({SOUTH_LEAD, C_EDITOR}, set()),
    "council A": (A_PEOPLE | {A_LEAD, A_DRAFT_TEAM, NORTH_LEAD}, set()),
    "council B": ({NORTH_LEAD}, set()),
    "council C": ({SOUTH_LEAD, C_EDITOR}, set()),
    # Council A's issued (and published) review.
    "review A issued": (A_ISSUED_READERS, {A_LEAD, NORTH_LEAD}),
    "team member A issued": (A_ISSUED_READERS, {A_LEAD, NORTH_LEAD}),
    "scope question A issued": (A_ISSUED_READERS, {A_LEAD, NORTH_LEAD}),
    "judgement A issued": (A_ISSUED_READERS, {A_LEAD}),
    "finding A issued": (A_ISSUED_READERS, {A_LEAD}),
    "recommendation A issued": (A_ISSUED_READERS, {A_LEAD}),
    "sub-item A issued": (A_ISSUED_READERS, {A_LEAD}),
    "exempt recommendation A issued": (A_ISSUED_READERS, {A_LEAD}),
    # Council A's draft review.
    "review A draft": (A_DRAFT_READERS, {NORTH_LEAD}),
    "team member A draft": (A_DRAFT_READERS, {NORTH_LEAD}),
    "scope question A draft": (A_DRAFT_READERS, {NORTH_LEAD}),
    "judgement A draft": (A_DRAFT_CONTENT_READERS, {A_DRAFT_TEAM}),
    "finding A draft": (A_DRAFT_CONTENT_READERS, {A_DRAFT_TEAM}),
    "recommendation A draft": (A_DRAFT_CONTENT_READERS, {A_DRAFT_TEAM}),
    "comment A draft": (A_DRAFT_CONTENT_READERS, {A_DRAFT_TEAM}),
    # Council C's issued, unpublished review.
    "review C": (C_READERS, {SOUTH_LEAD}),
    # Council B's issued letter, not published: its findings are not yet the region's.
    "review B": ({NORTH_LEAD}, {NORTH_LEAD}),
    "strength B": ({NORTH_LEAD}, set()),
    "finding C": (C_READERS, set()),
    "recommendation C": (C_READERS, set()),
    # Plans and what hangs from them.
    "plan A": (A_PLAN_READERS, {A_EDITOR}),
    "area A": (A_PLAN_READERS, {A_EDITOR}),
    "area A on exempt": (A_PLAN_READERS, {A_EDITOR}),
    "public action A on exempt": (A_PLAN_READERS, {A_EDITOR}),
    "action A": (A_PLAN_READERS, {A_EDITOR}),
    "exempt action A": (A_PLAN_READERS, {A_EDITOR}),
    "milestone A": (A_PLAN_READERS, {A_EDITOR}),
    "update A": (A_PLAN_READERS, {A_EDITOR}),
    "evidence file A": (A_EVIDENCE_READERS, {A_EDITOR}),
    "evidence link A": (A_EVIDENCE_READERS, {A_EDITOR}),
    "challenge A": (A_PLAN_READERS, {A_EDITOR}),
    "plan C": (C_READERS, {C_EDITOR}),
    "action C": (C_READERS, {C_EDITOR}),
    "update C": (C_READERS, {C_EDITOR}),
    "evidence file C": (C_READERS, {C_EDITOR}),
    # The regional risk assessment: the menus are the region's; a council sees only its own
    # assessment; the regional lead changes everything.
    "trigger north": (A_PEOPLE | {NORTH_LEAD}, {NORTH_LEAD}),
    "support north": (A_PEOPLE | {NORTH_LEAD}, {NORTH_LEAD}),
    "risk A": (A_PEOPLE | {NORTH_LEAD}, {NORTH_LEAD}),
    "rating A": (A_PEOPLE | {NORTH_LEAD}, {NORTH_LEAD}),
    "risk comment A": (A_PEOPLE | {NORTH_LEAD}, {NORTH_LEAD}),
    "offer A": (A_PEOPLE | {NORTH_LEAD}, {NORTH_LEAD}),
    "risk C": (C_READERS, {SOUTH_LEAD}),
    "cqc citation A": (A_PEOPLE | {NORTH_LEAD}, {NORTH_LEAD}),
}
# Thematic reviews and indicators: the region's people read, a council's editors fill in its
# own self-assessment, the regional lead changes everything; national (ASCOF) measures are
# read by everyone signed in and changed by nobody but staff. A review team is not among the
# region's people: it reads its review and its host council, not the regional programme.
NORTH_PEOPLE = A_PEOPLE | {NORTH_LEAD}
EXPECTED.update(
    {
        "theme north": (NORTH_PEOPLE, {NORTH_LEAD}),
        "standard north": (NORTH_PEOPLE, {NORTH_LEAD}),
        "self-assessment A": (NORTH_PEOPLE, {A_EDITOR, NORTH_LEAD}),
        "self-assessment B": (NORTH_PEOPLE, {NORTH_LEAD}),
        "level A": (NORTH_PEOPLE, {A_EDITOR, NORTH_LEAD}),
        "theme south": ({SOUTH_LEAD, C_EDITOR}, {SOUTH_LEAD}),
        "local measure north": (NORTH_PEOPLE, {NORTH_LEAD}),
        "reading A": (NORTH_PEOPLE, {NORTH_LEAD}),
        "reading C": ({SOUTH_LEAD, C_EDITOR}, {SOUTH_LEAD}),
    }
    | {f"ASCOF {code}": (set(ROLES) - {STAFF}, set()) for code, *_ in ASCOF_MEASURES}
)
# Council A's CQC assessment, entered by its editor (who leads it) while the CQC's draft report
# is at its factual accuracy check: the council's viewers see that it exists, not its content.
CQC_CONTENT_READERS = {A_EDITOR, NORTH_LEAD}
EXPECTED.update(
    {
        "review A cqc": (A_PEOPLE | {NORTH_LEAD}, {A_EDITOR, NORTH_LEAD}),
        "cqc assessment A": (CQC_CONTENT_READERS, {A_EDITOR}),
        "cqc score A": (CQC_CONTENT_READERS, {A_EDITOR}),
        "cqc area A": (CQC_CONTENT_READERS, {A_EDITOR}),
        "cqc correction A": (CQC_CONTENT_READERS, {A_EDITOR}),
    }
)
# The evidence library: the council's people and its region's lead read (review teams do
# not: evidence may hold personal data); the council's editors keep it.
EXPECTED.update(
    {
        "library item A": (A_EVIDENCE_READERS, {A_EDITOR}),
        "library item C": (C_READERS, {C_EDITOR}),
        "progress categories A": (A_EVIDENCE_READERS, {A_EDITOR}),
    }
)
# Council A's self-assessments against the CQC framework: a draft is the council's own; a
# submitted one is read-only, read by the region's lead and the teams of the council's peer
# challenges (not the CQC review its editor leads), who challenge its ratings; the council's
# editors answer.
SELF_ASSESSMENT_READERS = A_PEOPLE | {A_LEAD, A_DRAFT_TEAM, NORTH_LEAD}
SELF_RATING_CHALLENGERS = {A_LEAD, A_DRAFT_TEAM, NORTH_LEAD}
EXPECTED.update(
    {
        "cqc self-assessment A draft": (A_PEOPLE, {A_EDITOR}),
        "self-rating A draft": (A_PEOPLE, {A_EDITOR}),
        "self-rating link A draft": (A_PEOPLE, {A_EDITOR}),
        "cqc self-assessment A": (SELF_ASSESSMENT_READERS, set()),
        "self-rating A": (SELF_ASSESSMENT_READERS, set()),
        "self-rating link A": (SELF_ASSESSMENT_READERS, set()),
        "self-rating challenge A": (SELF_ASSESSMENT_READERS, {A_EDITOR}),
        "cqc self-assessment C": (C_READERS, set()),
    }
)
# The good-practice directory: the region's people read; a council's editors and the
# regional lead record practice.
EXPECTED["practice A"] = (NORTH_PEOPLE, {A_EDITOR, NORTH_LEAD})
# Each person's API token: theirs alone to see and revoke (and staff's, as everything is).
EXPECTED.update({f"token {role}": ({role}, {role}) for role in ROLES})
# A file prepared in the background: for the one who asked, while they still see its plan.
PREPARED_FILES = [f"prepared file {A_EDITOR}", f"prepared file {C_EDITOR}"]
EXPECTED.update({f"prepared file {role}": ({role}, {role}) for role in (A_EDITOR, C_EDITOR)})

SCOPED_MODELS = [
    PreparedFile,
    Region,
    Council,
    Review,
    TeamMember,
    ScopeQuestion,
    Judgement,
    Finding,
    Recommendation,
    AccuracyComment,
    CqcAssessment,
    StatementScore,
    AccuracyCorrection,
    ImprovementPlan,
    ImprovementArea,
    Action,
    Milestone,
    ProgressUpdate,
    Evidence,
    DueDateChange,
    RatingChallenge,
    Trigger,
    SupportType,
    RiskAssessment,
    TriggerRating,
    AssessmentComment,
    SupportOffer,
    CqcCitation,
    Theme,
    Standard,
    SelfAssessment,
    StandardLevel,
    Measure,
    Reading,
    PracticeEntry,
    EvidenceItem,
    ProgressEvidenceCategories,
    CqcSelfAssessment,
    SelfRating,
    SelfRatingLink,
    SelfRatingChallenge,
    ApiToken,
]


def sees(role, key):
    return role == STAFF or role in EXPECTED[key][0]


# Read-only for everyone, staff too: a submitted self-assessment and its ratings.
READ_ONLY = {
    "cqc self-assessment A",
    "self-rating A",
    "self-rating link A",
    "cqc self-assessment C",
}


def changes(role, key):
    if key in READ_ONLY:
        return False
    return role == STAFF or role in EXPECTED[key][1]


class AccessWorld(TestCase):
    @classmethod
    def setUpTestData(cls):
        o = cls.objects = {}
        o["region north"] = north = make_region(name="North", slug="north")
        o["region south"] = south = make_region(name="South", slug="south")
        o["council A"] = council_a = make_council(name="Council A", slug="council-a", region=north)
        o["council B"] = make_council(name="Council B", slug="council-b", region=north)
        o["council C"] = council_c = make_council(name="Council C", slug="council-c", region=south)

        o["review A issued"] = issued = make_review(
            host_council=council_a, title="Issued review of A", status=Review.Status.ISSUED
        )
        issued.published_at = issued.created_at
        issued.save()
        o["team member A issued"] = make_team_member(review=issued, name="Issued Peer")
        o["scope question A issued"] = question = make_scope_question(review=issued)
        o["judgement A issued"] = Judgement.objects.create(
            review=issued, outcome_area="Safeguarding", grade=Judgement.Grade.GOOD
        )
        o["finding A issued"] = make_finding(
            review=issued, scope_question=question, text="Issued strength of A"
        )
        o["recommendation A issued"] = rec_a = make_recommendation(
            review=issued, text="Issued recommendation of A"
        )
        o["sub-item A issued"] = make_recommendation(parent=rec_a, text="Issued sub-item of A")
        o["exempt recommendation A issued"] = exempt = make_recommendation(
            review=issued, text="Exempt recommendation about a named provider", exempt=True
        )

        o["review A draft"] = draft = make_review(
            host_council=council_a, title="Draft review of A", status=Review.Status.DRAFTING
        )
        o["team member A draft"] = make_team_member(review=draft, name="Draft Peer")
        o["scope question A draft"] = make_scope_question(review=draft)
        o["judgement A draft"] = Judgement.objects.create(
            review=draft, outcome_area="Draft outcome area", grade=Judgement.Grade.GOOD
        )
        o["finding A draft"] = make_finding(review=draft, text="Draft finding of A")
        o["recommendation A draft"] = make_recommendation(
            review=draft, text="Draft recommendation of A"
        )
        o["comment A draft"] = AccuracyComment.objects.create(
            review=draft, text="The date of the visit is wrong"
        )

        o["review C"] = review_c = make_review(host_council=council_c, title="Review of C")
        o["finding C"] = make_finding(review=review_c, text="Strength of C")
        o["recommendation C"] = rec_c = make_recommendation(
            review=review_c, text="Recommendation of C"
        )

        o["review B"] = review_b = make_review(
            host_council=o["council B"], title="Issued review of B", status=Review.Status.ISSUED
        )
        o["strength B"] = make_finding(review=review_b, text="Unpublished strength of B")

        o["plan A"] = plan_a = make_plan(review=issued, title="Plan of A")
        plan_a.published_at = plan_a.created_at
        plan_a.save()
        o["area A"] = area = make_area(plan=plan_a, recommendations=[rec_a])
        o["action A"] = action_a = make_action(
            plan=plan_a, area=area, recommendations=[rec_a], title="Action of A"
        )
        o["exempt action A"] = make_action(
            plan=plan_a, recommendations=[exempt], title="Exempt action of A", exempt=True
        )
        # Titled, as "add an improvement area for each accepted recommendation" does, with
        # the exempt recommendation's text; its action is public.
        o["area A on exempt"] = exempt_area = make_area(
            plan=plan_a, number=2, title=exempt.text, recommendations=[exempt]
        )
        o["public action A on exempt"] = make_action(
            plan=plan_a,
            area=exempt_area,
            recommendations=[exempt],
            title="Review the contract monitoring arrangements",
        )
        o["milestone A"] = make_milestone(action=action_a)
        o["update A"] = update_a = make_update(action=action_a)
        o["evidence file A"] = make_evidence(
            update=update_a, link="", file=ContentFile(b"%PDF-1.4 audit", name="audit-a.pdf")
        )
        o["evidence link A"] = make_evidence(update=update_a)
        o["challenge A"] = RatingChallenge.objects.create(
            action=action_a, comment="Green looks generous", rag_challenged="green"
        )

        o["plan C"] = plan_c = make_plan(review=review_c, title="Plan of C")
        o["action C"] = action_c = make_action(plan=plan_c, recommendations=[rec_c])
        o["update C"] = update_c = make_update(action=action_c)
        o["evidence file C"] = make_evidence(
            update=update_c, link="", file=ContentFile(b"%PDF-1.4 audit", name="audit-c.pdf")
        )

        o["trigger north"] = trigger = Trigger.objects.create(
            region=north, category=Trigger.Category.OUTCOMES, text="ASCOF Measures"
        )
        o["support north"] = support = SupportType.objects.create(
            region=north, tier=SupportType.Tier.TARGETED, name="Coaching"
        )
        o["risk A"] = risk_a = RiskAssessment.objects.create(council=council_a, year=2024)
        o["rating A"] = TriggerRating.objects.create(
            assessment=risk_a, trigger=trigger, rating=TriggerRating.Rating.SOME_CONCERN
        )
        o["risk comment A"] = AssessmentComment.objects.create(
            assessment=risk_a, text="We see it differently"
        )
        o["offer A"] = SupportOffer.objects.create(
            council=council_a, assessment=risk_a, support_type=support, offered_on=date(2024, 6, 1)
        )
        o["risk C"] = RiskAssessment.objects.create(council=council_c, year=2024)
        o["cqc citation A"] = CqcCitation.objects.create(
            assessment=risk_a,
            rating="requires_improvement",
            percentage=53,
            scores=[{"number": 1, "name": "Assessing needs", "score": 2, "cited": True}],
            cited_at=issued.created_at,
        )

        o["theme north"] = theme = Theme.objects.create(region=north, year=2024, title="Carers")
        o["standard north"] = standard = Standard.objects.create(theme=theme, number=1, text="S")
        o["self-assessment A"] = sa_a = SelfAssessment.objects.create(
            theme=theme, council=council_a
        )
        o["self-assessment B"] = SelfAssessment.objects.create(theme=theme, council=o["council B"])
        o["level A"] = StandardLevel.objects.create(
            self_assessment=sa_a, standard=standard, level=1
        )
        o["theme south"] = Theme.objects.create(region=south, year=2024, title="Southern theme")
        for code, *_ in ASCOF_MEASURES:
            o[f"ASCOF {code}"] = Measure.objects.get(region=None, code=code)
        o["local measure north"] = Measure.objects.create(
            region=north, code="N1", name="Northern measure", better=Measure.Better.LOWER
        )
        o["reading A"] = Reading.objects.create(
            measure=o["ASCOF 1A"], council=council_a, period_end=date(2024, 3, 31), value=19
        )
        o["reading C"] = Reading.objects.create(
            measure=o["ASCOF 1A"], council=council_c, period_end=date(2024, 3, 31), value=18
        )
        o["practice A"] = PracticeEntry.objects.create(
            council=council_a, title="Workforce plan", description="D", contact_role="PSW"
        )

        o["review A cqc"] = cqc = make_review(
            host_council=council_a,
            kind=Review.Kind.CQC_ASSESSMENT,
            title="CQC assessment of A",
            status=Review.Status.FACTUAL_ACCURACY,
        )
        o["cqc assessment A"] = assessment = CqcAssessment.objects.create(
            review=cqc, framework=QualityStatement.objects.first().theme.framework
        )
        statement = QualityStatement.objects.get(name="Assessing needs")
        o["cqc score A"] = StatementScore.objects.create(
            assessment=assessment, statement=statement, score=2
        )
        o["cqc area A"] = make_finding(
            review=cqc,
            kind=Finding.Kind.AREA_FOR_IMPROVEMENT,
            quality_statement=statement,
            text="Waiting lists for assessments are long",
        )
        o["cqc correction A"] = AccuracyCorrection.objects.create(
            review=cqc,
            kind=AccuracyCorrection.Kind.A,
            where="page 3",
            report_text="12 weeks",
            proposed_correction="2 weeks",
        )

        o["library item A"] = item_a = EvidenceItem.objects.create(
            council=council_a,
            number=1,
            title="Carers' survey",
            evidence_date=date(2024, 5, 1),
            file=ContentFile(b"%PDF-1.4 survey", name="survey-a.pdf"),
        )
        item_a.quality_statements.add(statement)
        o["library item C"] = EvidenceItem.objects.create(
            council=council_c,
            number=1,
            title="Provider feedback",
            evidence_date=date(2024, 5, 1),
            file=ContentFile(b"%PDF-1.4 feedback", name="feedback-c.pdf"),
        )
        o["progress categories A"] = ProgressEvidenceCategories.objects.create(
            evidence=o["evidence file A"]
        )
        statement = QualityStatement.objects.get(name="Assessing needs")
        for suffix, council in ((" A draft", council_a), (" A", council_a), (" C", council_c)):
            o[f"cqc self-assessment{suffix}"] = CqcSelfAssessment.objects.create(
                council=council, framework=statement.theme.framework
            )
        for suffix in (" A draft", " A"):
            o[f"self-rating{suffix}"] = rating = SelfRating.objects.create(
                assessment=o[f"cqc self-assessment{suffix}"],
                statement=statement,
                score=3,
                narrative="Waits are falling",
                completed=True,
            )
            o[f"self-rating link{suffix}"] = SelfRatingLink.objects.create(
                rating=rating, title="Carers' strategy", url="https://example.org/carers"
            )
        o["self-rating challenge A"] = SelfRatingChallenge.objects.create(
            rating=o["self-rating A"], score_challenged=3, proposed_score=2, reason="Generous"
        )
        # Submitted once its parts are made: from then on it is read-only.
        CqcSelfAssessment.objects.exclude(pk=o["cqc self-assessment A draft"].pk).update(
            submitted_at=o["plan A"].created_at
        )
        for key in ("cqc self-assessment A", "cqc self-assessment C"):
            o[key].refresh_from_db()

        u = cls.users = {
            STAFF: make_user(is_staff=True, is_superuser=True),
            A_EDITOR: make_user(),
            A_VIEWER: make_user(),
            A_LEAD: make_user(),
            A_DRAFT_TEAM: make_user(),
            NORTH_LEAD: make_user(),
            SOUTH_LEAD: make_user(),
            C_EDITOR: make_user(),
            NO_ROLE: make_user(),
        }
        make_membership(u[A_EDITOR], Role.COUNCIL_EDITOR, council_a)
        make_membership(u[A_VIEWER], Role.COUNCIL_VIEWER, council_a)
        make_membership(u[A_LEAD], Role.REVIEW_LEAD, issued)
        make_membership(u[A_DRAFT_TEAM], Role.REVIEW_TEAM, draft)
        make_membership(u[NORTH_LEAD], Role.REGIONAL_LEAD, north)
        make_membership(u[SOUTH_LEAD], Role.REGIONAL_LEAD, south)
        make_membership(u[C_EDITOR], Role.COUNCIL_EDITOR, council_c)
        make_membership(u[A_EDITOR], Role.REVIEW_LEAD, cqc)
        cls.tokens = {}
        for role, user in u.items():
            o[f"token {role}"], cls.tokens[role] = ApiToken.create_for(user=user, name="Matrix")
        for role, plan in ((A_EDITOR, "plan A"), (C_EDITOR, "plan C")):
            o[f"prepared file {role}"] = PreparedFile.objects.create(
                requested_by=u[role],
                kind=PreparedFile.Kind.REPORT_PDF,
                plan=o[plan],
                parameters={"since": "2024-01-01", "public": False},
            )

    def keys_of(self, model):
        return {key for key, obj in self.objects.items() if type(obj) is model}

    def sign_in(self, role):
        self.client.logout()
        if role is not None:
            self.client.force_login(self.users[role])


class QuerySetMatrixTests(AccessWorld):
    def test_every_object_in_the_world_has_an_expectation(self):
        for model in SCOPED_MODELS:
            with self.subTest(model=model.__name__):
                self.assertEqual(
                    set(model.objects.values_list("pk", flat=True)),
                    {self.objects[key].pk for key in self.keys_of(model)},
                )

    def test_visible_to_for_every_role_and_model(self):
        for role in ROLES:
            user = self.users[role]
            for model in SCOPED_MODELS:
                with self.subTest(role=role, model=model.__name__):
                    expected = {k for k in self.keys_of(model) if sees(role, k)}
                    actual = {
                        k
                        for k in self.keys_of(model)
                        if model.objects.visible_to(user).filter(pk=self.objects[k].pk).exists()
                    }
                    self.assertEqual(actual, expected)

    def test_editable_by_for_every_role_and_model(self):
        for role in ROLES:
            user = self.users[role]
            for model in SCOPED_MODELS:
                with self.subTest(role=role, model=model.__name__):
                    expected = {k for k in self.keys_of(model) if changes(role, k)}
                    editable = model.objects.editable_by(user)
                    actual = {
                        k
                        for k in self.keys_of(model)
                        if editable.filter(pk=self.objects[k].pk).exists()
                    }
                    self.assertEqual(actual, expected)

    def test_nothing_editable_is_invisible(self):
        for role in ROLES:
            for key in EXPECTED:
                with self.subTest(role=role, key=key):
                    self.assertTrue(sees(role, key) or not changes(role, key))

    def test_anonymous_and_switched_off_users_see_nothing(self):
        from django.contrib.auth.models import AnonymousUser

        switched_off = make_user(is_active=False, is_staff=True)
        make_membership(switched_off, Role.COUNCIL_EDITOR, self.objects["council A"])
        for user in (AnonymousUser(), switched_off):
            for model in SCOPED_MODELS:
                with self.subTest(user=str(user), model=model.__name__):
                    self.assertFalse(model.objects.visible_to(user).exists())
                    self.assertFalse(model.objects.editable_by(user).exists())


def _status_for(role, key, permitted):
    """What a request should answer: 404 outside the user's scope, 403 when they can see
    the object but may not do this, and the success status otherwise."""
    if not sees(role, key):
        return 404
    return "ok" if permitted else 403


REVIEWS = ["review A issued", "review A draft", "review C"]
PLANS = ["plan A", "plan C"]
ACTIONS = ["action A", "exempt action A", "action C"]
# Who may verify completions and challenge ratings: the region's lead, and the leads of the
# reviews a plan answers.
CHECKERS = {"plan A": {A_LEAD, NORTH_LEAD}, "plan C": {SOUTH_LEAD}}
PLAN_OF = {"action A": "plan A", "exempt action A": "plan A", "action C": "plan C"}
RECOMMENDATIONS = ["recommendation A issued", "recommendation A draft", "recommendation C"]
# Who may add to a review's findings and recommendations: its lead, and its team while it
# is a draft.
CONTENT_EDITORS = {"review A issued": {A_LEAD}, "review A draft": {A_DRAFT_TEAM}, "review C": set()}
# Who may read a review's letter: everyone who sees it once issued; before, as for findings.
LETTER_READERS = {
    "review A issued": A_ISSUED_READERS,
    "review A draft": A_DRAFT_CONTENT_READERS,
    "review C": C_READERS,
}
# Pages without an object that not everyone may use.
RESTRICTED_PAGES = {
    "reviews:new": {STAFF, NORTH_LEAD, SOUTH_LEAD},
    # The audit of sign-ins and role changes is for site administrators.
    "audit_sign_ins": {STAFF},
    "audit_roles": {STAFF},
}

# Every named URL of the site (the admin's aside), with the objects and verb to try on it.
# route name: (method, objects' keys, whether the role may do it, the URL for an object).
ROUTES = {
    "home": ("GET", None),
    "councils:list": ("GET", None),
    "accessibility": ("public", None),
    "login": ("public", None),
    "logout": ("POST-self", None),
    # Single sign-on's round trip (tests/sso/): "not found" unless it is set up.
    "sso_start": ("public", None),
    "sso_callback": ("public", None),
    "audit_sign_ins": ("GET", None),
    "audit_roles": ("GET", None),
    "password_change": ("GET", None),
    "password_change_done": ("GET", None),
    "password_reset": ("public", None),
    "password_reset_done": ("public", None),
    "password_reset_confirm": ("public", None),
    "password_reset_complete": ("public", None),
    # Two-factor sign-in: every signed-in person's own settings. The code page is a step of
    # signing in (it sends anyone not between password and code on to the home page).
    "two_factor_code": ("POST-self", None),
    "two_factor": ("GET", None),
    "two_factor_setup": ("GET", None),
    "two_factor_recovery_codes": ("GET", None),
    "two_factor_turn_off": ("POST-self", None),
    "public_index": ("public", None),
    "public_letter": ("public-object", None),
    "public_plan": ("public-object", None),
    "councils:detail": ("GET", ["council A", "council B", "council C"]),
    "councils:region": ("GET", ["region north", "region south"]),
    "councils:people": ("GET", ["council A", "council B", "council C"]),
    "councils:remove_person": ("POST", ["council A", "council C"]),
    "reviews:new": ("GET", None),
    "reviews:detail": ("GET", REVIEWS),
    "reviews:publish": ("POST", REVIEWS),
    "reviews:edit": ("GET", REVIEWS),
    "reviews:team": ("GET", REVIEWS),
    "reviews:scope": ("GET", REVIEWS),
    "reviews:status": ("GET", REVIEWS),
    "reviews:edit_letter": ("GET", REVIEWS),
    "reviews:letter": ("GET", REVIEWS),
    "reviews:letter_pdf": ("GET", REVIEWS),
    "reviews:findings": ("GET", REVIEWS),
    "reviews:judgements": ("GET", REVIEWS),
    "reviews:paste_findings": ("GET", REVIEWS),
    "reviews:add_comment": ("GET", REVIEWS),
    "reviews:edit_finding": ("GET", ["finding A issued", "finding A draft", "finding C"]),
    "reviews:delete_finding": ("POST", ["finding A issued", "finding A draft", "finding C"]),
    "reviews:answer_comment": ("GET", ["comment A draft"]),
    "public_letter_pdf": ("public-object", None),
    "recommendations:new": ("GET", REVIEWS),
    "recommendations:paste": ("GET", REVIEWS),
    "recommendations:edit": ("GET", RECOMMENDATIONS),
    "recommendations:delete": ("POST", RECOMMENDATIONS),
    "recommendations:move": ("POST", RECOMMENDATIONS),
    "recommendations:detail": (
        "GET",
        [
            "recommendation A issued",
            "sub-item A issued",
            "exempt recommendation A issued",
            "recommendation A draft",
            "recommendation C",
        ],
    ),
    "recommendations:amend": ("GET", RECOMMENDATIONS),
    "recommendations:respond": ("GET", RECOMMENDATIONS),
    "recommendations:respond_all": ("GET", REVIEWS),
    "recommendations:assess": ("GET", RECOMMENDATIONS),
    "improvement_plans:plan": ("GET", ["plan A", "plan C"]),
    "improvement_plans:new_plan": ("GET", ["council A", "council B", "council C"]),
    "improvement_plans:edit_plan": ("GET", PLANS),
    "improvement_plans:start_areas": ("POST", PLANS),
    "improvement_plans:new_action": ("GET", PLANS),
    "improvement_plans:quick_update": ("POST", PLANS),
    "improvement_plans:edit_action": ("GET", ACTIONS),
    "improvement_plans:milestones": ("GET", ACTIONS),
    "improvement_plans:update": ("GET", ACTIONS),
    "improvement_plans:challenge": ("GET", ACTIONS),
    "improvement_plans:verify": ("POST", ACTIONS),
    "improvement_plans:answer_challenge": ("GET", ["challenge A"]),
    "improvement_plans:publish_plan": ("POST", ["plan A", "plan C"]),
    "improvement_plans:action": ("GET", ["action A", "exempt action A", "action C"]),
    "improvement_plans:evidence": ("GET", ["evidence file A", "evidence file C"]),
    "improvement_plans:actions": ("GET", None),
    "recommendations:list": ("GET", None),
    "improvement_plans:report_pdf": ("GET", ["plan A", "plan C"]),
    "improvement_plans:report_xlsx": ("GET", ["plan A", "plan C"]),
    "improvement_plans:export": ("GET", ["plan A", "plan C"]),
    "improvement_plans:import": ("GET", ["plan A", "plan C"]),
    # Without the token of a file of rows given back, these send an editor to the import.
    "improvement_plans:import_result": ("GET", ["plan A", "plan C"]),
    "improvement_plans:import_rejected_rows": ("GET", ["plan A", "plan C"]),
    "regional:triggers": ("GET", ["region north", "region south"]),
    "regional:new_trigger": ("GET", ["region north", "region south"]),
    "regional:edit_trigger": ("GET", ["trigger north"]),
    "regional:retire_trigger": ("POST", ["trigger north"]),
    "regional:support_menu": ("GET", ["region north", "region south"]),
    "regional:new_support_type": ("GET", ["region north", "region south"]),
    "regional:edit_support_type": ("GET", ["support north"]),
    "regional:risk_year": ("GET", ["region north", "region south"]),
    "regional:assessment": ("GET", ["risk A", "risk C"]),
    "regional:assessment_xlsx": ("GET", ["risk A", "risk C"]),
    "regional:assessment_ratings": ("GET", ["risk A", "risk C"]),
    "regional:assessment_concern": ("GET", ["risk A", "risk C"]),
    "regional:assessment_discussion": ("GET", ["risk A", "risk C"]),
    "regional:finalise_assessment": ("POST", ["risk A", "risk C"]),
    "regional:assessment_comment": ("GET", ["risk A", "risk C"]),
    "regional:new_offer": ("GET", ["risk A", "risk C"]),
    "regional:offer": ("GET", ["offer A"]),
    "regional:council_risk": ("GET", ["council A", "council B", "council C"]),
    "account": ("GET", None),
    "new_api_token": ("POST-self", None),
    "revoke_api_token": ("POST", [f"token {A_EDITOR}", f"token {C_EDITOR}"]),
    # Still being prepared: the download and the retry send their owner to the status page.
    "improvement_plans:prepared_file": ("GET", PREPARED_FILES),
    "improvement_plans:download_prepared_file": ("GET", PREPARED_FILES),
    "improvement_plans:retry_prepared_file": ("POST", PREPARED_FILES),
    "open_data": ("public", None),
    "open_data_letter": ("public-object", None),
    "open_data_plan": ("public-object", None),
    "api:documentation": ("public", None),
    "api:schema": ("public", None),
}
# The API, called with each person's token ("API"): lists hold exactly what the person sees
# (ApiMatrixTests), a record outside their scope is not found.
API_RECORDS = {
    "council": ["council A", "council B", "council C"],
    "review": [*REVIEWS, "review B", "review A cqc"],
    "recommendation": [
        "recommendation A issued",
        "sub-item A issued",
        "exempt recommendation A issued",
        "recommendation A draft",
        "recommendation C",
    ],
    "plan": PLANS,
    "action": [*ACTIONS, "public action A on exempt"],
    "progress-update": ["update A", "update C"],
}
for _name, _keys in API_RECORDS.items():
    ROUTES[f"api:{_name}-list"] = ("API", None)
    ROUTES[f"api:{_name}-detail"] = ("API", _keys)
ROUTES.update(
    {
        "regional:themes": ("GET", ["region north", "region south"]),
        "regional:new_theme": ("GET", ["region north", "region south"]),
        "regional:theme": ("GET", ["theme north", "theme south"]),
        "regional:council_self_assessment": ("POST", ["self-assessment A", "self-assessment B"]),
        "regional:self_assessment": ("GET", ["self-assessment A", "self-assessment B"]),
        "regional:indicators": ("GET", ["region north", "region south"]),
        "regional:new_measure": ("GET", ["region north", "region south"]),
        "regional:import_readings": ("GET", ["region north", "region south"]),
        "regional:measure": ("GET", ["ASCOF 1A", "local measure north"]),
        "regional:new_reading": ("GET", ["ASCOF 1A", "local measure north"]),
    }
)
ROUTES.update(
    {
        "regional:directory": ("GET", ["region north", "region south"]),
        "regional:new_practice": ("GET", None),
        "regional:practice": ("GET", ["practice A"]),
        "regional:matches": ("GET", ["council A", "council B", "council C"]),
        "regional:reciprocity": ("GET", ["region north", "region south"]),
    }
)
ROUTES.update(
    {
        "reviews:cqc:new": ("GET", None),
        "reviews:cqc:assessment": ("GET", ["review A cqc"]),
        "reviews:cqc:edit": ("GET", ["review A cqc"]),
        "reviews:cqc:areas": ("GET", ["review A cqc"]),
        "reviews:cqc:paste": ("GET", ["review A cqc"]),
        "reviews:cqc:corrections": ("GET", ["review A cqc"]),
        "reviews:cqc:corrections_xlsx": ("GET", ["review A cqc"]),
        "recommendations:from_cqc_areas": ("POST", ["review A cqc"]),
    }
)
ROUTES.update(
    {
        "recommendations:duplicates": ("GET", None),
        "recommendations:link_action": ("POST", RECOMMENDATIONS),
    }
)
# The council whose plan may answer each recommendation.
COUNCIL_OF_RECOMMENDATION = {
    "recommendation A issued": "council A",
    "recommendation A draft": "council A",
    "recommendation C": "council C",
}
COUNCILS = ["council A", "council B", "council C"]
LIBRARY_ITEMS = ["library item A", "library item C"]
ROUTES.update(
    {
        "improvement_plans:library:index": ("GET", COUNCILS),
        "improvement_plans:library:index_xlsx": ("GET", COUNCILS),
        "improvement_plans:library:index_pdf": ("GET", COUNCILS),
        "improvement_plans:library:new": ("GET", COUNCILS),
        "improvement_plans:library:edit": ("GET", LIBRARY_ITEMS),
        "improvement_plans:library:remove": ("GET", LIBRARY_ITEMS),
        "improvement_plans:library:file": ("GET", LIBRARY_ITEMS),
        "improvement_plans:library:categorise": ("GET", ["evidence file A", "evidence file C"]),
    }
)
# Who reads a council's evidence library: its people and its region's lead.
EVIDENCE_LIBRARY_READERS = {
    "council A": A_EVIDENCE_READERS,
    "council B": {NORTH_LEAD},
    "council C": C_READERS,
}
SELF_ASSESSMENTS = ["cqc self-assessment A draft", "cqc self-assessment A", "cqc self-assessment C"]
ROUTES.update(
    {
        "improvement_plans:self_assessment:list": ("GET", ["council A", "council B", "council C"]),
        "improvement_plans:self_assessment:new": ("GET", ["council A", "council B", "council C"]),
        "improvement_plans:self_assessment:detail": ("GET", SELF_ASSESSMENTS),
        "improvement_plans:self_assessment:statement": ("GET", SELF_ASSESSMENTS),
        "improvement_plans:self_assessment:submit": ("POST", SELF_ASSESSMENTS),
        "improvement_plans:self_assessment:challenge": (
            "GET",
            ["self-rating A draft", "self-rating A"],
        ),
        "improvement_plans:self_assessment:answer": ("GET", ["self-rating challenge A"]),
    }
)
# A council's editors and regional leads enter the CQC's assessments.
RESTRICTED_PAGES["reviews:cqc:new"] = {STAFF, A_EDITOR, C_EDITOR, NORTH_LEAD, SOUTH_LEAD}
# Notable practice is added by a council's editors and by regional leads.
RESTRICTED_PAGES["regional:new_practice"] = {STAFF, A_EDITOR, C_EDITOR, NORTH_LEAD, SOUTH_LEAD}
# Regional pages about a whole region: its lead (and staff) change its menus.
REGION_LEADS = {"region north": NORTH_LEAD, "region south": SOUTH_LEAD}
# Who discusses a risk assessment: the council's editors and the region's lead.
RISK_COMMENTERS = {"risk A": {A_EDITOR, NORTH_LEAD}, "risk C": {C_EDITOR, SOUTH_LEAD}}


def permitted(route, role, key):
    """Beyond seeing the object: who may use each route that acts on one."""
    if route in {
        "improvement_plans:library:index",
        "improvement_plans:library:index_xlsx",
        "improvement_plans:library:index_pdf",
    }:
        return role == STAFF or role in EVIDENCE_LIBRARY_READERS[key]
    if route in {
        "improvement_plans:library:edit",
        "improvement_plans:library:remove",
        "improvement_plans:library:categorise",
    }:
        return changes(role, key)
    if route in {
        "councils:remove_person",
        "improvement_plans:new_plan",
        "improvement_plans:library:new",
    }:
        return role == STAFF or (role, key) in {(A_EDITOR, "council A"), (C_EDITOR, "council C")}
    if route == "councils:people":
        # A council's editors manage its people; the region's lead lists them, and invites the
        # first editor of a council that has none (council B).
        return role == STAFF or (role, key) in {
            (A_EDITOR, "council A"),
            (C_EDITOR, "council C"),
            (NORTH_LEAD, "council A"),
            (NORTH_LEAD, "council B"),
            (SOUTH_LEAD, "council C"),
        }
    if route in {"reviews:publish", "recommendations:respond_all"}:
        # The host council's editors publish an issued letter and respond to its
        # recommendations.
        return key != "review A draft" and (
            role == STAFF or (role, key) in {(A_EDITOR, "review A issued"), (C_EDITOR, "review C")}
        )
    if route == "recommendations:amend":
        # Amendments are for issued recommendations, by those who may change them.
        return key != "recommendation A draft" and changes(role, key)
    if route in {"recommendations:respond", "recommendations:assess"}:
        # Issued recommendations only: the host council's editors respond; the review's
        # lead assesses progress.
        allowed = {
            "recommendations:respond": {
                "recommendation A issued": A_EDITOR,
                "recommendation C": C_EDITOR,
            },
            "recommendations:assess": {"recommendation A issued": A_LEAD},
        }[route]
        return key != "recommendation A draft" and (role == STAFF or allowed.get(key) == role)
    if route == "improvement_plans:self_assessment:new":
        return role == STAFF or (role, key) in {(A_EDITOR, "council A"), (C_EDITOR, "council C")}
    if route in {
        "improvement_plans:self_assessment:statement",
        "improvement_plans:self_assessment:submit",
        "improvement_plans:self_assessment:answer",
    }:
        return changes(role, key)
    if route == "improvement_plans:self_assessment:challenge":
        # Only a submitted self-rating is challenged.
        return key == "self-rating A" and role in SELF_RATING_CHALLENGERS | {STAFF}
    if route == "improvement_plans:challenge":
        return role == STAFF or role in CHECKERS[PLAN_OF[key]]
    if route == "improvement_plans:verify":
        return False  # no action of this world is completed
    if route in {
        "improvement_plans:publish_plan",
        "improvement_plans:edit_plan",
        "improvement_plans:import",
        "improvement_plans:import_result",
        "improvement_plans:import_rejected_rows",
        "improvement_plans:start_areas",
        "improvement_plans:new_action",
        "improvement_plans:quick_update",
        "improvement_plans:edit_action",
        "improvement_plans:milestones",
        "improvement_plans:update",
        "improvement_plans:answer_challenge",
        "reviews:edit",
        "reviews:team",
        "reviews:scope",
        "reviews:status",
        "reviews:edit_letter",
        "reviews:edit_finding",
        "reviews:delete_finding",
        "recommendations:edit",
    }:
        return changes(role, key)
    if route in {"recommendations:delete", "recommendations:move"}:
        return key == "recommendation A draft" and changes(role, key)
    if route in {
        "reviews:findings",
        "reviews:paste_findings",
        "reviews:judgements",
        "recommendations:new",
    }:
        return role == STAFF or role in CONTENT_EDITORS[key]
    if route == "recommendations:paste":
        return key == "review A draft" and (role == STAFF or role in CONTENT_EDITORS[key])
    if route == "reviews:answer_comment":
        return role in {STAFF, A_DRAFT_TEAM}
    if route in {"reviews:letter", "reviews:letter_pdf"}:
        return role == STAFF or role in LETTER_READERS[key]
    if route == "reviews:add_comment":
        return False  # no review of this world is at its factual accuracy check
    if route in {"regional:new_trigger", "regional:new_support_type"}:
        return role in {STAFF, REGION_LEADS[key]}
    if route in {
        "regional:edit_trigger",
        "regional:retire_trigger",
        "regional:edit_support_type",
        "regional:assessment_ratings",
        "regional:assessment_concern",
        "regional:assessment_discussion",
        "regional:finalise_assessment",
        "regional:new_offer",
    }:
        return changes(role, key)
    if route in {"regional:new_theme", "regional:new_measure", "regional:import_readings"}:
        return role in {STAFF, REGION_LEADS[key]}
    if route == "regional:council_self_assessment":
        return changes(role, key)
    if route == "regional:new_reading":
        # Readings are entered by a regional lead: any region's for a national measure.
        leads = {NORTH_LEAD} if key == "local measure north" else {NORTH_LEAD, SOUTH_LEAD}
        return role == STAFF or role in leads
    if route == "regional:assessment_comment":
        return role == STAFF or role in RISK_COMMENTERS[key]
    if route == "recommendations:link_action":
        # The council's editors link its recommendations to the actions of its plan.
        return role == STAFF or (role, COUNCIL_OF_RECOMMENDATION[key]) in {
            (A_EDITOR, "council A"),
            (C_EDITOR, "council C"),
        }
    if route == "regional:reciprocity":
        return role in {STAFF, REGION_LEADS[key]}
    if route in {
        "reviews:cqc:assessment",
        "reviews:cqc:corrections",
        "reviews:cqc:corrections_xlsx",
    }:
        return role == STAFF or role in CQC_CONTENT_READERS
    if route in {
        "reviews:cqc:edit",
        "reviews:cqc:areas",
        "reviews:cqc:paste",
        "recommendations:from_cqc_areas",
    }:
        return role in {STAFF, A_EDITOR}
    return True


def all_route_names(resolver=None, namespace=""):
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= all_route_names(pattern, inner)
        elif isinstance(pattern, URLPattern):
            names.add(f"{namespace}{pattern.name}" if pattern.name else repr(pattern))
    return names


class UrlMatrixTests(AccessWorld):
    def url(self, route, key):
        from django.urls import reverse

        obj = self.objects[key]
        if route == "reviews:answer_comment":
            return reverse(route, args=[obj.pk])
        if route == "improvement_plans:new_plan" or (
            route.startswith("councils:") and route != "councils:remove_person"
        ):
            return reverse(route, args=[obj.slug])
        if route == "councils:remove_person":
            membership = Membership.objects.filter(council=obj).first()
            return reverse(route, args=[obj.slug, membership.pk])
        if route == "regional:council_self_assessment":
            return reverse(route, args=[obj.theme_id, obj.council.slug])
        if route == "improvement_plans:self_assessment:statement":
            return reverse(route, args=[obj.pk, 1])
        if route == "reviews:cqc:areas":
            return reverse(route, args=[obj.pk, 1])
        if route == "regional:risk_year":
            return reverse(route, args=[obj.slug, 2024])
        if isinstance(obj, Region | Council):
            return reverse(route, args=[obj.slug])
        return reverse(route, args=[obj.pk])

    def test_every_url_of_the_site_is_in_the_matrix(self):
        missing = all_route_names() - set(ROUTES)
        self.assertFalse(
            missing, f"Declare and test the access of these views in ROUTES: {sorted(missing)}"
        )
        self.assertFalse(set(ROUTES) - all_route_names(), "ROUTES names a URL that is gone")

    def check_every_role_on_every_object(self, route):
        """The body of one test per object route, made below the class: a failure names it."""
        method, keys = ROUTES[route]
        for key in keys:
            for role in ROLES:
                with self.subTest(route=route, key=key, role=role):
                    expected = _status_for(role, key, permitted(route, role, key))
                    status = self.request(method, self.url(route, key), role)
                    if expected == "ok":
                        self.assertIn(status, {200, 302}, "refused someone it should serve")
                    else:
                        self.assertEqual(status, expected)

    def test_anonymous_visitors_are_sent_to_sign_in_everywhere_but_public_pages(self):
        for route, (method, keys) in ROUTES.items():
            if method.startswith("public") or method == "API" or route == "logout":
                continue
            for key in keys or [None]:
                url = self.url(route, key) if key else self.reverse_plain(route)
                with self.subTest(route=route, key=key):
                    self.client.logout()
                    response = getattr(self.client, "post" if method == "POST" else "get")(url)
                    self.assertEqual(response.status_code, 302)
                    self.assertTrue(response["Location"].startswith("/sign-in/"))

    def test_signed_in_pages_without_objects_answer_everyone(self):
        for route, (method, keys) in ROUTES.items():
            if keys is not None or method != "GET":
                continue
            for role in ROLES:
                with self.subTest(route=route, role=role):
                    expected = 200 if role in RESTRICTED_PAGES.get(route, ROLES) else 403
                    self.assertEqual(self.request("GET", self.reverse_plain(route), role), expected)

    def reverse_plain(self, route):
        from django.urls import reverse

        return reverse(route)

    def request(self, method, url, role):
        """Make the request inside a rolled-back savepoint, so a change it makes (a removed
        membership, a published letter) does not alter the world for the next one."""
        self.sign_in(role)
        with transaction.atomic():
            if method == "API":
                self.client.logout()
                response = self.client.get(url, HTTP_AUTHORIZATION=f"Bearer {self.tokens[role]}")
            elif method == "POST":
                response = self.client.post(url, {"publish": "yes"})
            else:
                response = self.client.get(url)
            transaction.set_rollback(True)
        return response.status_code


def route_test(route):
    def test(self):
        self.check_every_role_on_every_object(route)

    test.__doc__ = f"Every role on every object of {route}."
    return test


# One test per route that acts on objects, named after it (test_route_reviews__edit_letter):
# pytest reports and reruns each alone, and xdist shares them between its workers.
for route, (_, keys) in ROUTES.items():
    if keys is not None:
        setattr(UrlMatrixTests, f"test_route_{route.replace(':', '__')}", route_test(route))


class ApiMatrixTests(AccessWorld):
    """The API with each person's token: every list holds exactly what that person sees on
    the pages (EXPECTED), exempt items included only for those who read them there; without a
    live token nothing at all."""

    MODELS = {
        "council": Council,
        "review": Review,
        "recommendation": Recommendation,
        "plan": ImprovementPlan,
        "action": Action,
        "progress-update": ProgressUpdate,
    }

    def listed(self, name, role):
        from django.urls import reverse

        response = self.client.get(
            reverse(f"api:{name}-list"),
            {"page_size": 500},
            HTTP_AUTHORIZATION=f"Bearer {self.tokens[role]}",
        )
        self.assertEqual(response.status_code, 200)
        identifier = "slug" if name == "council" else "id"
        return {row[identifier] for row in response.json()["results"]}

    def test_every_list_holds_what_the_person_sees(self):
        for name, model in self.MODELS.items():
            keys = self.keys_of(model)
            identifier = "slug" if name == "council" else "pk"
            for role in ROLES:
                with self.subTest(endpoint=name, role=role):
                    expected = {getattr(self.objects[k], identifier) for k in keys if sees(role, k)}
                    self.assertEqual(self.listed(name, role), expected)

    def test_without_a_live_token_every_endpoint_answers_401(self):
        from django.urls import reverse

        revoked_user = self.users[A_EDITOR]
        revoked, revoked_token = ApiToken.create_for(user=revoked_user, name="Revoked")
        revoked.delete()
        switched_off = make_user(is_active=False)
        make_membership(switched_off, Role.COUNCIL_EDITOR, self.objects["council A"])
        _, switched_off_token = ApiToken.create_for(user=switched_off, name="Old")
        headers = [
            {},
            {"HTTP_AUTHORIZATION": "Bearer sli_not-a-token"},
            {"HTTP_AUTHORIZATION": f"Bearer {revoked_token}"},
            {"HTTP_AUTHORIZATION": f"Bearer {switched_off_token}"},
        ]
        for route, (method, keys) in ROUTES.items():
            if method != "API":
                continue
            url = UrlMatrixTests.url(self, route, keys[0]) if keys else reverse(route)
            for header in headers:
                with self.subTest(route=route, header=header):
                    self.client.logout()
                    response = self.client.get(url, **header)
                    self.assertEqual(response.status_code, 401)
                    self.assertTrue(response["WWW-Authenticate"].startswith("Bearer"))

    def test_a_signed_in_session_is_not_an_api_token(self):
        """The API reads tokens only, so a page visited in a browser cannot be made to read it
        with the visitor's session."""
        self.sign_in(A_EDITOR)
        self.assertEqual(self.client.get("/api/v1/actions/").status_code, 401)


class PageContentLeakTests(AccessWorld):
    """Pages a user may open must not show objects they may not see."""

    def test_draft_findings_and_recommendations_on_the_review_page(self):
        url = self.objects["review A draft"].get_absolute_url()
        for role in ROLES:
            if not sees(role, "review A draft"):
                continue
            with self.subTest(role=role):
                self.sign_in(role)
                page = self.client.get(url).content.decode()
                for key in ("finding A draft", "recommendation A draft"):
                    self.assertEqual(self.objects[key].text in page, sees(role, key), key)
                self.assertEqual(
                    "Draft outcome area" in page, sees(role, "judgement A draft"), "judgement"
                )

    def test_home_and_lists_name_only_visible_councils_and_reviews(self):
        for role in ROLES:
            with self.subTest(role=role):
                self.sign_in(role)
                pages = (
                    self.client.get("/").content.decode()
                    + self.client.get("/councils/").content.decode()
                )
                for key in ("council A", "council B", "council C"):
                    self.assertEqual(self.objects[key].name in pages, sees(role, key), key)
                for key in ("review A issued", "review A draft", "review C"):
                    self.assertEqual(self.objects[key].title in pages, sees(role, key), key)


class UnreleasedContentTests(AccessWorld):
    """What the letter rule ("before a letter is issued its findings and recommendations are
    seen only by the review team, the regional lead and the host council's editors", and
    until it is published they are not the region's) means on shared pages."""

    def test_an_unpublished_letters_strengths_stay_out_of_the_regions_directory(self):
        url = f"/regions/{self.objects['region north'].slug}/practice/"
        for role in (A_EDITOR, A_VIEWER, NORTH_LEAD):
            with self.subTest(role=role):
                self.sign_in(role)
                page = self.client.get(url).content.decode()
                self.assertEqual("Unpublished strength of B" in page, role == NORTH_LEAD)
        Review.objects.filter(pk=self.objects["review B"].pk).update(
            published_at=self.objects["review B"].created_at
        )
        self.sign_in(A_VIEWER)
        self.assertContains(self.client.get(url), "Unpublished strength of B")

    def test_a_drafts_recommendation_count_is_not_shown_to_the_councils_viewers(self):
        url = self.objects["council A"].get_absolute_url()
        self.sign_in(A_VIEWER)
        page = self.client.get(url).content.decode()
        self.assertIn("Draft review of A", page)
        self.assertIn("Not shared until the letter is issued", page)
        self.sign_in(A_EDITOR)
        self.assertNotContains(self.client.get(url), "Not shared until the letter is issued")

    def test_the_review_lead_reads_the_plan_but_not_its_evidence(self):
        action = self.objects["action A"]
        self.sign_in(A_LEAD)
        page = self.client.get(action.get_absolute_url())
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, f"/evidence/{self.objects['evidence file A'].pk}/")
        self.sign_in(A_EDITOR)
        page = self.client.get(action.get_absolute_url())
        self.assertContains(page, f"/evidence/{self.objects['evidence file A'].pk}/")


class PublicPagesTests(AccessWorld):
    def test_published_letter_is_public_without_exempt_items(self):
        self.client.logout()
        response = self.client.get(f"/public/letters/{self.objects['review A issued'].pk}/")
        self.assertEqual(response.status_code, 200)
        page = response.content.decode()
        self.assertIn("Issued recommendation of A", page)
        self.assertIn("Recommendation 1(i)", page)
        self.assertNotIn("Exempt recommendation about a named provider", page)

    def test_drafts_and_unpublished_letters_are_not_public(self):
        self.client.logout()
        for key in ("review A draft", "review C"):
            with self.subTest(key=key):
                response = self.client.get(f"/public/letters/{self.objects[key].pk}/")
                self.assertEqual(response.status_code, 404)

    def test_a_published_draft_stays_private(self):
        draft = self.objects["review A draft"]
        Review.objects.filter(pk=draft.pk).update(published_at=draft.created_at)
        self.client.logout()
        self.assertEqual(self.client.get(f"/public/letters/{draft.pk}/").status_code, 404)

    def test_published_plan_is_public_without_exempt_actions(self):
        self.client.logout()
        response = self.client.get(f"/public/plans/{self.objects['plan A'].pk}/")
        self.assertEqual(response.status_code, 200)
        page = response.content.decode()
        self.assertIn("Action of A", page)
        self.assertNotIn("Exempt action of A", page)
        self.assertNotIn("Exempt recommendation", page)
        self.assertEqual(
            self.client.get(f"/public/plans/{self.objects['plan C'].pk}/").status_code, 404
        )

    def test_an_area_titled_with_an_exempt_recommendation_is_published_without_it(self):
        self.client.logout()
        page = self.client.get(f"/public/plans/{self.objects['plan A'].pk}/").content.decode()
        self.assertNotIn("named provider", page)
        self.assertIn("Improvement Area 2</h2>", page)
        self.assertIn("Answers an exempt recommendation.", page)
        self.assertIn("Review the contract monitoring arrangements", page)
        self.assertIn("Answers recommendation 1.", page)

    def test_the_public_copies_of_the_report_leave_out_what_quotes_an_exempt_item(self):
        import io

        from openpyxl import load_workbook
        from pypdf import PdfReader

        plan = self.objects["plan A"]
        self.sign_in(A_EDITOR)
        pdf = self.client.get(f"/plans/{plan.pk}/report.pdf?copy=public").content
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        workbook = load_workbook(
            io.BytesIO(self.client.get(f"/plans/{plan.pk}/report.xlsx?copy=public").content),
            read_only=True,
        )
        cells = " ".join(
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
        for copy in (text, cells):
            self.assertIn("Action of A", copy)
            self.assertNotIn("named provider", copy)
            self.assertNotIn("Exempt action of A", copy)

    def test_public_index_lists_only_published_items(self):
        self.client.logout()
        page = self.client.get("/public/").content.decode()
        self.assertIn("Issued review of A", page)
        self.assertIn("Plan of A", page)
        for hidden in ("Draft review of A", "Review of C", "Plan of C"):
            self.assertNotIn(hidden, page)


class AdminAccessTests(AccessWorld):
    def test_the_admin_is_only_for_staff(self):
        for role in ROLES:
            with self.subTest(role=role):
                self.sign_in(role)
                response = self.client.get("/admin/improvement_plans/action/")
                if role == STAFF:
                    self.assertEqual(response.status_code, 200)
                else:
                    self.assertEqual(response.status_code, 302)
                    self.assertIn("/admin/login/", response["Location"])

    def test_evidence_files_are_served_only_through_the_scoped_download(self):
        evidence = self.objects["evidence file A"]
        for role in (None, STAFF, A_EDITOR):
            with self.subTest(role=role):
                self.sign_in(role)
                self.assertEqual(self.client.get(evidence.file.url).status_code, 404)
        self.sign_in(A_EDITOR)
        response = self.client.get(f"/evidence/{evidence.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), b"%PDF-1.4 audit")
        self.assertIn("attachment", response["Content-Disposition"])
