"""Refusals look like the rest of the site, say why in plain words and offer the way back
(issue 12, point 7): a PermissionDenied (403.html) and a stale form (403_csrf.html)."""

import re
from html import unescape

from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory, TestCase
from django.urls import reverse

from councils.models import Membership
from improvement_plans.models import ProgressUpdate
from sli.views import permission_denied
from tests.base import councillor_of
from tests.factories import make_action, make_council, make_membership, make_plan, make_user

SUFFIX = " – Sector-led improvement manager"


def page_title(response):
    return unescape(re.search(r"<title>(.*?)</title>", response.content.decode()).group(1))


def links(response):
    """{link text: href} of the page's main content."""
    main = response.content.decode().split('id="main-content"', 1)[1].split("</main>", 1)[0]
    return {
        unescape(re.sub(r"<[^>]+>", "", text)).strip(): unescape(href)
        for href, text in re.findall(r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>', main, re.DOTALL)
    }


class RefusalPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council(name="Wirral Council")
        cls.viewer = councillor_of(cls.council, first_name="Vera", last_name="Viewer")
        cls.plan = make_plan(council=cls.council)
        cls.action = make_action(plan=cls.plan)

    def setUp(self):
        self.client.force_login(self.viewer)

    def assert_refused_in_the_site_layout(self, response):
        self.assertEqual(response.status_code, 403)
        self.assertEqual(page_title(response), "You cannot do this" + SUFFIX)
        self.assertContains(response, 'class="sli-header"', status_code=403)
        self.assertContains(response, "Vera Viewer", status_code=403)  # signed in, as anywhere
        self.assertContains(
            response, '<h1 class="govuk-heading-l">You cannot do this</h1>', status_code=403
        )
        self.assertContains(response, "You can see this but not change it.", status_code=403)
        self.assertContains(
            response, "ask one of your council's editors or the site", status_code=403
        )
        self.assertEqual(links(response)["Go to the home page"], reverse("home"))

    def test_a_viewer_posting_a_change_is_refused_in_plain_words(self):
        url = reverse("improvement_plans:update", args=[self.action.pk])

        response = self.client.post(url, {"status": "completed", "rag": "green"})

        self.assert_refused_in_the_site_layout(response)
        self.assertFalse(ProgressUpdate.objects.filter(action=self.action).exists())

    def test_a_viewer_opening_an_edit_page_is_offered_the_page_they_came_from(self):
        plan_page = self.plan.get_absolute_url()

        response = self.client.get(
            reverse("improvement_plans:edit_plan", args=[self.plan.pk]),
            headers={"referer": f"http://testserver{plan_page}?tab=actions"},
        )

        self.assert_refused_in_the_site_layout(response)
        self.assertEqual(
            links(response)["Go back to the page you were on"], f"{plan_page}?tab=actions"
        )

    def test_only_a_page_of_this_site_is_offered_as_the_way_back(self):
        url = reverse("improvement_plans:edit_plan", args=[self.plan.pk])
        for referrer in [
            "https://elsewhere.example/plans/",
            "http://testserver//elsewhere.example/plans/",
            "http://testserver/\\elsewhere.example/plans/",
            "javascript:alert(1)",
            f"http://testserver{url}",  # the refused page itself
        ]:
            with self.subTest(referrer):
                response = self.client.get(url, headers={"referer": referrer})
                self.assertEqual(response.status_code, 403)
                self.assertEqual(list(links(response)), ["Go to the home page"])

    def test_a_refusal_without_a_reason_gets_a_general_one(self):
        request = RequestFactory().get("/")
        request.user = self.viewer

        response = permission_denied(request, PermissionDenied())

        self.assertEqual(response.status_code, 403)
        self.assertContains(
            response, "Your account does not give you access to this.", status_code=403
        )


class StaleFormPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user(first_name="Eddie", last_name="Editor")
        council = make_council()
        make_membership(cls.editor, Membership.Role.COUNCIL_EDITOR, council)
        cls.action = make_action(plan=make_plan(council=council))

    def assert_stale_form_page(self, response):
        self.assertEqual(response.status_code, 403)
        self.assertEqual(page_title(response), "The form has expired" + SUFFIX)
        self.assertContains(response, 'class="sli-header"', status_code=403)
        self.assertContains(response, "Nothing you entered was saved.", status_code=403)
        self.assertContains(
            response, "Go back to the form, reload the page and try again", status_code=403
        )
        self.assertEqual(links(response)["Go to the home page"], reverse("home"))

    def test_a_form_sent_with_a_stale_token_says_what_to_do(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.editor)
        form_page = reverse("improvement_plans:update", args=[self.action.pk])

        response = client.post(
            form_page,
            {"csrfmiddlewaretoken": "x" * 64, "status": "completed", "rag": "green"},
            headers={"referer": f"http://testserver{form_page}"},
        )

        self.assert_stale_form_page(response)
        self.assertContains(response, "Eddie Editor", status_code=403)
        self.assertEqual(links(response)["Go back to the form"], form_page)
        self.assertFalse(ProgressUpdate.objects.filter(action=self.action).exists())

    def test_a_stale_sign_in_form_says_what_to_do(self):
        client = Client(enforce_csrf_checks=True)
        sign_in = reverse("login")

        response = client.post(
            sign_in,
            {"username": "someone", "password": "secret"},
            headers={"referer": f"http://testserver{sign_in}?next=/plans/"},
        )

        self.assert_stale_form_page(response)
        self.assertEqual(links(response)["Go back to the form"], f"{sign_in}?next=/plans/")
