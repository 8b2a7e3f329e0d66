"""Two people editing the same action, recommendation or review at once: the second save
is refused with what changed shown, nothing is overwritten, and the form shown again saves
both people's changes (sli/lib/concurrency.py).

The first tests take turns through the test client on either database. The last sends 100
pairs of edits at the same moment to a live server on PostgreSQL, from two threads, and
counts the changes lost: none may be.
"""

import threading
import urllib.error
import urllib.parse
import urllib.request
from datetime import date
from functools import partial
from http.cookies import SimpleCookie
from unittest import skipUnless

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, LiveServerTestCase, TestCase
from django.urls import reverse

from councils.models import Membership
from improvement_plans.models import Action
from recommendations.models import Recommendation
from reviews.models import Review
from tests.factories import (
    make_action,
    make_council,
    make_membership,
    make_plan,
    make_recommendation,
    make_review,
    make_user,
)
from tests.html_forms import form_data

Role = Membership.Role
CONFLICT = "Someone else saved a change while you were editing"


class World:
    """A council with two editors, an issued review led by one person with a regional lead
    above, a draft review with a team, a plan and an action."""

    @classmethod
    def build(cls, target):
        target.council = make_council()
        region = target.council.region
        target.editor, target.other_editor = make_user(), make_user()
        for editor in (target.editor, target.other_editor):
            make_membership(editor, Role.COUNCIL_EDITOR, target.council)
        target.lead, target.regional_lead, target.team_member = (
            make_user(),
            make_user(),
            make_user(),
        )
        make_membership(target.regional_lead, Role.REGIONAL_LEAD, region)
        target.review = make_review(host_council=target.council)
        make_membership(target.lead, Role.REVIEW_LEAD, target.review)
        target.draft = make_review(host_council=target.council, status=Review.Status.DRAFTING)
        make_membership(target.lead, Role.REVIEW_LEAD, target.draft)
        make_membership(target.team_member, Role.REVIEW_TEAM, target.draft)
        target.issued_recommendation = make_recommendation(review=target.review)
        target.draft_recommendation = make_recommendation(review=target.draft)
        target.plan = make_plan(review=target.review)
        target.action = make_action(
            plan=target.plan, recommendations=[target.issued_recommendation]
        )


