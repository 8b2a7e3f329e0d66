"""The demo data: what ``load_demo`` puts in the database; loading twice changes nothing."""

from io import StringIO

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import DateTimeField
from django.test import TestCase, override_settings

from councils.models import Council, Membership, Region
from improvement_plans.models import Action, ActionStatus, ImprovementPlan, Milestone
from recommendations.models import Recommendation
from reviews.cqc.latest import HeatMap
from reviews.models import CqcAssessment, Finding, Review, TeamMember
from sli.tooling.demo import DEMO_PASSWORD
from tests.demo import load_demo_copy

# The demo users' password is hashed on every load; the default hasher is slow on purpose.
FAST_HASHING = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])


def load_demo(*args):
    out = StringIO()
    with override_settings(DEBUG=True):
        call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def snapshot():
    """Row counts of every model, and the words of every recommendation and action."""
    return {
        "counts": {model._meta.label: model.objects.count() for model in apps.get_models()},
        "recommendations": list(
            Recommendation.objects.order_by("pk").values_list("pk", "review_id", "number", "text")
        ),
        "actions": list(
            Action.objects.order_by("pk").values_list(
                "pk", "plan_id", "number", "title", "status", "due_date", "percent_complete"
            )
        ),
        "milestones": list(
            Milestone.objects.order_by("pk").values_list("pk", "text", "due_date", "done_on")
        ),
    }


def contents():
    """Every row of every table as text, leaving out what differs between two loads of the same
    data: keys, salted password hashes, and the times rows were written."""

    def compared(field):
        return not (
            field.primary_key
            or field.is_relation
            or field.name in {"id", "password"}
            or isinstance(field, DateTimeField)
        )

    tables = {}
    for model in apps.get_models(include_auto_created=True):
        fields = [field.attname for field in model._meta.concrete_fields if compared(field)]
        rows = model._base_manager.values_list(*fields) if fields else model._base_manager.all()
        tables[model._meta.label] = sorted(repr(tuple(row)) if fields else "" for row in rows)
    return tables


