"""The History section of object pages: what changed, from what to what, and who changed it."""

import re
from datetime import date
from html import unescape

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.test import RequestFactory, TestCase

from councils.models import Membership
from improvement_plans.models import ActionStatus, ImprovementPlan, ProgressUpdate, Rag
from recommendations.models import Recommendation
from reviews.models import Finding, Review
from tests.base import councillor_of, editor_of, lead_of, team_member_of
from tests.factories import (
    make_action,
    make_area,
    make_council,
    make_finding,
    make_milestone,
    make_plan,
    make_recommendation,
    make_review,
    make_update,
    make_user,
)

Role = Membership.Role


def history(response):
    """The page's History section as text, one line per entry or change."""
    assert response.status_code == 200, response.status_code
    match = re.search(
        r'<section aria-labelledby="history-heading">(.*?)</section>',
        response.content.decode(),
        re.DOTALL,
    )
    assert match, "The page has no History section"
    section = re.sub(r"<(del|ins)>", "[", match.group(1))
    section = re.sub(r"</(del|ins)>", "]", section)
    text = unescape(re.sub(r"<[^>]+>", " ", section))
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def save_as(obj, user, **changes):
    """Change ``obj`` the way a signed-in person would, so the history records them."""
    for name, value in changes.items():
        setattr(obj, name, value)
    obj._history_user = user
    obj.save()


class HistoryTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council(name="Wirral Council", slug="wirral")
        cls.review = make_review(
            host_council=cls.council,
            title="Adult social care peer challenge",
            status=Review.Status.ISSUED,
            letter_date=date(2024, 4, 15),
        )
        cls.draft_review = make_review(
            host_council=cls.council, title="Draft peer challenge", status=Review.Status.DRAFTING
        )
        cls.recommendation = make_recommendation(
            review=cls.review, response=Recommendation.Response.ACCEPTED
        )
        cls.plan = make_plan(review=cls.review, title="Wirral improvement plan")
        cls.area = make_area(plan=cls.plan, title="Safeguarding")
        cls.action = make_action(
            plan=cls.plan, area=cls.area, title="Audit case files", status=ActionStatus.ON_TRACK
        )
        cls.milestone = make_milestone(
            action=cls.action, text="Audit tool agreed", due_date=date(2024, 5, 31)
        )

        cls.editor = editor_of(cls.council, first_name="Eddie", last_name="Editor")
        cls.viewer = councillor_of(cls.council, first_name="Vera", last_name="Viewer")
        cls.lead = lead_of(cls.review, first_name="Lena", last_name="Lead")
        cls.draft_team = team_member_of(cls.draft_review, first_name="Tom", last_name="Team")
        cls.draft_lead = lead_of(cls.draft_review, first_name="Dana", last_name="Draftlead")

    def page(self, obj, user):
        self.client.force_login(user)
        return self.client.get(obj.get_absolute_url())


class ObjectPageHistoryTests(HistoryTestCase):
    def test_review_page(self):
        save_as(
            self.review,
            self.lead,
            title="Adult social care peer challenge 2024",
            letter_date=date(2024, 4, 22),
        )

        section = history(self.page(self.review, self.viewer))

        self.assertIn("History", section)
        self.assertIn("Changed the review, by Lena Lead", section)
        self.assertIn(
            "Title: [Adult social care peer challenge] changed to → "
            "[Adult social care peer challenge 2024]",
            section,
        )
        self.assertIn("Letter date: [15 April 2024] changed to → [22 April 2024]", section)
        self.assertIn("Created the review, by the system", section)

    def test_recommendation_page(self):
        save_as(
            self.recommendation,
            self.editor,
            response=Recommendation.Response.PARTLY_ACCEPTED,
            response_reason="Part of this is for the NHS.",
        )

        section = history(self.page(self.recommendation, self.viewer))

        self.assertIn("Changed the recommendation, by Eddie Editor", section)
        self.assertIn("Response: [Accepted] changed to → [Partly accepted]", section)
        self.assertIn(
            "Response reason: [(blank)] changed to → [Part of this is for the NHS.]", section
        )

    def test_plan_page(self):
        save_as(self.plan, self.editor, status=ImprovementPlan.Status.CLOSED)
        save_as(self.area, self.editor, title="Safeguarding adults")

        section = history(self.page(self.plan, self.viewer))

        self.assertIn("Changed the plan, by Eddie Editor", section)
        self.assertIn("Status: [Active] changed to → [Closed]", section)
        self.assertIn(f"Changed Improvement Area {self.area.number}, by Eddie Editor", section)
        self.assertIn("Title: [Safeguarding] changed to → [Safeguarding adults]", section)

    def test_action_page(self):
        save_as(self.action, self.editor, status=ActionStatus.AT_RISK, owner_name="Head of QA")

        section = history(self.page(self.action, self.viewer))

        self.assertIn(f"Changed action {self.action.number}, by Eddie Editor", section)
        self.assertIn("Status: [On track] changed to → [At risk]", section)
        self.assertIn("Owner: [Head of safeguarding] changed to → [Head of QA]", section)

    def test_a_milestone_change_shows_on_its_action_page(self):
        save_as(self.milestone, self.editor, done_on=date(2024, 5, 3))

        section = history(self.page(self.action, self.viewer))

        self.assertIn("Changed the milestone “Audit tool agreed”, by Eddie Editor", section)
        self.assertIn("Done on: [(blank)] changed to → [3 May 2024]", section)

    def test_newest_first(self):
        save_as(self.action, self.editor, title="Audit adult case files")
        save_as(self.action, self.lead, title="Audit all adult case files")

        section = history(self.page(self.action, self.viewer))

        self.assertLess(section.index("by Lena Lead"), section.index("by Eddie Editor"))
        self.assertLess(section.index("by Eddie Editor"), section.index("by the system"))

    def test_a_label_keeps_its_capitals(self):
        save_as(self.action, self.editor, rag=Rag.AMBER)

        section = history(self.page(self.action, self.viewer))

        self.assertIn("Self-assessed RAG: [(blank)] changed to → [Amber]", section)


