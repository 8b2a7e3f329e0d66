from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.test import TestCase

from improvement_plans.models import (
    Action,
    ActionStatus,
    Evidence,
    ImprovementPlan,
    Milestone,
    Rag,
)
from tests.base import building_pages
from tests.factories import (
    make_action,
    make_area,
    make_evidence,
    make_milestone,
    make_plan,
    make_update,
)

TODAY = date(2024, 6, 1)
YESTERDAY = TODAY - timedelta(days=1)
LAST_MONTH = TODAY - timedelta(days=30)
NEXT_MONTH = TODAY + timedelta(days=30)


class ConstraintTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.plan = make_plan()
        cls.action = make_action(plan=cls.plan, number=7, today=TODAY)

    def test_action_number_is_unique_within_a_plan(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            make_action(plan=self.plan, number=7)

        self.assertEqual(Action.objects.filter(plan=self.plan).count(), 1)

    def test_same_action_number_is_allowed_in_another_plan(self):
        other = make_action(number=7)

        self.assertEqual(str(other), f"Action 7: {other.title}")

    def test_action_due_before_it_starts_is_refused(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            make_action(plan=self.plan, start_date=TODAY, due_date=YESTERDAY)

    def test_action_due_the_day_it_starts_is_accepted(self):
        action = make_action(plan=self.plan, start_date=TODAY, due_date=TODAY)

        self.assertEqual(action.due_date, action.start_date)

    def test_action_more_than_100_percent_complete_is_refused(self):
        self.action.percent_complete = 101

        with self.assertRaises(IntegrityError), transaction.atomic():
            self.action.save()

        self.action.refresh_from_db()
        self.assertEqual(self.action.percent_complete, 0)

    def test_action_100_percent_complete_is_accepted(self):
        make_action(plan=self.plan, percent_complete=100, status=ActionStatus.COMPLETED)

        self.assertTrue(Action.objects.filter(percent_complete=100).exists())

    def test_progress_update_more_than_100_percent_complete_is_refused(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            make_update(action=self.action, percent_complete=101)

        self.assertFalse(self.action.updates.exists())

    def test_evidence_with_neither_file_nor_link_is_refused(self):
        update = make_update(action=self.action)

        with self.assertRaises(IntegrityError), transaction.atomic():
            make_evidence(update=update, link="")

    def test_evidence_with_both_file_and_link_is_refused(self):
        update = make_update(action=self.action)

        with self.assertRaises(IntegrityError), transaction.atomic():
            make_evidence(update=update, file="evidence/audit.pdf", link="https://example.org/a")

    def test_evidence_with_a_file_or_a_link_is_accepted(self):
        update = make_update(action=self.action)

        make_evidence(update=update, file="evidence/audit.pdf", link="")
        make_evidence(update=update, link="https://example.org/audit")

        self.assertEqual(Evidence.objects.filter(update=update).count(), 2)


class OverdueTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        plan = make_plan()

        def action(status, due_date):
            return make_action(
                plan=plan,
                status=status,
                start_date=LAST_MONTH - timedelta(days=30),
                due_date=due_date,
            )

        cls.past_due_not_started = action(ActionStatus.NOT_STARTED, YESTERDAY)
        cls.past_due_off_track = action(ActionStatus.OFF_TRACK, LAST_MONTH)
        cls.past_due_completed = action(ActionStatus.COMPLETED, LAST_MONTH)
        cls.past_due_cancelled = action(ActionStatus.CANCELLED, LAST_MONTH)
        cls.due_today = action(ActionStatus.AT_RISK, TODAY)
        cls.due_next_month = action(ActionStatus.ON_TRACK, NEXT_MONTH)

    def test_overdue_is_past_due_and_still_open(self):
        self.assertCountEqual(
            Action.objects.overdue(TODAY), [self.past_due_not_started, self.past_due_off_track]
        )

    def test_due_today_is_overdue_tomorrow(self):
        self.assertIn(self.due_today, Action.objects.overdue(TODAY + timedelta(days=1)))

    def test_is_overdue_agrees_with_the_queryset(self):
        overdue = set(Action.objects.overdue(TODAY))
        for action in Action.objects.all():
            with self.subTest(action=action.number):
                self.assertEqual(action.is_overdue(TODAY), action in overdue)

    def test_closed_actions(self):
        self.assertTrue(self.past_due_completed.is_closed)
        self.assertTrue(self.past_due_cancelled.is_closed)
        self.assertFalse(self.past_due_off_track.is_closed)

    def test_live_open_completed_and_started(self):
        self.assertNotIn(self.past_due_cancelled, Action.objects.live())
        self.assertEqual(Action.objects.live().count(), 5)
        self.assertCountEqual(
            Action.objects.open(),
            [
                self.past_due_not_started,
                self.past_due_off_track,
                self.due_today,
                self.due_next_month,
            ],
        )
        self.assertCountEqual(Action.objects.completed(), [self.past_due_completed])
        self.assertCountEqual(
            Action.objects.started(),
            [self.past_due_off_track, self.past_due_completed, self.due_today, self.due_next_month],
        )


class MilestoneTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        plan = make_plan()
        open_action = make_action(plan=plan, today=TODAY)
        completed = make_action(plan=plan, today=TODAY, status=ActionStatus.COMPLETED)
        cancelled = make_action(plan=plan, today=TODAY, status=ActionStatus.CANCELLED)
        cls.missed = make_milestone(action=open_action, due_date=LAST_MONTH)
        cls.done_late = make_milestone(action=open_action, due_date=LAST_MONTH, done_on=TODAY)
        cls.due_today = make_milestone(action=open_action, due_date=TODAY)
        cls.on_completed_action = make_milestone(action=completed, due_date=LAST_MONTH)
        cls.on_cancelled_action = make_milestone(action=cancelled, due_date=LAST_MONTH)

    def test_missed_is_past_due_not_done_on_an_open_action(self):
        self.assertEqual(list(Milestone.objects.missed(TODAY)), [self.missed])
        self.assertEqual(list(Milestone.objects.overdue(TODAY)), [self.missed])

    def test_missed_flag_and_is_missed_agree_with_missed(self):
        flagged = Milestone.objects.with_missed_flag(TODAY).select_related("action")
        for milestone in flagged:
            with self.subTest(milestone=milestone.text):
                expected = milestone == self.missed
                self.assertIs(milestone.is_missed_flag, expected)
                self.assertIs(milestone.is_missed(TODAY), expected)

    def test_milestone_due_today_is_missed_tomorrow(self):
        tomorrow = TODAY + timedelta(days=1)

        self.assertCountEqual(Milestone.objects.missed(tomorrow), [self.missed, self.due_today])

    def test_str_and_absolute_url(self):
        self.assertEqual(str(self.missed), f"{self.missed.text} (May 2024)")
        self.assertEqual(
            self.missed.get_absolute_url(),
            f"/actions/{self.missed.action_id}/#milestone-{self.missed.pk}",
        )


class FlagTests(TestCase):
    """What the dates say, beside the council's own red, amber or green."""

    @classmethod
    def setUpTestData(cls):
        plan = make_plan()

        def action(rag, status=ActionStatus.ON_TRACK, due_date=NEXT_MONTH, missed=False):
            action = make_action(
                plan=plan,
                rag=rag,
                status=status,
                start_date=LAST_MONTH - timedelta(days=30),
                due_date=due_date,
            )
            make_milestone(action=action, due_date=LAST_MONTH, done_on=LAST_MONTH)
            if missed:
                make_milestone(action=action, due_date=YESTERDAY)
            return action

        cls.green_overdue = action(Rag.GREEN, due_date=YESTERDAY)
        cls.green_missed_milestone = action(Rag.GREEN, missed=True)
        cls.amber_overdue = action(Rag.AMBER, due_date=YESTERDAY)
        cls.red_missed_milestone = action(Rag.RED, missed=True)
        cls.green_completed_late = action(
            Rag.GREEN, status=ActionStatus.COMPLETED, due_date=YESTERDAY, missed=True
        )
        cls.green_cancelled_late = action(
            Rag.GREEN, status=ActionStatus.CANCELLED, due_date=YESTERDAY, missed=True
        )
        cls.green_on_time = action(Rag.GREEN)
        cls.unrated_overdue = action("", due_date=YESTERDAY)
        cls.green_due_today = action(Rag.GREEN, due_date=TODAY)

    def test_flags(self):
        flags = {
            a.pk: (a.is_overdue_flag, a.has_missed_milestone, a.is_rag_contradicted)
            for a in Action.objects.with_flags(TODAY)
        }

        expected = {
            self.green_overdue: (True, False, True),
            self.green_missed_milestone: (False, True, True),
            self.amber_overdue: (True, False, False),
            self.red_missed_milestone: (False, True, False),
            self.green_completed_late: (False, False, False),
            self.green_cancelled_late: (False, False, False),
            self.green_on_time: (False, False, False),
            self.unrated_overdue: (True, False, False),
            self.green_due_today: (False, False, False),
        }
        for action, action_flags in expected.items():
            with self.subTest(action=action.number):
                self.assertEqual(flags[action.pk], action_flags)

    def test_rag_contradicted_is_green_while_overdue_or_behind_a_milestone(self):
        self.assertCountEqual(
            Action.objects.rag_contradicted(TODAY),
            [self.green_overdue, self.green_missed_milestone],
        )

    def test_rag_contradicted_follows_the_date(self):
        tomorrow = TODAY + timedelta(days=1)

        self.assertIn(self.green_due_today, Action.objects.rag_contradicted(tomorrow))


@building_pages
class ActionSummaryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.plan = make_plan()
        area = make_area(plan=cls.plan)

        def action(status, due_date):
            return make_action(
                plan=cls.plan,
                area=area,
                status=status,
                start_date=LAST_MONTH - timedelta(days=30),
                due_date=due_date,
            )

        action(ActionStatus.NOT_STARTED, NEXT_MONTH)
        action(ActionStatus.OFF_TRACK, YESTERDAY)
        action(ActionStatus.AT_RISK, LAST_MONTH)
        action(ActionStatus.AT_RISK, TODAY)
        action(ActionStatus.COMPLETED, LAST_MONTH)
        action(ActionStatus.COMPLETED, NEXT_MONTH)
        action(ActionStatus.CANCELLED, LAST_MONTH)
        cls.empty_plan = make_plan(council=cls.plan.council)
        busy_plan = make_plan()
        for _ in range(3):
            make_action(plan=busy_plan, due_date=YESTERDAY, start_date=LAST_MONTH)

    def summary(self, plan):
        plan = ImprovementPlan.objects.with_action_summary(TODAY).get(pk=plan.pk)
        return plan.action_count, plan.completed_action_count, plan.overdue_action_count

    def test_counts_live_completed_and_overdue_actions(self):
        self.assertEqual(self.summary(self.plan), (6, 2, 2))

    def test_plan_without_actions_counts_nothing(self):
        self.assertEqual(self.summary(self.empty_plan), (0, 0, 0))

    def test_summary_of_every_plan_in_one_query(self):
        with self.assertNumQueries(1):
            summaries = [
                (p.action_count, p.completed_action_count, p.overdue_action_count)
                for p in ImprovementPlan.objects.with_action_summary(TODAY)
            ]

        self.assertCountEqual(summaries, [(6, 2, 2), (0, 0, 0), (3, 0, 3)])


class MeasureTests(TestCase):
    def test_measure_reads_target_unit_and_description(self):
        action = make_action(
            measure_description="Protection Plans reviewed within 28 days",
            measure_target="70",
            measure_unit="%",
        )

        self.assertEqual(action.measure, "70% Protection Plans reviewed within 28 days")

    def test_measure_without_a_target_is_the_description(self):
        action = make_action(measure_description="Carers' assessments completed")

        self.assertEqual(action.measure, "Carers' assessments completed")

    def test_measure_with_only_a_target(self):
        action = make_action(measure_target="95", measure_unit="%")

        self.assertEqual(action.measure, "95%")

    def test_no_measure(self):
        self.assertEqual(make_action(measure_unit="%").measure, "")

    def test_measure_with_a_word_unit_keeps_a_space_after_the_number(self):
        action = make_action(
            measure_description="Standardisation meetings held per year by each group",
            measure_target="4",
            measure_unit="meetings",
        )

        self.assertEqual(
            action.measure, "4 meetings Standardisation meetings held per year by each group"
        )

    def test_measure_in_pounds_puts_the_sign_before_the_number(self):
        action = make_action(
            measure_description="saved on agency staff", measure_target="5000", measure_unit="£"
        )

        self.assertEqual(action.measure, "£5000 saved on agency staff")


class StringsAndUrlsTests(TestCase):
    def test_plan_area_action_update_and_evidence(self):
        plan = make_plan(title="Adult social care improvement plan")
        area = make_area(plan=plan, number=3)
        action = make_action(plan=plan, area=area, number=12, title="Audit case files")
        update = make_update(action=action, date=date(2024, 5, 9))
        evidence = make_evidence(update=update, description="Audit report")

        self.assertEqual(str(plan), "Adult social care improvement plan")
        self.assertEqual(plan.get_absolute_url(), f"/plans/{plan.pk}/")
        self.assertEqual(str(area), "Improvement Area 3")
        self.assertEqual(area.get_absolute_url(), f"/plans/{plan.pk}/#improvement-area-3")
        self.assertEqual(str(action), "Action 12: Audit case files")
        self.assertEqual(action.get_absolute_url(), f"/actions/{action.pk}/")
        self.assertEqual(str(update), "Update on action 12, 09 May 2024")
        self.assertEqual(update.get_absolute_url(), f"/actions/{action.pk}/#update-{update.pk}")
        self.assertEqual(str(evidence), "Audit report")
        self.assertEqual(evidence.get_absolute_url(), update.get_absolute_url())
