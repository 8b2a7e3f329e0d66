"""The annual risk assessment: triggers, the menu of support, the assessment itself, the
support offered after it, and who may do what."""

import re
from datetime import date

from django.test import TestCase
from django.utils import timezone

from councils.models import Membership
from regional.models import (
    AssessmentComment,
    RiskAssessment,
    SupportOffer,
    SupportType,
    Trigger,
    TriggerRating,
)
from sli.tooling.regional_demo import SUPPORT, TRIGGERS, load_regional_demo
from tests.factories import make_council, make_membership, make_region, make_user

Role = Membership.Role


class DemoDataTests(TestCase):
    def test_the_north_west_menus_load_once(self):
        region = make_region(name="North West", slug="north-west")
        load_regional_demo()
        self.assertEqual(Trigger.objects.filter(region=region).count(), len(TRIGGERS))
        self.assertEqual(SupportType.objects.filter(region=region).count(), len(SUPPORT))
        ascof = Trigger.objects.get(region=region, text="ASCOF Measures")
        self.assertEqual(ascof.category, Trigger.Category.OUTCOMES)
        self.assertEqual(ascof.data_source, "NW Performance Leads Group / UMU")
        self.assertEqual(
            set(Trigger.objects.values_list("category", flat=True)), set(Trigger.Category.values)
        )
        self.assertTrue(
            SupportType.objects.filter(tier=SupportType.Tier.TARGETED, name="Coaching").exists()
        )
        self.assertTrue(
            SupportType.objects.filter(
                tier=SupportType.Tier.INTERVENTION, name="Peer 'consultancy'"
            ).exists()
        )
        history = Trigger.history.count()
        load_regional_demo()
        self.assertEqual(Trigger.objects.count(), len(TRIGGERS))
        self.assertEqual(SupportType.objects.count(), len(SUPPORT))
        self.assertEqual(Trigger.history.count(), history, "loading again wrote something")


