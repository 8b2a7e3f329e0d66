"""An improvement plan through the web forms, as the people who use it.

The council's editor responds to the recommendations of an issued review, starts a plan that
answers it, adds actions and milestones and reports progress with evidence. The review's lead
and the regional lead challenge ratings and verify completions; the review's lead assesses
progress at the progress review. The council's viewer reads; an editor of another council
(the outsider) sees nothing.
"""

import html
import io
import re
import zipfile
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import F
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from councils.models import Membership
from improvement_plans.forms import ActionForm
from improvement_plans.models import (
    Action,
    ActionStatus,
    DueDateChange,
    Evidence,
    ImprovementArea,
    ImprovementPlan,
    ProgressUpdate,
    Rag,
    RatingChallenge,
)
from improvement_plans.services import save_action
from recommendations.models import ProgressAssessment, Recommendation
from reviews.models import Review
from sli.lib.concurrency import EditConflict
from tests.factories import (
    make_action,
    make_area,
    make_council,
    make_membership,
    make_milestone,
    make_plan,
    make_recommendation,
    make_region,
    make_review,
    make_update,
    make_user,
)

Role = Membership.Role
Response = Recommendation.Response

START = date(2025, 4, 1)
DUE = date(2025, 9, 30)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def dates(name, value):
    """A date as the GOV.UK day, month and year boxes post it."""
    return {
        f"{name}_0": str(value.day),
        f"{name}_1": str(value.month),
        f"{name}_2": str(value.year),
    }


def field_error(response, name):
    """The error message shown next to a field (in the page, not only the summary)."""
    match = re.search(rf'id="id_{name}_error">(.*?)</p>', response.content.decode(), re.S)
    if not match:
        return ""
    text = html.unescape(re.sub(r"<[^>]+>", " ", match.group(1)))
    return " ".join(text.replace("Error:", "").split())


def docx_bytes(folder="word/"):
    """A minimal Office package: what makes a .docx a .docx is a ``word/`` part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        package.writestr(f"{folder}document.xml", '<?xml version="1.0"?><document/>')
    return buffer.getvalue()


def streamed(response):
    """The body of a file download. Reading it to the end closes it, as a WSGI server would
    (closing it again would fire request_finished and drop the test's database connection)."""
    return b"".join(response.streaming_content)


class PlanWorld(TestCase):
    """Council A (North) with an issued and a draft review, and a plan answering the issued
    one; Council C (South) is somewhere else entirely."""

    @classmethod
    def setUpTestData(cls):
        cls.today = timezone.localdate()
        north = make_region(name="North")
        cls.council = make_council(name="Council A", region=north)
        other_council = make_council(name="Council C", region=make_region(name="South"))

        cls.issued = make_review(
            host_council=cls.council, title="Peer challenge 2025", status=Review.Status.ISSUED
        )
        cls.rec1 = make_recommendation(
            review=cls.issued, text="Strengthen the safeguarding audit", response=Response.ACCEPTED
        )
        cls.rec2 = make_recommendation(
            review=cls.issued,
            text="Redesign the front door",
            response=Response.PARTLY_ACCEPTED,
            response_reason="The contact centre is out of scope",
        )
        cls.rec2_i = make_recommendation(parent=cls.rec2, text="Map the contacts")
        cls.rec2_ii = make_recommendation(parent=cls.rec2, text="Train the call handlers")
        cls.rec3 = make_recommendation(
            review=cls.issued,
            text="Replace the case management system",
            response=Response.NOT_ACCEPTED,
            response_reason="Procured last year",
        )
        cls.rec4 = make_recommendation(
            review=cls.issued, text="Co-produce the carers' strategy", response=""
        )
        cls.draft = make_review(
            host_council=cls.council, title="Draft inspection", status=Review.Status.DRAFTING
        )
        cls.draft_rec = make_recommendation(review=cls.draft, response="")
        cls.other_review = make_review(host_council=other_council, title="Review of C")

        cls.plan = make_plan(review=cls.issued, title="Adult social care improvement plan")
        cls.action = make_action(
            plan=cls.plan,
            number=1,
            title="Audit safeguarding case files",
            recommendations=[cls.rec1],
            start_date=cls.today - timedelta(days=30),
            due_date=cls.today + timedelta(days=60),
            status=ActionStatus.ON_TRACK,
            rag=Rag.GREEN,
            percent_complete=30,
        )

        cls.editor = make_user(first_name="Erin", last_name="Editor")
        cls.viewer = make_user(first_name="Vic", last_name="Viewer")
        cls.lead = make_user(first_name="Lee", last_name="Lead")
        cls.regional_lead = make_user(first_name="Rae", last_name="Regional")
        cls.outsider = make_user(first_name="Otto", last_name="Outsider")
        make_membership(cls.editor, Role.COUNCIL_EDITOR, cls.council)
        make_membership(cls.viewer, Role.COUNCIL_VIEWER, cls.council)
        make_membership(cls.lead, Role.REVIEW_LEAD, cls.issued)
        make_membership(cls.regional_lead, Role.REGIONAL_LEAD, north)
        make_membership(cls.outsider, Role.COUNCIL_EDITOR, other_council)

    def setUp(self):
        self.client.force_login(self.editor)

    def sign_in(self, user):
        self.client.logout()
        self.client.force_login(user)

    def plan_url(self, name, plan=None):
        return reverse(f"improvement_plans:{name}", args=[(plan or self.plan).pk])

    def action_url(self, name, action=None):
        return reverse(f"improvement_plans:{name}", args=[(action or self.action).pk])

    def action_page(self, action=None):
        response = self.client.get(self.action_url("action", action))
        self.assertEqual(response.status_code, 200)
        return response

    def plan_page(self):
        response = self.client.get(self.plan_url("plan"))
        self.assertEqual(response.status_code, 200)
        return response


class RespondTests(PlanWorld):
    def respond(self, recommendation, **data):
        url = reverse("recommendations:respond", args=[recommendation.pk])
        return self.client.post(url, data)

    def test_editor_sees_the_form(self):
        response = self.client.get(reverse("recommendations:respond", args=[self.rec4.pk]))

        self.assertContains(response, "Respond to recommendation 4")

    def test_accepted_is_saved_without_a_reason(self):
        url = reverse("recommendations:respond", args=[self.rec4.pk])
        data = {"response": Response.ACCEPTED, "response_reason": ""}

        response = self.client.post(url, data, follow=True)

        self.assertRedirects(response, self.rec4.get_absolute_url())
        self.assertContains(response, "The response to recommendation 4 was saved.")
        self.rec4.refresh_from_db()
        self.assertEqual(self.rec4.response, Response.ACCEPTED)

    def test_partly_accepted_needs_a_reason_and_nothing_is_saved(self):
        response = self.respond(self.rec4, response=Response.PARTLY_ACCEPTED, response_reason=" ")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            field_error(response, "response_reason"),
            "Give the reason the recommendation is not fully accepted",
        )
        self.rec4.refresh_from_db()
        self.assertEqual(self.rec4.response, "")

    def test_not_accepted_needs_a_reason_and_nothing_is_saved(self):
        response = self.respond(self.rec4, response=Response.NOT_ACCEPTED)

        self.assertEqual(
            field_error(response, "response_reason"),
            "Give the reason the recommendation is not fully accepted",
        )
        self.rec4.refresh_from_db()
        self.assertEqual(self.rec4.response, "")

    def test_partly_accepted_with_a_reason_is_saved(self):
        self.respond(
            self.rec4,
            response=Response.PARTLY_ACCEPTED,
            response_reason="Carers are consulted, not co-producing",
        )

        self.rec4.refresh_from_db()
        self.assertEqual(self.rec4.response, Response.PARTLY_ACCEPTED)
        self.assertEqual(self.rec4.response_reason, "Carers are consulted, not co-producing")

    def test_a_response_must_be_chosen(self):
        response = self.respond(self.rec4, response_reason="")

        self.assertEqual(field_error(response, "response"), "Choose the council's response")

    def test_viewer_cannot_respond(self):
        self.sign_in(self.viewer)

        response = self.respond(self.rec4, response=Response.ACCEPTED)

        self.assertEqual(response.status_code, 403)
        self.rec4.refresh_from_db()
        self.assertEqual(self.rec4.response, "")

    def test_recommendation_of_a_draft_review_cannot_be_responded_to(self):
        url = reverse("recommendations:respond", args=[self.draft_rec.pk])

        self.assertEqual(self.client.get(url).status_code, 403)
        self.assertEqual(self.respond(self.draft_rec, response=Response.ACCEPTED).status_code, 403)
        self.draft_rec.refresh_from_db()
        self.assertEqual(self.draft_rec.response, "")

    def test_outsider_gets_404(self):
        self.sign_in(self.outsider)

        self.assertEqual(self.respond(self.rec4, response=Response.ACCEPTED).status_code, 404)


