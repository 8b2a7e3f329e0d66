"""The team, scope questions and judgements are lists of rows, added and removed without
JavaScript (the GOV.UK "add another" pattern): "Add another member" posts the page back with
one more empty row and "Remove" with that row gone, keeping what was typed; "Save" checks every
row and saves all of them or none."""

import re
from html import unescape

from django.test import TestCase

from councils.models import Membership
from reviews.models import Review, ScopeQuestion, TeamMember
from tests.base import councillor_of, editor_of, lead_of
from tests.factories import (
    make_council,
    make_review,
    make_scope_question,
    make_team_member,
)
from tests.html_forms import form_data

Role = Membership.Role


def field_error(response, name):
    match = re.search(
        rf'<p class="govuk-error-message" id="id_{name}_error">(.*?)</p>',
        response.content.decode(),
        re.DOTALL,
    )
    return unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else ""


def rows_sent(response):
    """The list's fields as the page would send them (its team or scope rows)."""
    html = response.content.decode()
    return form_data(
        html, having="team-TOTAL_FORMS" if "team-TOTAL_FORMS" in html else "scope-TOTAL_FORMS"
    )


def legends(response):
    return re.findall(
        r'<legend class="govuk-fieldset__legend[^"]*">([^<]+)</legend>', response.content.decode()
    )


class AddAnotherTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council()
        cls.review = make_review(
            host_council=cls.council, status=Review.Status.PLANNED, title="Planned review"
        )
        cls.lead = lead_of(cls.review)
        cls.url = f"/reviews/{cls.review.pk}/team/"
        cls.scope_url = f"/reviews/{cls.review.pk}/scope/"

    def setUp(self):
        self.client.force_login(self.lead)

    def page(self, url=None):
        response = self.client.get(url or self.url)
        return response, rows_sent(response)

    def press(self, data, button, value="1", url=None):
        return self.client.post(url or self.url, {**data, button: value})


class TeamRowsTests(AddAnotherTestCase):
    def test_a_new_team_starts_with_one_empty_row(self):
        response, data = self.page()

        self.assertEqual(legends(response), ["Team member 1"])
        self.assertEqual(data["team-TOTAL_FORMS"], "1")
        self.assertContains(response, "Add another member")
        self.assertNotContains(response, "three empty rows")

    def test_a_saved_team_shows_its_members_and_no_empty_row(self):
        make_team_member(review=self.review, name="Ann Lead", role=TeamMember.Role.LEAD)
        make_team_member(review=self.review, name="Bo Peer")

        response, data = self.page()

        self.assertEqual(legends(response), ["Team member 1", "Team member 2"])
        self.assertEqual((data["team-0-name"], data["team-1-name"]), ("Ann Lead", "Bo Peer"))

    def test_add_another_keeps_what_was_typed_checks_nothing_and_saves_nothing(self):
        _, data = self.page()
        data.update({"team-0-organisation": "Shropshire Council", "team-0-role_title": "DASS"})

        response = self.press(data, "add")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(legends(response), ["Team member 1", "Team member 2"])
        shown = rows_sent(response)
        self.assertEqual(shown["team-TOTAL_FORMS"], "2")
        self.assertEqual(shown["team-0-organisation"], "Shropshire Council")
        self.assertEqual(shown["team-0-role_title"], "DASS")
        self.assertEqual(shown["team-1-name"], "")
        # The first row has no name yet: nobody is told off for it before saving.
        self.assertNotContains(response, "There is a problem")
        self.assertNotContains(response, "govuk-error-message")
        self.assertFalse(response.content.decode().count("<title>Error"))
        self.assertFalse(TeamMember.objects.filter(review=self.review).exists())

    def test_several_members_added_in_one_go(self):
        _, data = self.page()
        data["team-0-name"] = "Ann Lead"
        data = rows_sent(self.press(data, "add"))
        data["team-1-name"] = "Bo Peer"
        data = rows_sent(self.press(data, "add"))
        data.update({"team-2-name": "Cy Councillor", "team-2-role": TeamMember.Role.COUNCILLOR})

        response = self.press(data, "save")

        self.assertRedirects(response, self.review.get_absolute_url())
        self.assertEqual(
            list(TeamMember.objects.filter(review=self.review).values_list("name", "role")),
            [("Ann Lead", "peer"), ("Bo Peer", "peer"), ("Cy Councillor", "councillor")],
        )

    def test_remove_takes_a_new_row_off_the_page(self):
        _, data = self.page()
        data["team-0-name"] = "Ann Lead"
        data = rows_sent(self.press(data, "add"))
        data["team-1-name"] = "Mistake"

        response = self.press(data, "remove", "team-1")

        self.assertEqual(legends(response), ["Team member 1"])
        self.assertNotContains(response, 'value="Mistake"')
        self.assertContains(response, 'Remove<span class="govuk-visually-hidden"> team member 1')
        saved = self.press(rows_sent(response), "save")
        self.assertRedirects(saved, self.review.get_absolute_url())
        self.assertEqual(
            list(TeamMember.objects.filter(review=self.review).values_list("name", flat=True)),
            ["Ann Lead"],
        )

    def test_a_saved_member_removed_goes_when_the_team_is_saved(self):
        ann = make_team_member(review=self.review, name="Ann Lead")
        bo = make_team_member(review=self.review, name="Bo Peer")
        _, data = self.page()

        response = self.press(data, "remove", "team-0")

        self.assertEqual(legends(response), ["Team member 1"])
        self.assertTrue(TeamMember.objects.filter(pk=ann.pk).exists())
        data = rows_sent(response)
        data["team-1-name"] = "Bo Peer-Smith"
        self.press(data, "save")
        self.assertEqual(
            list(TeamMember.objects.filter(review=self.review).values_list("pk", "name")),
            [(bo.pk, "Bo Peer-Smith")],
        )

    def test_a_row_in_error_saves_nothing_and_says_so_beside_the_row(self):
        ann = make_team_member(review=self.review, name="Ann Lead")
        _, data = self.page()
        data = rows_sent(self.press({**data, "team-0-name": "Ann Leader"}, "add"))
        data = rows_sent(self.press(data, "add"))
        data.update({"team-1-name": "Bo Peer", "team-2-organisation": "Dudley Council"})

        response = self.press(data, "save")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            field_error(response, "team-2-name"), "Error: Enter the team member's name"
        )
        self.assertEqual(field_error(response, "team-1-name"), "")
        page = response.content.decode()
        self.assertIn("<title>Error: The team, Planned review", page)
        self.assertIn(
            '<a href="#id_team-2-name">Team member 3: Enter the team member&#x27;s name</a>', page
        )
        self.assertEqual(
            list(TeamMember.objects.filter(review=self.review).values_list("name", flat=True)),
            [ann.name],
        )
        shown = rows_sent(response)
        self.assertEqual(
            (shown["team-0-name"], shown["team-1-name"], shown["team-2-organisation"]),
            ("Ann Leader", "Bo Peer", "Dudley Council"),
        )

    def test_an_empty_new_row_is_left_out_when_saving(self):
        _, data = self.page()
        data["team-0-name"] = "Ann Lead"
        data = rows_sent(self.press(data, "add"))

        self.assertRedirects(self.press(data, "save"), self.review.get_absolute_url())
        self.assertEqual(TeamMember.objects.filter(review=self.review).count(), 1)