class RiskWorld(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.north = make_region(name="North", slug="north")
        cls.south = make_region(name="South", slug="south")
        cls.council_a = make_council(name="Council A", slug="council-a", region=cls.north)
        cls.council_b = make_council(name="Council B", slug="council-b", region=cls.north)
        cls.council_c = make_council(name="Council C", slug="council-c", region=cls.south)
        cls.outcomes = Trigger.objects.create(
            region=cls.north, category="outcomes", text="ASCOF Measures", order=1
        )
        cls.finance = Trigger.objects.create(
            region=cls.north, category="resources", text="Financial Concerns", order=2
        )
        cls.coaching = SupportType.objects.create(
            region=cls.north, tier=SupportType.Tier.TARGETED, name="Coaching", order=1
        )
        cls.lead = make_user()
        cls.south_lead = make_user()
        cls.a_editor = make_user()
        cls.a_viewer = make_user()
        cls.b_editor = make_user()
        make_membership(cls.lead, Role.REGIONAL_LEAD, cls.north)
        make_membership(cls.south_lead, Role.REGIONAL_LEAD, cls.south)
        make_membership(cls.a_editor, Role.COUNCIL_EDITOR, cls.council_a)
        make_membership(cls.a_viewer, Role.COUNCIL_VIEWER, cls.council_a)
        make_membership(cls.b_editor, Role.COUNCIL_EDITOR, cls.council_b)

    def assessment(self, **fields):
        return RiskAssessment.objects.create(council=self.council_a, year=2024, **fields)


class TriggerTests(RiskWorld):
    def test_the_lead_adds_rewords_and_retires_a_trigger(self):
        self.client.force_login(self.lead)
        response = self.client.post(
            "/regions/north/triggers/new/",
            {"category": "stakeholders", "text": "Market position", "data_source": "InControl"},
        )
        self.assertRedirects(response, "/regions/north/triggers/")
        added = Trigger.objects.get(text="Market position")
        self.assertEqual((added.region, added.order), (self.north, 3))

        self.client.post(
            f"/triggers/{added.pk}/edit/",
            {"category": "stakeholders", "text": "Market position and sufficiency"},
        )
        added.refresh_from_db()
        self.assertEqual(added.text, "Market position and sufficiency")

        self.client.post(f"/triggers/{added.pk}/retire/")
        added.refresh_from_db()
        self.assertIsNotNone(added.retired_on)
        page = self.client.get("/regions/north/triggers/").content.decode()
        retired_part = page[page.index("Retired triggers") :]
        self.assertIn("Market position and sufficiency", retired_part)

        self.client.post(f"/triggers/{added.pk}/retire/")
        added.refresh_from_db()
        self.assertIsNone(added.retired_on)

    def test_a_trigger_needs_its_wording(self):
        self.client.force_login(self.lead)
        response = self.client.post("/regions/north/triggers/new/", {"category": "outcomes"})
        self.assertContains(response, "Enter the trigger")
        self.assertContains(response, "govuk-error-summary")

    def test_a_retired_trigger_stays_on_a_past_assessment_only(self):
        past = RiskAssessment.objects.create(council=self.council_a, year=2023)
        TriggerRating.objects.create(
            assessment=past, trigger=self.finance, rating="significant", evidence="Deep cuts"
        )
        self.finance.retired_on = date(2024, 4, 1)
        self.finance.save()
        current = self.assessment()
        self.client.force_login(self.lead)
        self.assertContains(self.client.get(past.get_absolute_url()), "Financial Concerns")
        self.assertNotContains(self.client.get(current.get_absolute_url()), "Financial Concerns")
        ratings = self.client.get(f"/risk/{current.pk}/ratings/")
        self.assertEqual(len(ratings.context["formset"].forms), 1)

    def test_others_read_the_triggers_but_do_not_change_them(self):
        self.client.force_login(self.a_editor)
        self.assertEqual(self.client.get("/regions/north/triggers/").status_code, 200)
        self.assertEqual(self.client.get("/regions/north/triggers/new/").status_code, 403)
        self.assertEqual(self.client.post(f"/triggers/{self.finance.pk}/retire/").status_code, 403)
        self.client.force_login(self.south_lead)
        self.assertEqual(self.client.get("/regions/north/triggers/").status_code, 404)
        self.assertEqual(self.client.get(f"/triggers/{self.finance.pk}/edit/").status_code, 404)


class SupportMenuTests(RiskWorld):
    def test_the_lead_adds_and_changes_support(self):
        self.client.force_login(self.lead)
        self.client.post(
            "/regions/north/support/new/",
            {"tier": "self_help", "name": "Buddying", "description": "Via networks"},
        )
        buddying = SupportType.objects.get(name="Buddying")
        self.client.post(f"/support/{buddying.pk}/edit/", {"tier": "self_help", "name": "Buddies"})
        buddying.refresh_from_db()
        self.assertEqual(buddying.name, "Buddies")
        page = self.client.get("/regions/north/support/")
        self.assertContains(page, "Buddies")
        self.assertContains(page, "Targeted support")

    def test_council_editors_read_the_menu_only(self):
        self.client.force_login(self.a_editor)
        self.assertContains(self.client.get("/regions/north/support/"), "Coaching")
        response = self.client.post(f"/support/{self.coaching.pk}/edit/", {"name": "X"})
        self.assertEqual(response.status_code, 403)


class AssessmentFlowTests(RiskWorld):
    def test_a_year_of_assessment_from_start_to_support(self):
        self.client.force_login(self.lead)
        year_page = self.client.get("/regions/north/risk/2024/")
        self.assertContains(year_page, "Council B")
        self.assertContains(year_page, "Not started")

        response = self.client.post("/regions/north/risk/2024/", {"council": self.council_a.pk})
        assessment = RiskAssessment.objects.get(council=self.council_a, year=2024)
        self.assertRedirects(response, assessment.get_absolute_url())

        formset = {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-rating": "some",
            "form-0-evidence": "Delayed transfers of care are rising",
            "form-1-rating": "none",
            "form-1-evidence": "",
        }
        self.client.post(f"/risk/{assessment.pk}/ratings/", formset)
        self.assertEqual(
            dict(assessment.ratings.values_list("trigger__text", "rating")),
            {"ASCOF Measures": "some", "Financial Concerns": "none"},
        )

        response = self.client.post(f"/risk/{assessment.pk}/finalise/", follow=True)
        self.assertContains(response, "Record the discussion with the council before finalising")
        assessment.refresh_from_db()
        self.assertEqual(assessment.status, RiskAssessment.Status.DRAFT)

        self.client.post(
            f"/risk/{assessment.pk}/concern/",
            {"overall_concern": "medium", "reasons": "Rising delays, though budgets hold"},
        )
        self.client.post(
            f"/risk/{assessment.pk}/discussion/",
            {
                "discussed_on_0": "12",
                "discussed_on_1": "5",
                "discussed_on_2": "2024",
                "discussion_notes": "The DASS agreed the delays are the concern",
            },
        )
        assessment.refresh_from_db()
        self.assertEqual(assessment.status, RiskAssessment.Status.DISCUSSED)
        self.assertEqual(assessment.discussed_on, date(2024, 5, 12))

        self.client.post(f"/risk/{assessment.pk}/finalise/")
        assessment.refresh_from_db()
        self.assertEqual(assessment.status, RiskAssessment.Status.FINAL)
        self.assertEqual(assessment.finalised_by, self.lead)
        self.assertEqual(assessment.overall_concern, "medium")
        response = self.client.post(f"/risk/{assessment.pk}/concern/", {"overall_concern": "low"})
        assessment.refresh_from_db()
        self.assertEqual(assessment.overall_concern, "medium", "a final view was changed")

        self.client.post(
            f"/risk/{assessment.pk}/offers/new/",
            {
                "support_type": self.coaching.pk,
                "provider": self.council_b.pk,
                "days": "3",
                "offered_on_0": "1",
                "offered_on_1": "6",
                "offered_on_2": "2024",
            },
        )
        offer = SupportOffer.objects.get()
        self.assertEqual((offer.council, offer.provider), (self.council_a, self.council_b))
        self.assertEqual(offer.status, SupportOffer.Status.OFFERED)

        response = self.client.post(
            f"/risk/offers/{offer.pk}/", {"status": "completed", "days": "3"}
        )
        self.assertContains(response, "Enter the date the support was completed")
        self.client.post(
            f"/risk/offers/{offer.pk}/",
            {
                "status": "completed",
                "days": "3.5",
                "completed_on_0": "30",
                "completed_on_1": "9",
                "completed_on_2": "2024",
            },
        )
        offer.refresh_from_db()
        self.assertEqual(offer.status, SupportOffer.Status.COMPLETED)
        self.assertEqual(offer.completed_on, date(2024, 9, 30))

    def test_rating_evidence_without_a_rating_is_refused(self):
        assessment = self.assessment()
        self.client.force_login(self.lead)
        response = self.client.post(
            f"/risk/{assessment.pk}/ratings/",
            {
                "form-TOTAL_FORMS": "2",
                "form-INITIAL_FORMS": "2",
                "form-0-evidence": "Something",
            },
        )
        self.assertContains(response, "Choose the level of concern for this trigger")
        self.assertFalse(assessment.ratings.exists())

    def test_year_on_year_view(self):
        earlier = RiskAssessment.objects.create(
            council=self.council_a, year=2023, overall_concern="high", status="final"
        )
        TriggerRating.objects.create(assessment=earlier, trigger=self.outcomes, rating="some")
        TriggerRating.objects.create(assessment=earlier, trigger=self.finance, rating="significant")
        SupportOffer.objects.create(
            council=self.council_a,
            assessment=earlier,
            support_type=self.coaching,
            offered_on=date(2023, 7, 1),
            status=SupportOffer.Status.COMPLETED,
        )
        self.assessment(overall_concern="low")
        self.client.force_login(self.a_viewer)
        response = self.client.get("/councils/council-a/risk/")
        rows = list(response.context["assessments"])
        self.assertEqual([a.year for a in rows], [2024, 2023])
        self.assertEqual((rows[1].some, rows[1].significant), (1, 1))
        self.assertContains(response, "Coaching</a>: completed")
        self.assertContains(response, "High")


class AssessmentAccessTests(RiskWorld):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.risk_a = RiskAssessment.objects.create(council=cls.council_a, year=2024)
        cls.risk_b = RiskAssessment.objects.create(council=cls.council_b, year=2024)

    def status(self, user, url, method="get", data=None):
        self.client.logout()
        if user:
            self.client.force_login(user)
        return getattr(self.client, method)(url, data or {}).status_code

    def test_the_regional_lead_edits(self):
        url = f"/risk/{self.risk_a.pk}/"
        for page in ("", "ratings/", "concern/", "discussion/", "offers/new/", "comment/"):
            self.assertEqual(self.status(self.lead, url + page), 200, page)

    def test_another_regions_lead_gets_404(self):
        for page in ("", "ratings/", "comment/"):
            self.assertEqual(self.status(self.south_lead, f"/risk/{self.risk_a.pk}/{page}"), 404)
        self.assertEqual(self.status(self.south_lead, "/councils/council-a/risk/"), 404)
        self.assertEqual(self.status(self.south_lead, "/regions/north/risk/2024/"), 404)

    def test_a_council_editor_comments_on_its_own_assessment_only(self):
        url = f"/risk/{self.risk_a.pk}/comment/"
        response = self.status(self.a_editor, url, "post", {"text": "We disagree on finance"})
        self.assertEqual(response, 302)
        comment = AssessmentComment.objects.get()
        self.assertEqual((comment.assessment, comment.author), (self.risk_a, self.a_editor))
        self.assertEqual(self.status(self.a_editor, f"/risk/{self.risk_a.pk}/ratings/"), 403)
        self.assertEqual(
            self.status(self.a_editor, f"/risk/{self.risk_a.pk}/finalise/", "post"), 403
        )
        self.assertEqual(self.status(self.a_editor, f"/risk/{self.risk_b.pk}/"), 404)
        self.assertEqual(self.status(self.a_editor, f"/risk/{self.risk_b.pk}/comment/"), 404)

    def test_a_council_viewer_reads_but_does_not_comment_or_edit(self):
        self.assertEqual(self.status(self.a_viewer, f"/risk/{self.risk_a.pk}/"), 200)
        self.assertEqual(self.status(self.a_viewer, f"/risk/{self.risk_a.pk}/comment/"), 403)
        self.assertEqual(self.status(self.a_viewer, f"/risk/{self.risk_a.pk}/concern/"), 403)

    def test_the_year_page_shows_a_council_only_its_own(self):
        self.client.force_login(self.a_editor)
        response = self.client.get("/regions/north/risk/2024/")
        self.assertContains(response, "Council A")
        self.assertNotContains(response, "Council B")
        self.assertNotContains(response, "Start an assessment")
        response = self.client.post("/regions/north/risk/2025/", {"council": self.council_a.pk})
        self.assertEqual(response.status_code, 403)

    def test_another_council_gets_404(self):
        self.assertEqual(self.status(self.b_editor, f"/risk/{self.risk_a.pk}/"), 404)
        self.assertEqual(self.status(self.b_editor, "/councils/council-a/risk/"), 404)
        offer = SupportOffer.objects.create(
            council=self.council_a, support_type=self.coaching, offered_on=date(2024, 6, 1)
        )
        self.assertEqual(self.status(self.b_editor, f"/risk/offers/{offer.pk}/"), 404)
        self.assertEqual(self.status(self.a_viewer, f"/risk/offers/{offer.pk}/"), 200)
        self.assertEqual(
            self.status(self.a_editor, f"/risk/offers/{offer.pk}/", "post", {"status": "x"}), 403
        )

    def test_anonymous_visitors_are_sent_to_sign_in(self):
        for url in (
            f"/risk/{self.risk_a.pk}/",
            "/regions/north/triggers/",
            "/regions/north/support/",
            "/regions/north/risk/2024/",
            "/councils/council-a/risk/",
        ):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 302, url)
            self.assertTrue(response["Location"].startswith("/sign-in/"), url)


class YearLinksTests(RiskWorld):
    """A year's page links to the years that have assessments, and to this year (when new
    ones may start), never to empty years in between."""

    def year_links(self, year):
        self.client.force_login(self.lead)
        page = self.client.get(f"/regions/north/risk/{year}/").content.decode()
        return {int(y) for y in re.findall(r'href="/regions/north/risk/(\d+)/"', page)}

    def test_links_skip_years_without_assessments(self):
        this_year = timezone.localdate().year
        RiskAssessment.objects.create(council=self.council_a, year=this_year - 4)
        RiskAssessment.objects.create(council=self.council_b, year=this_year - 2)
        RiskAssessment.objects.create(council=self.council_c, year=this_year - 3)  # South

        self.assertEqual(self.year_links(this_year - 2), {this_year - 4, this_year})
        self.assertEqual(self.year_links(this_year - 4), {this_year - 2})
        self.assertEqual(self.year_links(this_year), {this_year - 2})