class NewPlanTests(PlanWorld):
    def url(self):
        return reverse("improvement_plans:new_plan", args=[self.council.slug])

    def data(self, **overrides):
        data = {
            "title": "Improvement plan 2026",
            **dates("version_date", date(2025, 6, 1)),
            "status": ImprovementPlan.Status.DRAFT,
            "reviews": [self.issued.pk],
        }
        data.update(overrides)
        return data

    def test_only_the_councils_issued_reviews_are_offered(self):
        response = self.client.get(self.url())

        offered = list(response.context["form"].fields["reviews"].queryset)
        self.assertEqual(offered, [self.issued])
        self.assertContains(response, "Peer challenge 2025")
        self.assertNotContains(response, "Draft inspection")
        self.assertNotContains(response, "Review of C")

    def test_editor_creates_a_plan_answering_the_issued_review(self):
        response = self.client.post(self.url(), self.data())

        plan = ImprovementPlan.objects.get(title="Improvement plan 2026")
        self.assertRedirects(response, plan.get_absolute_url())
        self.assertEqual(plan.council, self.council)
        self.assertEqual(plan.version_date, date(2025, 6, 1))
        self.assertEqual(list(plan.reviews.all()), [self.issued])

    def test_a_draft_review_cannot_be_answered(self):
        response = self.client.post(self.url(), self.data(reviews=[self.draft.pk]))

        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].has_error("reviews"))
        self.assertFalse(ImprovementPlan.objects.filter(title="Improvement plan 2026").exists())

    def test_another_councils_review_cannot_be_answered(self):
        self.client.post(self.url(), self.data(reviews=[self.other_review.pk]))

        self.assertFalse(ImprovementPlan.objects.filter(title="Improvement plan 2026").exists())

    def test_title_is_needed(self):
        response = self.client.post(self.url(), self.data(title=""))

        self.assertEqual(field_error(response, "title"), "Enter the title of the plan")

    def test_viewer_cannot_create_a_plan(self):
        self.sign_in(self.viewer)

        self.assertEqual(self.client.post(self.url(), self.data()).status_code, 403)
        self.assertFalse(ImprovementPlan.objects.filter(title="Improvement plan 2026").exists())

    def test_outsider_gets_404(self):
        self.sign_in(self.outsider)

        self.assertEqual(self.client.get(self.url()).status_code, 404)


class StartAreasTests(PlanWorld):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.new_plan = make_plan(review=cls.issued, title="Fresh plan")

    def start(self):
        return self.client.post(self.plan_url("start_areas", self.new_plan))

    def test_one_area_per_accepted_or_partly_accepted_top_level_recommendation(self):
        response = self.start()

        self.assertRedirects(response, self.new_plan.get_absolute_url())
        areas = ImprovementArea.objects.filter(plan=self.new_plan).order_by("number")
        self.assertEqual(
            [(a.number, a.title, list(a.recommendations.all())) for a in areas],
            [
                (1, "Strengthen the safeguarding audit", [self.rec1]),
                (2, "Redesign the front door", [self.rec2]),
            ],
        )

    def test_the_plan_page_says_how_many_were_added_and_shows_them(self):
        response = self.client.post(self.plan_url("start_areas", self.new_plan), follow=True)

        self.assertContains(response, "2 improvement areas added, one per accepted recommendation.")
        self.assertContains(response, "Improvement Area 1 – Strengthen the safeguarding audit")
        self.assertContains(response, "Improvement Area 2 – Redesign the front door")

    def test_a_second_press_adds_nothing(self):
        self.start()

        response = self.client.post(self.plan_url("start_areas", self.new_plan), follow=True)

        self.assertEqual(ImprovementArea.objects.filter(plan=self.new_plan).count(), 2)
        self.assertContains(response, "Every accepted recommendation already has an improvement")

    def test_a_newly_accepted_recommendation_is_added_after_the_others(self):
        self.start()
        Recommendation.objects.filter(pk=self.rec4.pk).update(response=Response.ACCEPTED)

        self.start()

        area = ImprovementArea.objects.get(plan=self.new_plan, recommendations=self.rec4)
        self.assertEqual(area.number, 3)

    def test_an_area_without_a_recommendation_does_not_stop_the_others(self):
        make_area(plan=self.new_plan, number=1, title="Workforce")

        self.start()

        areas = ImprovementArea.objects.filter(plan=self.new_plan).order_by("number")
        self.assertEqual(
            [a.title for a in areas],
            ["Workforce", "Strengthen the safeguarding audit", "Redesign the front door"],
        )

    def test_viewer_cannot_start_areas(self):
        self.sign_in(self.viewer)

        self.assertEqual(self.start().status_code, 403)
        self.assertFalse(ImprovementArea.objects.filter(plan=self.new_plan).exists())