class TakingTurnsTests(TestCase):
    """A opens the form, B opens it, B saves, then A saves: A is shown the conflict."""

    @classmethod
    def setUpTestData(cls):
        World.build(cls)

    def client_for(self, user):
        client = Client()
        client.force_login(user)
        return client

    def race(self, url, first, second, first_change, second_change):
        """``second`` saves ``second_change`` while ``first`` has the form open; then
        ``first`` sends ``first_change`` and, after the conflict, the form shown again."""
        a, b = self.client_for(first), self.client_for(second)
        opened_by_a = form_data(a.get(url).content)
        opened_by_b = form_data(b.get(url).content)

        saved = b.post(url, {**opened_by_b, **second_change})
        self.assertEqual(saved.status_code, 302, saved.content[:2000])

        refused = a.post(url, {**opened_by_a, **first_change})
        self.assertEqual(refused.status_code, 200)
        self.assertContains(refused, CONFLICT)
        shown_again = form_data(refused.content)
        for name, value in {**second_change, **first_change}.items():
            self.assertEqual(shown_again[name], value, name)

        resent = a.post(url, shown_again)
        self.assertEqual(resent.status_code, 302, resent.content[:2000])
        return refused

    def test_two_editors_change_different_fields_of_an_action(self):
        url = reverse("improvement_plans:edit_action", args=[self.action.pk])

        refused = self.race(
            url,
            self.editor,
            self.other_editor,
            {"title": "Audit every care package"},
            {"owner_name": "Head of Commissioning"},
        )

        self.assertContains(refused, "What changed since you opened the form")
        self.assertContains(refused, "Head of Commissioning")
        self.assertContains(refused, "Their change")
        self.assertContains(refused, "Your change")
        self.action.refresh_from_db()
        self.assertEqual(
            (self.action.title, self.action.owner_name),
            ("Audit every care package", "Head of Commissioning"),
        )
        self.assertEqual(self.action.version, 3)

    def test_nothing_of_the_refused_save_is_written(self):
        url = reverse("improvement_plans:edit_action", args=[self.action.pk])
        a, b = self.client_for(self.editor), self.client_for(self.other_editor)
        opened_by_a = form_data(a.get(url).content)
        b.post(url, {**form_data(b.get(url).content), "title": "B's title"})

        a.post(url, {**opened_by_a, "title": "A's title", "how": "A's way"})

        self.action.refresh_from_db()
        self.assertEqual((self.action.title, self.action.how), ("B's title", self.action.how))
        self.assertNotEqual(self.action.how, "A's way")
        self.assertEqual(self.action.history.filter(title="A's title").count(), 0)

    def test_both_change_the_same_field_and_the_second_decides_knowingly(self):
        url = reverse("improvement_plans:edit_action", args=[self.action.pk])
        a, b = self.client_for(self.editor), self.client_for(self.other_editor)
        opened_by_a = form_data(a.get(url).content)
        b.post(url, {**form_data(b.get(url).content), "title": "B's title"})

        refused = a.post(url, {**opened_by_a, "title": "A's title"})

        self.assertContains(refused, "B&#x27;s title")
        self.assertContains(refused, "A&#x27;s title")
        self.assertEqual(form_data(refused.content)["title"], "A's title")
        self.action.refresh_from_db()
        self.assertEqual(self.action.title, "B's title")

    def test_the_draft_recommendation_edited_by_the_lead_and_a_team_member(self):
        url = reverse("recommendations:edit", args=[self.draft_recommendation.pk])

        self.race(
            url,
            self.lead,
            self.team_member,
            {"text": "Publish the referral pathway for carers."},
            {"page_reference": "p. 12"},
        )

        self.draft_recommendation.refresh_from_db()
        self.assertEqual(
            (self.draft_recommendation.text, self.draft_recommendation.page_reference),
            ("Publish the referral pathway for carers.", "p. 12"),
        )

    def test_the_councils_response_given_by_two_editors(self):
        url = reverse("recommendations:respond", args=[self.issued_recommendation.pk])

        refused = self.race(
            url,
            self.editor,
            self.other_editor,
            {"response": "partly_accepted", "response_reason": "Only for older people."},
            {"response": "accepted", "response_reason": ""},
        )

        self.assertContains(refused, "Partly accepted")
        self.issued_recommendation.refresh_from_db()
        self.assertEqual(self.issued_recommendation.response, "partly_accepted")

    def test_the_reviews_details_changed_by_its_lead_and_the_regional_lead(self):
        url = reverse("reviews:edit", args=[self.review.pk])

        self.race(
            url,
            self.lead,
            self.regional_lead,
            {"title": "Peer challenge: prevention and the front door"},
            {"progress_review_date_0": "2", "progress_review_date_1": "10"}
            | {"progress_review_date_2": "2024"},
        )

        self.review.refresh_from_db()
        self.assertEqual(self.review.title, "Peer challenge: prevention and the front door")
        self.assertEqual(self.review.progress_review_date, date(2024, 10, 2))

    def test_the_letter_written_by_the_lead_and_the_regional_lead(self):
        url = reverse("reviews:edit_letter", args=[self.review.pk])

        self.race(
            url,
            self.lead,
            self.regional_lead,
            {"letter_opening": "Thank you for inviting us."},
            {"letter_salutation": "Dear Jane"},
        )

        self.review.refresh_from_db()
        self.assertEqual(
            (self.review.letter_opening, self.review.letter_salutation),
            ("Thank you for inviting us.", "Dear Jane"),
        )

    def test_a_form_opened_after_the_change_saves_at_once(self):
        url = reverse("improvement_plans:edit_action", args=[self.action.pk])
        a, b = self.client_for(self.editor), self.client_for(self.other_editor)
        b.post(url, {**form_data(b.get(url).content), "title": "B's title"})

        response = a.post(url, {**form_data(a.get(url).content), "how": "A's way"})

        self.assertEqual(response.status_code, 302)
        self.action.refresh_from_db()
        self.assertEqual((self.action.title, self.action.how), ("B's title", "A's way"))