@FAST_HASHING
class DemoDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.output = load_demo()
        cls.sefton = Review.objects.get(
            host_council__name="Sefton Metropolitan Borough Council",
            kind=Review.Kind.CQC_INSPECTION,
        )
        cls.walsall = Review.objects.exclude(kind=Review.Kind.CQC_ASSESSMENT).get(
            host_council__name="Walsall Council"
        )
        cls.sefton_plan = ImprovementPlan.objects.get(reviews=cls.sefton)

    def test_the_nine_regions_with_north_west_and_west_midlands_councils(self):
        councils = {region.name: region.councils.count() for region in Region.objects.all()}

        self.assertEqual(len(councils), 9)
        self.assertEqual(councils["North West"], 23)
        self.assertEqual(councils["West Midlands"], 14)
        self.assertEqual(councils["London"], 0)

    def test_sefton_review_is_a_cqc_inspection_with_19_recommendations(self):
        recommendations = Recommendation.objects.filter(review=self.sefton).top_level()

        self.assertEqual(self.sefton.kind, Review.Kind.CQC_INSPECTION)
        self.assertTrue(self.sefton.is_issued)
        self.assertEqual(list(recommendations.values_list("number", flat=True)), list(range(1, 20)))
        self.assertEqual(
            [r.number for r in recommendations if not r.page_reference], [], "page references"
        )

    def test_walsalls_invented_cqc_assessment(self):
        review = Review.objects.get(
            kind=Review.Kind.CQC_ASSESSMENT, host_council__name="Walsall Council"
        )
        self.assertIn("invented", review.title)
        result = review.cqc_assessment.result()
        # The report gives the rating only: 24 of 36 is worked out as 67%, Good.
        self.assertEqual((result.total, result.percentage), (24, 67))
        self.assertTrue(result.percentage_computed)
        self.assertEqual((result.rating, result.rating_computed), ("good", False))
        self.assertFalse(result.disagrees)
        areas = Finding.objects.filter(review=review)
        self.assertTrue(areas.exists())
        self.assertTrue(all("Invented" in finding.text for finding in areas))
        self.assertEqual(
            sorted(
                Recommendation.objects.filter(review=review).values_list(
                    "quality_statements__name", "text"
                )
            ),
            sorted(
                areas.filter(kind=Finding.Kind.AREA_FOR_IMPROVEMENT).values_list(
                    "quality_statement__name", "text"
                )
            ),
        )
        self.assertEqual(review.cqc_corrections.count(), 2)

    def test_seftons_invented_sar_feeds_the_same_plan(self):
        sar = Review.objects.get(kind=Review.Kind.SAFEGUARDING_ADULTS_REVIEW)
        self.assertEqual(sar.host_council, self.sefton.host_council)
        self.assertIn("invented", sar.title)
        recommendations = list(Recommendation.objects.filter(review=sar).order_by("number"))
        self.assertEqual([r.number for r in recommendations], [1, 2, 3])
        self.assertTrue(all("Invented" in r.text for r in recommendations))
        self.assertTrue(all(r.quality_statements.exists() for r in recommendations))
        self.assertIn(sar, self.sefton_plan.reviews.all())
        # One is already addressed by an action that was in the plan before it.
        linked = [r for r in recommendations if r.actions.exists()]
        self.assertEqual(len(linked), 1)
        action = linked[0].actions.get()
        self.assertEqual(action.plan, self.sefton_plan)
        self.assertTrue(action.already_addressed(linked[0]))
        self.assertTrue(self.sefton_plan.actions.filter(quality_statements__isnull=False).exists())

    def test_west_midlands_heat_map_shows_a_range_of_invented_assessments(self):
        region = Region.objects.get(name="West Midlands")
        lead = get_user_model().objects.get(username="wm.lead")
        heat_map = HeatMap.of(region.councils.all(), lead)

        assessed = [row for row in heat_map.rows if row.latest]
        self.assertEqual(
            [(row.council.name, row.latest.result.rating) for row in assessed],
            [
                ("Dudley Metropolitan Borough Council", "requires_improvement"),
                ("Walsall Council", "good"),
                ("Solihull Metropolitan Borough Council", "good"),
                ("Worcestershire County Council", "outstanding"),
            ],
        )
        self.assertTrue(all("invented" in row.latest.review.title for row in assessed))
        for row in assessed:
            self.assertFalse(row.latest.result.disagrees, row.council.name)
            self.assertEqual(len([c for c in row.latest.cells if c.score]), 9)
        self.assertEqual(len(heat_map.rows) - len(assessed), 10)

    def test_sefton_judgements(self):
        judgements = list(self.sefton.judgements.values_list("outcome_area", "grade"))

        self.assertEqual(
            judgements,
            [
                ("Safeguarding adults", "performing_well"),
                ("Improved quality of life for older people", "performing_excellently"),
                ("Increased choice and control for older people", "performing_well"),
            ],
        )
        self.assertEqual(self.sefton.capacity_to_improve, Review.CapacityToImprove.PROMISING)

    def test_sefton_plan_has_19_improvement_areas_and_53_actions(self):
        self.assertEqual(
            list(self.sefton_plan.areas.values_list("number", flat=True)), list(range(1, 20))
        )
        self.assertEqual(
            list(self.sefton_plan.actions.values_list("number", flat=True)), list(range(1, 54))
        )
        self.assertEqual(self.sefton_plan.council, self.sefton.host_council)

    def test_every_sefton_area_answers_its_recommendation(self):
        answered = list(
            self.sefton_plan.areas.values_list("number", "recommendations__number").order_by(
                "number"
            )
        )

        self.assertEqual(answered, [(n, n) for n in range(1, 20)])

    def test_protection_plans_measure(self):
        action = self.sefton_plan.actions.get(measure_description__icontains="protection plans")

        self.assertEqual((action.measure_target, action.measure_unit), ("70", "%"))
        self.assertEqual(action.measure, "70% Protection Plans reviewed within 28 days")

    def test_sefton_actions_have_milestones_and_some_are_completed(self):
        actions = self.sefton_plan.actions

        self.assertGreater(Milestone.objects.filter(action__plan=self.sefton_plan).count(), 53)
        self.assertGreater(actions.filter(milestones__isnull=False).distinct().count(), 40)
        completed = actions.filter(status=ActionStatus.COMPLETED)
        self.assertGreater(completed.count(), 0)
        self.assertFalse(completed.exclude(percent_complete=100).exists())

    def test_walsall_review_is_a_peer_challenge_with_8_recommendations(self):
        self.assertEqual(self.walsall.kind, Review.Kind.PEER_CHALLENGE)
        self.assertEqual(
            list(self.walsall.recommendations.values_list("number", flat=True)),
            list(range(1, 9)),
        )

    def test_walsall_team_has_a_lead_and_an_expert_by_experience(self):
        roles = set(self.walsall.team.values_list("role", flat=True))

        self.assertLessEqual({TeamMember.Role.LEAD, TeamMember.Role.EXPERT_BY_EXPERIENCE}, roles)
        self.assertEqual(self.walsall.team.filter(role=TeamMember.Role.LEAD).count(), 1)

    def test_walsall_scope_questions_have_strengths_and_areas_for_consideration(self):
        scoped = Finding.objects.filter(review=self.walsall, scope_question__isnull=False)

        self.assertEqual(
            list(self.walsall.scope_questions.values_list("number", flat=True)), [1, 2, 3, 4, 5]
        )
        self.assertEqual(
            set(scoped.values_list("kind", flat=True)),
            {Finding.Kind.STRENGTH, Finding.Kind.AREA_FOR_CONSIDERATION},
        )

    def test_a_demo_user_for_every_role_and_a_staff_user(self):
        roles = set(Membership.objects.values_list("role", flat=True))
        staff = get_user_model().objects.get(is_staff=True)

        self.assertEqual(roles, set(Membership.Role.values))
        self.assertEqual(staff.username, "admin")
        self.assertTrue(staff.is_superuser)
        self.assertEqual(get_user_model().objects.count(), 9)
        for user in get_user_model().objects.all():
            with self.subTest(username=user.username):
                self.assertTrue(user.check_password(DEMO_PASSWORD))

    def test_demo_users_hold_the_scopes_their_names_say(self):
        memberships = {
            (m.user.username, m.role): m.scope.pk for m in Membership.objects.select_related("user")
        }

        self.assertEqual(
            memberships[("sefton.editor", Membership.Role.COUNCIL_EDITOR)],
            self.sefton.host_council.pk,
        )
        self.assertEqual(memberships[("peer.lead", Membership.Role.REVIEW_LEAD)], self.walsall.pk)
        self.assertEqual(
            memberships[("nw.lead", Membership.Role.REGIONAL_LEAD)],
            Region.objects.get(name="North West").pk,
        )

    def test_output_names_the_users_and_the_password(self):
        self.assertIn("Demo data loaded.", self.output)
        self.assertIn(repr(DEMO_PASSWORD), self.output)
        self.assertIn("sefton.councillor", self.output)

    def test_loading_again_changes_nothing(self):
        before = snapshot()

        load_demo()

        after = snapshot()
        changed = {
            label: (count, after["counts"][label])
            for label, count in before["counts"].items()
            if after["counts"][label] != count
        }
        self.assertEqual(changed, {}, "row counts that changed: (before, after)")
        self.assertEqual(after, before)
        self.assertEqual(before["counts"]["improvement_plans.Action"], 56)

    def test_loading_again_puts_back_edited_demo_text(self):
        action = self.sefton_plan.actions.get(number=1)
        title = action.title
        Action.objects.filter(pk=action.pk).update(title="Edited")

        load_demo()

        action.refresh_from_db()
        self.assertEqual(action.title, title)

    def test_every_demo_page_renders(self):
        self.client.force_login(get_user_model().objects.get(username="admin"))
        objects = [
            *Region.objects.all(),
            *Council.objects.all(),
            *Review.objects.all(),
            *CqcAssessment.objects.all(),
            *Recommendation.objects.all(),
            *ImprovementPlan.objects.all(),
            *Action.objects.all(),
        ]

        statuses = {
            obj.get_absolute_url(): self.client.get(obj.get_absolute_url()).status_code
            for obj in objects
        }

        # Walsall's invented CQC assessment adds a review, its page and 4 recommendations;
        # Sefton's invented SAR a review and 3 recommendations; three more West Midlands
        # councils' (scores only) a review and a page each.
        self.assertEqual(len(statuses), 9 + 37 + 6 + 4 + 1 + 31 + 3 + 2 + 56)
        self.assertEqual({url for url, status in statuses.items() if status != 200}, set())