class NewActionTests(PlanWorld):
    def post(self, **overrides):
        data = {
            "number": "2",
            "area": "",
            "title": "Train call handlers",
            "recommendation_numbers": "1, 2(ii)",
            "how": "Two sessions a month",
            "expected_evidence": "Fewer inappropriate referrals",
            "owner_name": "Head of the front door",
            "owner_user": "",
            "measure_description": "Protection plans reviewed within 28 days",
            "measure_baseline": "45",
            "measure_target": "70",
            "measure_unit": "%",
            **dates("start_date", START),
            **dates("due_date", DUE),
        }
        data.update(overrides)
        return self.client.post(self.plan_url("new_action"), data)

    def assertNothingSaved(self):
        self.assertEqual(list(Action.objects.filter(plan=self.plan)), [self.action])

    def test_the_form_suggests_the_next_number(self):
        response = self.client.get(self.plan_url("new_action"))

        self.assertEqual(response.context["form"]["number"].value(), 2)
        self.assertContains(response, 'name="number" value="2"')

    def test_editor_adds_an_action_linked_to_recommendations(self):
        response = self.post()

        action = Action.objects.get(plan=self.plan, number=2)
        self.assertRedirects(response, action.get_absolute_url())
        self.assertEqual(set(action.recommendations.all()), {self.rec1, self.rec2_ii})
        self.assertEqual((action.start_date, action.due_date), (START, DUE))
        self.assertEqual(action.original_due_date, DUE)
        self.assertEqual(action.measure, "70% Protection plans reviewed within 28 days")
        self.assertEqual(action.version, 1)
        page = self.action_page(action)
        self.assertContains(page, "Recommendation 2(ii)")
        self.assertContains(page, "70% Protection plans reviewed within 28 days")

    def test_numbers_may_be_written_with_the_word_and_spaces(self):
        self.post(recommendation_numbers="Recommendation 1,2 (II)")

        action = Action.objects.get(plan=self.plan, number=2)
        self.assertEqual(set(action.recommendations.all()), {self.rec1, self.rec2_ii})

    def test_unknown_recommendation_number(self):
        response = self.post(recommendation_numbers="1, 9")

        self.assertEqual(
            field_error(response, "recommendation_numbers"),
            "There is no recommendation 9 in the reviews this plan answers",
        )
        self.assertNothingSaved()

    def test_garbage_is_not_a_recommendation_number(self):
        response = self.post(recommendation_numbers="x")

        self.assertEqual(
            field_error(response, "recommendation_numbers"),
            "“x” is not a recommendation number: write them like 3, 16(ii)",
        )
        self.assertNothingSaved()

    def test_a_draft_reviews_recommendation_cannot_be_linked(self):
        number = str(self.draft_rec.number + 10)
        Recommendation.objects.filter(pk=self.draft_rec.pk).update(number=number)

        response = self.post(recommendation_numbers=number)

        self.assertIn("There is no recommendation", field_error(response, "recommendation_numbers"))
        self.assertNothingSaved()

    def test_due_before_start(self):
        response = self.post(**dates("due_date", START - timedelta(days=1)))

        self.assertEqual(
            field_error(response, "due_date"), "The due date must be on or after the start date"
        )
        self.assertNothingSaved()

    def test_duplicate_action_number(self):
        response = self.post(number="1")

        self.assertEqual(
            field_error(response, "number"),
            "Action 1 already exists in this plan: use another number",
        )
        self.assertNothingSaved()

    def test_missing_title_and_dates(self):
        response = self.post(title="", start_date_0="", start_date_1="", start_date_2="")

        self.assertEqual(field_error(response, "title"), "Enter a short name for the action")
        self.assertEqual(field_error(response, "start_date"), "Enter the start date")
        self.assertNothingSaved()

    def test_a_date_that_is_not_real(self):
        response = self.post(due_date_0="31", due_date_1="2", due_date_2="2025")

        self.assertEqual(field_error(response, "due_date"), "The due date must be a real date")
        self.assertNothingSaved()

    def test_a_date_missing_its_year_says_so(self):
        response = self.post(due_date_2="")

        self.assertEqual(field_error(response, "due_date"), "The due date must include a year")
        self.assertNothingSaved()

    def test_viewer_cannot_add_an_action(self):
        self.sign_in(self.viewer)

        self.assertEqual(self.post().status_code, 403)
        self.assertNothingSaved()


def edit_data(action, **overrides):
    """The edit form as it was loaded for ``action``."""
    data = {
        "number": str(action.number),
        "area": action.area_id or "",
        "title": action.title,
        "recommendation_numbers": ", ".join(r.label for r in action.recommendations.all()),
        "how": action.how,
        "expected_evidence": action.expected_evidence,
        "owner_name": action.owner_name,
        "owner_user": action.owner_user_id or "",
        "measure_description": action.measure_description,
        "measure_baseline": action.measure_baseline,
        "measure_target": action.measure_target,
        "measure_unit": action.measure_unit,
        **dates("start_date", action.start_date),
        **dates("due_date", action.due_date),
        "due_date_reason": "",
        "version": str(action.version),
    }
    data.update(overrides)
    return data


