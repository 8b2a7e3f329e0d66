"""A recommendation that an action of the plan already answers is linked, not duplicated:
"Already addressed by Action 12"; and likely duplicates from different sources side by side."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from councils.models import Membership
from improvement_plans.implementation import gaps
from improvement_plans.models import Action, ActionStatus
from improvement_plans.services import link_recommendation
from recommendations.models import Recommendation
from reviews.models import Review
from tests.base import building_pages, councillor_of, editor_of
from tests.factories import (
    make_action,
    make_council,
    make_membership,
    make_plan,
    make_recommendation,
    make_review,
)

SIMILAR = "Safeguarding training for all staff, including making safeguarding personal"
UNRELATED = "Publish the market position statement for care home providers"


@building_pages
class AlreadyAddressedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council()
        cls.peer_challenge = make_review(host_council=cls.council)
        cls.plan = make_plan(review=cls.peer_challenge)
        cls.training = make_action(plan=cls.plan, title=SIMILAR)
        cls.market = make_action(plan=cls.plan, title=UNRELATED)
        cls.finished = make_action(
            plan=cls.plan, title="Safeguarding training for staff", status=ActionStatus.COMPLETED
        )
        cls.sar = make_review(
            host_council=cls.council,
            kind=Review.Kind.SAFEGUARDING_ADULTS_REVIEW,
            title="Safeguarding adults review: Adult F",
            status=Review.Status.DRAFTING,
        )
        cls.editor = editor_of(cls.council)
        make_membership(cls.editor, Membership.Role.REVIEW_LEAD, cls.sar)
        cls.councillor = councillor_of(cls.council)
        cls.outsider = editor_of(make_council())

    def add_sar_recommendation(self, text):
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("recommendations:new", args=[self.sar.pk]), {"text": text}
        )
        recommendation = Recommendation.objects.get(review=self.sar, text=text)
        self.assertRedirects(response, recommendation.get_absolute_url())
        return recommendation

    def link(self, recommendation, action, **extra):
        url = reverse("recommendations:link_action", args=[recommendation.pk])
        return self.client.post(url, {"action": action.pk, **extra})

    def test_a_new_recommendation_is_offered_the_current_actions_worded_alike(self):
        recommendation = self.add_sar_recommendation(
            "The board's partners should ensure all staff are trained in making safeguarding "
            "personal."
        )
        page = self.client.get(recommendation.get_absolute_url())
        offered = [action for _, action in page.context["offered_actions"]]
        # Completed work and unrelated work are not offered.
        self.assertEqual(offered, [self.training])
        self.assertContains(page, "Is this already being done?")
        self.assertContains(page, f"Link to Action {self.training.number}")

    def test_linking_shows_already_addressed_and_counts_as_covered_in_the_plan(self):
        recommendation = self.add_sar_recommendation("Train staff in making safeguarding personal.")
        self.assertIn(recommendation, gaps(Recommendation.objects.all()))
        response = self.link(recommendation, self.training)
        self.assertRedirects(response, recommendation.get_absolute_url())
        page = self.client.get(recommendation.get_absolute_url())
        self.assertContains(
            page,
            f'Already addressed by <a class="govuk-link" '
            f'href="{self.training.get_absolute_url()}">Action {self.training.number}</a>',
        )
        self.assertEqual(page.context["offered_actions"], [])
        self.assertIn(self.sar, self.plan.reviews.all())
        self.assertNotIn(recommendation, gaps(Recommendation.objects.filter(review=self.sar)))
        plan_page = self.client.get(self.plan.get_absolute_url())
        self.assertNotIn(recommendation, list(plan_page.context["gaps"]))
        # Both histories say who linked them and why.
        self.assertEqual(
            recommendation.history.latest().history_change_reason,
            f"Linked to Action {self.training.number}, which already addresses it",
        )
        action_record = Action.history.filter(id=self.training.pk).latest()
        self.assertEqual(action_record.history_user, self.editor)
        self.assertIn("already addressed here", action_record.history_change_reason)
        # Linking twice changes nothing.
        self.link(recommendation, self.training)
        self.assertEqual(self.training.recommendations.filter(pk=recommendation.pk).count(), 1)

    def test_the_offer_costs_the_same_queries_for_more_actions_alike(self):
        recommendation = make_recommendation(
            review=self.sar, text="Train all staff in making safeguarding personal."
        )
        self.client.force_login(self.editor)
        self.client.get(recommendation.get_absolute_url())
        with CaptureQueriesContext(connection) as few:
            self.client.get(recommendation.get_absolute_url())
        for n in range(6):
            make_action(plan=make_plan(council=self.council), title=f"{SIMILAR} ({n})")
        with CaptureQueriesContext(connection) as many:
            page = self.client.get(recommendation.get_absolute_url())
        self.assertEqual(len(page.context["offered_actions"]), 5)
        self.assertEqual(len(few), len(many))

    def test_an_action_made_for_the_recommendation_is_not_already_addressing_it(self):
        recommendation = make_recommendation(review=self.peer_challenge)
        later = make_action(plan=self.plan, title="New work", recommendations=[recommendation])
        self.client.force_login(self.editor)
        page = self.client.get(recommendation.get_absolute_url())
        self.assertNotContains(page, "Already addressed by")
        self.assertEqual(page.context["already_addressed_by"], [])
        self.assertTrue(later.already_addressed(make_recommendation(review=self.sar)))

    def test_only_the_councils_editors_link_and_only_to_its_own_plan(self):
        published = make_review(
            host_council=self.council, kind=Review.Kind.SAFEGUARDING_ADULTS_REVIEW
        )
        recommendation = make_recommendation(review=published)
        self.client.force_login(self.councillor)
        self.assertEqual(self.link(recommendation, self.training).status_code, 403)
        self.assertNotContains(
            self.client.get(recommendation.get_absolute_url()), "Is this already being done?"
        )
        self.client.force_login(self.outsider)
        self.assertEqual(self.link(recommendation, self.training).status_code, 404)
        other_action = make_action(plan=make_plan(council=make_council()), title=SIMILAR)
        self.client.force_login(self.editor)
        response = self.link(recommendation, other_action)
        self.assertRedirects(response, recommendation.get_absolute_url())
        self.assertFalse(other_action.recommendations.exists())
        self.assertFalse(self.training.recommendations.filter(pk=recommendation.pk).exists())


@building_pages
class DuplicatesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council()
        cls.peer_challenge = make_review(host_council=cls.council, title="Peer challenge 2024")
        cls.sar = make_review(
            host_council=cls.council,
            kind=Review.Kind.SAFEGUARDING_ADULTS_REVIEW,
            title="Safeguarding adults review: Adult F",
        )
        parent = make_recommendation(review=cls.peer_challenge, number=16, text="Safeguarding")
        make_recommendation(parent=parent, number=1, text="Something else entirely")
        cls.peer = make_recommendation(
            parent=parent, number=2, text="Train all staff in making safeguarding personal"
        )
        cls.same_source = make_recommendation(
            review=cls.peer_challenge, text="Staff training in making safeguarding personal"
        )
        cls.from_sar = make_recommendation(
            review=cls.sar, text="Making safeguarding personal training for staff"
        )
        cls.plan = make_plan(review=cls.peer_challenge)
        cls.action = make_action(plan=cls.plan, recommendations=[cls.peer])
        cls.editor = editor_of(cls.council)
        cls.councillor = councillor_of(cls.council)

    def test_pairs_from_different_sources_side_by_side_with_their_numbers(self):
        self.client.force_login(self.editor)
        page = self.client.get(reverse("recommendations:duplicates"))
        pairs = [
            {side["recommendation"] for side in pair["sides"]}
            for group in page.context["councils"]
            for pair in group["pairs"]
        ]
        self.assertIn({self.peer, self.from_sar}, pairs)
        self.assertIn({self.same_source, self.from_sar}, pairs)
        # Two of the same source are not a duplicate across sources.
        self.assertNotIn({self.peer, self.same_source}, pairs)
        self.assertContains(page, "Recommendation 16(ii)")
        self.assertContains(page, "Safeguarding adults review: Adult F")
        self.assertContains(page, f"Link to Action {self.action.number} too")
        response = self.client.post(
            reverse("recommendations:link_action", args=[self.from_sar.pk]),
            {"action": self.action.pk, "from": "duplicates"},
        )
        self.assertRedirects(response, reverse("recommendations:duplicates"))
        self.assertIn(self.from_sar, self.action.recommendations.all())

    def test_a_councillor_sees_the_pairs_but_no_way_to_link(self):
        self.client.force_login(self.councillor)
        page = self.client.get(reverse("recommendations:duplicates"))
        self.assertContains(page, "Recommendation 16(ii)")
        self.assertNotContains(page, "too<span")

    def test_the_page_costs_the_same_queries_for_more_councils_and_pairs(self):
        self.client.force_login(self.editor)
        with CaptureQueriesContext(connection) as few:
            self.client.get(reverse("recommendations:duplicates"))
        for n in range(3):
            council = make_council()
            Membership.objects.create(
                user=self.editor, role=Membership.Role.COUNCIL_EDITOR, council=council
            )
            peer = make_recommendation(
                review=make_review(host_council=council), text=f"Clear waiting list {n} for carers"
            )
            make_recommendation(
                review=make_review(host_council=council), text=f"Carers waiting list {n} cleared"
            )
            make_action(plan=make_plan(council=council), recommendations=[peer])
        with CaptureQueriesContext(connection) as many:
            page = self.client.get(reverse("recommendations:duplicates"))
        self.assertEqual(len(page.context["councils"]), 4)
        self.assertEqual(len(many), len(few))


class ExemptNeverPublicTests(TestCase):
    def test_an_exempt_recommendation_linked_to_a_published_plan_stays_off_public_pages(self):
        council = make_council()
        sar = make_review(
            host_council=council,
            kind=Review.Kind.SAFEGUARDING_ADULTS_REVIEW,
            published_at=timezone.now(),
        )
        plan = make_plan(council=council, published_at=timezone.now())
        action = make_action(plan=plan, title=SIMILAR)
        shown = make_recommendation(review=sar, text="Shown: train staff in safeguarding")
        exempt = make_recommendation(
            review=sar, text="Exempt: the named care home's staff need training", exempt=True
        )
        editor = editor_of(council)
        for recommendation in (shown, exempt):
            link_recommendation(recommendation=recommendation, action=action, by=editor)
        self.client.logout()
        for url in (
            reverse("public_plan", args=[plan.pk]),
            reverse("public_letter", args=[sar.pk]),
        ):
            page = self.client.get(url)
            self.assertEqual(page.status_code, 200, url)
            self.assertNotContains(page, "the named care home")
        self.assertContains(self.client.get(reverse("public_letter", args=[sar.pk])), "Shown:")
