"""The national data generator on a small run (3 councils, 2 years), and the benchmark's
measuring helpers on a couple of its pages."""

import json
from datetime import date
from io import StringIO
from pathlib import Path
from statistics import mean

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Count, F, Q
from django.test import Client, TestCase

from councils.models import Council, Membership, Region
from improvement_plans.models import (
    Action,
    DueDateChange,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
)
from recommendations.models import Recommendation
from reviews.models import CqcAssessment, Review
from sli.tooling.benchmark import Bench, percentile, time_page
from sli.tooling.benchmark.pages import FLOOR, PAGE_ORDER
from sli.tooling.benchmark.report import report_lines
from sli.tooling.demo_data.councils import REGIONS
from sli.tooling.generator import PREFIX

TODAY = date(2025, 6, 30)


def generate(*args):
    out = StringIO()
    call_command(
        "generate_national_data",
        "--councils",
        "3",
        "--years",
        "2",
        "--seed",
        "5",
        "--today",
        TODAY.isoformat(),
        "--allow-production",  # the test runner turns DEBUG off
        *args,
        stdout=out,
    )
    return out.getvalue()


def shape():
    generated = Council.objects.filter(slug__startswith=PREFIX)
    return {
        "councils": generated.count(),
        "reviews": Review.objects.filter(host_council__in=generated).count(),
        "recommendations": Recommendation.objects.filter(
            review__host_council__in=generated
        ).count(),
        "actions": Action.objects.filter(plan__council__in=generated).count(),
        "updates": ProgressUpdate.objects.filter(action__plan__council__in=generated).count(),
        "titles": list(
            Action.objects.filter(plan__council__in=generated)
            .order_by("plan__council__slug", "plan__version_date", "number")
            .values_list("title", "due_date", "status")[:50]
        ),
    }


class GeneratedDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Real data beside it, which --reset must leave alone.
        cls.real_region = Region.objects.get_or_create(
            name="North West", defaults={"slug": "north-west"}
        )[0]
        cls.real_council = Council.objects.create(
            name="Sefton Metropolitan Borough Council",
            slug="sefton",
            kind=Council.Kind.METROPOLITAN_BOROUGH,
            region=cls.real_region,
        )
        cls.output = generate()

    def setUp(self):
        self.councils = Council.objects.filter(slug__startswith=PREFIX)
        self.actions = Action.objects.filter(plan__council__in=self.councils)

    def test_regions_and_councils(self):
        self.assertEqual(
            set(Region.objects.values_list("name", flat=True)), set(REGIONS), self.output
        )
        self.assertEqual(self.councils.count(), 3)
        self.assertEqual(self.councils.values("region").distinct().count(), 3)
        self.assertRegex(self.councils.first().name, r"^Council \d{3} \(.+\)$")

    def test_reviews_recommendations_and_sub_items(self):
        reviews = Review.objects.filter(host_council__in=self.councils).exclude(
            kind=Review.Kind.CQC_ASSESSMENT
        )
        self.assertEqual(reviews.count(), 3 * 2)  # a review a year
        with_recommendations = reviews.annotate(
            top=Count("recommendations", filter=Q(recommendations__parent__isnull=True))
        ).filter(top__gt=0)
        tops = [review.top for review in with_recommendations]
        self.assertTrue(25 <= mean(tops) <= 45, tops)
        sub_items = Recommendation.objects.filter(
            review__in=reviews, parent__isnull=False
        ).select_related("parent")
        self.assertTrue(sub_items.exists())
        for sub_item in sub_items[:20]:
            self.assertIsNone(sub_item.parent.parent_id)
            self.assertEqual(sub_item.review_id, sub_item.parent.review_id)
        texts = Recommendation.objects.filter(review__in=reviews, parent__isnull=True)
        lengths = [len(text.split()) for text in texts.values_list("text", flat=True)]
        long_ones = [n for n in lengths if n >= 25]
        self.assertGreater(len(long_ones), len(lengths) / 2)
        self.assertLessEqual(max(lengths), 110)

    def test_every_council_has_a_published_cqc_assessment_for_the_heat_map(self):
        assessments = CqcAssessment.objects.filter(review__host_council__in=self.councils)

        self.assertEqual(assessments.count(), 3)
        for assessment in assessments.select_related("review"):
            result = assessment.result()
            self.assertTrue(assessment.review.is_issued)
            self.assertTrue(result.is_complete)
            self.assertFalse(result.disagrees)
            self.assertLess(assessment.report_date, TODAY)
        region = self.councils.first().region
        lead = (
            get_user_model()
            .objects.filter(memberships__region=region, memberships__role="regional_lead")
            .first()
        )
        self.client.force_login(lead)
        page = self.client.get(f"/regions/{region.slug}/").content.decode()
        self.assertIn("Latest CQC assessment of each council", page)
        self.assertIn(
            assessments.filter(review__host_council__region=region).first().get_absolute_url(), page
        )

    def test_plans_actions_milestones_and_updates(self):
        plans = ImprovementPlan.objects.filter(council__in=self.councils)
        self.assertTrue(plans.exists())
        issued_tops = Recommendation.objects.filter(
            review__improvement_plans__in=plans, parent__isnull=True
        ).count()
        self.assertTrue(2.5 <= self.actions.count() / issued_tops <= 5.5)
        for action in self.actions.annotate(m=Count("milestones"))[:200]:
            self.assertTrue(1 <= action.m <= 4, action.m)
        self.assertTrue(self.actions.filter(recommendations__isnull=False).exists())
        updates = ProgressUpdate.objects.filter(action__in=self.actions)
        self.assertTrue(2 <= updates.count() / self.actions.count() <= 9)
        self.assertFalse(updates.filter(date__gt=TODAY).exists())
        words = [len(n.split()) for n in updates.values_list("narrative", flat=True)[:500]]
        self.assertTrue(20 <= min(words) and max(words) <= 140, (min(words), max(words)))

    def test_statuses_overdue_and_rebaselined(self):
        total = self.actions.count()
        overdue = self.actions.overdue(TODAY).count()
        self.assertTrue(0.05 * total <= overdue <= 0.4 * total, (overdue, total))
        self.assertEqual(self.actions.filter(due_date__lt=F("start_date")).count(), 0)
        rebaselined = self.actions.filter(original_due_date__lt=F("due_date"))
        self.assertTrue(0.04 * total <= rebaselined.count() <= 0.2 * total)
        self.assertEqual(
            DueDateChange.objects.filter(action__in=self.actions).count(), rebaselined.count()
        )
        for change in DueDateChange.objects.filter(action__in=self.actions)[:20]:
            self.assertEqual(change.new_due_date, change.action.due_date)
            self.assertEqual(change.previous_due_date, change.action.original_due_date)
        self.assertEqual(self.actions.exclude(original_due_date__lte=F("due_date")).count(), 0)
        statuses = set(self.actions.values_list("status", flat=True))
        self.assertTrue({"completed", "on_track", "at_risk"} <= statuses, statuses)
        self.assertTrue(Milestone.objects.filter(action__in=self.actions).missed(TODAY).exists())

    def test_memberships_for_each_role(self):
        memberships = Membership.objects.filter(user__username__startswith=PREFIX)
        roles = dict(memberships.values_list("role").annotate(n=Count("pk")).order_by())
        self.assertEqual(roles[Membership.Role.COUNCIL_EDITOR], 3)
        self.assertEqual(roles[Membership.Role.COUNCIL_VIEWER], 3)
        self.assertEqual(roles[Membership.Role.REVIEW_LEAD], 6)
        self.assertEqual(roles[Membership.Role.REVIEW_TEAM], 6)
        self.assertEqual(roles[Membership.Role.REGIONAL_LEAD], len(REGIONS))
        user = get_user_model().objects.get(username=f"{PREFIX}lead-london")
        self.assertTrue(user.check_password("national-benchmark-data"))

    def test_refuses_to_run_twice_and_reset_replaces_only_generated_data(self):
        before = shape()
        with self.assertRaisesMessage(CommandError, "Run again with --reset"):
            generate()
        self.assertIn("nothing to do", generate("--if-missing"))
        generate("--reset")
        self.assertEqual(shape(), before)  # same seed, same day: the same data
        self.assertTrue(Council.objects.filter(pk=self.real_council.pk).exists())
        call_command(
            "generate_national_data", "--delete-only", "--allow-production", stdout=StringIO()
        )
        self.assertEqual(self.councils.count(), 0)
        self.assertFalse(get_user_model().objects.filter(username__startswith=PREFIX).exists())
        self.assertTrue(Council.objects.filter(pk=self.real_council.pk).exists())
        self.assertEqual(Region.objects.count(), len(REGIONS))

    def test_sql_timing_helper_on_pages(self):
        client = Client()
        lead = get_user_model().objects.get(username=f"{PREFIX}lead-london")
        client.force_login(lead, backend="sli.two_factor.backends.PasswordBackend")
        for path in ("/", "/actions/"):
            page = time_page(client, path, repeats=2)
            self.assertEqual(page["status"], 200, path)
            self.assertGreater(page["queries"], 2)
            self.assertGreater(page["sql_ms"], 0)
            self.assertLessEqual(page["sql_ms"], page["wall_ms"])
            self.assertGreaterEqual(page["built_queries"], page["queries"])
            self.assertGreater(page["built_sql_ms"], 0)
            self.assertRegex(page["slowest"][0]["sql"], r"^[A-Z]+ ")


