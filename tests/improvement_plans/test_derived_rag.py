"""What the dates say about an action, beside what the council says.

``Action.expected_percent`` is the share of the time from start to due that has passed;
``Action.derived_rag`` compares it with the percent complete. Dates are pinned: a 100-day
action from 1 January 2024 to 10 April 2024, so each day is one percentage point.
"""

import re
from datetime import date, timedelta

from django.template.loader import render_to_string
from django.test import TestCase
from django.utils import timezone

from improvement_plans.models import Action, ActionStatus, DueDateChange, Rag, RatingChallenge
from tests.factories import make_action, make_plan, make_user

START = date(2024, 1, 1)
DUE = START + timedelta(days=100)
MIDWAY = START + timedelta(days=50)


def unsaved_action(**overrides):
    """The date arithmetic needs no database."""
    fields = {
        "start_date": START,
        "due_date": DUE,
        "status": ActionStatus.ON_TRACK,
        "percent_complete": 0,
    }
    fields.update(overrides)
    return Action(**fields)


class ExpectedPercentTests(TestCase):
    def test_before_the_start_no_time_has_passed(self):
        self.assertEqual(unsaved_action().expected_percent(START - timedelta(days=10)), 0)

    def test_on_the_start_date_no_time_has_passed(self):
        self.assertEqual(unsaved_action().expected_percent(START), 0)

    def test_midway_half_the_time_has_passed(self):
        self.assertEqual(unsaved_action().expected_percent(MIDWAY), 50)

    def test_one_day_is_one_point_of_a_100_day_action(self):
        self.assertEqual(unsaved_action().expected_percent(START + timedelta(days=37)), 37)

    def test_on_the_due_date_all_the_time_has_passed(self):
        self.assertEqual(unsaved_action().expected_percent(DUE), 100)

    def test_after_the_due_date_it_stays_at_100(self):
        self.assertEqual(unsaved_action().expected_percent(DUE + timedelta(days=40)), 100)

    def test_share_is_rounded_to_a_whole_percent(self):
        action = unsaved_action(due_date=START + timedelta(days=3))

        self.assertEqual(action.expected_percent(START + timedelta(days=1)), 33)
        self.assertEqual(action.expected_percent(START + timedelta(days=2)), 67)

    def test_zero_length_action_is_0_before_its_day_and_100_from_it(self):
        action = unsaved_action(due_date=START)

        self.assertEqual(action.expected_percent(START - timedelta(days=1)), 0)
        self.assertEqual(action.expected_percent(START), 100)
        self.assertEqual(action.expected_percent(START + timedelta(days=1)), 100)

    def test_without_a_date_it_uses_today(self):
        today = timezone.localdate()
        action = unsaved_action(
            start_date=today - timedelta(days=25), due_date=today + timedelta(days=75)
        )

        self.assertEqual(action.expected_percent(), 25)


