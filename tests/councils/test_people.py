"""The People page: a council's editors add and remove its editors and viewers; the region's
lead lists them, and invites the first editor of a council that has none."""

import re
from datetime import datetime, timedelta
from html import unescape
from unittest.mock import patch

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import TestCase, override_settings

from councils.models import Membership
from tests.factories import (
    make_council,
    make_membership,
    make_region,
    make_review,
    make_user,
)

Role = Membership.Role
User = get_user_model()

# Real passwords are set and checked here; the fast hasher keeps the file quick.
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def field_error(response, name):
    """The error message drawn next to the field ``name``, or "" when there is none."""
    match = re.search(
        rf'<p class="govuk-error-message" id="id_{name}_error">(.*?)</p>',
        response.content.decode(),
        re.DOTALL,
    )
    return unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else ""


def page_messages(response):
    return [str(message) for message in response.context["messages"]]


@override_settings(PASSWORD_HASHERS=FAST_HASHER)
class PeoplePageTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council(name="Wirral Council", slug="wirral")
        cls.other_council = make_council(name="Sefton Council", slug="sefton")
        cls.editor = make_user(first_name="Eddie", last_name="Editor", email="eddie@wirral.gov.uk")
        cls.viewer = make_user(first_name="Vera", last_name="Viewer", email="vera@wirral.gov.uk")
        cls.editor_membership = make_membership(cls.editor, Role.COUNCIL_EDITOR, cls.council)
        cls.viewer_membership = make_membership(cls.viewer, Role.COUNCIL_VIEWER, cls.council)
        # The editor also edits for Sefton, so the page must filter by council, not by user.
        make_membership(cls.editor, Role.COUNCIL_EDITOR, cls.other_council)
        cls.sefton_viewer = make_user(email="sam@sefton.gov.uk")
        make_membership(cls.sefton_viewer, Role.COUNCIL_VIEWER, cls.other_council)
        cls.outsider = make_user(email="olga@sefton.gov.uk")
        make_membership(cls.outsider, Role.COUNCIL_EDITOR, cls.other_council)
        cls.review_lead = make_user(email="lee@peers.example.org")
        make_membership(cls.review_lead, Role.REVIEW_LEAD, make_review(host_council=cls.council))
        cls.existing = make_user(
            first_name="Priya", last_name="Patel", email="Priya.Patel@Wirral.gov.uk"
        )
        cls.url = "/councils/wirral/people/"

    def setUp(self):
        self.client.force_login(self.editor)

    def remove_url(self, membership):
        return f"{self.url}{membership.pk}/remove/"


