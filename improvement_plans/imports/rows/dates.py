"""Start, due and original due dates and the timescales written instead: a date, a word such as
"Ongoing" (kept for later), or lines of dated steps whose latest date is the due date."""

from improvement_plans.exports import format_day
from improvement_plans.imports.cells import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    find_dates_in_text,
    is_sensible,
    read_date,
    timescale_word,
)
from improvement_plans.imports.rows.milestones import milestone_text_around
from improvement_plans.imports.rows.row import MISSING
from improvement_plans.imports.text import cell_text, is_blank, short


def read_dates(row, wanted, outcome):
    for key in ("start_date", "original_due_date"):
        value, column = row.get(key)
        if value is MISSING or is_blank(value):
            continue
        day = read_date(value)
        if not is_sensible(day):
            date_problem(row, column, value, day)
        else:
            wanted[key] = day
    value, column = row.get("due_date")
    if value is MISSING or is_blank(value):
        return
    day = read_date(value)
    if day is not None:
        if is_sensible(day):
            wanted["due_date"] = day
        else:
            date_problem(row, column, value, day)
        return
    text = cell_text(value)
    if timescale_word(text):
        wanted["timescale_word"] = (text, column.header)
        return
    _read_dated_lines(row, wanted, outcome, column, value)


def _read_dated_lines(row, wanted, outcome, column, value):
    """The council's own layout: "New documentation completed June 2010" line by line."""
    lines = [line.strip() for line in cell_text(value).split("\n") if line.strip()]
    dates, milestones = [], []
    for line in lines:
        found = find_dates_in_text(line)
        if not found:
            if timescale_word(line):
                continue
            date_problem(row, column, value, None)
            return
        dates.extend(day for day, _, _ in found)
        label = milestone_text_around(line, found[-1])
        if label:
            milestones.append((label, found[-1][0], None))
    if not all(is_sensible(day) for day in dates):
        date_problem(row, column, value, None)
        return
    wanted["due_date"] = max(dates)
    outcome.notes.append(
        f"“{column.header}” reads as due {format_day(max(dates))}, the latest date in it"
    )
    if milestones and "milestones" not in row.sheet.columns:
        wanted["milestones"] = milestones


def date_problem(row, column, value, day):
    text = cell_text(value)
    if day is not None:
        message = (
            f"the date {day:%d/%m/%Y} looks wrong — check the year (dates from "
            f"{EARLIEST_YEAR} to {LATEST_YEAR} are accepted)"
        )
    else:
        message = (
            f"“{short(text)}” is not a date we can read — enter a date such as 31/03/2011, "
            "March 2011 or Q4 2010/11, or a word such as Ongoing"
        )
    row.problem(column, message)