class DerivedRagTests(TestCase):
    def assertRag(self, expected, today=MIDWAY, **overrides):
        self.assertEqual(unsaved_action(**overrides).derived_rag(today), expected)

    def test_on_schedule_midway_is_green(self):
        self.assertRag(Rag.GREEN, percent_complete=50)

    def test_ahead_of_schedule_is_green(self):
        self.assertRag(Rag.GREEN, percent_complete=55)
        self.assertRag(Rag.GREEN, percent_complete=80)

    def test_5_points_behind_is_green(self):
        self.assertRag(Rag.GREEN, percent_complete=45)

    def test_10_points_behind_is_still_green(self):
        self.assertRag(Rag.GREEN, percent_complete=40)

    def test_11_points_behind_is_amber(self):
        self.assertRag(Rag.AMBER, percent_complete=39)

    def test_15_points_behind_is_amber(self):
        self.assertRag(Rag.AMBER, percent_complete=35)

    def test_25_points_behind_is_still_amber(self):
        self.assertRag(Rag.AMBER, percent_complete=25)

    def test_30_points_behind_is_red(self):
        self.assertRag(Rag.RED, percent_complete=20)

    def test_before_the_start_nothing_is_expected_so_green(self):
        self.assertRag(Rag.GREEN, today=START - timedelta(days=5), status=ActionStatus.NOT_STARTED)

    def test_on_the_due_date_all_done_is_green(self):
        self.assertRag(Rag.GREEN, today=DUE, percent_complete=100)

    def test_on_the_due_date_15_points_short_is_amber_not_yet_overdue(self):
        self.assertRag(Rag.AMBER, today=DUE, percent_complete=85)

    def test_on_the_due_date_30_points_short_is_red(self):
        self.assertRag(Rag.RED, today=DUE, percent_complete=70)

    def test_the_day_after_the_due_date_an_open_action_is_red_even_at_100_percent(self):
        self.assertRag(Rag.RED, today=DUE + timedelta(days=1), percent_complete=100)

    def test_completed_is_green_whatever_the_dates(self):
        self.assertRag(
            Rag.GREEN,
            today=DUE + timedelta(days=30),
            status=ActionStatus.COMPLETED,
            percent_complete=10,
        )

    def test_cancelled_has_no_derived_rating(self):
        self.assertRag("", percent_complete=0, status=ActionStatus.CANCELLED)
        self.assertRag("", today=DUE + timedelta(days=30), status=ActionStatus.CANCELLED)

    def test_zero_length_action_before_its_day_is_green(self):
        self.assertRag(Rag.GREEN, today=START - timedelta(days=1), due_date=START)

    def test_zero_length_action_on_its_day_is_red_unless_done(self):
        self.assertRag(Rag.RED, today=START, due_date=START, percent_complete=0)
        self.assertRag(Rag.GREEN, today=START, due_date=START, percent_complete=100)

    def test_zero_length_action_after_its_day_is_overdue_so_red(self):
        self.assertRag(
            Rag.RED, today=START + timedelta(days=1), due_date=START, percent_complete=100
        )


class OriginalDueDateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.plan = make_plan()

    def test_first_save_keeps_the_due_date_as_first_agreed(self):
        action = make_action(plan=self.plan, start_date=START, due_date=DUE)

        action.refresh_from_db()
        self.assertEqual(action.original_due_date, DUE)
        self.assertFalse(action.is_rebaselined)

    def test_moving_the_due_date_keeps_the_first_agreed_date(self):
        action = make_action(plan=self.plan, start_date=START, due_date=DUE)
        action.due_date = DUE + timedelta(days=30)
        action.save()

        action.refresh_from_db()
        self.assertEqual(action.original_due_date, DUE)
        self.assertEqual(action.due_date, DUE + timedelta(days=30))
        self.assertTrue(action.is_rebaselined)

    def test_moving_it_twice_still_keeps_the_first(self):
        action = make_action(plan=self.plan, start_date=START, due_date=DUE)
        for days in (30, 60):
            action.due_date = DUE + timedelta(days=days)
            action.save()

        action.refresh_from_db()
        self.assertEqual(action.original_due_date, DUE)

    def test_moved_back_to_the_first_date_is_no_longer_rebaselined(self):
        action = make_action(plan=self.plan, start_date=START, due_date=DUE)
        action.due_date = DUE + timedelta(days=30)
        action.save()
        action.due_date = DUE
        action.save()

        self.assertFalse(action.is_rebaselined)

    def test_an_original_date_given_on_creation_is_kept(self):
        earlier = DUE - timedelta(days=20)
        action = make_action(
            plan=self.plan, start_date=START, due_date=DUE, original_due_date=earlier
        )

        action.refresh_from_db()
        self.assertEqual(action.original_due_date, earlier)
        self.assertTrue(action.is_rebaselined)

    def test_without_an_original_date_it_is_not_rebaselined(self):
        self.assertFalse(unsaved_action().is_rebaselined)


class WithFlagsCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        plan = make_plan()
        lead = make_user()
        cls.moved = make_action(plan=plan, start_date=START, due_date=DUE)
        cls.plain = make_action(plan=plan, start_date=START, due_date=DUE)
        for days in (10, 20):
            DueDateChange.objects.create(
                action=cls.moved,
                previous_due_date=DUE,
                new_due_date=DUE + timedelta(days=days),
                reason="Waiting for the new case management system",
            )
        for comment in ("Green looks generous", "Still generous", "Where is the audit?"):
            RatingChallenge.objects.create(
                action=cls.moved, comment=comment, rag_challenged=Rag.GREEN, raised_by=lead
            )
        RatingChallenge.objects.filter(comment="Still generous").update(answer="It is not")

    def flagged(self, action):
        return Action.objects.with_flags(today=MIDWAY).get(pk=action.pk)

    def test_extension_count_counts_due_date_changes(self):
        self.assertEqual(self.flagged(self.moved).extension_count, 2)

    def test_open_challenge_count_leaves_out_answered_challenges(self):
        self.assertEqual(self.flagged(self.moved).open_challenge_count, 2)

    def test_both_counts_are_zero_without_rows(self):
        plain = self.flagged(self.plain)

        self.assertEqual(plain.extension_count, 0)
        self.assertEqual(plain.open_challenge_count, 0)

    def test_counts_do_not_multiply_each_other_or_repeat_rows(self):
        rows = Action.objects.filter(plan=self.moved.plan).with_flags(today=MIDWAY)

        self.assertEqual(
            [(a.pk, a.extension_count, a.open_challenge_count) for a in rows],
            [(self.moved.pk, 2, 2), (self.plain.pk, 0, 0)],
        )

    def test_answering_every_challenge_clears_the_count(self):
        RatingChallenge.objects.filter(action=self.moved).update(answer="Evidence attached")

        self.assertEqual(self.flagged(self.moved).open_challenge_count, 0)


def words(html):
    """The text a screen reader reads, in one line."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


class ActionStateIncludeTests(TestCase):
    """The include calls derived_rag() with today's date, so the data is built around it."""

    @classmethod
    def setUpTestData(cls):
        today = timezone.localdate()
        cls.plan = make_plan()
        # Half the time gone and nothing done: 50 points behind, red by the dates.
        cls.behind = make_action(
            plan=cls.plan,
            start_date=today - timedelta(days=50),
            due_date=today + timedelta(days=50),
            percent_complete=0,
            rag=Rag.GREEN,
        )
        cls.on_schedule = make_action(
            plan=cls.plan,
            start_date=today - timedelta(days=50),
            due_date=today + timedelta(days=50),
            percent_complete=50,
            rag=Rag.GREEN,
        )

    def render(self, action):
        flagged = Action.objects.with_flags().get(pk=action.pk)
        return render_to_string("includes/action_state.html", {"action": flagged})

    def test_disagreement_is_shown_in_words_beside_the_council_rating(self):
        text = words(self.render(self.behind))

        self.assertIn("On track", text)
        self.assertIn("Council RAG Green", text)
        self.assertIn("By the dates Red", text)

    def test_the_colours_are_only_a_second_signal(self):
        html = self.render(self.behind)

        self.assertRegex(html, r'govuk-tag--green">Green<')
        self.assertRegex(html, r'govuk-tag--red">Red<')

    def test_amber_by_the_dates_is_written_amber_in_an_orange_tag(self):
        Action.objects.filter(pk=self.behind.pk).update(percent_complete=35)

        html = self.render(self.behind)

        self.assertIn("By the dates Amber", words(html))
        self.assertRegex(html, r'govuk-tag--orange">Amber<')

    def test_nothing_is_added_when_the_dates_agree(self):
        text = words(self.render(self.on_schedule))

        self.assertIn("Council RAG Green", text)
        self.assertNotIn("By the dates", text)

    def test_without_a_council_rating_the_dates_still_speak(self):
        Action.objects.filter(pk=self.behind.pk).update(rag="")

        text = words(self.render(self.behind))

        self.assertNotIn("Council RAG", text)
        self.assertIn("By the dates Red", text)