class AddPersonTests(PeoplePageTestCase):
    def test_adds_an_existing_user_found_by_email_in_any_case(self):
        response = self.client.post(
            self.url,
            {"email": "priya.PATEL@wirral.GOV.UK", "role": Role.COUNCIL_VIEWER},
            follow=True,
        )

        self.assertRedirects(response, self.url)
        self.assertTrue(
            Membership.objects.filter(
                user=self.existing, council=self.council, role=Role.COUNCIL_VIEWER
            ).exists()
        )
        self.assertEqual(User.objects.filter(email__iexact="priya.patel@wirral.gov.uk").count(), 1)
        self.assertEqual(mail.outbox, [])
        self.assertEqual(
            page_messages(response),
            ["Priya Patel is now a council viewer for Wirral Council."],
        )

    def test_adds_someone_new_who_chooses_a_password_from_the_emailed_link(self):
        response = self.client.post(
            self.url,
            {
                "email": "Noor.Newman@Wirral.gov.uk",
                "full_name": "Noor Newman",
                "role": Role.COUNCIL_EDITOR,
            },
        )

        self.assertRedirects(response, self.url)
        user = User.objects.get(username="noor.newman@wirral.gov.uk")
        self.assertEqual((user.first_name, user.last_name), ("Noor", "Newman"))
        self.assertFalse(user.has_usable_password())
        self.assertTrue(
            Membership.objects.filter(
                user=user, council=self.council, role=Role.COUNCIL_EDITOR
            ).exists()
        )
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["Noor.Newman@Wirral.gov.uk"])
        link = re.search(r"/password/reset/[\w-]+/[\w-]+/", mail.outbox[0].body)
        self.assertIsNotNone(link, mail.outbox[0].body)

        # The link leads to the form for choosing a password; the password then works.
        self.client.logout()
        form_page = self.client.get(link.group(0), follow=True)
        self.assertContains(form_page, "Choose your password to start")
        self.assertTrue(form_page.context["validlink"])
        saved = self.client.post(
            form_page.redirect_chain[-1][0],
            {"new_password1": "tidal-harbour-lantern", "new_password2": "tidal-harbour-lantern"},
        )
        self.assertRedirects(saved, "/password/reset/done/")
        signed_in = self.client.post(
            "/sign-in/",
            {"username": "noor.newman@wirral.gov.uk", "password": "tidal-harbour-lantern"},
        )
        self.assertRedirects(signed_in, "/")
        self.assertEqual(int(self.client.session["_auth_user_id"]), user.pk)

    def test_the_emailed_link_works_once(self):
        self.client.post(
            self.url,
            {"email": "once@wirral.gov.uk", "full_name": "Olu Once", "role": Role.COUNCIL_VIEWER},
        )
        link = re.search(r"/password/reset/[\w-]+/[\w-]+/", mail.outbox[0].body).group(0)
        self.client.logout()
        form_page = self.client.get(link, follow=True)
        self.client.post(
            form_page.redirect_chain[-1][0],
            {"new_password1": "quiet-meadow-compass", "new_password2": "quiet-meadow-compass"},
        )

        again = self.client.get(link, follow=True)
        self.assertFalse(again.context["validlink"])
        self.assertContains(again, "This link has expired")

    def test_someone_invited_can_ask_for_a_new_link(self):
        self.client.post(
            self.url,
            {"email": "late@wirral.gov.uk", "full_name": "Lou Late", "role": Role.COUNCIL_VIEWER},
        )
        self.client.logout()

        response = self.client.post("/password/reset/", {"email": "late@wirral.gov.uk"})

        self.assertRedirects(response, "/password/reset/sent/")
        self.assertEqual(len(mail.outbox), 2)

    def test_someone_whose_email_is_already_a_username(self):
        make_user(username="casey@wirral.gov.uk", email="")

        response = self.client.post(
            self.url,
            {
                "email": "Casey@wirral.gov.uk",
                "full_name": "Casey Jones",
                "role": Role.COUNCIL_VIEWER,
            },
        )

        self.assertIn(response.status_code, {200, 302})


class AddPersonErrorTests(PeoplePageTestCase):
    def assert_refused(self, data, field, message):
        counts = (User.objects.count(), Membership.objects.count())
        response = self.client.post(self.url, data)

        self.assertEqual(response.status_code, 200)
        self.assertIn(message, field_error(response, field))
        self.assertContains(response, "There is a problem")
        self.assertTrue(response.context["form"].errors)
        self.assertEqual((User.objects.count(), Membership.objects.count()), counts)
        self.assertEqual(mail.outbox, [])

    def test_missing_role(self):
        self.assert_refused({"email": "priya.patel@wirral.gov.uk"}, "role", "Choose a role")

    def test_bad_email(self):
        self.assert_refused(
            {"email": "not-an-email", "full_name": "No One", "role": Role.COUNCIL_VIEWER},
            "email",
            "Enter an email address in the correct format, like name@example.gov.uk",
        )

    def test_new_person_without_a_name(self):
        self.assert_refused(
            {"email": "nameless@wirral.gov.uk", "full_name": "  ", "role": Role.COUNCIL_VIEWER},
            "full_name",
            "Enter their full name: they have no account yet",
        )

    def test_duplicate_role(self):
        self.assert_refused(
            {"email": "VERA@wirral.gov.uk", "role": Role.COUNCIL_VIEWER},
            "email",
            "already has that role for Wirral Council",
        )

    def test_a_role_that_is_not_a_council_role(self):
        self.assert_refused(
            {"email": "priya.patel@wirral.gov.uk", "role": Role.REGIONAL_LEAD},
            "role",
            "Select a valid choice",
        )

    def test_the_page_title_says_there_is_an_error(self):
        response = self.client.post(self.url, {"email": ""})

        title = re.search(r"<title>(.*?)</title>", response.content.decode(), re.DOTALL)
        self.assertTrue(title.group(1).strip().startswith("Error: People, Wirral Council"))
        self.assertIn("Enter their email address", field_error(response, "email"))


