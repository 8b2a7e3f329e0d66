"""The factual accuracy window: 10 working days, England's bank holidays left out."""

from datetime import date

from django.test import SimpleTestCase

from sli.lib.working_days import add_working_days, is_working_day, working_days_until


class WorkingDayTests(SimpleTestCase):
    def test_ten_working_days_from_an_ordinary_thursday(self):
        self.assertEqual(add_working_days(date(2026, 12, 3), 10), date(2026, 12, 17))

    def test_christmas_2027_and_its_substitute_days(self):
        # Christmas Day and Boxing Day 2027 fall on a weekend: Monday 27 and Tuesday 28
        # December are the bank holidays instead, and New Year's Day 2028 is a Saturday
        # (Monday 3 January is its substitute).
        self.assertFalse(is_working_day(date(2027, 12, 27)))
        self.assertFalse(is_working_day(date(2027, 12, 28)))
        self.assertFalse(is_working_day(date(2028, 1, 3)))
        # From Friday 17 December 2027: 20, 21, 22, 23, 24, 29, 30, 31 December, 4, 5 January.
        self.assertEqual(add_working_days(date(2027, 12, 17), 10), date(2028, 1, 5))

    def test_easter_2027(self):
        # Good Friday 26 March and Easter Monday 29 March 2027.
        self.assertFalse(is_working_day(date(2027, 3, 26)))
        self.assertFalse(is_working_day(date(2027, 3, 29)))
        # From Monday 22 March 2027: 23, 24, 25, 30, 31 March, 1, 2, 5, 6, 7 April.
        self.assertEqual(add_working_days(date(2027, 3, 22), 10), date(2027, 4, 7))

    def test_the_countdown_agrees_with_the_deadline(self):
        for start in (date(2027, 12, 17), date(2027, 3, 22), date(2026, 12, 3)):
            due = add_working_days(start, 10)
            with self.subTest(start=start):
                self.assertEqual(working_days_until(start, due), 10)
                self.assertEqual(working_days_until(due, due), 0)
                self.assertEqual(working_days_until(due, start), 0)
                self.assertEqual(working_days_until(add_working_days(start, 3), due), 7)

    def test_a_weekend_start_counts_from_the_next_working_day(self):
        self.assertEqual(add_working_days(date(2027, 3, 27), 1), date(2027, 3, 30))