class DueDateChangeTests(PlanWorld):
    def move_due_date(self, new_due, reason="", version=None):
        data = edit_data(self.action, **dates("due_date", new_due), due_date_reason=reason)
        if version is not None:
            data["version"] = str(version)
        return self.client.post(self.action_url("edit_action"), data)

    def test_moving_the_due_date_needs_a_reason(self):
        first_due = self.action.due_date

        response = self.move_due_date(first_due + timedelta(days=30))

        self.assertEqual(field_error(response, "due_date_reason"), "Say why the due date is moving")
        self.action.refresh_from_db()
        self.assertEqual((self.action.due_date, self.action.version), (first_due, 1))
        self.assertFalse(DueDateChange.objects.exists())

    def test_a_moved_due_date_is_recorded_and_the_first_kept(self):
        first_due = self.action.due_date
        new_due = first_due + timedelta(days=30)

        response = self.move_due_date(new_due, reason="  Auditors not appointed until May ")

        self.assertRedirects(response, self.action.get_absolute_url())
        change = DueDateChange.objects.get(action=self.action)
        self.assertEqual(
            (change.previous_due_date, change.new_due_date, change.reason, change.changed_by),
            (first_due, new_due, "Auditors not appointed until May", self.editor),
        )
        self.action.refresh_from_db()
        self.assertEqual(self.action.due_date, new_due)
        self.assertEqual(self.action.original_due_date, first_due)
        self.assertTrue(self.action.is_rebaselined)
        self.assertEqual(self.action.version, 2)

    def test_action_and_plan_pages_show_the_rebaselining(self):
        first_due = self.action.due_date
        self.move_due_date(first_due + timedelta(days=30), reason="Auditors late")

        action_page = self.action_page()
        self.assertContains(action_page, f"first agreed {first_due:%-d %B %Y}; moved 1 time)")
        self.assertContains(action_page, "Re-baselined 1 time<")
        self.assertContains(action_page, "Auditors late")
        plan_page = self.plan_page()
        self.assertContains(plan_page, f"first agreed {first_due:%-d %b %Y}")
        self.assertContains(plan_page, "Re-baselined 1 time<")

    def test_a_second_move_counts_twice_and_keeps_the_first_date(self):
        first_due = self.action.due_date
        self.move_due_date(first_due + timedelta(days=30), reason="Auditors late")
        self.action.refresh_from_db()

        response = self.move_due_date(
            first_due + timedelta(days=45), reason="Audit tool changed", version=2
        )

        self.assertRedirects(response, self.action.get_absolute_url())
        self.action.refresh_from_db()
        self.assertEqual(self.action.original_due_date, first_due)
        self.assertEqual(
            list(DueDateChange.objects.values_list("previous_due_date", "new_due_date")),
            [
                (first_due, first_due + timedelta(days=30)),
                (first_due + timedelta(days=30), first_due + timedelta(days=45)),
            ],
        )
        self.assertContains(self.action_page(), "Re-baselined 2 times")
        self.assertContains(self.plan_page(), "Re-baselined 2 times")

    def test_other_changes_record_no_due_date_change(self):
        response = self.client.post(
            self.action_url("edit_action"), edit_data(self.action, title="Audit every case file")
        )

        self.assertRedirects(response, self.action.get_absolute_url())
        self.action.refresh_from_db()
        self.assertEqual(self.action.title, "Audit every case file")
        self.assertEqual(self.action.version, 2)
        self.assertFalse(DueDateChange.objects.exists())
        self.assertNotContains(self.action_page(), "Re-baselined")

    def test_viewer_cannot_edit(self):
        self.sign_in(self.viewer)

        response = self.move_due_date(self.action.due_date + timedelta(days=1), reason="No")

        self.assertEqual(response.status_code, 403)
        self.assertFalse(DueDateChange.objects.exists())


class OptimisticLockingTests(PlanWorld):
    CONFLICT = "Someone else saved a change while you were editing"

    def open_then_change_elsewhere(self):
        """Load the edit form, then someone else saves the action."""
        loaded = self.client.get(self.action_url("edit_action"))
        version = loaded.context["form"]["version"].value()
        Action.objects.filter(pk=self.action.pk).update(
            title="Changed elsewhere", version=F("version") + 1
        )
        return version

    def test_the_form_carries_the_version_it_was_loaded_with(self):
        response = self.client.get(self.action_url("edit_action"))

        self.assertEqual(response.context["form"]["version"].value(), 1)
        self.assertContains(response, 'name="version" value="1"')

    def test_a_stale_form_is_refused_and_nothing_saved(self):
        version = self.open_then_change_elsewhere()

        response = self.client.post(
            self.action_url("edit_action"),
            edit_data(
                self.action,
                title="My change",
                version=version,
                **dates("due_date", self.action.due_date + timedelta(days=7)),
                due_date_reason="Holidays",
            ),
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, self.CONFLICT)
        self.action.refresh_from_db()
        self.assertEqual((self.action.title, self.action.version), ("Changed elsewhere", 2))
        self.assertFalse(DueDateChange.objects.exists())

    def test_a_fresh_form_after_the_change_saves(self):
        self.open_then_change_elsewhere()
        self.action.refresh_from_db()

        response = self.client.post(
            self.action_url("edit_action"), edit_data(self.action, title="My change")
        )

        self.assertRedirects(response, self.action.get_absolute_url())
        self.action.refresh_from_db()
        self.assertEqual((self.action.title, self.action.version), ("My change", 3))

    def test_a_change_between_checking_and_saving_is_caught_too(self):
        form = ActionForm(
            edit_data(self.action, title="My change"), instance=self.action, plan=self.plan
        )
        self.assertTrue(form.is_valid(), form.errors)
        Action.objects.filter(pk=self.action.pk).update(
            title="Changed elsewhere", version=F("version") + 1
        )

        with self.assertRaises(EditConflict):
            save_action(form=form, by=self.editor)

        self.action.refresh_from_db()
        self.assertEqual((self.action.title, self.action.version), ("Changed elsewhere", 2))

    def test_the_form_shown_after_a_conflict_can_be_sent_again(self):
        version = self.open_then_change_elsewhere()
        data = edit_data(self.action, title="My change", version=version)
        conflict = self.client.post(self.action_url("edit_action"), data)

        resent = {**data, "version": conflict.context["form"]["version"].value()}
        response = self.client.post(self.action_url("edit_action"), resent)

        self.assertRedirects(response, self.action.get_absolute_url())

    def test_the_other_persons_changes_are_shown_after_a_conflict(self):
        version = self.open_then_change_elsewhere()

        response = self.client.post(
            self.action_url("edit_action"),
            edit_data(self.action, title="My change", version=version),
        )

        self.assertContains(response, "What changed since you opened the form")
        self.assertContains(response, "Changed elsewhere")
        # The form holds the person's own change, ready to send again.
        self.assertEqual(response.context["form"]["title"].value(), "My change")
        self.assertEqual(response.context["form"]["version"].value(), 2)