class RemovePersonTests(PeoplePageTestCase):
    def test_removes_a_person(self):
        response = self.client.post(self.remove_url(self.viewer_membership), follow=True)

        self.assertRedirects(response, self.url)
        self.assertFalse(Membership.objects.filter(pk=self.viewer_membership.pk).exists())
        self.assertTrue(User.objects.filter(pk=self.viewer.pk).exists())
        self.assertEqual(
            page_messages(response),
            ["Vera Viewer is no longer a council viewer for Wirral Council."],
        )

    def test_the_last_editor_cannot_be_removed(self):
        response = self.client.post(self.remove_url(self.editor_membership), follow=True)

        self.assertRedirects(response, self.url)
        self.assertEqual(
            page_messages(response),
            ["Wirral Council needs at least one editor: add another first."],
        )
        self.assertTrue(Membership.objects.filter(pk=self.editor_membership.pk).exists())

    def test_an_editor_can_be_removed_once_there_is_another(self):
        make_membership(self.existing, Role.COUNCIL_EDITOR, self.council)

        self.client.post(self.remove_url(self.editor_membership))

        self.assertFalse(Membership.objects.filter(pk=self.editor_membership.pk).exists())

    def test_removing_is_post_only(self):
        response = self.client.get(self.remove_url(self.viewer_membership))

        self.assertEqual(response.status_code, 405)
        self.assertTrue(Membership.objects.filter(pk=self.viewer_membership.pk).exists())

    def test_another_councils_membership_cannot_be_removed_through_this_council(self):
        sefton_membership = Membership.objects.get(user=self.sefton_viewer)

        response = self.client.post(self.remove_url(sefton_membership))

        self.assertEqual(response.status_code, 404)
        self.assertTrue(Membership.objects.filter(pk=sefton_membership.pk).exists())

    def test_a_review_role_cannot_be_removed_from_the_people_page(self):
        review_membership = Membership.objects.get(user=self.review_lead)

        response = self.client.post(self.remove_url(review_membership))

        self.assertEqual(response.status_code, 404)
        self.assertTrue(Membership.objects.filter(pk=review_membership.pk).exists())


class PeopleAccessTests(PeoplePageTestCase):
    def test_a_viewer_may_not_see_or_change_people(self):
        self.client.force_login(self.viewer)
        memberships = Membership.objects.count()

        self.assertEqual(self.client.get(self.url).status_code, 403)
        added = self.client.post(
            self.url, {"email": "priya.patel@wirral.gov.uk", "role": Role.COUNCIL_EDITOR}
        )
        self.assertEqual(added.status_code, 403)
        removed = self.client.post(self.remove_url(self.editor_membership))
        self.assertEqual(removed.status_code, 403)
        self.assertEqual(Membership.objects.count(), memberships)

    def test_an_editor_of_another_council_gets_not_found(self):
        self.client.force_login(self.outsider)
        memberships = Membership.objects.count()

        self.assertEqual(self.client.get(self.url).status_code, 404)
        added = self.client.post(
            self.url, {"email": "priya.patel@wirral.gov.uk", "role": Role.COUNCIL_EDITOR}
        )
        self.assertEqual(added.status_code, 404)
        removed = self.client.post(self.remove_url(self.viewer_membership))
        self.assertEqual(removed.status_code, 404)
        self.assertEqual(Membership.objects.count(), memberships)

    def test_the_page_lists_only_this_councils_people(self):
        response = self.client.get(self.url)

        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            set(response.context["memberships"]), {self.editor_membership, self.viewer_membership}
        )
        self.assertContains(response, "vera@wirral.gov.uk")
        self.assertContains(response, "eddie@wirral.gov.uk")
        for hidden in ("sam@sefton.gov.uk", "olga@sefton.gov.uk", "lee@peers.example.org"):
            self.assertNotContains(response, hidden)
        self.assertContains(response, "Sefton Council", count=0)


