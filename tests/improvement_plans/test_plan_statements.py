"""Actions tagged to the CQC's quality statements they work towards."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from improvement_plans.models import Action
from reviews.models import Framework
from tests.base import building_pages, councillor_of, editor_of
from tests.factories import (
    make_action,
    make_council,
    make_plan,
    make_recommendation,
    make_review,
)
from tests.html_forms import form_data


@building_pages
class ActionStatementsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council()
        cls.editor = editor_of(cls.council)
        cls.councillor = councillor_of(cls.council)
        cls.plan = make_plan(council=cls.council)
        cls.action = make_action(plan=cls.plan, title="Clear the assessment waiting list")
        cls.framework = Framework.objects.applying_on(timezone.localdate())
        cls.statements = list(cls.framework.statements().order_by("number"))

    def edit(self, **changes):
        url = reverse("improvement_plans:edit_action", args=[self.action.pk])
        data = form_data(self.client.get(url).content)
        data.update(changes)
        return self.client.post(url, data)

    def test_the_form_offers_the_statements_in_force_grouped_by_theme(self):
        self.client.force_login(self.editor)
        url = reverse("improvement_plans:edit_action", args=[self.action.pk])
        html = self.client.get(url).content.decode()
        self.assertIn("Quality statements this action works towards (optional)", html)
        for theme in self.framework.themes.all():
            with self.subTest(theme=theme.name):
                self.assertIn(
                    '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">'
                    f"{theme.name}</legend>",
                    html,
                )
        for statement in self.statements:
            self.assertIn(f'value="{statement.pk}"', html)
        self.assertEqual(html.count('name="quality_statements"'), len(self.statements))

    def test_an_editor_tags_an_action_and_the_page_and_history_show_it(self):
        self.client.force_login(self.editor)
        first, second = self.statements[0], self.statements[-1]
        response = self.edit(quality_statements=[str(first.pk)])
        self.assertRedirects(response, self.action.get_absolute_url())
        self.assertEqual(list(self.action.quality_statements.all()), [first])
        self.edit(quality_statements=[str(first.pk), str(second.pk)])
        self.assertEqual(set(self.action.quality_statements.all()), {first, second})
        # One history record for each edit, each holding the statements as they then were.
        records = Action.history.filter(id=self.action.pk).order_by("history_date")
        self.assertEqual(
            [
                sorted(r.quality_statements.values_list("qualitystatement", flat=True))
                for r in records
            ],
            [[], [first.pk], sorted([first.pk, second.pk])],
        )
        html = self.client.get(self.action.get_absolute_url()).content.decode()
        self.assertIn("Quality statements it works towards", html)
        self.assertIn(second.name, html)
        self.assertIn("Quality statements this action works towards", html)
        self.assertIn(f"{first.name}; {second.name}", html)

    def test_the_action_page_costs_the_same_after_one_edit_as_after_four(self):
        self.client.force_login(self.editor)
        self.edit(quality_statements=[str(self.statements[0].pk)])
        with CaptureQueriesContext(connection) as one:
            self.client.get(self.action.get_absolute_url())
        for statement in self.statements[1:4]:
            self.edit(quality_statements=[str(statement.pk)])
        with CaptureQueriesContext(connection) as four:
            html = self.client.get(self.action.get_absolute_url()).content.decode()
        self.assertEqual(len(one), len(four))
        self.assertEqual(html.count("Quality statements this action works towards"), 4)

    def test_a_new_action_keeps_its_statements_and_records_them(self):
        self.client.force_login(self.editor)
        url = reverse("improvement_plans:new_action", args=[self.plan.pk])
        data = form_data(self.client.get(url).content, having="title")
        data.update(
            title="Publish the carers' offer",
            start_date_0="1",
            start_date_1="4",
            start_date_2="2025",
            due_date_0="1",
            due_date_1="9",
            due_date_2="2025",
            quality_statements=[str(self.statements[1].pk)],
        )
        self.client.post(url, data)
        action = Action.objects.get(title="Publish the carers' offer")
        self.assertEqual(list(action.quality_statements.all()), [self.statements[1]])
        latest = Action.history.filter(id=action.pk).latest("history_date")
        self.assertEqual(latest.history_user, self.editor)
        self.assertEqual(latest.quality_statements.count(), 1)

    def test_a_councillor_reads_the_statements_but_cannot_change_them(self):
        self.action.quality_statements.set([self.statements[0]])
        self.client.force_login(self.councillor)
        html = self.client.get(self.action.get_absolute_url()).content.decode()
        self.assertIn(self.statements[0].name, html)
        url = reverse("improvement_plans:edit_action", args=[self.action.pk])
        response = self.client.post(url, {"quality_statements": [str(self.statements[1].pk)]})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(list(self.action.quality_statements.all()), [self.statements[0]])

    def test_an_outsider_sees_nothing(self):
        self.client.force_login(editor_of(make_council()))
        self.assertEqual(self.client.get(self.action.get_absolute_url()).status_code, 404)


@building_pages
class PlanByStatementTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council()
        cls.councillor = councillor_of(cls.council)
        cls.plan = make_plan(council=cls.council)
        framework = Framework.objects.applying_on(timezone.localdate())
        cls.statements = list(framework.statements().order_by("number"))
        cls.both = make_action(plan=cls.plan, title="Co-produce the strategy with carers")
        cls.both.quality_statements.set([cls.statements[0], cls.statements[2]])
        cls.one = make_action(plan=cls.plan, title="Audit the waiting list weekly")
        cls.one.quality_statements.set([cls.statements[2]])
        cls.untagged = make_action(plan=cls.plan, title="Refresh the governance of the plan")
        cls.url = reverse("improvement_plans:plan", args=[cls.plan.pk])

    def sections(self, html):
        """Each section's heading, with the titles of the actions under it."""
        parts = html.split('<h2 class="govuk-heading-m" id="')[1:]
        titles = [self.both.title, self.one.title, self.untagged.title]
        return {
            part.split(">", 1)[1].split("</h2>")[0]: [t for t in titles if t in part]
            for part in parts
        }

    def test_actions_are_grouped_under_each_statement_they_work_towards(self):
        self.client.force_login(self.councillor)
        html = self.client.get(self.url, {"by": "statement"}).content.decode()
        self.assertEqual(
            self.sections(html),
            {
                self.statements[0].name: [self.both.title],
                self.statements[2].name: [self.both.title, self.one.title],
                "Actions towards no quality statement": [self.untagged.title],
            },
        )
        self.assertIn(f'href="{self.url}">by improvement area</a>', html)
        self.assertIn("<strong>by quality statement</strong>", html)

    def test_an_action_is_also_under_the_statements_of_the_recommendations_it_answers(self):
        recommendation = make_recommendation(review=make_review(host_council=self.council))
        recommendation.quality_statements.set([self.statements[4]])
        self.untagged.recommendations.add(recommendation)
        self.client.force_login(self.councillor)
        html = self.client.get(self.url, {"by": "statement"}).content.decode()
        sections = self.sections(html)
        self.assertEqual(sections[self.statements[4].name], [self.untagged.title])
        self.assertNotIn("Actions towards no quality statement", sections)

    def test_the_plan_page_links_to_the_reading_by_statement(self):
        self.client.force_login(self.councillor)
        html = self.client.get(self.url).content.decode()
        self.assertIn(f'href="{self.url}?by=statement">by quality statement</a>', html)
        self.assertIn(f'href="{self.url}?by=source">by source</a>', html)
        self.assertIn("Actions outside an improvement area", html)

    def test_the_same_queries_for_few_and_many_tagged_actions(self):
        self.client.force_login(self.councillor)
        self.client.get(self.url, {"by": "statement"})  # warm the session and caches
        with CaptureQueriesContext(connection) as few:
            self.client.get(self.url, {"by": "statement"})
        for statement in self.statements[3:7]:
            make_action(plan=self.plan).quality_statements.set([statement, self.statements[0]])
        with CaptureQueriesContext(connection) as many:
            self.client.get(self.url, {"by": "statement"})
        self.assertEqual(len(few), len(many))

    def test_an_outsider_sees_nothing(self):
        self.client.force_login(editor_of(make_council()))
        self.assertEqual(self.client.get(self.url, {"by": "statement"}).status_code, 404)