class MilestoneTests(PlanWorld):
    def formset_data(self, rows):
        data = {
            "milestones-TOTAL_FORMS": str(len(rows)),
            "milestones-INITIAL_FORMS": "0",
            "milestones-MIN_NUM_FORMS": "0",
            "milestones-MAX_NUM_FORMS": "1000",
        }
        for i, (text, due) in enumerate(rows):
            data[f"milestones-{i}-text"] = text
            data.update(dates(f"milestones-{i}-due_date", due))
            data.update({f"milestones-{i}-done_on_{n}": "" for n in range(3)})
        return data

    def test_editor_adds_two_milestones(self):
        first, second = self.today + timedelta(days=10), self.today + timedelta(days=40)

        response = self.client.post(
            self.action_url("milestones"),
            self.formset_data([("Audit tool agreed", first), ("First audit done", second)]),
        )

        self.assertRedirects(response, self.action.get_absolute_url())
        self.assertEqual(
            list(self.action.milestones.values_list("text", "due_date", "done_on")),
            [("Audit tool agreed", first, None), ("First audit done", second, None)],
        )
        page = self.action_page()
        self.assertContains(page, "Audit tool agreed")
        self.assertContains(page, "Not yet")
        self.assertNotContains(page, "Missed")

    def test_an_empty_extra_row_is_left_out(self):
        data = self.formset_data([("Audit tool agreed", self.today), ("", self.today)])
        data.update({f"milestones-1-due_date_{n}": "" for n in range(3)})

        self.client.post(self.action_url("milestones"), data)

        self.assertEqual(self.action.milestones.count(), 1)

    def test_a_milestone_needs_its_text(self):
        data = self.formset_data([("", self.today)])

        response = self.client.post(self.action_url("milestones"), data)

        self.assertContains(response, "Enter what the milestone is")
        self.assertFalse(self.action.milestones.exists())

    def test_past_due_and_not_done_is_shown_missed(self):
        make_milestone(action=self.action, text="Audit tool agreed", due_date=self.today)
        make_milestone(
            action=self.action, text="Policy signed off", due_date=self.today - timedelta(days=1)
        )

        page = self.action_page()

        self.assertContains(page, '<strong class="sli-flag">Missed</strong>', count=1)
        self.assertContains(page, "Milestone missed")
        self.assertContains(self.plan_page(), "Milestone missed")

    def test_past_due_but_done_is_not_missed(self):
        make_milestone(
            action=self.action,
            due_date=self.today - timedelta(days=5),
            done_on=self.today - timedelta(days=6),
        )

        page = self.action_page()

        self.assertNotContains(page, "Missed")
        self.assertNotContains(page, "Milestone missed")

    def test_viewer_cannot_change_milestones(self):
        self.sign_in(self.viewer)

        response = self.client.post(
            self.action_url("milestones"), self.formset_data([("Sneaky", self.today)])
        )

        self.assertEqual(response.status_code, 403)
        self.assertFalse(self.action.milestones.exists())


def update_data(**overrides):
    data = {
        "status": ActionStatus.AT_RISK,
        "rag": Rag.AMBER,
        "percent_complete": "40",
        "narrative": "Half the teams audited",
        "measure_reading": "",
        "completion_evidence": "",
        "evidence_link": "",
        "evidence_description": "",
    }
    data.update(overrides)
    return data


class ProgressUpdateTests(PlanWorld):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tool = make_milestone(
            action=cls.action, text="Audit tool agreed", due_date=cls.today + timedelta(days=5)
        )
        cls.first_audit = make_milestone(
            action=cls.action, text="First audit", due_date=cls.today + timedelta(days=20)
        )

    def update(self, **overrides):
        return self.client.post(self.action_url("update"), update_data(**overrides))

    def test_the_form_starts_from_the_actions_state(self):
        form = self.client.get(self.action_url("update")).context["form"]

        self.assertEqual(form["status"].value(), ActionStatus.ON_TRACK)
        self.assertEqual(form["rag"].value(), Rag.GREEN)
        self.assertEqual(form["percent_complete"].value(), 30)

    def test_an_update_is_recorded_and_carried_to_the_action(self):
        response = self.update(milestones_done=[self.tool.pk])

        self.assertRedirects(response, self.action.get_absolute_url())
        update = ProgressUpdate.objects.get(action=self.action)
        self.assertEqual(
            (update.author, update.date, update.status, update.rag, update.percent_complete),
            (self.editor, self.today, ActionStatus.AT_RISK, Rag.AMBER, 40),
        )
        self.assertEqual(update.narrative, "Half the teams audited")
        self.action.refresh_from_db()
        self.assertEqual(
            (self.action.status, self.action.rag, self.action.percent_complete),
            (ActionStatus.AT_RISK, Rag.AMBER, 40),
        )
        self.assertEqual(self.action.version, 2)

    def test_chosen_milestones_are_ticked_done_today(self):
        self.update(milestones_done=[self.tool.pk])

        self.tool.refresh_from_db()
        self.first_audit.refresh_from_db()
        self.assertEqual(self.tool.done_on, self.today)
        self.assertIsNone(self.first_audit.done_on)

    def test_done_milestones_are_no_longer_offered(self):
        self.update(milestones_done=[self.tool.pk])

        form = self.client.get(self.action_url("update")).context["form"]

        self.assertEqual(list(form.fields["milestones_done"].queryset), [self.first_audit])

    def test_another_actions_milestone_cannot_be_ticked(self):
        other = make_milestone(action=make_action(plan=self.plan))

        response = self.update(milestones_done=[other.pk])

        self.assertTrue(response.context["form"].has_error("milestones_done"))
        other.refresh_from_db()
        self.assertIsNone(other.done_on)
        self.assertFalse(ProgressUpdate.objects.exists())

    def test_percent_must_be_0_to_100(self):
        response = self.update(percent_complete="101")

        self.assertEqual(
            field_error(response, "percent_complete"), "Enter a percentage between 0 and 100"
        )
        self.assertFalse(ProgressUpdate.objects.exists())

    def test_rag_and_status_are_needed(self):
        response = self.update(status="", rag="")

        self.assertEqual(field_error(response, "status"), "Choose the status")
        self.assertEqual(field_error(response, "rag"), "Choose a RAG rating")

    def test_completed_needs_evidence_of_improvement_and_100_percent(self):
        response = self.update(status=ActionStatus.COMPLETED, rag=Rag.GREEN, percent_complete="90")

        self.assertEqual(
            field_error(response, "completion_evidence"),
            "Describe the evidence of improvement that shows the action is complete",
        )
        self.assertEqual(
            field_error(response, "percent_complete"), "A completed action is 100% complete"
        )
        self.assertFalse(ProgressUpdate.objects.exists())
        self.action.refresh_from_db()
        self.assertEqual(self.action.status, ActionStatus.ON_TRACK)

    def test_completed_with_evidence_and_100_percent(self):
        self.update(
            status=ActionStatus.COMPLETED,
            rag=Rag.GREEN,
            percent_complete="100",
            completion_evidence="Audit shows 92% of plans reviewed in time",
        )

        self.action.refresh_from_db()
        self.assertEqual(self.action.status, ActionStatus.COMPLETED)
        page = self.action_page()
        self.assertContains(page, "Audit shows 92% of plans reviewed in time")
        self.assertContains(page, "Completion not verified yet")

    def test_updates_are_listed_newest_first_and_the_earlier_ones_stay(self):
        make_update(
            action=self.action,
            date=self.today - timedelta(days=14),
            narrative="Audit tool drafted",
        )
        self.update(narrative="Audit tool in use")
        self.update(narrative="Two teams audited", percent_complete="45")

        narratives = list(
            ProgressUpdate.objects.filter(action=self.action).values_list("narrative", flat=True)
        )
        self.assertEqual(
            narratives, ["Two teams audited", "Audit tool in use", "Audit tool drafted"]
        )
        page = self.action_page().content.decode()
        positions = [page.index(text) for text in narratives]
        self.assertEqual(positions, sorted(positions))
        self.assertIn("(latest)", page[: positions[1]])

    def test_measure_readings_appear_over_time(self):
        Action.objects.filter(pk=self.action.pk).update(
            measure_description="Plans reviewed within 28 days",
            measure_target="70",
            measure_unit="%",
        )
        make_update(action=self.action, date=self.today - timedelta(days=30), measure_reading="48%")
        self.update(measure_reading="55%")

        page = self.action_page()

        self.assertContains(page, "Measure over time")
        html = page.content.decode()
        table = html[html.index("Measure over time") :]
        self.assertLess(table.index("48%"), table.index("55%"))
        self.assertContains(page, "70%</td>", count=2)

    def test_without_readings_there_is_no_measure_table(self):
        self.update()

        self.assertNotContains(self.action_page(), "Measure over time")

    def test_viewer_cannot_update(self):
        self.sign_in(self.viewer)

        self.assertEqual(self.update().status_code, 403)
        self.assertFalse(ProgressUpdate.objects.exists())