class InvitationEmailTests(PeoplePageTestCase):
    def invite(self):
        self.client.post(
            self.url,
            {
                "email": "noor@wirral.gov.uk",
                "full_name": "Noor Newman",
                "role": Role.COUNCIL_EDITOR,
            },
        )
        self.assertEqual(len(mail.outbox), 1)
        return mail.outbox[0]

    def test_the_email_says_who_invited_them_to_what(self):
        message = self.invite()

        self.assertEqual(
            message.subject,
            "Eddie Editor invited you to the sector-led improvement manager for Wirral Council",
        )
        body = " ".join(message.body.split())
        self.assertIn("Hello Noor,", body)
        self.assertIn(
            "Eddie Editor (eddie@wirral.gov.uk) has invited you to the sector-led improvement "
            "manager as a council editor for Wirral Council.",
            body,
        )
        self.assertIn("responds to recommendations and updates the improvement plan", body)
        self.assertIn("Your username is noor@wirral.gov.uk.", body)
        self.assertNotIn("reset", re.sub(r"https?://\S+", "", body).lower())

    def test_the_email_says_how_long_the_link_works(self):
        with self.settings(PASSWORD_RESET_TIMEOUT=2 * 24 * 60 * 60):
            body = " ".join(self.invite().body.split())

        self.assertIn("The link works once and for 2 days, until", body)
        self.assertRegex(body, r"http://testserver/password/reset/[\w-]+/[\w-]+/")
        self.assertIn("ask for a new one at http://testserver/password/reset/", body)

    def test_the_link_stops_working_after_the_stated_time(self):
        body = self.invite().body
        self.assertIn("The link works once and for 3 days", " ".join(body.split()))
        link = re.search(r"/password/reset/[\w-]+/[\w-]+/", body).group(0)
        self.client.logout()

        # Django's token clock, moved on past the three days the email states.
        later = datetime.now() + timedelta(days=3, minutes=1)
        with patch.object(default_token_generator, "_now", return_value=later):
            expired = self.client.get(link, follow=True)

        self.assertFalse(expired.context["validlink"])

    def test_the_page_says_an_invitation_was_sent(self):
        response = self.client.post(
            self.url,
            {
                "email": "noor@wirral.gov.uk",
                "full_name": "Noor Newman",
                "role": Role.COUNCIL_VIEWER,
            },
            follow=True,
        )

        self.assertEqual(
            page_messages(response),
            [
                "Noor Newman is now a council viewer for Wirral Council. "
                "They have been sent an invitation by email."
            ],
        )


