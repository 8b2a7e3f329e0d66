"""Milestones, one a line: "June 2010 – what will be done", "… (done 12 June 2010)", or a
date inside the words."""

import re
from datetime import date, datetime

from improvement_plans.exports import format_when
from improvement_plans.imports.cells import (
    find_dates_in_text,
    is_sensible,
    parse_date_text,
    read_date,
    timescale_word,
)
from improvement_plans.imports.rows.row import MISSING
from improvement_plans.imports.text import cell_text, short

# A milestone with no date of its own is due with its action.
WITH_ACTION = "action due date"


def read_milestones(row, wanted):
    value, column = row.get("milestones")
    if value is MISSING:
        return
    milestones = []
    if isinstance(value, datetime | date):
        value = format_when(read_date(value))
    for line_number, line in enumerate(cell_text(value).split("\n"), start=1):
        line = line.strip().lstrip("•·▪*").strip()
        if not line:
            continue
        parsed = _read_line(row, column, line_number, line)
        if parsed:
            milestones.append(parsed)
    wanted["milestones"] = milestones


def _read_line(row, column, line_number, line):
    def problem(message):
        row.problem(column, f"line {line_number}, “{short(line)}”: {message}")

    done_on = None
    done = re.search(r"\s*\(\s*(?:done|completed?|achieved)\s+(?:on\s+)?([^()]*)\)\s*$", line, re.I)
    if done:
        done_on = parse_date_text(done.group(1))
        if not is_sensible(done_on):
            problem("the date it was done cannot be read — write it as “(done 12 June 2010)”")
            return None
        line = line[: done.start()].strip()
    parts = re.split(r"\s+[–—-]\s+|\s*:\s+", line, maxsplit=1)
    if len(parts) == 2:
        when, text = parts[0].strip(), parts[1].strip()
        due = parse_date_text(when)
        if due is not None:
            if not is_sensible(due):
                problem(f"the date {due:%d/%m/%Y} looks wrong — check the year")
                return None
            return _milestone(problem, text, due, done_on)
        word = timescale_word(when)
        if word and not find_dates_in_text(when):
            # No date to be had: the word stays in the text, due with the action.
            return _milestone(problem, f"{text} ({when})", WITH_ACTION, done_on)
    return _read_line_without_parts(problem, line, done_on)


def _read_line_without_parts(problem, line, done_on):
    """A line not written as "date – what": a date alone, a date inside the words, a word."""
    if parse_date_text(line) is not None:
        problem("there is a date but no milestone — write it as “June 2010 – what will be done”")
        return None
    found = find_dates_in_text(line)
    if found:
        if not is_sensible(found[-1][0]):
            problem(f"the date {found[-1][0]:%d/%m/%Y} looks wrong — check the year")
            return None
        return _milestone(problem, milestone_text_around(line, found[-1]), found[-1][0], done_on)
    if timescale_word(line):
        return _milestone(problem, line, WITH_ACTION, done_on)
    problem(
        "no date can be read — write each milestone on its own line as "
        "“June 2010 – what will be done”"
    )
    return None


def _milestone(problem, text, due, done_on):
    if not text:
        problem("say what the milestone is — write it as “June 2010 – what will be done”")
        return None
    if len(text) > 500:
        problem(f"the milestone is {len(text)} characters long — shorten it to 500 or fewer")
        return None
    return (text, due, done_on)


def milestone_text_around(line, found):
    """The milestone's words: "New documentation completed June 2010" → "New documentation
    completed"; a date inside the words ("Ongoing from first audit month (August 2010)") stays."""
    _, start, end = found
    before, after = line[:start].strip(), line[end:].strip()
    if not after.strip(" .,;)"):
        text = before.rstrip(" –—-:,;(").strip()
        if text.lower().endswith((" by", " in", " from")) or text.lower() in {"by", "in"}:
            text = text.rsplit(" ", 1)[0] if " " in text else ""
        return text or ""
    if not before:
        return after.lstrip(" –—-:,;").strip()
    return line