class EvidenceTests(PlanWorld):
    def upload(self, name, content, description="Audit report to DMT, September 2025"):
        upload = SimpleUploadedFile(name, content)
        return self.client.post(
            self.action_url("update"),
            update_data(evidence_file=upload, evidence_description=description),
        )

    def assertRefused(self, response, message):
        self.assertEqual(response.status_code, 200)
        self.assertEqual(field_error(response, "evidence_file"), message)
        self.assertFalse(ProgressUpdate.objects.exists())
        self.assertFalse(Evidence.objects.exists())

    def test_a_link_with_its_description(self):
        self.client.post(
            self.action_url("update"),
            update_data(
                evidence_link="https://example.gov.uk/audit",
                evidence_description="Audit report to DMT",
            ),
        )

        evidence = Evidence.objects.get()
        self.assertEqual(
            (evidence.update.action, evidence.link, evidence.description, evidence.file.name),
            (self.action, "https://example.gov.uk/audit", "Audit report to DMT", ""),
        )
        self.assertContains(self.action_page(), 'href="https://example.gov.uk/audit"')

    def test_evidence_without_a_description_is_refused(self):
        response = self.client.post(
            self.action_url("update"), update_data(evidence_link="https://example.gov.uk/audit")
        )

        self.assertEqual(field_error(response, "evidence_description"), "Say what the evidence is")
        self.assertFalse(ProgressUpdate.objects.exists())

    def test_a_file_without_a_description_is_refused(self):
        response = self.upload("audit.pdf", PDF, description="")

        self.assertEqual(field_error(response, "evidence_description"), "Say what the evidence is")
        self.assertFalse(Evidence.objects.exists())

    def test_a_file_and_a_link_together_are_refused(self):
        response = self.client.post(
            self.action_url("update"),
            update_data(
                evidence_file=SimpleUploadedFile("audit.pdf", PDF),
                evidence_link="https://example.gov.uk/audit",
                evidence_description="Audit",
            ),
        )

        self.assertEqual(field_error(response, "evidence_link"), "Give a file or a link, not both")
        self.assertFalse(Evidence.objects.exists())

    def test_a_real_pdf_is_kept_and_downloadable_by_a_viewer(self):
        response = self.upload("audit.pdf", PDF)

        self.assertRedirects(response, self.action.get_absolute_url())
        evidence = Evidence.objects.get()
        self.assertEqual(evidence.description, "Audit report to DMT, September 2025")
        self.assertEqual(evidence.link, "")
        url = reverse("improvement_plans:evidence", args=[evidence.pk])
        self.assertContains(self.action_page(), f'href="{url}"')
        self.sign_in(self.viewer)
        download = self.client.get(url)
        self.assertEqual(download.status_code, 200)
        self.assertTrue(download["Content-Disposition"].startswith("attachment;"))
        self.assertEqual(streamed(download), PDF)

    def test_an_outsider_cannot_download_it(self):
        self.upload("audit.pdf", PDF)
        url = reverse("improvement_plans:evidence", args=[Evidence.objects.get().pk])
        self.sign_in(self.outsider)

        self.assertEqual(self.client.get(url).status_code, 404)

    def test_a_program_called_pdf_is_refused(self):
        response = self.upload("audit.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 64)

        self.assertRefused(
            response,
            "The file is called .pdf but is not a PDF: check it and upload it again",
        )

    def test_an_exe_is_refused(self):
        response = self.upload("setup.exe", b"MZ\x90\x00" + b"\x00" * 64)

        self.assertRefused(
            response, "The file must be a PDF, Word document, Excel workbook or image"
        )

    def test_a_file_without_an_extension_is_refused(self):
        response = self.upload("audit", PDF)

        self.assertRefused(
            response, "The file must be a PDF, Word document, Excel workbook or image"
        )

    def test_an_11_mb_file_is_refused(self):
        response = self.upload("big.pdf", b"%PDF-1.4\n" + b"0" * (11 * 1024 * 1024))

        self.assertRefused(response, "The file must be smaller than 10 MB")

    def test_a_real_docx_is_accepted(self):
        # Built once: a zip records the time it was written, so two builds can differ.
        content = docx_bytes()
        response = self.upload("Audit report.docx", content)

        self.assertRedirects(response, self.action.get_absolute_url())
        evidence = Evidence.objects.get()
        self.assertTrue(evidence.file.name.endswith(".docx"))
        with evidence.file.open("rb") as stored:
            self.assertEqual(stored.read(), content)

    def test_a_zip_renamed_docx_without_word_part_is_refused(self):
        response = self.upload("Audit report.docx", docx_bytes(folder="other/"))

        self.assertRefused(
            response,
            "The file is called .docx but is not a Word document: check it and upload it again",
        )

    def test_a_plain_zip_renamed_docx_is_refused(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as package:
            package.writestr("word/document.xml", "<document/>")

        response = self.upload("Audit report.docx", buffer.getvalue())

        self.assertRefused(
            response,
            "The file is called .docx but is not a Word document: check it and upload it again",
        )


class QuickUpdateTests(PlanWorld):
    def quick(self, **data):
        return self.client.post(self.plan_url("quick_update"), data)

    def test_the_plan_page_offers_the_quick_update(self):
        page = self.plan_page()

        self.assertContains(page, "Quick update of an action")
        self.assertContains(page, "Action 1: Audit safeguarding case files")

    def test_a_quick_update_is_recorded_and_returns_to_the_plan(self):
        response = self.quick(
            action=self.action.pk,
            status=ActionStatus.OFF_TRACK,
            rag=Rag.RED,
            percent_complete="35",
            narrative="Auditor off sick",
        )

        self.assertRedirects(response, self.plan.get_absolute_url() + "#action-1")
        update = ProgressUpdate.objects.get(action=self.action)
        self.assertEqual(
            (update.author, update.date, update.status, update.rag, update.percent_complete),
            (self.editor, self.today, ActionStatus.OFF_TRACK, Rag.RED, 35),
        )
        self.assertEqual(update.narrative, "Auditor off sick")
        self.action.refresh_from_db()
        self.assertEqual((self.action.status, self.action.rag), (ActionStatus.OFF_TRACK, Rag.RED))
        self.assertContains(self.plan_page(), "35%")

    def test_without_an_action_it_says_to_choose_one(self):
        data = {"action": "", "status": ActionStatus.ON_TRACK, "rag": Rag.GREEN}

        response = self.client.post(self.plan_url("quick_update"), data, follow=True)

        self.assertRedirects(response, self.plan.get_absolute_url())
        self.assertContains(response, "Choose the action to update")
        self.assertFalse(ProgressUpdate.objects.exists())

    def test_a_closed_action_cannot_be_chosen(self):
        done = make_action(plan=self.plan, status=ActionStatus.COMPLETED, percent_complete=100)

        self.quick(
            action=done.pk, status=ActionStatus.ON_TRACK, rag=Rag.GREEN, percent_complete="1"
        )

        self.assertFalse(ProgressUpdate.objects.exists())
        done.refresh_from_db()
        self.assertEqual(done.status, ActionStatus.COMPLETED)

    def test_invalid_data_shows_the_update_page_with_the_errors(self):
        response = self.quick(
            action=self.action.pk, status=ActionStatus.ON_TRACK, rag="", percent_complete="140"
        )

        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "improvement_plans/update_form.html")
        self.assertEqual(field_error(response, "rag"), "Choose a RAG rating")
        self.assertEqual(
            field_error(response, "percent_complete"), "Enter a percentage between 0 and 100"
        )
        self.assertContains(response, '<input type="hidden" name="next" value="plan">')
        self.assertFalse(ProgressUpdate.objects.exists())

    def test_the_corrected_form_returns_to_the_plan(self):
        response = self.client.post(
            self.action_url("update"), update_data(next="plan", percent_complete="45")
        )

        self.assertRedirects(response, self.plan.get_absolute_url())

    def test_viewer_cannot_quick_update(self):
        self.sign_in(self.viewer)

        response = self.quick(
            action=self.action.pk, status=ActionStatus.ON_TRACK, rag=Rag.GREEN, percent_complete="1"
        )

        self.assertEqual(response.status_code, 403)
        self.assertFalse(ProgressUpdate.objects.exists())


class ChallengeTests(PlanWorld):
    def challenge(self, comment="Green looks generous with no audit yet"):
        return self.client.post(self.action_url("challenge"), {"comment": comment})

    def test_review_lead_challenges_the_rating(self):
        self.sign_in(self.lead)

        response = self.challenge()

        challenge = RatingChallenge.objects.get()
        self.assertRedirects(response, challenge.get_absolute_url(), fetch_redirect_response=False)
        self.assertEqual(
            (challenge.action, challenge.raised_by, challenge.rag_challenged, challenge.comment),
            (self.action, self.lead, Rag.GREEN, "Green looks generous with no audit yet"),
        )
        self.assertEqual(challenge.answer, "")

    def test_regional_lead_challenges_the_rating(self):
        self.sign_in(self.regional_lead)

        self.challenge()

        self.assertEqual(RatingChallenge.objects.get().raised_by, self.regional_lead)

    def test_a_challenge_needs_a_comment(self):
        self.sign_in(self.lead)

        response = self.challenge(comment="")

        self.assertEqual(field_error(response, "comment"), "Say why you are challenging the rating")
        self.assertFalse(RatingChallenge.objects.exists())

    def test_the_challenge_is_flagged_on_the_action_and_plan_pages(self):
        self.sign_in(self.lead)
        self.challenge()

        action_page = self.action_page()
        self.assertContains(action_page, "Rating challenged")
        self.assertContains(action_page, "Lee Lead challenged the Green rating")
        self.assertContains(self.plan_page(), "Rating challenged")

    def test_the_council_answers_and_the_flag_goes(self):
        self.sign_in(self.lead)
        self.challenge()
        challenge = RatingChallenge.objects.get()
        self.sign_in(self.editor)
        self.assertContains(self.action_page(), "Answer this challenge")

        response = self.client.post(
            reverse("improvement_plans:answer_challenge", args=[challenge.pk]),
            {"answer": "The audit tool is in use in every team"},
        )

        self.assertRedirects(response, challenge.get_absolute_url(), fetch_redirect_response=False)
        challenge.refresh_from_db()
        self.assertEqual(challenge.answer, "The audit tool is in use in every team")
        self.assertEqual(challenge.answered_by, self.editor)
        self.assertIsNotNone(challenge.answered_at)
        action_page = self.action_page()
        self.assertNotContains(action_page, "Rating challenged")
        self.assertContains(action_page, "The audit tool is in use in every team")
        self.assertNotContains(self.plan_page(), "Rating challenged")

    def test_an_answer_is_needed(self):
        challenge = RatingChallenge.objects.create(
            action=self.action, comment="Generous", raised_by=self.lead
        )

        response = self.client.post(
            reverse("improvement_plans:answer_challenge", args=[challenge.pk]), {"answer": " "}
        )

        self.assertTrue(response.context["form"].has_error("answer"))
        challenge.refresh_from_db()
        self.assertEqual(challenge.answer, "")

    def test_council_editor_cannot_challenge(self):
        self.assertEqual(self.client.get(self.action_url("challenge")).status_code, 403)
        self.assertEqual(self.challenge().status_code, 403)
        self.assertFalse(RatingChallenge.objects.exists())

    def test_viewer_cannot_challenge_or_answer(self):
        challenge = RatingChallenge.objects.create(
            action=self.action, comment="Generous", raised_by=self.lead
        )
        self.sign_in(self.viewer)
        url = reverse("improvement_plans:answer_challenge", args=[challenge.pk])

        self.assertEqual(self.challenge().status_code, 403)
        self.assertEqual(self.client.get(url).status_code, 403)
        self.assertEqual(self.client.post(url, {"answer": "Fine"}).status_code, 403)
        challenge.refresh_from_db()
        self.assertEqual(challenge.answer, "")

    def test_outsider_gets_404(self):
        self.sign_in(self.outsider)

        self.assertEqual(self.challenge().status_code, 404)


class VerifyTests(PlanWorld):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.done = make_action(
            plan=cls.plan,
            title="Publish the audit framework",
            status=ActionStatus.COMPLETED,
            percent_complete=100,
            rag=Rag.GREEN,
        )

    def verify(self, action):
        return self.client.post(self.action_url("verify", action))

    def test_review_lead_verifies_a_completed_action(self):
        self.sign_in(self.lead)
        self.assertContains(self.action_page(self.done), "Mark the completion verified")

        response = self.verify(self.done)

        self.assertRedirects(response, self.done.get_absolute_url())
        self.done.refresh_from_db()
        self.assertIsNotNone(self.done.verified_at)
        self.assertEqual(self.done.verified_by, self.lead)
        page = self.action_page(self.done)
        self.assertContains(page, "Completion verified")
        self.assertContains(page, "by Lee Lead")
        self.assertNotContains(page, "Mark the completion verified")

    def test_regional_lead_verifies_too(self):
        self.sign_in(self.regional_lead)

        self.verify(self.done)

        self.done.refresh_from_db()
        self.assertEqual(self.done.verified_by, self.regional_lead)

    def test_an_action_not_completed_cannot_be_verified(self):
        self.sign_in(self.lead)

        self.assertEqual(self.verify(self.action).status_code, 403)
        self.action.refresh_from_db()
        self.assertIsNone(self.action.verified_at)

    def test_council_editor_cannot_verify_its_own_completion(self):
        self.assertEqual(self.verify(self.done).status_code, 403)
        self.done.refresh_from_db()
        self.assertIsNone(self.done.verified_at)

    def test_only_by_post(self):
        self.sign_in(self.lead)

        self.assertEqual(self.client.get(self.action_url("verify", self.done)).status_code, 405)

    def test_a_later_update_that_reopens_the_action_clears_the_verification(self):
        self.sign_in(self.lead)
        self.verify(self.done)
        self.sign_in(self.editor)

        self.client.post(
            self.action_url("update", self.done),
            update_data(status=ActionStatus.ON_TRACK, percent_complete="90"),
        )

        self.done.refresh_from_db()
        self.assertEqual(self.done.status, ActionStatus.ON_TRACK)
        self.assertIsNone(self.done.verified_at)
        self.assertIsNone(self.done.verified_by)
        self.assertNotContains(self.action_page(self.done), "Completion verified")


class AssessmentTests(PlanWorld):
    def assess(self, recommendation=None, **overrides):
        data = {**dates("date", date(2025, 10, 6)), "verdict": "good", "comment": "Audits monthly"}
        data.update(overrides)
        url = reverse("recommendations:assess", args=[(recommendation or self.rec1).pk])
        return self.client.post(url, data)

    def test_review_lead_assesses_progress_shown_beside_the_councils_response(self):
        self.sign_in(self.lead)

        response = self.assess()

        assessment = ProgressAssessment.objects.get()
        self.assertRedirects(response, assessment.get_absolute_url(), fetch_redirect_response=False)
        self.assertEqual(
            (
                assessment.recommendation,
                assessment.date,
                assessment.verdict,
                assessment.assessed_by,
            ),
            (self.rec1, date(2025, 10, 6), "good", self.lead),
        )
        page = self.client.get(self.rec1.get_absolute_url()).content.decode()
        self.assertRegex(
            page,
            r"(?s)Council response</dt><dd[^>]*>Accepted.*?"
            r"Progress review</dt><dd[^>]*>Good progress \(6 October 2025, Lee Lead\)",
        )
        self.assertIn("Audits monthly", page)

    def test_a_verdict_is_needed(self):
        self.sign_in(self.lead)

        response = self.assess(verdict="")

        self.assertEqual(field_error(response, "verdict"), "Choose how much progress has been made")
        self.assertFalse(ProgressAssessment.objects.exists())

    def test_council_editor_cannot_assess(self):
        url = reverse("recommendations:assess", args=[self.rec1.pk])

        self.assertEqual(self.client.get(url).status_code, 403)
        self.assertEqual(self.assess().status_code, 403)
        self.assertFalse(ProgressAssessment.objects.exists())

    def test_a_draft_reviews_recommendation_cannot_be_assessed(self):
        make_membership(self.lead, Role.REVIEW_LEAD, self.draft)
        self.sign_in(self.lead)

        self.assertEqual(self.assess(self.draft_rec).status_code, 403)
        self.assertFalse(ProgressAssessment.objects.exists())


class OutsiderTests(PlanWorld):
    """An editor of another council learns nothing: every page and form answers 404."""

    def test_every_plan_page_and_form_is_404_and_changes_nothing(self):
        challenge = RatingChallenge.objects.create(
            action=self.action, comment="Generous", raised_by=self.lead
        )
        self.sign_in(self.outsider)
        urls = [
            self.plan_url("plan"),
            self.plan_url("edit_plan"),
            self.plan_url("start_areas"),
            self.plan_url("new_action"),
            self.plan_url("quick_update"),
            self.action_url("action"),
            self.action_url("edit_action"),
            self.action_url("milestones"),
            self.action_url("update"),
            self.action_url("challenge"),
            self.action_url("verify"),
            reverse("improvement_plans:answer_challenge", args=[challenge.pk]),
            reverse("recommendations:assess", args=[self.rec1.pk]),
        ]
        data = {
            **update_data(action=self.action.pk, answer="Fine", comment="Why"),
            **edit_data(self.action, title="Outsider's title"),
        }
        for url in urls:
            with self.subTest(url=url):
                self.assertEqual(self.client.post(url, data).status_code, 404)

        self.action.refresh_from_db()
        self.assertEqual(self.action.title, "Audit safeguarding case files")
        self.assertFalse(ProgressUpdate.objects.exists())
        self.assertFalse(ImprovementArea.objects.exists())
        self.assertEqual(RatingChallenge.objects.get().answer, "")
