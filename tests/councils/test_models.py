from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import TestCase

from councils.models import Membership
from tests.factories import make_council, make_region, make_review, make_user

Role = Membership.Role


class RegionTests(TestCase):
    def test_str_is_the_name(self):
        region = make_region(name="North West", slug="north-west")

        self.assertEqual(str(region), "North West")

    def test_absolute_url_is_the_region_page(self):
        region = make_region(name="North West", slug="north-west")

        self.assertEqual(region.get_absolute_url(), "/regions/north-west/")


class CouncilTests(TestCase):
    def test_str_is_the_name(self):
        council = make_council(name="Walsall Council")

        self.assertEqual(str(council), "Walsall Council")

    def test_absolute_url_is_the_council_page(self):
        council = make_council(slug="walsall")

        self.assertEqual(council.get_absolute_url(), "/councils/walsall/")


class MembershipTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.region = make_region(name="West Midlands")
        cls.council = make_council(name="Walsall Council", region=cls.region)
        cls.review = make_review(host_council=cls.council, title="Walsall peer challenge")
        cls.user = make_user(username="wendy")

    def assert_refused(self, **fields):
        with self.assertRaises(IntegrityError), transaction.atomic():
            Membership.objects.create(user=self.user, **fields)
        self.assertFalse(Membership.objects.exists())

    def test_council_role_with_a_council_is_accepted(self):
        membership = Membership.objects.create(
            user=self.user, role=Role.COUNCIL_EDITOR, council=self.council
        )

        self.assertEqual(membership.scope, self.council)
        self.assertEqual(str(membership), "wendy: Council editor for Walsall Council")
        self.assertEqual(membership.get_absolute_url(), self.council.get_absolute_url())

    def test_council_role_without_a_council_is_refused(self):
        self.assert_refused(role=Role.COUNCIL_EDITOR)

    def test_council_viewer_scoped_to_a_region_is_refused(self):
        self.assert_refused(role=Role.COUNCIL_VIEWER, region=self.region)

    def test_council_role_with_a_council_and_a_region_is_refused(self):
        self.assert_refused(role=Role.COUNCIL_VIEWER, council=self.council, region=self.region)

    def test_regional_lead_without_a_region_is_refused(self):
        self.assert_refused(role=Role.REGIONAL_LEAD)

    def test_regional_lead_scoped_to_a_council_is_refused(self):
        self.assert_refused(role=Role.REGIONAL_LEAD, council=self.council)

    def test_regional_lead_with_a_region_is_accepted(self):
        membership = Membership.objects.create(
            user=self.user, role=Role.REGIONAL_LEAD, region=self.region
        )

        self.assertEqual(membership.scope, self.region)
        self.assertEqual(str(membership), "wendy: Regional lead for West Midlands")

    def test_review_role_without_a_review_is_refused(self):
        self.assert_refused(role=Role.REVIEW_TEAM, council=self.council)

    def test_review_lead_with_a_review_is_accepted(self):
        membership = Membership.objects.create(
            user=self.user, role=Role.REVIEW_LEAD, review=self.review
        )

        self.assertEqual(membership.scope, self.review)
        self.assertEqual(membership.get_absolute_url(), self.review.get_absolute_url())

    def test_the_same_role_twice_for_one_council_is_refused(self):
        Membership.objects.create(user=self.user, role=Role.COUNCIL_VIEWER, council=self.council)

        with self.assertRaises(IntegrityError), transaction.atomic():
            Membership.objects.create(
                user=self.user, role=Role.COUNCIL_VIEWER, council=self.council
            )
        self.assertEqual(Membership.objects.count(), 1)

    def test_validation_explains_the_scope_rule(self):
        membership = Membership(user=self.user, role=Role.REGIONAL_LEAD, council=self.council)

        with self.assertRaises(ValidationError) as raised:
            membership.full_clean()

        self.assertIn("a regional lead a region", str(raised.exception))
