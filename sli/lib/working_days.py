"""Working days in England: Monday to Friday except England's bank holidays, from the
``holidays`` package (kept up to date by its maintainers, substitute days included)."""

from datetime import timedelta
from functools import cache

import holidays


@cache
def _bank_holidays(year):
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day):
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start, days):
    """The date ``days`` working days after ``start`` (which itself does not count): 10
    working days from an e-mail sent on Thursday 3 December 2026 end on 17 December."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day


def working_days_until(today, end):
    """How many working days after ``today`` up to and including ``end`` (0 when ``end`` is
    today or past)."""
    count, day = 0, today
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count
