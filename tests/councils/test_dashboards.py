"""Every dashboard figure, on the demo data, against counts made independently here: by
walking the objects in Python rather than asking the database to group them."""

import datetime
import re
from collections import Counter

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import timezone

from councils.models import Council, Region
from improvement_plans.models import Action, ActionStatus, ProgressUpdate
from recommendations.models import Recommendation
from reviews.models import FocusArea, Review
from sli.pages.dashboards import STALE_AFTER_DAYS, council_dashboard, regional_dashboard
from tests.demo import load_demo_copy

TODAY = timezone.localdate()


def by_value(breakdown):
    return {value: count for value, _, count in breakdown.counts if count}


def live_actions_of(recommendation, actions):
    """The live actions answering a recommendation, its sub-items or its parent."""
    related = {recommendation.pk, *(c.pk for c in recommendation.children.all())}
    if recommendation.parent_id:
        related.add(recommendation.parent_id)
    return [
        action
        for action in actions
        if action.status != ActionStatus.CANCELLED
        and related & {r.pk for r in action.recommendations.all()}
    ]


def state_of(recommendation, actions):
    if recommendation.response == Recommendation.Response.NOT_ACCEPTED:
        return "not_accepted"
    mine = live_actions_of(recommendation, actions)
    if not mine:
        return "no_action"
    if all(a.status == ActionStatus.COMPLETED for a in mine):
        return "implemented"
    if any(a.is_overdue(TODAY) for a in mine):
        return "overdue"
    if any(a.status != ActionStatus.NOT_STARTED for a in mine):
        return "in_progress"
    return "not_started"


class DemoDashboardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo_copy()
        cls.admin = get_user_model().objects.get(username="admin")
        cls.sefton = Council.objects.get(slug="sefton-metropolitan-borough-council")
        cls.walsall = Council.objects.get(slug="walsall-council")

    def expected_for(self, council):
        recommendations = list(
            Recommendation.objects.filter(
                review__host_council=council, parent=None, review__status__in=Review.ISSUED_STATUSES
            ).prefetch_related("children")
        )
        actions = list(
            Action.objects.filter(plan__council=council).prefetch_related("recommendations")
        )
        return recommendations, actions

    def test_council_figures_match_independent_counts(self):
        for council in (self.sefton, self.walsall):
            with self.subTest(council=council.name):
                recommendations, actions = self.expected_for(council)
                dashboard = council_dashboard(council, self.admin, today=TODAY)

                self.assertEqual(
                    by_value(dashboard.overall.responses),
                    dict(Counter(r.response for r in recommendations)),
                )
                self.assertEqual(
                    by_value(dashboard.overall.states),
                    dict(Counter(state_of(r, actions) for r in recommendations)),
                )
                self.assertEqual(
                    by_value(dashboard.overall.statuses), dict(Counter(a.status for a in actions))
                )
                self.assertEqual(
                    by_value(dashboard.overall.rags), dict(Counter(a.rag for a in actions))
                )
                overdue = [a for a in actions if a.is_overdue(TODAY)]
                self.assertEqual(dashboard.headlines["overdue"].now, len(overdue))
                self.assertEqual(
                    dashboard.headlines["completed"].now,
                    sum(a.status == ActionStatus.COMPLETED for a in actions),
                )
                flags = dashboard.flags
                self.assertEqual(
                    flags.missed_milestone,
                    sum(
                        not a.is_closed and any(m.is_missed(TODAY) for m in a.milestones.all())
                        for a in actions
                    ),
                )
                gaps = [
                    r.pk
                    for r in recommendations
                    if r.response != Recommendation.Response.NOT_ACCEPTED
                    and not live_actions_of(r, actions)
                ]
                self.assertEqual(flags.gaps, len(gaps))
                contradicted = {
                    a.pk
                    for a in actions
                    if a.rag == "green"
                    and not a.is_closed
                    and (a.is_overdue(TODAY) or any(m.is_missed(TODAY) for m in a.milestones.all()))
                }
                self.assertEqual(flags.contradicted, len(contradicted))
                self.assertEqual(
                    flags.rebaselined, sum(a.due_date_changes.exists() for a in actions)
                )

    def test_each_figure_links_to_the_list_of_exactly_its_rows(self):
        self.client.force_login(self.admin)
        dashboard = council_dashboard(self.sefton, self.admin, today=TODAY)
        figures = [(n, url) for n, _, url, _, _ in dashboard.figures if "/actions/" in url]
        figures += [(n, url) for _, n, url in dashboard.flag_rows]
        for number, url in figures:
            with self.subTest(url=url):
                page = self.client.get(url).content.decode()
                shown = re.search(r"<caption[^>]*>(\d+) (?:action|recommendation)", page)
                listed = int(shown.group(1)) if shown else 0
                self.assertEqual(listed, number, url)

    def test_overdue_by_month_and_the_figures_at_a_past_date(self):
        actions = list(
            Action.objects.filter(plan__council=self.sefton)
            .exclude(status="cancelled")
            .prefetch_related("updates")
        )

        def completed_on(action):
            dates = [u.date for u in action.updates.all() if u.status == "completed"]
            return min(dates) if dates else action.start_date

        def overdue_at(day):
            return sum(
                a.start_date <= day
                and a.due_date < day
                and not (a.status == "completed" and completed_on(a) <= day)
                for a in actions
            )

        since = TODAY - datetime.timedelta(days=400)
        dashboard = council_dashboard(self.sefton, self.admin, since=since, today=TODAY)
        self.assertEqual(dashboard.headlines["overdue"].then, overdue_at(since))
        for month, overdue in dashboard.overdue_by_month:
            month_end = (month + datetime.timedelta(days=32)).replace(day=1)
            day = min(TODAY, month_end - datetime.timedelta(days=1))
            self.assertEqual(overdue, overdue_at(day), month)

    def test_completion_by_month_counts_completions_dated_by_their_update(self):
        dashboard = council_dashboard(self.sefton, self.admin, today=TODAY)
        actions = Action.objects.filter(plan__council=self.sefton)
        first_month, done_then, total = dashboard.completion_by_month[0]
        last_month, done_now, _ = dashboard.completion_by_month[-1]
        self.assertEqual(total, actions.exclude(status="cancelled").count())
        self.assertEqual(done_now, actions.filter(status="completed").count())
        self.assertEqual(last_month, TODAY.replace(day=1))
        self.assertEqual(first_month, min(a.start_date for a in actions).replace(day=1))
        completed_on = {
            a.pk: min(u.date for u in a.updates.all() if u.status == "completed")
            for a in actions.filter(status="completed").prefetch_related("updates")
        }
        for month, done, _ in dashboard.completion_by_month:
            month_end = (month + datetime.timedelta(days=32)).replace(day=1)
            self.assertEqual(done, sum(1 for d in completed_on.values() if d < month_end))

    def test_changes_since_a_date(self):
        action = Action.objects.filter(plan__council=self.walsall).first()
        before = TODAY - datetime.timedelta(days=30)
        update = ProgressUpdate(
            action=action, status="completed", rag="green", percent_complete=100, date=TODAY
        )
        update.save()
        action.status = "completed"
        action.save()

        dashboard = council_dashboard(self.walsall, self.admin, since=before, today=TODAY)

        self.assertEqual([u.pk for u in dashboard.changes["updates"]], [update.pk])
        self.assertEqual(
            [(a.pk, old, new) for a, old, new in dashboard.changes["status_changes"]],
            [(action.pk, "On track", "Completed")],
        )
        self.assertEqual([a.pk for a in dashboard.changes["completed"]], [action.pk])

    def test_regional_figures_match_independent_counts(self):
        region = Region.objects.get(slug="west-midlands")
        result = regional_dashboard(region, self.admin, today=TODAY)
        rows = {row.council.pk: row for row in result["rows"]}
        self.assertEqual(len(rows), Council.objects.filter(region=region).count())
        focus_areas = list(FocusArea.objects.order_by("number"))
        for council in Council.objects.filter(region=region):
            recommendations, actions = self.expected_for(council)
            open_ones = [
                r
                for r in recommendations
                if r.response != Recommendation.Response.NOT_ACCEPTED
                and state_of(r, actions) != "implemented"
            ]
            row = rows[council.pk]
            with self.subTest(council=council.name):
                self.assertEqual(row.open_recommendations, len(open_ones))
                self.assertEqual(row.overdue_actions, sum(a.is_overdue(TODAY) for a in actions))
                updates = [u.date for a in actions for u in a.updates.all()]
                self.assertEqual(row.last_update, max(updates) if updates else None)
                per_area = Counter(r.focus_area_id for r in open_ones)
                self.assertEqual(
                    row.by_focus_area,
                    [per_area.get(area.pk, 0) for area in focus_areas] + [per_area.get(None, 0)],
                )
                has_plan = council.improvement_plans.exclude(status="closed").exists()
                stale = has_plan and (not updates or (TODAY - max(updates)).days > STALE_AFTER_DAYS)
                self.assertEqual(row.is_stale, stale)

    def test_regional_filters_by_kind_and_year(self):
        region = Region.objects.get(slug="west-midlands")
        walsall_row = next(
            row
            for row in regional_dashboard(region, self.admin, year=2015)["rows"]
            if row.council == self.walsall
        )
        self.assertEqual(walsall_row.open_recommendations, 8)
        for filters in ({"year": 2014}, {"kind": Review.Kind.CQC_INSPECTION}):
            with self.subTest(**filters):
                rows = regional_dashboard(region, self.admin, **filters)["rows"]
                self.assertEqual(sum(row.open_recommendations for row in rows), 0)

    def test_regional_lead_sees_only_their_region(self):
        lead = get_user_model().objects.get(username="nw.lead")
        west_midlands = Region.objects.get(slug="west-midlands")
        self.assertEqual(regional_dashboard(west_midlands, lead)["rows"], [])
        north_west = Region.objects.get(slug="north-west")
        self.assertEqual(len(regional_dashboard(north_west, lead)["rows"]), 23)

    def test_dashboard_pages_render(self):
        self.client.force_login(self.admin)
        page = self.client.get(self.sefton.get_absolute_url() + "?since_0=1&since_1=1&since_2=2010")
        self.assertContains(page, "At a glance")
        self.assertContains(page, "What changed since 1 January 2010")
        self.assertContains(self.client.get("/regions/west-midlands/?year=2015"), "Walsall Council")

    def test_the_region_page_puts_councils_needing_attention_first(self):
        region = Region.objects.get(slug="west-midlands")
        quiet = Council.objects.filter(region=region, reviews__isnull=True).first()
        # Walsall, and the councils of the demo's invented CQC assessments (scores only).
        reviewed = set(
            Council.objects.filter(region=region, reviews__isnull=False).values_list(
                "slug", flat=True
            )
        )
        Review.objects.create(
            host_council=quiet,
            kind=Review.Kind.PEER_CHALLENGE,
            title="Quiet review",
            visit_start=TODAY,
            visit_end=TODAY,
            status=Review.Status.ISSUED,
        )
        self.client.force_login(self.admin)
        for sort in ("", "?sort=council", "?sort=-overdue_actions"):
            with self.subTest(sort=sort):
                page = self.client.get(f"/regions/west-midlands/{sort}").content.decode()
                table = re.search(r"<table.*?</table>", page, re.DOTALL).group(0)
                listed = re.findall(r'<a class="govuk-link" href="/councils/([^/]+)/"', table)
                self.assertEqual(set(listed), reviewed | {quiet.slug})
                if sort != "?sort=council":
                    self.assertEqual(listed[0], self.walsall.slug, "the overdue council first")
                without = 14 - len(reviewed | {quiet.slug})
                self.assertIn(f"{without} councils have no review or plan yet", page)
                self.assertIn("3 overdue", table)
