"""API tokens made, shown once, kept hashed, used and revoked on the account page; the API's
pages, filters, headers and query counts."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from improvement_plans.models import ActionStatus
from recommendations.models import ImplementationState, Recommendation
from reviews.models import Review
from sli.api.models import ApiToken
from tests.base import building_pages, councillor_of, editor_of
from tests.factories import (
    make_action,
    make_council,
    make_plan,
    make_recommendation,
    make_review,
    make_update,
    make_user,
)


class TokenTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council()
        cls.editor = editor_of(cls.council)

    def make_token(self, name="Power BI"):
        self.client.force_login(self.editor)
        response = self.client.post("/account/tokens/new/", {"name": name})
        self.assertEqual(response.status_code, 200)
        token = response.context["token"]
        self.assertContains(response, token)
        self.assertIn("no-store", response["Cache-Control"])
        return token

    def call(self, token, url="/api/v1/councils/"):
        self.client.logout()
        return self.client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}")

    def test_a_token_is_shown_once_and_kept_only_hashed(self):
        token = self.make_token()
        record = ApiToken.objects.get(user=self.editor)
        self.assertEqual(record.name, "Power BI")
        self.assertEqual(record.digest, hashlib.sha256(token.encode()).hexdigest())
        stored = " ".join(str(value) for value in ApiToken.objects.values_list().get())
        self.assertNotIn(token, stored)
        self.assertNotIn(token, " ".join(str(r.__dict__) for r in ApiToken.history.all()))
        page = self.client.get("/account/")
        self.assertContains(page, "Power BI")
        self.assertContains(page, f"{record.start}…")
        self.assertNotContains(page, token)

    def test_the_token_reads_the_api_and_records_when_it_was_last_used(self):
        token = self.make_token()
        self.client.get("/account/")
        self.assertIsNone(ApiToken.objects.get().last_used_at)
        response = self.call(token)
        self.assertEqual(response.status_code, 200)
        self.assertEqual([c["slug"] for c in response.json()["results"]], [self.council.slug])
        used = ApiToken.objects.get().last_used_at
        self.assertIsNotNone(used)
        self.assertIn("private", response["Cache-Control"])
        self.assertIn("no-store", response["Cache-Control"])
        self.client.force_login(self.editor)
        self.assertContains(self.client.get("/account/"), f"{used:%-d %b %Y}")

    def test_a_revoked_token_no_longer_works(self):
        token = self.make_token()
        record = ApiToken.objects.get()
        response = self.client.post(f"/account/tokens/{record.pk}/revoke/")
        self.assertRedirects(response, "/account/")
        self.assertFalse(ApiToken.objects.exists())
        self.assertEqual(ApiToken.history.filter(history_type="-").count(), 1)
        self.assertEqual(self.call(token).status_code, 401)

    def test_nobody_else_revokes_a_token(self):
        self.make_token()
        record = ApiToken.objects.get()
        self.client.force_login(editor_of(make_council()))
        self.assertEqual(self.client.post(f"/account/tokens/{record.pk}/revoke/").status_code, 404)
        self.assertTrue(ApiToken.objects.exists())

    def test_a_tokens_name_is_shown_as_text(self):
        self.make_token(name="<script>alert(1)</script>")
        page = self.client.get("/account/")
        self.assertNotContains(page, "<script>alert(1)</script>")
        self.assertContains(page, "&lt;script&gt;alert(1)&lt;/script&gt;")

    def test_an_administrator_sees_tokens_but_never_their_text_nor_hash(self):
        token = self.make_token()
        record = ApiToken.objects.get()
        self.client.force_login(make_user(is_staff=True, is_superuser=True))
        page = self.client.get(f"/admin/api/apitoken/{record.pk}/change/")
        self.assertContains(page, "Power BI")
        self.assertNotContains(page, token)
        self.assertNotContains(page, record.digest)
        self.assertEqual(self.client.get("/admin/api/apitoken/add/").status_code, 403)

    def test_a_token_without_a_name_is_refused_with_a_message(self):
        self.client.force_login(self.editor)
        response = self.client.post("/account/tokens/new/", {"name": " "})
        self.assertContains(response, "Enter what the token is for")
        self.assertFalse(ApiToken.objects.exists())

    def test_a_switched_off_persons_token_stops_working(self):
        token = self.make_token()
        self.editor.is_active = False
        self.editor.save()
        self.assertEqual(self.call(token).status_code, 401)

    def test_the_account_page_is_reached_from_the_header_and_leads_to_the_password(self):
        self.client.force_login(self.editor)
        self.assertContains(self.client.get("/"), 'href="/account/"')
        self.assertContains(self.client.get("/account/"), 'href="/password/"')


@building_pages
class RateLimitTests(TestCase):
    """Each person's tokens share an hourly allowance, counted in the cache; beyond it 429
    with Retry-After, for that person only."""

    def setUp(self):
        cache.clear()
        self.addCleanup(cache.clear)
        council = make_council()
        self.first = ApiToken.create_for(user=editor_of(council), name="Power BI")[1]
        self.other = ApiToken.create_for(user=councillor_of(council), name="Scrutiny")[1]

    def call(self, token):
        return self.client.get("/api/v1/councils/", HTTP_AUTHORIZATION=f"Bearer {token}")

    @override_settings(API_REQUESTS_PER_HOUR=3)
    def test_the_fourth_request_in_an_hour_waits(self):
        for _ in range(3):
            self.assertEqual(self.call(self.first).status_code, 200)

        refused = self.call(self.first)

        self.assertEqual(refused.status_code, 429)
        self.assertGreater(int(refused["Retry-After"]), 3500)
        self.assertIn("throttled", refused.json()["detail"])
        self.assertEqual(self.call(self.other).status_code, 200)

    def test_by_default_a_person_has_3600_requests_an_hour(self):
        self.assertEqual(settings.API_REQUESTS_PER_HOUR, 3600)
        self.assertEqual(self.call(self.first).status_code, 200)

    def test_the_api_page_says_the_limit(self):
        self.client.force_login(editor_of(make_council()))
        page = self.client.get("/api/v1/")
        self.assertContains(page, "may make 3,600 requests an hour between them")
        self.assertContains(page, "<code>Retry-After</code>")


class EndpointTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council()
        cls.review = make_review(host_council=cls.council, status=Review.Status.ISSUED)
        cls.done = make_recommendation(review=cls.review, response="accepted")
        cls.waiting = make_recommendation(review=cls.review)
        cls.plan = make_plan(review=cls.review)
        today = timezone.localdate()
        cls.late = make_action(
            plan=cls.plan,
            recommendations=[cls.waiting],
            start_date=today - timedelta(days=100),
            due_date=today - timedelta(days=1),
            rag="green",
        )
        cls.finished = make_action(
            plan=cls.plan, recommendations=[cls.done], status=ActionStatus.COMPLETED
        )
        make_update(action=cls.late)
        cls.editor = editor_of(cls.council)
        _, cls.token = ApiToken.create_for(user=cls.editor, name="Tests")

    def get(self, url, **params):
        response = self.client.get(url, params, HTTP_AUTHORIZATION=f"Bearer {self.token}")
        self.assertEqual(response.status_code, 200, response.content)
        return response.json()

    def test_actions_carry_status_rag_and_what_the_dates_say(self):
        late = self.get(f"/api/v1/actions/{self.late.pk}/")
        self.assertEqual(late["council"], self.council.slug)
        self.assertEqual(late["rag"], "green")
        self.assertEqual(late["derived_rag"], "red")
        self.assertTrue(late["is_overdue"])
        self.assertTrue(late["is_rag_contradicted"])
        self.assertEqual(late["recommendations"], [self.waiting.pk])
        self.assertEqual(late["recommendation_labels"], [self.waiting.label])
        self.assertEqual(late["page_url"], f"http://testserver/actions/{self.late.pk}/")

    def test_filters_as_on_the_lists(self):
        overdue = self.get("/api/v1/actions/", overdue="yes")
        self.assertEqual([a["id"] for a in overdue["results"]], [self.late.pk])
        completed = self.get("/api/v1/actions/", status="completed")
        self.assertEqual([a["id"] for a in completed["results"]], [self.finished.pk])
        implemented = self.get(
            "/api/v1/recommendations/", implementation_state=ImplementationState.IMPLEMENTED
        )
        self.assertEqual([r["id"] for r in implemented["results"]], [self.done.pk])
        self.assertEqual(
            self.get(f"/api/v1/recommendations/{self.waiting.pk}/")["implementation_state"],
            ImplementationState.OVERDUE,
        )
        updates = self.get("/api/v1/progress-updates/", action=self.late.pk)
        self.assertEqual(updates["count"], 1)
        self.assertEqual(self.get("/api/v1/reviews/", council=self.council.slug)["count"], 1)
        self.assertEqual(self.get("/api/v1/reviews/", council="elsewhere")["count"], 0)

    def test_a_filter_naming_a_review_the_person_cannot_see_is_refused_like_a_missing_one(self):
        hidden = make_review()
        for review in (hidden.pk, 999_999):
            response = self.client.get(
                "/api/v1/actions/", {"review": review}, HTTP_AUTHORIZATION=f"Bearer {self.token}"
            )
            self.assertEqual(response.status_code, 400)
            self.assertIn("review", response.json())

    def test_lists_come_a_page_at_a_time(self):
        for number in range(3):
            make_recommendation(review=self.review, text=f"More {number}")
        first = self.get("/api/v1/recommendations/", page_size=2)
        self.assertEqual(first["count"], 5)
        self.assertEqual(len(first["results"]), 2)
        self.assertIn("page=2", first["next"])
        last = self.get("/api/v1/recommendations/", page_size=2, page=3)
        self.assertIsNone(last["next"])
        self.assertEqual(len(last["results"]), 1)

    def test_the_query_count_does_not_grow_with_the_rows(self):
        """The same number of queries for a list of 2 records and of 12, on every endpoint."""
        paths = [
            "/api/v1/councils/",
            "/api/v1/reviews/",
            "/api/v1/recommendations/",
            "/api/v1/plans/",
            "/api/v1/actions/",
            "/api/v1/progress-updates/",
        ]
        self.get(paths[0])  # the token's first use is recorded; later calls within a minute not
        before = {path: self.count_queries(path) for path in paths}
        for number in range(10):
            council = make_council()
            review = make_review(host_council=council, status="issued")
            recommendation = make_recommendation(review=review)
            plan = make_plan(review=review, council=council)
            action = make_action(plan=plan, recommendations=[recommendation])
            make_update(action=action)
            make_recommendation(review=self.review, text=f"Another {number}")
            make_action(plan=self.plan, recommendations=[recommendation])
        self.editor.is_staff = True  # now sees the ten more councils too
        self.editor.save()
        after = {path: self.count_queries(path) for path in paths}
        self.assertEqual(after, before)

    def count_queries(self, path):
        with CaptureQueriesContext(connection) as queries:
            self.get(path)
        return len(queries)


class SchemaTests(TestCase):
    def test_the_schema_is_public_and_describes_every_endpoint(self):
        response = self.client.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
        self.assertEqual(response.status_code, 200)
        schema = response.json()
        self.assertTrue(schema["openapi"].startswith("3."))
        for path in (
            "/api/v1/councils/",
            "/api/v1/councils/{slug}/",
            "/api/v1/recommendations/",
            "/api/v1/actions/{id}/",
            "/api/v1/progress-updates/",
            "/api/v1/plans/",
            "/api/v1/reviews/{id}/",
        ):
            self.assertIn(path, schema["paths"])
        self.assertEqual(schema["components"]["securitySchemes"]["token"]["scheme"], "bearer")

    def test_the_documentation_page_lists_the_endpoints_and_links_the_schema(self):
        page = self.client.get("/api/v1/")
        self.assertContains(page, "/api/v1/progress-updates/")
        self.assertContains(page, 'href="/api/v1/schema/"')
        self.assertContains(page, "<code>overdue</code>")


class NoUnpublishedLeakTests(TestCase):
    def test_a_council_viewer_reads_a_drafts_dates_but_not_its_recommendations(self):
        council = make_council()
        draft = make_review(host_council=council, status=Review.Status.DRAFTING)
        make_recommendation(review=draft, text="Draft words")
        viewer = councillor_of(council)
        _, token = ApiToken.create_for(user=viewer, name="Scrutiny")
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
        reviews = self.client.get("/api/v1/reviews/", **headers).json()
        self.assertEqual([r["id"] for r in reviews["results"]], [draft.pk])
        self.assertEqual(self.client.get("/api/v1/recommendations/", **headers).json()["count"], 0)
        self.assertEqual(Recommendation.objects.filter(review=draft).count(), 1)
        fields = self.client.get(f"/api/v1/reviews/{draft.pk}/", **headers).json()
        self.assertFalse(set(Review.CONFIDENTIAL_FIELDS) & set(fields))