class RoleTitleTests(AddAnotherTestCase):
    def test_the_role_title_is_what_the_review_and_letter_show(self):
        _, data = self.page()
        data.update(
            {
                "team-0-name": "Stephen Chandler",
                "team-0-role": TeamMember.Role.LEAD,
                "team-0-role_title": "Director of Adult Services, Shropshire",
            }
        )
        self.press(data, "save")
        make_team_member(review=self.review, name="Bo Peer", role=TeamMember.Role.COUNCILLOR)

        member = TeamMember.objects.get(name="Stephen Chandler")
        self.assertEqual(member.role, TeamMember.Role.LEAD)
        self.assertEqual(str(member), "Stephen Chandler, Director of Adult Services, Shropshire")
        review_page = self.client.get(self.review.get_absolute_url())
        self.assertContains(review_page, "Director of Adult Services, Shropshire")
        self.assertContains(review_page, "Councillor peer")
        letter = self.client.get(f"/reviews/{self.review.pk}/letter/")
        self.assertContains(letter, "Stephen Chandler, Director of Adult Services, Shropshire")
        self.assertContains(letter, "Bo Peer, Councillor peer")

    def test_members_saved_before_role_titles_keep_their_kind_of_role(self):
        member = make_team_member(review=self.review, role=TeamMember.Role.EXPERT_BY_EXPERIENCE)

        self.assertEqual(member.role_title, "")
        self.assertEqual(member.role_name, "Expert by experience")


class ScopeRowsTests(AddAnotherTestCase):
    def test_questions_added_in_one_go(self):
        _, data = self.page(self.scope_url)
        data.update({"scope-0-number": "1", "scope-0-text": "Is the front door safe?"})
        data = rows_sent(self.press(data, "add", url=self.scope_url))
        self.assertContains(self.client.post(self.scope_url, {**data, "add": "1"}), "Question 3")
        data.update({"scope-1-number": "2", "scope-1-text": "Are carers supported?"})

        response = self.press(data, "save", url=self.scope_url)

        self.assertRedirects(response, self.review.get_absolute_url())
        self.assertEqual(
            list(ScopeQuestion.objects.filter(review=self.review).values_list("number", "text")),
            [(1, "Is the front door safe?"), (2, "Are carers supported?")],
        )

    def test_two_questions_with_one_number_are_refused(self):
        make_scope_question(review=self.review, number=1, text="First")
        _, data = self.page(self.scope_url)
        data = rows_sent(self.press(data, "add", url=self.scope_url))
        data.update({"scope-1-number": "1", "scope-1-text": "Second"})

        response = self.press(data, "save", url=self.scope_url)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Give each question its own number")
        self.assertContains(response, "Another question has this number")
        self.assertEqual(ScopeQuestion.objects.filter(review=self.review).count(), 1)


class AddAnotherAccessTests(AddAnotherTestCase):
    def test_an_outsider_gets_not_found(self):
        outsider = editor_of(make_council())
        self.client.force_login(outsider)

        for button in ("add", "save"):
            with self.subTest(button=button):
                response = self.client.post(
                    self.url, {"team-TOTAL_FORMS": "1", "team-INITIAL_FORMS": "0", button: "1"}
                )
                self.assertEqual(response.status_code, 404)

    def test_the_councils_viewer_may_read_but_not_change_the_team(self):
        viewer = councillor_of(self.council)
        self.client.force_login(viewer)

        for button in ("add", "save"):
            with self.subTest(button=button):
                response = self.client.post(
                    self.url,
                    {
                        "team-TOTAL_FORMS": "1",
                        "team-INITIAL_FORMS": "0",
                        "team-0-name": "Intruder",
                        "team-0-role": "peer",
                        button: "1",
                    },
                )
                self.assertEqual(response.status_code, 403)
        self.assertFalse(TeamMember.objects.filter(review=self.review).exists())