class FindingHistoryTests(HistoryTestCase):
    def test_created_and_deleted_findings_show_on_the_review_page(self):
        finding = Finding(
            review=self.review, kind=Finding.Kind.STRENGTH, text="Carers are well supported"
        )
        finding._history_user = self.lead
        finding.save()
        finding._history_user = self.editor
        finding.delete()

        section = history(self.page(self.review, self.viewer))

        subject = "a strength: “Carers are well supported”"
        self.assertIn(f"Created {subject}, by Lena Lead", section)
        self.assertIn(f"Deleted {subject}, by Eddie Editor", section)

    def test_an_area_for_consideration_reads_correctly(self):
        finding = Finding(
            review=self.review,
            kind=Finding.Kind.AREA_FOR_CONSIDERATION,
            text="Waiting lists for assessments are long",
        )
        finding._history_user = self.lead
        finding.save()

        section = history(self.page(self.review, self.viewer))

        self.assertIn("Created an area for consideration: “Waiting lists", section)

    def test_draft_findings_history_is_for_those_who_may_read_the_draft(self):
        finding = make_finding(review=self.draft_review, text="Confidential draft strength")
        save_as(finding, self.draft_team, text="Confidential draft strength, corrected")

        for user, shown in ((self.draft_team, True), (self.editor, True), (self.viewer, False)):
            with self.subTest(user=user.get_full_name()):
                response = self.page(self.draft_review, user)
                section = history(response)
                self.assertEqual("Confidential draft strength" in section, shown)
                self.assertEqual("by Tom Team" in section, shown)
                self.assertEqual("Confidential draft strength" in response.content.decode(), shown)

    def test_draft_findings_history_appears_for_viewers_once_issued(self):
        finding = make_finding(review=self.draft_review, text="Strength once issued")
        save_as(finding, self.draft_team, text="Strength once issued, corrected")
        Review.objects.filter(pk=self.draft_review.pk).update(status=Review.Status.ISSUED)

        section = history(self.page(self.draft_review, self.viewer))

        self.assertIn(
            "Text: [Strength once issued] changed to → [Strength once issued, corrected]",
            section,
        )

    def test_draft_capacity_to_improve_stays_confidential_in_history(self):
        save_as(
            self.draft_review,
            self.draft_lead,
            capacity_to_improve=Review.CapacityToImprove.POOR,
        )

        response = self.page(self.draft_review, self.viewer)

        page_without_history = response.content.decode().split('id="history-heading"')[0]
        self.assertNotIn("Capacity to improve", page_without_history)
        self.assertNotIn("Capacity to improve", history(response))

    def test_draft_letter_text_stays_confidential_in_history(self):
        save_as(
            self.draft_review,
            self.draft_lead,
            letter_executive_summary="Safeguarding practice is unsafe in places.",
        )

        section = history(self.page(self.draft_review, self.viewer))

        self.assertNotIn("Safeguarding practice is unsafe", section)


class ProgressUpdatesAreNeverEditedTests(HistoryTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.update = make_update(action=cls.action, narrative="Audit tool drafted")
        cls.staff = make_user(is_staff=True, is_superuser=True)

    def test_saving_an_update_again_is_refused(self):
        update = ProgressUpdate.objects.get(pk=self.update.pk)
        update.narrative = "Audit tool drafted and agreed"

        with self.assertRaisesMessage(ValidationError, "never edited"):
            update.save()
        self.assertEqual(
            ProgressUpdate.objects.get(pk=self.update.pk).narrative, "Audit tool drafted"
        )

    def test_the_admin_has_no_change_permission_for_updates(self):
        request = RequestFactory().get("/admin/")
        request.user = self.staff
        model_admin = admin.site._registry[ProgressUpdate]

        self.assertFalse(model_admin.has_change_permission(request, self.update))

    def test_the_admin_refuses_a_posted_change(self):
        self.client.force_login(self.staff)
        url = f"/admin/improvement_plans/progressupdate/{self.update.pk}/change/"

        page = self.client.get(url)
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, 'name="_save"')
        response = self.client.post(url, {"narrative": "Edited", "_save": "Save"})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(
            ProgressUpdate.objects.get(pk=self.update.pk).narrative, "Audit tool drafted"
        )