class DemoCopyTests(TestCase):
    """The tests start from a copy of the demo data (tests/demo.py), made once per process."""

    def test_the_copy_holds_what_load_demo_loads(self):
        with transaction.atomic(), FAST_HASHING:
            load_demo()
            loaded = contents()
            transaction.set_rollback(True)

        load_demo_copy()

        copied = contents()
        self.assertEqual(
            {label for label in loaded if loaded[label] != copied[label]}, set(), "tables differ"
        )
        # One record for each of the 56 actions, and one more for each of the four tagged to
        # quality statements and for the one the SAR's recommendation was linked to.
        self.assertEqual(len(copied["improvement_plans.HistoricalAction"]), 56 + 4 + 1)
        for username in ("sefton.editor", "nw.lead"):
            user = get_user_model().objects.get(username=username)
            self.assertTrue(user.check_password(DEMO_PASSWORD), username)


@FAST_HASHING
class LoadDemoSafetyTests(TestCase):
    def test_refuses_when_debug_is_off(self):
        with (
            override_settings(DEBUG=False),
            self.assertRaisesMessage(CommandError, "--allow-production"),
        ):
            call_command("load_demo", stdout=StringIO())

        self.assertFalse(Region.objects.exists())
        self.assertFalse(get_user_model().objects.exists())

    def test_loads_when_debug_is_off_but_production_is_allowed(self):
        out = StringIO()

        with override_settings(DEBUG=False):
            call_command("load_demo", "--allow-production", stdout=out)

        self.assertIn("Demo data loaded.", out.getvalue())
        self.assertEqual(Action.objects.count(), 56)