def test_percentiles_and_wrk_summary():
    assert percentile([5], 0.95) == 5
    assert percentile(list(range(1, 101)), 0.5) == 50.5
    assert round(percentile(list(range(1, 101)), 0.95), 2) == 95.05
    summary = Bench.summarise(
        {0: [10.0, 20.0, 30.0], 1: [100.0]},
        {0: [200, 200, 500], 1: [200]},
        2,
        2.0,
        [(1, "/"), (1, "/actions/")],
    )
    assert summary["requests"] == 4
    assert summary["errors"] == 3  # one 500 and two socket errors
    assert summary["rps"] == 2.0
    assert summary["per_path"]["/actions/"]["p95_ms"] == 100.0


def test_the_report_gives_every_page_as_a_multiple_of_the_floor_page():
    """The floor page (the accessibility statement, no records) is measured in the same run,
    and each page's 1-user p50 is reported over it: 12.0 ms over a 4.0 ms floor is 3.0×."""
    results = json.loads((Path(__file__).parent.parent / "benchmarks" / "results.json").read_text())
    info = results["info"]
    info["pages"][FLOOR] = ["/accessibility/"]
    results["sql"][FLOOR] = {
        "path": "/accessibility/",
        "queries": 2,
        "sql_ms": 0.6,
        "wall_ms": 3.1,
        "status": 200,
    }
    results["single"][FLOOR] = {
        "one": {"p50_ms": 4.0, "p95_ms": 6.0, "rps": 240, "errors": 0},
        "ten": {"p50_ms": 20.0, "p95_ms": 30.0, "rps": 400, "errors": 0},
    }
    results["single"]["home"]["one"]["p50_ms"] = 12.0
    options = {
        "duration": 10,
        "max_requests": 3000,
        "repeats": 5,
        "workers": 5,
        "mix_duration": 60,
        "sessions": 25,
        "repeats_documents": 3,
        "statement_timeout": 30,
    }

    lines = report_lines(info, results, options)

    rows = [line for line in lines if line.startswith("| Home:")]
    assert rows and "| 3.0× |" in rows[0], rows
    assert any(line.startswith("| Floor: the accessibility statement") for line in lines)
    assert PAGE_ORDER[0][0] == FLOOR
    mix_rows = [line for line in lines if line.startswith("| Floor") and "|---" not in line]
    assert len(mix_rows) == 1, "the floor page is not among the mixes' pages"