class RegionalLeadTests(PeoplePageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        region = cls.council.region
        cls.new_council = make_council(name="Knowsley Council", slug="knowsley", region=region)
        cls.lead = make_user(first_name="Rhian", last_name="Lead", email="rhian@region.example")
        make_membership(cls.lead, Role.REGIONAL_LEAD, region)
        cls.other_lead = make_user(email="other@region.example")
        make_membership(cls.other_lead, Role.REGIONAL_LEAD, make_region())
        cls.new_url = "/councils/knowsley/people/"

    def setUp(self):
        self.client.force_login(self.lead)

    def invite(self, url=None, **data):
        return self.client.post(
            url or self.new_url,
            {"email": "kim@knowsley.gov.uk", "full_name": "Kim Knowles", **data},
        )

    def test_invites_the_first_editor_of_a_council_in_the_region(self):
        page = self.client.get(self.new_url)
        self.assertContains(page, "Invite the first editor")
        self.assertNotIn("role", page.context["form"].fields)

        response = self.invite()

        self.assertRedirects(response, self.new_url)
        membership = Membership.objects.get(council=self.new_council)
        self.assertEqual(membership.role, Role.COUNCIL_EDITOR)
        self.assertEqual(membership.user.email, "kim@knowsley.gov.uk")
        body = " ".join(mail.outbox[0].body.split())
        self.assertIn(
            "Rhian Lead (rhian@region.example) has invited you to the sector-led improvement "
            "manager as a council editor for Knowsley Council.",
            body,
        )

    def test_the_first_editor_is_an_editor_whatever_the_post_says(self):
        self.invite(role=Role.COUNCIL_VIEWER)

        self.assertEqual(Membership.objects.get(council=self.new_council).role, Role.COUNCIL_EDITOR)

    def test_an_existing_account_can_be_made_the_first_editor(self):
        response = self.invite(email="priya.patel@wirral.gov.uk")

        self.assertRedirects(response, self.new_url)
        self.assertTrue(
            Membership.objects.filter(
                user=self.existing, council=self.new_council, role=Role.COUNCIL_EDITOR
            ).exists()
        )

    def test_errors_are_shown_next_to_the_field(self):
        response = self.invite(email="kim@", full_name="")

        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "Enter an email address in the correct format", field_error(response, "email")
        )
        self.assertContains(response, "There is a problem")
        self.assertFalse(Membership.objects.filter(council=self.new_council).exists())

    def test_once_there_is_an_editor_the_editors_invite_their_colleagues(self):
        self.invite()
        page = self.client.get(self.new_url)

        self.assertEqual(page.status_code, 200)
        self.assertIsNone(page.context["form"])
        self.assertContains(page, "Knowsley Council's editors add and remove its people.")
        self.assertContains(page, "kim@knowsley.gov.uk")
        self.assertNotContains(page, "/remove/")
        again = self.invite(email="second@knowsley.gov.uk", full_name="Sam Second")
        self.assertEqual(again.status_code, 403)
        self.assertEqual(Membership.objects.filter(council=self.new_council).count(), 1)

    def test_lists_but_does_not_change_the_people_of_a_council_with_editors(self):
        page = self.client.get(self.url)

        self.assertEqual(page.status_code, 200)
        self.assertEqual(
            set(page.context["memberships"]), {self.editor_membership, self.viewer_membership}
        )
        memberships = Membership.objects.count()
        self.assertEqual(self.invite(url=self.url).status_code, 403)
        self.assertEqual(self.client.post(self.remove_url(self.viewer_membership)).status_code, 403)
        self.assertEqual(Membership.objects.count(), memberships)

    def test_a_council_whose_editors_are_switched_off_wants_a_first_editor(self):
        self.invite()
        User.objects.filter(email="kim@knowsley.gov.uk").update(is_active=False)

        response = self.invite(email="lee@knowsley.gov.uk", full_name="Lee Later")

        self.assertRedirects(response, self.new_url)

    def test_the_council_page_links_to_the_invitation(self):
        page = self.client.get("/councils/knowsley/")
        self.assertContains(page, "Knowsley Council has no editor yet: invite its first editor")
        self.assertContains(page, 'href="/councils/knowsley/people/"')

        page = self.client.get("/councils/wirral/")
        self.assertContains(page, "People with a role for Wirral Council")

    def test_another_regions_lead_gets_not_found(self):
        self.client.force_login(self.other_lead)

        self.assertEqual(self.client.get(self.new_url).status_code, 404)
        self.assertEqual(self.invite().status_code, 404)
        self.assertFalse(Membership.objects.filter(council=self.new_council).exists())

    def test_a_viewer_of_the_council_cannot_invite_its_first_editor(self):
        viewer = make_user()
        make_membership(viewer, Role.COUNCIL_VIEWER, self.new_council)
        self.client.force_login(viewer)

        self.assertEqual(self.client.get(self.new_url).status_code, 403)
        self.assertEqual(self.invite().status_code, 403)
        self.assertEqual(Membership.objects.filter(council=self.new_council).count(), 1)
