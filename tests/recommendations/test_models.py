from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import SimpleTestCase, TestCase

from improvement_plans.implementation import (
    gaps,
    top_level_action_counts,
    top_level_states,
    with_action_counts,
    with_implementation_state,
    without_action,
)
from improvement_plans.models import ActionStatus
from recommendations.models import ImplementationState, Recommendation
from sli.lib.numbering import recommendation_label, roman
from tests.factories import (
    make_action,
    make_plan,
    make_recommendation,
    make_review,
    make_scope_question,
)

TODAY = date(2024, 6, 1)
LAST_WEEK = TODAY - timedelta(days=7)
NEXT_MONTH = TODAY + timedelta(days=30)
Response = Recommendation.Response


class NumberingTests(SimpleTestCase):
    def test_roman_numerals(self):
        expected = {1: "i", 2: "ii", 3: "iii", 4: "iv", 5: "v", 9: "ix", 14: "xiv", 40: "xl"}
        for number, numeral in expected.items():
            with self.subTest(number=number):
                self.assertEqual(roman(number), numeral)

    def test_roman_numerals_start_at_one(self):
        with self.assertRaises(ValueError):
            roman(0)

    def test_recommendation_label(self):
        self.assertEqual(recommendation_label(16), "16")
        self.assertEqual(recommendation_label(2, parent_number=16), "16(ii)")
        self.assertEqual(recommendation_label(4, parent_number=3), "3(iv)")


class RecommendationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.review = make_review()
        cls.sixteen = make_recommendation(review=cls.review, number=16)
        cls.sixteen_i = make_recommendation(parent=cls.sixteen, number=1)

    def test_label_of_a_top_level_recommendation_is_its_number(self):
        self.assertEqual(self.sixteen.label, "16")
        self.assertEqual(str(self.sixteen), "Recommendation 16")

    def test_label_of_a_sub_item_is_parent_number_and_roman_numeral(self):
        sixteen_ii = make_recommendation(parent=self.sixteen)

        self.assertEqual(sixteen_ii.number, 2)
        self.assertEqual(sixteen_ii.label, "16(ii)")
        self.assertEqual(str(sixteen_ii), "Recommendation 16(ii)")

    def test_absolute_url_is_the_recommendation_page(self):
        self.assertEqual(self.sixteen.get_absolute_url(), f"/recommendations/{self.sixteen.pk}/")

    def test_top_level_number_is_unique_within_a_review(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            make_recommendation(review=self.review, number=16)

        self.assertEqual(Recommendation.objects.filter(review=self.review).count(), 2)

    def test_sub_item_number_is_unique_under_its_parent(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            make_recommendation(parent=self.sixteen, number=1)

        self.assertEqual(self.sixteen.children.count(), 1)

    def test_sub_items_of_different_parents_may_share_a_number(self):
        seventeen_i = make_recommendation(parent=make_recommendation(review=self.review), number=1)

        self.assertEqual(seventeen_i.label, "17(i)")

    def test_sub_item_may_share_a_number_with_a_top_level_recommendation(self):
        sixteen_xvi = make_recommendation(parent=self.sixteen, number=16)

        self.assertEqual(sixteen_xvi.label, "16(xvi)")

    def test_same_number_is_allowed_in_another_review(self):
        other = make_recommendation(number=16)

        self.assertEqual(other.label, "16")
        self.assertNotEqual(other.review, self.review)

    def test_number_zero_is_refused(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            make_recommendation(review=self.review, number=0)

    def test_sub_items_come_right_after_their_parent(self):
        make_recommendation(review=self.review, number=17)
        make_recommendation(parent=self.sixteen, number=2)
        make_recommendation(review=self.review, number=2)
        make_recommendation(parent=make_recommendation(review=self.review, number=3), number=1)

        labels = [
            r.label
            for r in Recommendation.objects.filter(review=self.review).select_related("parent")
        ]

        self.assertEqual(labels, ["2", "3", "3(i)", "16", "16(i)", "16(ii)", "17"])

    def test_clean_refuses_a_parent_from_another_review(self):
        other_review = make_review()
        item = Recommendation(review=other_review, parent=self.sixteen, number=2, text="x")

        with self.assertRaises(ValidationError) as raised:
            item.clean()

        self.assertEqual(
            raised.exception.message_dict,
            {"parent": ["Choose a recommendation from the same review."]},
        )

    def test_clean_refuses_a_sub_item_of_a_sub_item(self):
        item = Recommendation(review=self.review, parent=self.sixteen_i, number=1, text="x")

        with self.assertRaises(ValidationError) as raised:
            item.clean()

        self.assertEqual(
            raised.exception.message_dict,
            {"parent": ["A sub-item cannot have sub-items of its own."]},
        )

    def test_clean_refuses_a_scope_question_from_another_review(self):
        item = Recommendation(
            review=self.review, number=20, text="x", scope_question=make_scope_question()
        )

        with self.assertRaises(ValidationError) as raised:
            item.clean()

        self.assertEqual(list(raised.exception.message_dict), ["scope_question"])

    def test_clean_accepts_a_sub_item_of_a_recommendation_in_the_same_review(self):
        item = Recommendation(
            review=self.review,
            parent=self.sixteen,
            number=2,
            text="x",
            scope_question=make_scope_question(review=self.review),
        )

        item.clean()

        self.assertEqual(item.label, "16(ii)")


class DerivedFactsTests(TestCase):
    """What the actions say about each recommendation, on a pinned date."""

    @classmethod
    def setUpTestData(cls):
        cls.review = make_review()
        cls.plan = make_plan(review=cls.review)
        rec = cls.recommendation

        cls.not_accepted = rec(response=Response.NOT_ACCEPTED)
        cls.action(cls.not_accepted, status=ActionStatus.ON_TRACK)
        cls.no_response_no_action = rec(response="")
        cls.no_action = rec()
        cls.only_cancelled = rec()
        cls.action(cls.only_cancelled, status=ActionStatus.CANCELLED)
        cls.not_started = rec()
        cls.action(cls.not_started, status=ActionStatus.NOT_STARTED)
        cls.in_progress = rec(response=Response.PARTLY_ACCEPTED)
        cls.action(cls.in_progress, status=ActionStatus.NOT_STARTED)
        cls.action(cls.in_progress, status=ActionStatus.ON_TRACK)
        cls.overdue = rec()
        cls.action(cls.overdue, status=ActionStatus.COMPLETED, due_date=LAST_WEEK)
        cls.action(cls.overdue, status=ActionStatus.AT_RISK, due_date=LAST_WEEK)
        cls.implemented = rec()
        cls.action(cls.implemented, status=ActionStatus.COMPLETED, due_date=LAST_WEEK)
        cls.action(cls.implemented, status=ActionStatus.COMPLETED)
        cls.action(cls.implemented, status=ActionStatus.CANCELLED, due_date=LAST_WEEK)
        cls.due_today = rec()
        cls.action(cls.due_today, status=ActionStatus.OFF_TRACK, due_date=TODAY)

        # A parent answered only through its sub-item.
        cls.parent = rec()
        cls.sub_item = make_recommendation(parent=cls.parent)
        cls.action(cls.sub_item, status=ActionStatus.COMPLETED)
        cls.bare_sub_item = make_recommendation(parent=cls.parent)

    @classmethod
    def recommendation(cls, **overrides):
        return make_recommendation(review=cls.review, **overrides)

    @classmethod
    def action(cls, recommendation, **overrides):
        return make_action(
            plan=cls.plan,
            today=TODAY,
            start_date=TODAY - timedelta(days=60),
            recommendations=[recommendation],
            **overrides,
        )

    def states(self):
        annotated = with_implementation_state(
            Recommendation.objects.filter(review=self.review), TODAY
        )
        return {r.pk: r.implementation_state for r in annotated}

    def test_implementation_states(self):
        states = self.states()

        expected = {
            self.not_accepted: ImplementationState.NOT_ACCEPTED,
            self.no_response_no_action: ImplementationState.NO_ACTION,
            self.no_action: ImplementationState.NO_ACTION,
            self.only_cancelled: ImplementationState.NO_ACTION,
            self.not_started: ImplementationState.NOT_STARTED,
            self.in_progress: ImplementationState.IN_PROGRESS,
            self.overdue: ImplementationState.OVERDUE,
            self.implemented: ImplementationState.IMPLEMENTED,
            self.due_today: ImplementationState.IN_PROGRESS,
            self.parent: ImplementationState.IMPLEMENTED,
            self.sub_item: ImplementationState.IMPLEMENTED,
            self.bare_sub_item: ImplementationState.NO_ACTION,
        }
        for recommendation, state in expected.items():
            with self.subTest(recommendation=recommendation.text):
                self.assertEqual(states[recommendation.pk], state)

    def test_the_grouped_states_agree_with_the_row_by_row_states(self):
        # An action on both a recommendation and its sub-item counts once for the parent.
        make_action(
            plan=self.plan,
            today=TODAY,
            recommendations=[self.parent, self.bare_sub_item],
            status=ActionStatus.ON_TRACK,
            due_date=LAST_WEEK,
        )
        top_level = Recommendation.objects.filter(review=self.review).top_level()

        for day in (TODAY, TODAY + timedelta(days=1)):
            with self.subTest(day=day):
                grouped = top_level_states(top_level, day)
                row_by_row = dict(
                    with_implementation_state(top_level, day).values_list(
                        "pk", "implementation_state"
                    )
                )
                self.assertEqual(grouped, row_by_row)
        self.assertEqual(grouped[self.parent.pk], ImplementationState.OVERDUE)
        self.assertEqual(
            top_level_action_counts(top_level, TODAY)[self.parent.pk],
            {"total": 2, "completed": 1, "overdue": 1, "started": 2},
        )

    def test_the_same_actions_become_overdue_a_day_after_they_are_due(self):
        tomorrow = TODAY + timedelta(days=1)

        state = (
            with_implementation_state(Recommendation.objects.all(), tomorrow)
            .get(pk=self.due_today.pk)
            .implementation_state
        )

        self.assertEqual(state, ImplementationState.OVERDUE)

    def test_action_counts_ignore_cancelled_actions(self):
        implemented = with_action_counts(Recommendation.objects.all(), TODAY).get(
            pk=self.implemented.pk
        )

        self.assertEqual(implemented.action_count, 2)
        self.assertEqual(implemented.completed_action_count, 2)
        self.assertEqual(implemented.overdue_action_count, 0)

    def test_action_counts_of_a_recommendation_with_two_actions(self):
        overdue = with_action_counts(Recommendation.objects.all(), TODAY).get(pk=self.overdue.pk)

        self.assertEqual(
            (
                overdue.action_count,
                overdue.completed_action_count,
                overdue.overdue_action_count,
                overdue.started_action_count,
            ),
            (2, 1, 1, 2),
        )

    def test_an_action_answering_two_recommendations_counts_once_for_their_parent(self):
        shared = self.action(self.sub_item, status=ActionStatus.ON_TRACK)
        shared.recommendations.add(self.bare_sub_item, self.parent)

        parent = with_action_counts(Recommendation.objects.all(), TODAY).get(pk=self.parent.pk)

        self.assertEqual(parent.action_count, 2)

    def test_an_action_on_the_parent_answers_its_sub_items(self):
        parent = self.recommendation()
        first = make_recommendation(parent=parent)
        second = make_recommendation(parent=parent)
        self.action(parent, status=ActionStatus.ON_TRACK)

        states = self.states()

        self.assertEqual(states[first.pk], ImplementationState.IN_PROGRESS)
        self.assertEqual(states[second.pk], ImplementationState.IN_PROGRESS)
        self.assertNotIn(first, without_action(Recommendation.objects.all()))

    def test_without_action(self):
        without = without_action(Recommendation.objects.filter(review=self.review))

        self.assertCountEqual(
            without,
            [self.no_response_no_action, self.no_action, self.only_cancelled, self.bare_sub_item],
        )

    def test_gaps_leave_out_what_the_council_did_not_accept(self):
        self.not_accepted.actions.all().delete()

        found = gaps(Recommendation.objects.filter(review=self.review).top_level())

        self.assertCountEqual(
            found, [self.no_response_no_action, self.no_action, self.only_cancelled]
        )
        self.assertIn(
            self.not_accepted, without_action(Recommendation.objects.filter(review=self.review))
        )