class _Browser:
    """One signed-in person talking HTTP to the live server: cookies kept by hand, since
    the test server's cookies may be marked Secure."""

    def __init__(self, base_url, user):
        client = Client()
        client.force_login(user)
        self.base_url = base_url
        self.cookies = {
            settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value
        }
        self.opener = urllib.request.build_opener(_NoRedirect)

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body)
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.read().decode()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def send_together(calls):
    """Run the calls in threads released at the same moment; their results in order."""
    results = [None] * len(calls)
    barrier = threading.Barrier(len(calls))

    def run(i):
        barrier.wait()
        results[i] = calls[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@skipUnless(connection.vendor == "postgresql", "row locks under real concurrency: PostgreSQL")
@pytest.mark.slow
class SimultaneousEditsTests(LiveServerTestCase):
    PAIRS = 100

    def setUp(self):
        World.build(self)
        self.kinds = [
            (
                "action",
                lambda: reverse("improvement_plans:edit_action", args=[self.action.pk]),
                (self.editor, self.other_editor),
                ("title", "owner_name"),
                lambda: Action.objects.get(pk=self.action.pk),
            ),
            (
                "recommendation",
                lambda: reverse("recommendations:edit", args=[self.draft_recommendation.pk]),
                (self.lead, self.team_member),
                ("text", "page_reference"),
                lambda: Recommendation.objects.get(pk=self.draft_recommendation.pk),
            ),
            (
                "review",
                lambda: reverse("reviews:edit_letter", args=[self.review.pk]),
                (self.lead, self.regional_lead),
                ("letter_opening", "letter_salutation"),
                lambda: Review.objects.get(pk=self.review.pk),
            ),
        ]

    def test_a_hundred_pairs_of_simultaneous_edits_lose_nothing(self):
        browsers = {}
        outcomes = {"saved first time": 0, "refused then resent": 0}
        lost = []
        for n in range(self.PAIRS):
            kind, url, people, fields, stored = self.kinds[n % len(self.kinds)]
            path = url()
            pair = [
                browsers.setdefault(person.pk, _Browser(self.live_server_url, person))
                for person in people
            ]
            opened = [form_data(browser.request(path)[1]) for browser in pair]
            wanted = [{fields[i]: f"{kind} {n} by {i}"} for i in range(2)]
            results = send_together(
                [partial(pair[i].request, path, {**opened[i], **wanted[i]}) for i in range(2)]
            )

            statuses = sorted(status for status, _ in results)
            for i, (status, page) in enumerate(results):
                if status == 200:
                    self.assertIn(CONFLICT, page)
                    again = pair[i].request(path, form_data(page))
                    self.assertEqual(again[0], 302, again[1][:2000])
                    outcomes["refused then resent"] += 1
                else:
                    self.assertEqual(status, 302, page[:2000])
                    outcomes["saved first time"] += 1
            # Both saves came from the same version: exactly one may win outright.
            self.assertEqual(statuses, [200, 302], f"pair {n} ({kind})")
            row = stored()
            for change in wanted:
                for field, value in change.items():
                    if getattr(row, field) != value:
                        lost.append((n, kind, field, value, getattr(row, field)))

        self.assertEqual(lost, [])
        self.assertEqual(
            outcomes, {"saved first time": self.PAIRS, "refused then resent": self.PAIRS}
        )
