"""Improvement plans from Excel: the layout ``exports`` writes, or any one-row-per-action sheet.

Two steps. ``read_plan_workbook`` reads the file and returns a preview: row by row what would
be created or changed and what the row reads as (its recommendation, dates, status, RAG,
owner), every problem named by sheet, row and column with what to do, and notes that many rows
share said once. ``apply_import`` then saves the preview in one transaction: whole or not at
all, or, if asked, only the rows without problems; ``rejected_rows.rejected_rows_workbook``
gives the others back with the reason for each.

Columns may come in any order, with headings spelled as people spell them ("Rec No", "Lead
Officer", "Timescale"), under a title or two. A "Rec No" column beside a "Recommendation" column
is the number ("16(ii)", "16 ii", "16.ii", "3a", "Rec 4") and its wording, checked against the
number. Dates may be Excel dates or written as "31/03/2010", "June 2010", "Sept 2010",
"Q3 2010/11" or "2010/11"; "Ongoing", "Completed", "Quarterly" and the like are kept as text
where no date can be had. "Complete", "Done", "Closed" or "Blue" in the RAG column mean the
action is completed.

Files that are not spreadsheets, are empty, too big, or compressed to explode are refused with
a message; nothing here raises on a bad file.
"""

import calendar
import os
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from io import BytesIO
from typing import NamedTuple

from django.db import IntegrityError, transaction
from django.db.models import F, OuterRef, Prefetch, Subquery
from django.utils import timezone
from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel
from simple_history.utils import bulk_create_with_history

from improvement_plans.exports import COLUMNS, format_day, format_when
from improvement_plans.models import (
    Action,
    ActionStatus,
    DueDateChange,
    ImprovementArea,
    Milestone,
    ProgressUpdate,
    Rag,
)
from recommendations.models import Recommendation
from sli.lib.numbering import recommendation_label, roman

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
# Spreadsheet XML compresses about 5 to 20 times; a zip bomb, hundreds or thousands of times.
MAX_COMPRESSION_RATIO = 100
MAX_DATA_ROWS = 5000
MAX_COLUMNS = 50
# Rows read, blank ones included, before giving up on a sheet (a few bytes of XML can claim
# a row a million rows down).
MAX_SCANNED_ROWS = 50_000
HEADER_SEARCH_ROWS = 10

IMPORT_REASON = "Changed by spreadsheet import"
ENTER_ACTION = (
    "enter what the action is, or delete the row (each action is one row: text that "
    "continues the action above belongs in that row)"
)
UPDATE_NARRATIVE = "Status, RAG or percent complete changed by spreadsheet import."


class ImportRefused(Exception):
    """``apply_import`` was given a preview it must not save."""


@dataclass
class Problem:
    """Something that stops the file being saved, and what to do about it."""

    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    @property
    def location(self):
        parts = []
        if self.sheet is not None:
            parts.append(f"Sheet “{self.sheet}”")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column “{self.column}”")
        text = ", ".join(parts)
        return text[:1].upper() + text[1:]

    def __str__(self):
        return f"{self.location}: {self.message}" if self.location else self.message


@dataclass
class RowOutcome:
    """What one row of the sheet would do: "create action 12", "change action 3: …",
    "no change"; with notes on anything read generously (a date kept as text)."""

    sheet: str
    row: int
    action_number: int | None
    kind: str = "no change"  # "create", "change", "no change", or "not read" (problems)
    changes: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # this row's, as Problem
    # What the row reads as: what the action will be once imported.
    recommendations: list = field(default_factory=list)  # (label, start of its wording)
    start_date: date | None = None
    due_date: date | None = None
    status: str = ""
    rag: str = ""
    percent_complete: int | None = None
    owner: str = ""
    update_date: date | None = None
    own_notes: list = field(default_factory=list)  # notes no other row has

    @property
    def is_rejected(self):
        return self.kind == "not read"

    @property
    def message(self):
        if self.kind == "create":
            return f"create action {self.action_number}"
        if self.kind == "change":
            return f"change action {self.action_number}: " + ", ".join(self.changes)
        if self.kind == "not read":
            return "not imported: see the problems"
        return "no change"

    def __str__(self):
        return f"Sheet “{self.sheet}”, row {self.row}: {self.message}"


@dataclass
class RepeatedNote:
    """A note or problem that several rows share, said once: "rows 4, 6 and 9–12"."""

    message: str
    sheet: str
    rows: list
    column: str | None = None

    @property
    def location(self):
        rows = row_ranges(self.rows)
        text = f"Sheet “{self.sheet}”, row{'s' if len(self.rows) > 1 else ''} {rows}"
        return text + (f", column “{self.column}”" if self.column else "")

    def __str__(self):
        return f"{self.location}: {self.message}"


def row_ranges(numbers):
    """[4, 6, 9, 10, 11, 12] → "4, 6 and 9–12"."""
    ranges = []
    for number in sorted(set(numbers)):
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    parts = []
    for first, last in ranges:
        if last - first > 1:
            parts.append(f"{first}–{last}")
        else:
            parts.extend(str(number) for number in range(first, last + 1))
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _grouped(items, key):
    """Items that say the same thing, in the order first seen: {key: [items]}."""
    groups = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


@dataclass
class ImportPreview:
    plan_id: int
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    planned: list = field(default_factory=list)
    new_areas: dict = field(default_factory=dict)
    area_titles: dict = field(default_factory=dict)
    headers: dict = field(default_factory=dict)  # sheet → its heading row as written
    repeated_notes: list = field(default_factory=list)  # RepeatedNote, shared by rows

    @property
    def is_valid(self):
        return not self.problems

    def count(self, kind):
        return sum(1 for row in self.rows if row.kind == kind)

    @property
    def sheets(self):
        return list(self.headers)

    @property
    def rejected_rows(self):
        return [row for row in self.rows if row.is_rejected]

    @property
    def accepted_count(self):
        return len(self.rows) - len(self.rejected_rows)

    @property
    def file_problems(self):
        """Problems with the file or a sheet as a whole, not with one row."""
        return [problem for problem in self.problems if problem.row is None]

    @property
    def can_import_valid_rows(self):
        """Whether the rows without problems may be imported on their own: every problem
        is in a row, and some row has none."""
        return bool(self.problems) and not self.file_problems and self.accepted_count > 0

    @property
    def grouped_problems(self):
        """The problems, one entry for the same problem on several rows."""
        groups = _grouped(self.problems, lambda p: (p.sheet, p.column, p.message, p.row is None))
        grouped = []
        for (sheet, column, message, whole_file), problems in groups.items():
            if whole_file or len(problems) == 1:
                grouped.extend(problems)
            else:
                rows = [problem.row for problem in problems]
                grouped.append(RepeatedNote(message, sheet, rows, column))
        return grouped

    @property
    def summary(self):
        if self.problems:
            count = len(self.problems)
            return f"{count} problem{'s' if count != 1 else ''}: nothing will be saved"
        return (
            f"{self.count('create')} to create, {self.count('change')} to change, "
            f"{self.count('no change')} unchanged"
        )


@dataclass
class ImportResult:
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    rejected: int = 0  # rows with problems, left out when only the valid rows are imported
    areas_created: int = 0
    areas_renamed: int = 0
    updates_added: int = 0
    due_dates_moved: int = 0
    milestones_added: int = 0
    milestones_changed: int = 0
    milestones_removed: int = 0

    def __str__(self):
        text = (
            f"{self.created} action{'s' if self.created != 1 else ''} created, "
            f"{self.changed} changed, {self.unchanged} unchanged"
        )
        if self.rejected:
            text += f", {self.rejected} row{'s' if self.rejected != 1 else ''} not imported"
        return text


# ---------------------------------------------------------------------------------------
# Reading cells: dates, statuses, RAG, percentages, recommendation numbers
# ---------------------------------------------------------------------------------------


def _words(text):
    return text.split("|")


_MONTHS = "january february march april may june july august september october november december"
_MONTH_NAMES = {name: n for n, name in enumerate(_MONTHS.split(), start=1)}
_MONTH_NAMES |= {name[:3]: n for name, n in _MONTH_NAMES.items()} | {"sept": 9}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_PATTERNS = [
    # 31/03/2010, 31.3.10, 31-03-2010
    ("dmy", r"(?P<day>\d{1,2})\s*[/.\-]\s*(?P<mon>\d{1,2})\s*[/.\-]\s*(?P<year>\d{4}|\d{2})"),
    # 2010-03-31
    ("iso", r"(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})"),
    # 31 March 2010, 31st Mar 2010
    (
        "d_month_y",
        r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})",
    ),
    # March 31, 2010
    ("month_d_y", _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"),
    # Q3 2010/11, Quarter 3 2010-11, Q4 2011
    (
        "quarter",
        r"(?:q|quarter)\s*(?P<quarter>[1-4])\s*(?:of\s+)?(?:fy\s*)?"
        r"(?P<year>\d{4})(?:\s*[/\-]\s*(?P<year2>\d{4}|\d{2}))?",
    ),
    # 2010/11 Q3
    (
        "year_quarter",
        r"(?P<year>\d{4})\s*[/\-]\s*(?P<year2>\d{4}|\d{2})\s+(?:q|quarter)\s*(?P<quarter>[1-4])",
    ),
    # June 2010, Sept 2010, Jun-10
    ("month_y", _MONTH + r"(?:\s*,?\s*|\s*-\s*)(?P<year>\d{4})"),
    ("month_yy", _MONTH + r"\s*[\-'’]\s*(?P<year>\d{2})"),
    # 2010/11: the financial year, so 31 March 2011
    ("financial_year", r"(?:fy\s*)?(?P<year>\d{4})\s*[/\-]\s*(?P<year2>\d{4}|\d{2})"),
]
_FULL_DATE = [(kind, re.compile(rf"^{pattern}$", re.I)) for kind, pattern in _DATE_PATTERNS]
_ANY_DATE = re.compile(
    "|".join(rf"(?P<{kind}>(?<![\w/.\-]){pattern}(?![\w/\-]))" for kind, pattern in _DATE_PATTERNS)
    .replace("(?P<day>", "(?:")
    .replace("(?P<mon>", "(?:")
    .replace("(?P<month>", "(?:")
    .replace("(?P<year2>", "(?:")
    .replace("(?P<year>", "(?:")
    .replace("(?P<quarter>", "(?:"),
    re.I,
)
_DATE_PREFIX = re.compile(
    r"^(?:by|due|before|end\s+of|end|the\s+end\s+of|w/?c|week\s+commencing|from)\s+", re.I
)
# Timescales that are not dates: kept as words, not refused.
TIMESCALE_WORDS = {
    word: word.title().replace("Tbc", "TBC")
    for word in _words("ongoing|continuous|completed|quarterly|annually|yearly|monthly|weekly|tbc")
} | {"on going": "Ongoing", "complete": "Completed", "annual": "Annually", "to be confirmed": "TBC"}
EARLIEST_YEAR, LATEST_YEAR = 1990, 2100


def _month_end(year, month):
    return date(year, month, calendar.monthrange(year, month)[1])


def _full_year(text):
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _second_year(first, text):
    """The end year of a financial year "2010/11": None unless it is the year after."""
    second = int(text)
    if len(text) == 2:
        second += (first // 100) * 100
        if second < first:
            second += 100
    return second if second == first + 1 else None


def _date_from_match(kind, parts):
    try:
        if kind in ("dmy", "iso"):
            return date(_full_year(parts["year"]), int(parts["mon"]), int(parts["day"]))
        if kind in ("d_month_y", "month_d_y"):
            month = _MONTH_NAMES[parts["month"].lower().rstrip(".")]
            return date(int(parts["year"]), month, int(parts["day"]))
        if kind in ("month_y", "month_yy"):
            month = _MONTH_NAMES[parts["month"].lower().rstrip(".")]
            return _month_end(_full_year(parts["year"]), month)
        if kind in ("quarter", "year_quarter"):
            # Financial quarters: Q1 April–June … Q4 January–March of the following year.
            first, quarter = int(parts["year"]), int(parts["quarter"])
            if parts.get("year2"):
                if _second_year(first, parts["year2"]) is None:
                    return None
                year = first + 1 if quarter == 4 else first
            else:
                year = first  # "Q3 2010" is October–December 2010, "Q4 2011" January–March 2011
            return _month_end(year, {1: 6, 2: 9, 3: 12, 4: 3}[quarter])
        if kind == "financial_year":
            second = _second_year(int(parts["year"]), parts["year2"])
            return date(second, 3, 31) if second else None
    except (ValueError, KeyError):
        return None
    return None


def parse_date_text(text):
    """A date written one of the ways people write them, or None."""
    text = " ".join(str(text).split()).strip(" .,;")
    while True:
        shorter = _DATE_PREFIX.sub("", text)
        if shorter == text:
            break
        text = shorter
    for kind, pattern in _FULL_DATE:
        match = pattern.match(text)
        if match:
            return _date_from_match(kind, match.groupdict())
    if re.fullmatch(r"\d{4}", text) and EARLIEST_YEAR <= int(text) <= LATEST_YEAR:
        return date(int(text), 12, 31)
    return None


def find_dates_in_text(text):
    """Every date written inside a longer text, with where it is: [(date, start, end)]."""
    found = []
    for match in _ANY_DATE.finditer(text):
        parsed = parse_date_text(match.group(0))
        if parsed:
            found.append((parsed, match.start(), match.end()))
    return found


def timescale_word(text):
    """ "Ongoing", "Completed", "Quarterly"… if the text is (or starts with) such a word."""
    normal = normalise(text)
    if normal in TIMESCALE_WORDS:
        return TIMESCALE_WORDS[normal]
    first = normal.split(" ", 1)[0] if normal else ""
    if first in TIMESCALE_WORDS:
        return TIMESCALE_WORDS[first]
    return None


def read_date(value):
    """A cell as a date: Excel dates, serial numbers and written dates. None if unreadable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if EARLIEST_YEAR <= value <= LATEST_YEAR and float(value).is_integer():
            return date(int(value), 12, 31)
        try:
            converted = from_excel(value)
        except (ValueError, OverflowError, TypeError):
            return None
        return converted.date() if isinstance(converted, datetime) else None
    if isinstance(value, str):
        return parse_date_text(value)
    return None


def _sensible(day):
    return day is not None and EARLIEST_YEAR <= day.year <= LATEST_YEAR


STATUS_WORDS = {
    ActionStatus.NOT_STARTED: _words(
        "not started|not yet started|to do|todo|planned|not due|not yet due|pending|"
        "future|no progress"
    ),
    ActionStatus.ON_TRACK: _words(
        "on track|in progress|ongoing|on going|started|underway|under way|progressing|"
        "on target|on schedule|in hand"
    ),
    ActionStatus.AT_RISK: _words(
        "at risk|delayed|behind|behind schedule|slipping|slipped|some delay|minor delay"
    ),
    ActionStatus.OFF_TRACK: _words(
        "off track|not on track|significantly delayed|seriously delayed|stalled|overdue|"
        "late|blocked|off target"
    ),
    ActionStatus.COMPLETED: _words(
        "completed|complete|done|finished|achieved|closed|implemented|delivered"
    ),
    ActionStatus.CANCELLED: _words(
        "cancelled|canceled|withdrawn|dropped|no longer required|not required|superseded|abandoned"
    ),
}
_STATUSES = {word: status for status, words in STATUS_WORDS.items() for word in words}
_RAGS = {
    "red": Rag.RED,
    "r": Rag.RED,
    "amber": Rag.AMBER,
    "a": Rag.AMBER,
    "yellow": Rag.AMBER,
    "green": Rag.GREEN,
    "g": Rag.GREEN,
}
_STATUS_CHOICES = ", ".join(ActionStatus.labels)


def normalise(text):
    """Lower case, words only: "Rec. No." → "rec no", "% complete" → "percent complete"."""
    text = str(text).lower().replace("&", " and ").replace("%", " percent ")
    text = text.replace("#", " number ").replace("_", " ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def read_status(value):
    return _STATUSES.get(normalise(value))


def read_rag(value):
    return _RAGS.get(normalise(value))


class Rating(NamedTuple):
    rag: str  # "" when the cell gives no colour
    completed: bool


_COMPLETION_WORDS = {"complete", "completed", "done", "closed", "blue"}
_RATING_FILLER = {"rag", "brag", "status", "rating", "and"}


def read_rating(value):
    """A RAG cell: "Green" → Rating("green", False); "Complete", "Done", "Closed" or "Blue"
    (as councils that rate Blue-Red-Amber-Green mark finished actions) → Rating("", True);
    "Green – complete" → Rating("green", True). None if it is neither."""
    normal = normalise(value)
    if normal in _RAGS:
        return Rating(_RAGS[normal], False)
    if normal == "b" or read_status(value) == ActionStatus.COMPLETED:
        return Rating("", True)
    words = set(normal.split()) - _RATING_FILLER
    colour_words = {word for word in words if len(word) > 1 and word in _RAGS}
    colours = {_RAGS[word] for word in colour_words}
    completed = bool(words & _COMPLETION_WORDS)
    if len(colours) > 1 or not words or words - colour_words - _COMPLETION_WORDS:
        return None
    return Rating(colours.pop() if colours else "", completed)


def read_percent(value, percent_format=False):
    """0–100 from 50, "50%", "50 %" or a 0.5 cell formatted as a percentage; None if not."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        # 0.25 is a quarter done, however the cell is formatted.
        fraction = percent_format or (isinstance(value, float) and 0 < value < 1)
        number = value * 100 if fraction else value
    else:
        text = str(value).strip().rstrip("%").strip()
        try:
            number = float(text)
        except ValueError:
            return None
    if not 0 <= number <= 100:
        return None
    return round(number)


_REC_PREFIX = re.compile(r"^(?:recommendations?|recs?|r)\s*\.?\s*(?:no\.?|number)?\s*", re.I)
# 16(ii), 16 ii, 16.ii, 16-ii, 3a, 3(a), 4.
_REC_LABEL = re.compile(r"^(\d+)\s*(?:[.\-]\s*)?(?:\(\s*([a-z]+)\s*\)|([a-z]+))?\s*[.)]?$", re.I)
_ROMAN_NUMBERS = {roman(n): n for n in range(1, 100)}


@dataclass(frozen=True)
class RecommendationRef:
    """One recommendation number as written ("16.ii", "3a") and as labelled ("16(ii)")."""

    number: int
    sub: int | None
    written: str

    @property
    def label(self):
        return recommendation_label(self.sub, self.number) if self.sub else str(self.number)


def _sub_number(letters):
    """ "ii" → 2 (Roman numerals first, as feedback letters number sub-items); a single other
    letter by its place in the alphabet, "a" → 1, as councils number parts of a recommendation."""
    letters = letters.lower()
    if letters in _ROMAN_NUMBERS:
        return _ROMAN_NUMBERS[letters]
    if len(letters) == 1:
        return ord(letters) - ord("a") + 1
    return None


def parse_recommendation_refs(value):
    """ "3, 16(ii)", "Rec 3", "R3 and R4", "16.ii", "3a" → [RecommendationRef…], and any parts
    that are not recommendation numbers."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    refs, unreadable = [], []
    for part in re.split(r"[,;&/\n]|\band\b", str(value)):
        part = part.strip()
        if not part:
            continue
        match = _REC_LABEL.match(_REC_PREFIX.sub("", part))
        letters = match and (match.group(2) or match.group(3))
        sub = _sub_number(letters) if letters else None
        if not match or (letters and sub is None):
            unreadable.append(part)
        else:
            refs.append(RecommendationRef(int(match.group(1)), sub, part))
    return refs, unreadable


# Words that say nothing about which recommendation a text is.
_STOP_WORDS = frozenset(
    (
        "the and for with that this from into their there have has are was were will been being "
        "which what when where who whom than then them they our out its all any but not can "
        "could should would may might must also more most such very each other some own same "
        "too only just how ensure recommendation recommendations rec recs"
    ).split()
)
# A wording is that of a recommendation when this share of its words is in it.
WORDING_MATCH = 0.6


@lru_cache(maxsize=8192)
def _stems(text):
    """The words of a text that tell it apart, cut to their stems: "Identifying risks" →
    {"identif", "risk"}."""
    stems = set()
    for word in normalise(text).split():
        if len(word) < 3 or word in _STOP_WORDS or word.isdigit() or word in _ROMAN_NUMBERS:
            continue
        if word.endswith("s") and len(word) > 4:
            word = word[:-1]
        stems.add(word[:7])
    return frozenset(stems)


def is_checkable_wording(text):
    """Enough words to tell one recommendation from another ("Safeguarding" is not)."""
    return len(_stems(text)) >= 3


def wording_score(wording, text):
    """The share of the wording's words that are in a recommendation's text, 0 to 1."""
    words = _stems(wording)
    return len(words & _stems(text)) / len(words) if words else 0


def wording_matches(wording, text):
    """Whether the wording councils give beside a number is that recommendation's: its own
    words, shortened, paraphrased, or the recommendation's words within a longer text (the
    export lists several recommendations' wordings in one cell)."""
    if wording_score(wording, text) >= WORDING_MATCH:
        return True
    stems = _stems(text)
    return bool(stems) and len(stems & _stems(wording)) / len(stems) >= 0.8


# ---------------------------------------------------------------------------------------
# Column headings
# ---------------------------------------------------------------------------------------

HEADER_SYNONYMS = {
    "area": _words(
        "improvement area|area|improvement area number|improvement area title|"
        "improvement areas|theme|priority|priority area|workstream|area for improvement"
    ),
    "recommendations": _words(
        "recommendation|recommendations|rec|recs|rec no|rec nos|rec number|rec ref|"
        "recommendation no|recommendation number|recommendation numbers|"
        "recommendation ref|recommendation reference"
    ),
    "recommendation_text": _words("recommendation text|rec text|recommendation wording"),
    "number": _words(
        "action number|action no|action nos|action ref|action reference|action id|no|number|ref|id"
    ),
    "title": _words("action|action title|title|short title|action summary|summary"),
    "how": _words(
        "how|how it will be achieved|how is this to be achieved|"
        "how is this to be achieved action|how will this be achieved|"
        "how will it be achieved|actions|action description|description|detail|"
        "what we will do|actions to be taken"
    ),
    "expected_evidence": _words(
        "expected evidence|expected evidence of improvement|evidence of improvement|"
        "evidence|outcome|outcomes|expected outcome|expected outcomes|success measures|"
        "what will success look like"
    ),
    "owner": _words(
        "owner|lead officer|lead|action owner|responsible officer|responsible|"
        "responsibility|lead person|lead responsibility|officer|who|by whom"
    ),
    "measure": _words("measure|measures|performance measure|indicator|kpi"),
    "start_date": _words("start date|start|date started|start by"),
    "due_date": _words(
        "due date|due|timescale|timescales|deadline|by when|target date|completion date|"
        "target completion date|end date|when|date due|timescale for completion"
    ),
    "original_due_date": _words("original due date|original deadline|original timescale"),
    "milestones": _words("milestones|milestone|timescale and milestones|key milestones"),
    "status": _words("status|action status|current status|progress status"),
    "rag": _words("rag|rag status|rag rating|red amber green|rating|self assessed rag"),
    "percent_complete": _words(
        "percent complete|percentage complete|percent|complete percent|percent done|"
        "progress percent"
    ),
    "latest_update": _words(
        "latest update|update|progress|progress update|latest progress|progress to date|"
        "comments|commentary|narrative|update on progress"
    ),
    "latest_update_date": _words(
        "latest update date|update date|date of update|date updated|last updated|progress date"
    ),
    # Written by list exports, and by the rows an import gives back; not imported.
    "council": _words("council"),
    "plan": _words("plan"),
    "import_problems": _words(
        "why it was not imported|why not imported|reason not imported|not imported because"
    ),
}
for _key, _header, _width in COLUMNS:
    HEADER_SYNONYMS[_key].append(normalise(_header))
_HEADERS = {synonym: key for key, synonyms in HEADER_SYNONYMS.items() for synonym in synonyms}
# Headings not matched exactly: the first rule whose words appear wins.
_HEADER_RULES = [
    ("original_due_date", ("original",)),
    ("milestones", ("milestone",)),
    ("expected_evidence", ("evidence",)),
    ("recommendation_text", ("recommendation", "text")),
    ("latest_update_date", ("update", "date")),
    ("percent_complete", ("percent",)),
    ("rag", ("rag",)),
    ("status", ("status",)),
    ("owner", ("owner",)),
    ("owner", ("lead",)),
    ("owner", ("responsible",)),
    ("start_date", ("start",)),
    ("due_date", ("timescale",)),
    ("due_date", ("deadline",)),
    ("due_date", ("due",)),
    ("recommendations", ("rec",)),
    ("recommendations", ("recs",)),
    ("recommendations", ("recommend",)),
    ("latest_update", ("update",)),
    ("latest_update", ("progress",)),
    ("how", ("how",)),
    ("measure", ("measure",)),
    ("area", ("area",)),
    ("number", ("action", "no")),
    ("number", ("action", "number")),
    ("title", ("action",)),
]
_IGNORED = {"recommendation_text", "council", "plan", "import_problems"}
FIELD_NAMES = {
    "area": "improvement area",
    "recommendations": "recommendations",
    "milestones": "milestones",
    "title": "action",
    "how": "how it will be achieved",
    "expected_evidence": "expected evidence",
    "owner_name": "owner",
    "measure": "measure",
    "start_date": "start date",
    "due_date": "due date",
    "status": "status",
    "rag": "RAG",
    "percent_complete": "% complete",
}


def match_header(text):
    normal = normalise(text)
    if not normal:
        return None
    if normal in _HEADERS:
        return _HEADERS[normal]
    words = normal.split()
    for key, needed in _HEADER_RULES:
        if all(any(_word_matches(word, part) for word in words) for part in needed):
            return key
    return None


def _word_matches(word, part):
    # Short words must match whole ("rec" is not "recorded"); longer ones as a prefix.
    return word == part or (len(part) >= 4 and word.startswith(part))


# ---------------------------------------------------------------------------------------
# Opening the file safely
# ---------------------------------------------------------------------------------------

NOT_EXCEL = (
    "The file is not an Excel workbook (.xlsx). Open it in Excel or another spreadsheet "
    "program, save it as “Excel Workbook (.xlsx)” and upload it again"
)


class Refusal(Exception):
    pass


def read_bytes(file):
    if isinstance(file, bytes | bytearray):
        data = bytes(file)
    elif isinstance(file, str | os.PathLike):
        if os.path.getsize(file) > MAX_FILE_BYTES:
            raise Refusal(_too_big())
        with open(file, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    else:
        size = getattr(file, "size", None)
        if size is not None and size > MAX_FILE_BYTES:
            raise Refusal(_too_big())
        if hasattr(file, "seek"):
            file.seek(0)
        data = file.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise Refusal(_too_big())
    return data


def _too_big():
    return (
        f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB. Remove pictures and "
        "other sheets, or split the plan into several files, and upload it again"
    )


def check_archive(data):
    """Refuse anything but a sound .xlsx before any XML is parsed."""
    if not data.strip():
        raise Refusal("The file is empty. Choose the spreadsheet with the plan in it")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise Refusal(
            "The file is an older Excel file (.xls) or is password-protected. Open it in Excel, "
            "remove any password, save it as “Excel Workbook (.xlsx)” and upload it again"
        )
    if not data.startswith(b"PK\x03\x04"):
        raise Refusal(NOT_EXCEL)
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise Refusal(
            "The file is damaged and cannot be opened. Open it in Excel, save it again as "
            "“Excel Workbook (.xlsx)” and upload it again"
        ) from None
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise Refusal(
            f"The file would take up more than {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB "
            "once opened, far more than any plan needs, so it was not opened. Check it is the "
            "right file, or copy the plan into a new workbook and upload that"
        )
    for entry in entries:
        if entry.file_size > 1024 * 1024 and (
            entry.file_size > MAX_COMPRESSION_RATIO * max(entry.compress_size, 1)
        ):
            raise Refusal(
                "The file is compressed far more than a spreadsheet can be (it looks like a "
                "“zip bomb”), so it was not opened. Check it is the right file, or copy the "
                "plan into a new workbook and upload that"
            )
    if "xl/workbook.xml" not in {entry.filename for entry in entries}:
        raise Refusal(NOT_EXCEL)


# ---------------------------------------------------------------------------------------
# Reading the sheets
# ---------------------------------------------------------------------------------------


@dataclass
class _Column:
    index: int
    header: str
    key: str


@dataclass
class _Sheet:
    title: str
    columns: dict  # key → _Column
    rows: list  # (row number, values, percent formatted, area heading in force)
    headers: tuple = ()  # the heading row as written


_AREA_HEADING = re.compile(
    r"^\s*improvement\s+area\s*(\d+)\s*(?:[–—:.\-]\s*|\s+|$)(.*)$", re.I | re.S
)


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        return format_day(value.date())
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _find_columns(values, sheet_title, preview):
    """The column map if this row is a heading row: two or more known headings, one of them
    saying what the action is, and the columns that may hold recommendations (numbers or
    wording, told apart once the rows are read). Other duplicated headings are problems."""
    found = {}
    unknown = []
    for index, value in enumerate(values):
        if _is_blank(value) or not isinstance(value, str):
            continue
        key = match_header(value)
        if key is None:
            unknown.append(value.strip())
        else:
            found.setdefault(key, []).append(_Column(index, value.strip(), key))
    known = {key for key in found if key not in _IGNORED}
    if len(known) < 2 or not known & {"number", "title", "how"}:
        return None
    recommendation_columns = found.pop("recommendations", []) + found.pop("recommendation_text", [])
    columns = {}
    for key, candidates in found.items():
        columns[key] = candidates[0]
        if len(candidates) > 1 and key not in _IGNORED:
            preview.problems.append(_duplicate_columns(candidates, key, sheet_title))
    for header in unknown:
        preview.notes.append(f"Sheet “{sheet_title}”: column “{header}” is not imported.")
    return columns, recommendation_columns


def _duplicate_columns(candidates, key, sheet_title):
    names = " and ".join(f"“{c.header}”" for c in candidates)
    return Problem(
        f"columns {names} both look like the {FIELD_NAMES.get(key, key)} column "
        "— rename or remove one of them",
        sheet_title,
        None,
        candidates[1].header,
    )


_NUMBER_WORDS = {"no", "nos", "number", "numbers", "ref", "refs", "reference", "id"}


def _holds_numbers(column, rows):
    """Whether a recommendation column holds numbers ("16(ii)", "Rec 4") rather than wording,
    by what most of its cells say; None if they are all empty."""
    numbers = wording = 0
    for _, values, _, _ in rows:
        value = values[column.index]
        if _is_blank(value):
            continue
        refs, unreadable = parse_recommendation_refs(value)
        if refs and not unreadable:
            numbers += 1
        else:
            wording += 1
    return numbers >= wording if numbers or wording else None


def _settle_recommendation_columns(sheet, candidates, preview):
    """A "Rec No" column beside a "Recommendation" column is the number and its wording: the
    number links the action, the wording is checked against it. Told apart by their cells,
    or, when empty, by their headings. Two of either is a problem."""
    numbers, wording, empty, read_as_wording = [], [], [], []
    for column in candidates:
        holds_numbers = _holds_numbers(column, sheet.rows)
        if column.key == "recommendation_text" or holds_numbers is False:
            wording.append(column)
            if column.key == "recommendations":
                read_as_wording.append(column)
        elif holds_numbers or set(normalise(column.header).split()) & _NUMBER_WORDS:
            numbers.append(column)
        else:
            empty.append(column)
    if empty and not numbers:
        numbers.append(empty.pop(0))
    wording = [_Column(c.index, c.header, "recommendation_text") for c in wording + empty]
    wording.sort(key=lambda column: column.index)
    for key, found in (("recommendations", numbers), ("recommendation_text", wording)):
        if len(found) > 1:
            preview.problems.append(_duplicate_columns(found, "recommendations", sheet.title))
        if found:
            sheet.columns[key] = found[0]
    if read_as_wording and len(wording) == 1 and len(numbers) < 2:
        header = read_as_wording[0].header
        against = (
            f"checked against the number under “{numbers[0].header}”"
            if numbers
            else "used to find the recommendation where it matches one"
        )
        preview.notes.append(
            f"Sheet “{sheet.title}”: column “{header}” is read as the wording of the "
            f"recommendation, {against}."
        )


def _read_sheets(workbook, preview):
    sheets = []
    seen_rows = False
    for worksheet in workbook.worksheets:
        title = worksheet.title
        if hasattr(worksheet, "reset_dimensions"):
            # The stored size may be wrong either way; read what is really there.
            worksheet.reset_dimensions()
        columns = None
        rows = []
        non_blank = 0
        area_heading = None
        percent = None
        for number, cells in enumerate(worksheet.iter_rows(max_col=MAX_COLUMNS), start=1):
            if number > MAX_SCANNED_ROWS:
                raise Refusal(_too_many_rows(title))
            values = tuple(cell.value for cell in cells)
            if all(_is_blank(value) for value in values):
                continue
            seen_rows = True
            non_blank += 1
            if columns is None:
                if non_blank > HEADER_SEARCH_ROWS:
                    break
                area_heading = _area_heading(values) or area_heading
                found = _find_columns(values, title, preview)
                if found is not None:
                    columns, recommendation_columns = found
                    headers = values
                    percent = columns.get("percent_complete")
                continue
            if len(rows) >= MAX_DATA_ROWS:
                raise Refusal(_too_many_rows(title))
            heading = _area_heading(values)
            if heading:
                area_heading = heading
                continue
            if _repeats_header(values, columns):
                continue
            note = _note_row(values, columns)
            if note:
                preview.notes.append(
                    f"Sheet “{title}”, row {number} is read as a note, not an action: "
                    f"“{_short(note, 60)}”"
                )
                continue
            percent_format = False
            if percent is not None and isinstance(values[percent.index], float):
                percent_format = "%" in (cells[percent.index].number_format or "")
            rows.append((number, values, percent_format, area_heading))
        if columns is None:
            if non_blank:
                preview.notes.append(
                    f"Sheet “{title}” was not imported: none of its first rows has column "
                    "headings we recognise."
                )
            continue
        sheet = _Sheet(title, columns, rows, headers)
        _settle_recommendation_columns(sheet, recommendation_columns, preview)
        sheets.append(sheet)
    if not seen_rows:
        raise Refusal(
            "The workbook has no rows to import. Put the plan on a sheet with the column "
            "headings in the first row and one action on each row below"
        )
    if not sheets:
        raise Refusal(
            "No sheet has column headings we recognise. The first row should name the columns, "
            "for example “Action No”, “Action”, “Lead Officer”, “Timescale”, “Status”"
        )
    if not any(sheet.rows for sheet in sheets):
        raise Refusal(
            "The sheet has column headings but no actions below them. Put one action on each "
            "row under the headings"
        )
    return sheets


def _too_many_rows(title):
    return (
        f"Sheet “{title}” has more than {MAX_DATA_ROWS:,} rows. Split the plan into files of "
        f"up to {MAX_DATA_ROWS:,} actions and import them one by one"
    )


def _area_heading(values):
    """A row holding only "Improvement Area 3 – …", as councils head each part of a plan."""
    filled = [value for value in values if not _is_blank(value)]
    if len(filled) != 1 or not isinstance(filled[0], str):
        return None
    match = _AREA_HEADING.match(filled[0])
    if not match:
        return None
    return int(match.group(1)), match.group(2).strip() or None


_NOTE_START = re.compile(r"^\s*(?:notes?\b|nb\b|n\.b\.|key\s*:|source\s*:|please note|\*)", re.I)


def _note_row(values, columns):
    """The text of a row that is a note below or between the actions ("Notes: RAG ratings
    are agreed at DMT", a key to the colours), not an action: one cell, saying so, or prose
    under no heading, or across the first column (where a merged row keeps its text) when
    that column holds no action text. Text alone under another column is still a row to
    correct: it may continue the action above."""
    filled = [(index, value) for index, value in enumerate(values) if not _is_blank(value)]
    if len(filled) != 1 or not isinstance(filled[0][1], str):
        return None
    index, text = filled[0]
    if _NOTE_START.match(text):
        return text.strip()
    used = {column.index: key for key, column in columns.items()}
    if len(text.split()) >= 4 and (
        index not in used or (index == 0 and used[0] not in {"title", "how", "area"})
    ):
        return text.strip()
    return None


def _repeats_header(values, columns):
    same = sum(
        1
        for column in columns.values()
        if isinstance(values[column.index], str)
        and normalise(values[column.index]) == normalise(column.header)
    )
    return same >= 2


# ---------------------------------------------------------------------------------------
# What is in the plan now
# ---------------------------------------------------------------------------------------


class _State:
    """The plan's areas, actions (with recommendations, milestones and latest update) and the
    recommendations its reviews make, in a fixed number of queries."""

    def __init__(self, plan):
        latest = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by(
            "-date", "-created_at", "-pk"
        )
        actions = (
            Action.objects.filter(plan=plan)
            .select_related("area")
            .prefetch_related(
                Prefetch("recommendations", queryset=Recommendation.objects.only("pk")),
                Prefetch("milestones", queryset=Milestone.objects.order_by("due_date", "pk")),
            )
            .annotate(
                latest_narrative=Subquery(latest.values("narrative")[:1]),
                latest_update_date=Subquery(latest.values("date")[:1]),
            )
        )
        self.actions = {action.number: action for action in actions}
        self.areas = {area.number: area for area in ImprovementArea.objects.filter(plan=plan)}
        self.area_answering = {}  # recommendation id → number of the area that answers it
        links = ImprovementArea.recommendations.through.objects.filter(
            improvementarea__plan=plan
        ).order_by("improvementarea__number")
        for recommendation_id, number in links.values_list(
            "recommendation_id", "improvementarea__number"
        ):
            self.area_answering.setdefault(recommendation_id, number)
        self.recommendations = {}
        self.top_level_numbers = set()
        self.has_sub_items = False
        self.texts = {}  # recommendation id → its wording
        self.parents = {}  # sub-item id → its recommendation's id
        self.with_sub_items = set()  # labels of recommendations that have sub-items
        candidates = Recommendation.objects.filter(review__in=plan.reviews.all()).select_related(
            "parent"
        )
        for recommendation in candidates:
            self.recommendations.setdefault(recommendation.label.lower(), []).append(
                recommendation.pk
            )
            self.texts[recommendation.pk] = recommendation.text
            if recommendation.parent_id:
                self.has_sub_items = True
                self.parents[recommendation.pk] = recommendation.parent_id
                self.with_sub_items.add(str(recommendation.parent.number))
            else:
                self.top_level_numbers.add(recommendation.number)
        self.labels = {pk: label for label, pks in self.recommendations.items() for pk in pks}

    def area_for(self, recommendation_id, answering=None):
        """The number of the improvement area answering a recommendation, or its parent's."""
        answering = self.area_answering if answering is None else answering
        for pk in (recommendation_id, self.parents.get(recommendation_id)):
            if pk in answering:
                return answering[pk]
        return None

    def numbers_hint(self):
        numbers = sorted(self.top_level_numbers)
        ranges = []
        for number in numbers:
            if ranges and number == ranges[-1][1] + 1:
                ranges[-1][1] = number
            else:
                ranges.append([number, number])
        text = ", ".join(
            str(first) if first == last else f"{first}–{last}" for first, last in ranges
        )
        if self.has_sub_items:
            text += " (or a sub-item such as 16(ii))"
        return text


# ---------------------------------------------------------------------------------------
# From rows to planned actions
# ---------------------------------------------------------------------------------------

MISSING = object()


@dataclass
class PlannedAction:
    """What one row asks for: only the fields its sheet has columns for."""

    sheet: str
    row: int
    number: int
    values: dict
    outcome: RowOutcome
    headers: dict = field(default_factory=dict)  # key → the column's heading as written
    has_problems: bool = False
    cells: tuple = ()  # the row's cells as read, given back if it is not imported


def _clean_text(text):
    return "\n".join(line.rstrip() for line in str(text).replace("\r\n", "\n").split("\n")).strip()


def _words_of(text):
    return " ".join(str(text or "").split())


def _same_text(a, b):
    return _clean_text(a or "") == _clean_text(b or "")


def _short(text, length=40):
    text = " ".join(str(text).split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _title_from(text):
    first = _clean_text(text).split("\n", 1)[0].strip().rstrip(".")
    if len(first) > 250:
        first = first[:249].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return first


def _financial_year_end(day):
    """The 31 March ending the financial year after ``day``'s own if ``day`` is that date."""
    end = date(day.year if day.month <= 3 else day.year + 1, 3, 31)
    return end if end > day else date(end.year + 1, 3, 31)


class _Row:
    """One row of a sheet being read: its cells by column, and where its problems go."""

    def __init__(self, sheet, number, values, percent_format, problems):
        self.sheet, self.number, self.values = sheet, number, values
        self.percent_format, self.problems = percent_format, problems

    def get(self, key):
        """The cell under the column for ``key`` and that column, or MISSING if none."""
        column = self.sheet.columns.get(key)
        if column is None:
            return MISSING, None
        return self.values[column.index], column

    def problem(self, column, message):
        header = column.header if column else None
        self.problems.append(Problem(message, self.sheet.title, self.number, header))


class _RowReader:
    """Reads one sheet's rows into planned actions, collecting problems and notes."""

    def __init__(self, plan, state, preview):
        self.plan = plan
        self.state = state
        self.preview = preview
        self.numbers_seen = {}
        self.area_titles = {}  # area number → (title, sheet, row) as the sheet gives it
        self.area_by_title = {normalise(area.title): number for number, area in state.areas.items()}
        self.rows_without_number = []

    def read(self, sheet):
        for row_number, values, percent_format, area_heading in sheet.rows:
            self._read_row(sheet, row_number, values, percent_format, area_heading)

    def _read_row(self, sheet, row_number, values, percent_format, area_heading):
        row = _Row(sheet, row_number, values, percent_format, self.preview.problems)
        outcome = RowOutcome(sheet.title, row_number, None)
        wanted = {}
        problems_before = len(self.preview.problems)

        number = self._read_number(row, wanted, outcome)
        self._read_texts(row, wanted, existing=number in self.state.actions)
        self._read_area(row, wanted, outcome, area_heading)
        self._read_recommendations(row, wanted, outcome)
        self._read_choices(row, wanted, outcome)
        self._read_dates(row, wanted, outcome)
        self._read_milestones(row, wanted, outcome)
        self._read_update(row, wanted)

        has_problems = len(self.preview.problems) > problems_before
        headers = {key: column.header for key, column in sheet.columns.items()}
        planned = PlannedAction(
            sheet.title, row_number, number, wanted, outcome, headers, has_problems, values
        )
        if number is None and not has_problems:
            self.rows_without_number.append(planned)
        self.preview.rows.append(outcome)
        self.preview.planned.append(planned)

    def _read_number(self, row, wanted, outcome):
        value, column = row.get("number")
        if value is MISSING or _is_blank(value):
            # The council's own layout numbers actions in the text: "12. Streamline …".
            for key in ("how", "title"):
                text, _ = row.get(key)
                if isinstance(text, str):
                    match = re.match(r"^\s*(\d{1,4})[.)]\s+", text)
                    if match:
                        return self._claim_number(row, column, int(match.group(1)))
            if value is MISSING:
                return None  # numbered after the plan's last action, once all rows are read
            row.problem(
                column,
                "enter the action number (each row is one action; use a new number for a "
                "new action)",
            )
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = _cell_text(value)
        match = re.fullmatch(r"(?:action\s*)?(?:no\.?\s*)?(\d{1,6})\.?", text, re.I)
        if not match or int(match.group(1)) < 1:
            row.problem(
                column,
                f"“{text}” is not an action number — enter a whole number such as 12",
            )
            return None
        return self._claim_number(row, column, int(match.group(1)))

    def _claim_number(self, row, column, number):
        if number in self.numbers_seen:
            other_sheet, other_row = self.numbers_seen[number]
            where = f"row {other_row}" + (
                f" of sheet “{other_sheet}”" if other_sheet != row.sheet.title else ""
            )
            row.problem(
                column,
                f"action {number} is also on {where} — give each action its own number",
            )
            return None
        self.numbers_seen[number] = (row.sheet.title, row.number)
        return number

    def _read_texts(self, row, wanted, existing):
        title, title_column = row.get("title")
        how, how_column = row.get("how")
        strip_number = "number" not in row.sheet.columns
        if title is not MISSING:
            title = _cell_text(title)
            if strip_number:
                title = re.sub(r"^\s*\d{1,4}[.)]\s+", "", title)
        if how is not MISSING:
            how = _cell_text(how)
            if strip_number:
                how = re.sub(r"^\s*\d{1,4}[.)]\s+", "", how)
        given = [text for text in (title, how) if text is not MISSING]
        if existing and given and not any(given):
            # Nothing said about what an existing action is: it stays as it is.
            title = how = MISSING
        if title is not MISSING and how is not MISSING:
            if not title and not how:
                row.problem(title_column, ENTER_ACTION)
            if len(title) > 250:
                row.problem(
                    title_column,
                    f"the action is {len(title)} characters long — shorten it to 250 or fewer "
                    f"and put the detail under “{how_column.header}”",
                )
            if title:
                wanted["title"] = title
            else:
                wanted["new_title"] = _title_from(how)
            wanted["how"] = how
        elif title is not MISSING or how is not MISSING:
            # One column says what the action is. A title column gives the title (and the
            # how-text if it says more); a how column gives the how-text, and a title for a new
            # action only, so that existing titles are not replaced by first lines.
            text = title if title is not MISSING else how
            if not text:
                row.problem(title_column or how_column, ENTER_ACTION)
            if title is not MISSING:
                wanted["title"] = _title_from(text)
                if len(text) > len(wanted["title"]) + 1:
                    wanted["how"] = text
            else:
                wanted["how"] = text
                wanted["new_title"] = _title_from(text)
        for key, field_name, limit in (
            ("expected_evidence", "expected_evidence", None),
            ("owner", "owner_name", 200),
            ("measure", "measure", 250),
        ):
            value, column = row.get(key)
            if value is MISSING:
                continue
            text = _cell_text(value)
            if limit and len(text) > limit:
                row.problem(
                    column,
                    f"this is {len(text)} characters long — shorten it to {limit} or fewer",
                )
            wanted[field_name] = text

    def _read_area(self, row, wanted, outcome, area_heading):
        value, column = row.get("area")
        if value is MISSING or _is_blank(value):
            if area_heading:
                number, title = area_heading
            elif value is MISSING:
                return
            else:
                wanted["area"] = None
                return
        else:
            text = _cell_text(value)
            match = _AREA_HEADING.match(text) or re.match(
                r"^\s*(\d{1,4})\s*(?:[–—:.)\-]\s*|\s+|$)(.*)$", text, re.S
            )
            if match:
                number, title = int(match.group(1)), match.group(2).strip() or None
            else:
                number, title = None, text
        if number is None:
            # Named but not numbered: an area of that name, or a new one.
            key = normalise(title)
            number = self.area_by_title.get(key)
            if number is None:
                used = set(self.state.areas) | set(self.area_titles)
                number = max(used, default=0) + 1
                self.area_by_title[key] = number
        if title is not None:
            known = self.area_titles.get(number)
            if known and not _same_text(known[0], title):
                where = f"row {known[2]}" + (
                    f" of sheet “{known[1]}”" if known[1] != row.sheet.title else ""
                )
                row.problem(
                    column,
                    f"improvement area {number} is called “{_short(known[0])}” on {where} "
                    "— use the same title on every row of the area",
                )
            elif not known:
                self.area_titles[number] = (title, row.sheet.title, row.number)
                self.area_by_title.setdefault(normalise(title), number)
        wanted["area"] = number

    def _read_recommendations(self, row, wanted, outcome):
        value, column = row.get("recommendations")
        wording, wording_column = row.get("recommendation_text")
        wording = "" if wording is MISSING else _cell_text(wording)
        if value is MISSING or _is_blank(value):
            if value is not MISSING:
                wanted["recommendations"] = []
            if wording:
                self._link_by_wording(wording, wording_column, wanted, outcome)
            return
        refs, unreadable = parse_recommendation_refs(value)
        for part in unreadable:
            row.problem(
                column,
                f"“{part}” is not a recommendation number — write them like 3, 16(ii)",
            )
        chosen = []
        for ref in refs:
            matches = self._recommendations_numbered(ref, outcome)
            plain = _REC_PREFIX.sub("", ref.written).rstrip(".")
            written = "" if plain == ref.label else f"“{ref.written}”: "
            if matches:
                chosen.append(matches)
            elif not self.state.recommendations:
                row.problem(
                    column,
                    f"{written}there is no recommendation {ref.label}: this plan does not answer "
                    "a review yet — link the plan to its review first, or leave the column empty",
                )
            else:
                row.problem(
                    column,
                    f"{written}there is no recommendation {ref.label} in the reviews this plan "
                    f"answers — use one of {self.state.numbers_hint()}",
                )
        wanted["recommendations"] = chosen  # candidates; settled against the action later
        if wording and chosen and not unreadable:
            self._check_wording(wording, wording_column, chosen, outcome)

    def _recommendations_numbered(self, ref, outcome):
        """The recommendations a number names. "3a" where recommendation 3 has no sub-items
        is recommendation 3: councils letter the parts of a plan that answer it."""
        matches = self.state.recommendations.get(ref.label.lower(), [])
        parent = str(ref.number)
        if not matches and ref.sub and parent not in self.state.with_sub_items:
            matches = self.state.recommendations.get(parent, [])
            if matches:
                outcome.notes.append(
                    f"“{ref.written}” is read as recommendation {parent}, which has no sub-items"
                )
        return matches

    def _check_wording(self, wording, column, chosen, outcome):
        """A warning when the wording beside a number is not that recommendation's."""
        texts = [self.state.texts[pk] for pks in chosen for pk in pks]
        if not is_checkable_wording(wording) or any(
            wording_matches(wording, text) for text in texts
        ):
            return
        labels = ", ".join(self.state.labels[pks[0]] for pks in chosen)
        other = self._recommendation_worded(wording)
        if other is not None and other not in {pk for pks in chosen for pk in pks}:
            outcome.notes.append(
                f"the wording under “{column.header}” is that of recommendation "
                f"{self.state.labels[other]}, not {labels}: check the number"
            )
        else:
            outcome.notes.append(
                f"the wording under “{column.header}” does not match recommendation {labels} "
                f"(“{_short(texts[0], 60)}”): check the number"
            )

    def _link_by_wording(self, wording, column, wanted, outcome):
        """No number: the recommendation whose wording it is, if exactly one is."""
        if not self.state.recommendations or not is_checkable_wording(wording):
            return
        found = self._recommendation_worded(wording)
        if found is None:
            outcome.notes.append(
                f"the wording under “{column.header}” matches no recommendation of the reviews "
                "this plan answers: the action is not linked to one"
            )
            return
        wanted["recommendations"] = [[found]]
        outcome.notes.append(
            f"linked to recommendation {self.state.labels[found]}, whose wording is under "
            f"“{column.header}”"
        )

    def _recommendation_worded(self, wording):
        """The one recommendation of the plan's reviews that this wording is, or None."""
        scores = sorted(
            ((wording_score(wording, text), pk) for pk, text in self.state.texts.items()),
            reverse=True,
        )
        if not scores or scores[0][0] < WORDING_MATCH:
            return None
        if len(scores) > 1 and scores[1][0] > scores[0][0] - 0.1:
            return None  # two recommendations read alike: do not guess
        return scores[0][1]

    def _read_choices(self, row, wanted, outcome):
        """Status and RAG, as councils write them: "Complete" or "Blue" (BRAG) in the RAG
        column is a completed action, a colour in the status column is its RAG rating."""
        status_cell, status_column = row.get("status")
        status = rating = None
        if status_cell is not MISSING and not _is_blank(status_cell):
            status = read_status(status_cell)
            if status is None:
                rating = read_rating(status_cell)
                if rating is None:
                    row.problem(
                        status_column,
                        f"“{_cell_text(status_cell)}” is not a status we know — use one of "
                        f"{_STATUS_CHOICES}",
                    )
                elif rating.completed:
                    status = ActionStatus.COMPLETED
        rag_cell, rag_column = row.get("rag")
        given = None
        if rag_cell is not MISSING and not _is_blank(rag_cell):
            given = read_rating(rag_cell)
            if given is None:
                row.problem(
                    rag_column,
                    f"“{_cell_text(rag_cell)}” is not a RAG rating — use Red, Amber, Green "
                    "or Complete (for a completed action), or leave it empty",
                )
        if given is not None and given.completed:
            if status not in (None, ActionStatus.COMPLETED):
                row.problem(
                    rag_column,
                    f"“{_cell_text(rag_cell)}” says the action is completed but "
                    f"“{_cell_text(status_cell)}” under “{status_column.header}” says it is "
                    f"{ActionStatus(status).label.lower()} — make them agree",
                )
            else:
                status = ActionStatus.COMPLETED
                outcome.notes.append(
                    f"“{_cell_text(rag_cell)}” under “{rag_column.header}” is read as status "
                    "Completed"
                )
        if status is not None:
            wanted["status"] = status
        colours = [r.rag for r in (given, rating) if r is not None and r.rag]
        if len(set(colours)) > 1:
            row.problem(
                rag_column,
                f"the RAG is “{_cell_text(rag_cell)}” here but “{_cell_text(status_cell)}” "
                f"under “{status_column.header}” — make them agree",
            )
        elif rag_cell is not MISSING or colours:
            wanted["rag"] = colours[0] if colours else ""
        value, column = row.get("percent_complete")
        if value is not MISSING and not _is_blank(value):
            percent = read_percent(value, row.percent_format)
            if percent is None:
                row.problem(
                    column,
                    f"“{_cell_text(value)}” is not a percentage — enter a number from 0 to 100",
                )
            else:
                wanted["percent_complete"] = percent

    def _read_dates(self, row, wanted, outcome):
        for key in ("start_date", "original_due_date"):
            value, column = row.get(key)
            if value is MISSING or _is_blank(value):
                continue
            day = read_date(value)
            if not _sensible(day):
                self._date_problem(row, column, value, day)
            else:
                wanted[key] = day
        value, column = row.get("due_date")
        if value is MISSING or _is_blank(value):
            return
        day = read_date(value)
        if day is not None:
            if _sensible(day):
                wanted["due_date"] = day
            else:
                self._date_problem(row, column, value, day)
            return
        text = _cell_text(value)
        word = timescale_word(text)
        if word:
            wanted["timescale_word"] = (text, column.header)
            return
        # The council's own layout: "New documentation completed June 2010" line by line.
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        dates, milestones = [], []
        for line in lines:
            found = find_dates_in_text(line)
            if not found:
                if timescale_word(line):
                    continue
                self._date_problem(row, column, value, None)
                return
            dates.extend(day for day, _, _ in found)
            label = _milestone_text_around(line, found[-1])
            if label:
                milestones.append((label, found[-1][0], None))
        if not all(_sensible(day) for day in dates):
            self._date_problem(row, column, value, None)
            return
        wanted["due_date"] = max(dates)
        outcome.notes.append(
            f"“{column.header}” reads as due {format_day(max(dates))}, the latest date in it"
        )
        if milestones and "milestones" not in row.sheet.columns:
            wanted["milestones"] = milestones

    def _date_problem(self, row, column, value, day):
        text = _cell_text(value)
        if day is not None:
            message = (
                f"the date {day:%d/%m/%Y} looks wrong — check the year (dates from "
                f"{EARLIEST_YEAR} to {LATEST_YEAR} are accepted)"
            )
        else:
            message = (
                f"“{_short(text)}” is not a date we can read — enter a date such as 31/03/2011, "
                "March 2011 or Q4 2010/11, or a word such as Ongoing"
            )
        row.problem(column, message)

    def _read_milestones(self, row, wanted, outcome):
        value, column = row.get("milestones")
        if value is MISSING:
            return
        milestones = []
        if isinstance(value, datetime | date):
            value = format_when(read_date(value))
        for line_number, line in enumerate(_cell_text(value).split("\n"), start=1):
            line = line.strip().lstrip("•·▪*").strip()
            if not line:
                continue
            parsed = self._read_milestone_line(row, column, line_number, line)
            if parsed:
                milestones.append(parsed)
        wanted["milestones"] = milestones

    def _read_milestone_line(self, row, column, line_number, line):
        def problem(message):
            row.problem(column, f"line {line_number}, “{_short(line)}”: {message}")

        done_on = None
        done = re.search(
            r"\s*\(\s*(?:done|completed?|achieved)\s+(?:on\s+)?([^()]*)\)\s*$", line, re.I
        )
        if done:
            done_on = parse_date_text(done.group(1))
            if not _sensible(done_on):
                problem("the date it was done cannot be read — write it as “(done 12 June 2010)”")
                return None
            line = line[: done.start()].strip()
        parts = re.split(r"\s+[–—-]\s+|\s*:\s+", line, maxsplit=1)
        if len(parts) == 2:
            when, text = parts[0].strip(), parts[1].strip()
            due = parse_date_text(when)
            if due is not None:
                if not _sensible(due):
                    problem(f"the date {due:%d/%m/%Y} looks wrong — check the year")
                    return None
                return self._milestone(problem, text, due, done_on)
            word = timescale_word(when)
            if word and not find_dates_in_text(when):
                # No date to be had: the word stays in the text, due with the action.
                return self._milestone(problem, f"{text} ({when})", "action due date", done_on)
        due = parse_date_text(line)
        if due is not None:
            problem(
                "there is a date but no milestone — write it as “June 2010 – what will be done”"
            )
            return None
        found = find_dates_in_text(line)
        if found:
            if not _sensible(found[-1][0]):
                problem(f"the date {found[-1][0]:%d/%m/%Y} looks wrong — check the year")
                return None
            return self._milestone(
                problem, _milestone_text_around(line, found[-1]), found[-1][0], done_on
            )
        if timescale_word(line):
            return self._milestone(problem, line, "action due date", done_on)
        problem(
            "no date can be read — write each milestone on its own line as "
            "“June 2010 – what will be done”"
        )
        return None

    @staticmethod
    def _milestone(problem, text, due, done_on):
        if not text:
            problem("say what the milestone is — write it as “June 2010 – what will be done”")
            return None
        if len(text) > 500:
            problem(f"the milestone is {len(text)} characters long — shorten it to 500 or fewer")
            return None
        return (text, due, done_on)

    def _read_update(self, row, wanted):
        value, _ = row.get("latest_update")
        if value is not MISSING and not _is_blank(value):
            wanted["latest_update"] = _cell_text(value)
        value, column = row.get("latest_update_date")
        if value is not MISSING and not _is_blank(value):
            day = read_date(value)
            if not _sensible(day):
                self._date_problem(row, column, value, day)
            else:
                wanted["latest_update_date"] = day


def _milestone_text_around(line, found):
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


# ---------------------------------------------------------------------------------------
# Comparing with what is there
# ---------------------------------------------------------------------------------------


@dataclass
class _Change:
    field: str
    description: str


def _fmt_date(day):
    return f"{day:%d/%m/%Y}" if day else "none"


def _quote(text):
    return f"“{_short(text)}”" if text else "empty"


def _settle_recommendations(candidates, current):
    """Pick, for each reference, the recommendation the action already has when a number is in
    more than one of the plan's reviews."""
    chosen = set()
    for pks in candidates:
        held = [pk for pk in pks if pk in current]
        chosen.add(held[0] if held else pks[0])
    return chosen


def _measure_fields(text):
    """The measure cell back into target, unit and description: "70% Reviews within 28 days"
    → 70, %, "Reviews within 28 days"."""
    text = " ".join(text.split())
    match = re.fullmatch(r"(£)?(\d[\d,]*(?:\.\d+)?)\s*(%)?\s+(.+)", text)
    if match and (match.group(1) or match.group(3)):
        unit = "£" if match.group(1) else "%"
        return {
            "measure_target": match.group(2),
            "measure_unit": unit,
            "measure_description": match.group(4),
        }
    return {"measure_target": "", "measure_unit": "", "measure_description": text}


def _milestone_key(text, due, done):
    return (normalise(text), due, done)


def match_milestones(existing, wanted):
    """Pair the sheet's milestones with the action's: same words and dates first, then same
    words, then same due date. Returns (pairs, to add, to remove)."""
    left = list(existing)
    pairs, unmatched = [], []
    for rule in (
        lambda m, w: _milestone_key(m.text, m.due_date, m.done_on) == _milestone_key(*w),
        lambda m, w: normalise(m.text) == normalise(w[0]),
        lambda m, w: m.due_date == w[1],
    ):
        unmatched = []
        for item in wanted:
            partner = next((m for m in left if rule(m, item)), None)
            if partner is None:
                unmatched.append(item)
            else:
                left.remove(partner)
                pairs.append((partner, item))
        wanted = unmatched
    return pairs, unmatched, left


def _milestone_changes(action, wanted):
    pairs, added, removed = match_milestones(action.milestones.all(), wanted)
    descriptions = []
    for milestone, (text, due, done) in pairs:
        parts = []
        if not _same_text(milestone.text, text):
            parts.append(f"text {_quote(milestone.text)} → {_quote(text)}")
        if milestone.due_date != due:
            parts.append(f"due {format_when(milestone.due_date)} → {format_when(due)}")
        if milestone.done_on != done:
            parts.append(f"done {format_day(done)}" if done else "not done")
        if parts:
            descriptions.append(f"milestone {_quote(milestone.text)}: " + ", ".join(parts))
    for text, due, _ in added:
        descriptions.append(f"add milestone {_quote(text)} ({format_when(due)})")
    for milestone in removed:
        descriptions.append(f"remove milestone {_quote(milestone.text)}")
    return descriptions


def _answering_areas(state, planned_rows):
    """Recommendation id → the number of the area answering it: the plan's areas, then the
    areas the sheet creates, which answer the recommendations of their rows."""
    answering = dict(state.area_answering)
    for planned in planned_rows:
        area = planned.values.get("area")
        if area is None or area in state.areas:
            continue
        for pks in planned.values.get("recommendations", []):
            answering.setdefault(pks[0], area)
    return answering


class _Comparer:
    def __init__(self, plan, state, known_narratives, planned_rows=()):
        self.plan = plan
        self.state = state
        self.known_narratives = known_narratives
        self.answering = _answering_areas(state, planned_rows)

    def resolve(self, planned, action):
        """The row's wanted values made concrete against the action (None for a new one):
        recommendations settled, "Ongoing" due dates and milestone dates filled in, a new
        action without an area put in the area answering its recommendation, a completed
        action 100% complete."""
        values = dict(planned.values)
        notes = []
        if action is None and values.get("area") is None:
            for pks in values.get("recommendations", []):
                area = self.state.area_for(pks[0], self.answering)
                if area is not None:
                    values["area"] = area
                    notes.append(
                        f"put in improvement area {area}, which answers recommendation "
                        f"{self.state.labels[pks[0]]}"
                    )
                    break
        if "recommendations" in values:
            current = {r.pk for r in action.recommendations.all()} if action else set()
            values["recommendations"] = _settle_recommendations(values["recommendations"], current)
        if "timescale_word" in values:
            text, header = values.pop("timescale_word")
            word = timescale_word(text)
            note_line = f"Timescale: {text}"
            how = values.get("how", action.how if action else "")
            if note_line.lower() not in (how or "").lower():
                values["how"] = f"{how}\n\n{note_line}".strip()
            if word == "Completed" and "status" not in values:
                values["status"] = ActionStatus.COMPLETED
            if action is None:
                due = self._fallback_due(values)
                values["due_date"] = due
                notes.append(
                    f"“{text}” under “{header}” is not a date: the due date is set to "
                    f"{format_day(due)} and “{note_line}” is added to the how-text. Change "
                    "the due date if that is wrong"
                )
            else:
                notes.append(
                    f"“{text}” under “{header}” is not a date: the due date stays "
                    f"{format_day(action.due_date)} and “{note_line}” is kept in the how-text"
                )
        dated = values.get("latest_update_date")
        if dated and action is not None and action.latest_update_date:
            if dated <= action.latest_update_date:
                # The date of the update already there, as the export writes it: a new
                # update made from this row is dated the day it is imported.
                del values["latest_update_date"]
        if values.get("status") == ActionStatus.COMPLETED:
            given = values.get("percent_complete", 100)
            if given != 100:
                notes.append(f"completed, so 100% complete (the sheet says {given}%)")
            values["percent_complete"] = 100
        due = values.get("due_date", action.due_date if action else None)
        if due is None:
            due = self._fallback_due(values)
            values["due_date"] = due
            notes.append(
                f"no due date is given: it is set to {format_day(due)}. Change it if that is wrong"
            )
        if "milestones" in values:
            milestones = []
            for text, when, done in values["milestones"]:
                if when == "action due date":
                    when = due
                    notes.append(
                        f"milestone “{_short(text)}” has no date: it is due with the action, "
                        f"{format_day(due)}"
                    )
                milestones.append((text, when, done))
            values["milestones"] = milestones
        if action is None and "start_date" not in values:
            values["start_date"] = min(self.plan.version_date, values["due_date"])
        return values, notes

    def _fallback_due(self, values):
        dated = [when for _, when, _ in values.get("milestones", []) if isinstance(when, date)]
        if dated:
            return max(dated)
        return _financial_year_end(self.plan.version_date)

    def changes(self, action, values):
        """What would change on an existing action: [(field, description)]."""
        changes = []

        def changed(key, old, new):
            changes.append(_Change(key, f"{FIELD_NAMES[key]} {old} → {new}"))

        if "area" in values:
            old = action.area.number if action.area else None
            if old != values["area"]:
                changed("area", old or "none", values["area"] or "none")
        for key in ("title", "how", "expected_evidence", "owner_name"):
            if key in values and not _same_text(getattr(action, key), values[key]):
                changed(key, _quote(getattr(action, key)), _quote(values[key]))
        if "measure" in values and _words_of(action.measure) != _words_of(values["measure"]):
            changed("measure", _quote(action.measure), _quote(values["measure"]))
        for key in ("start_date", "due_date"):
            if key in values and getattr(action, key) != values[key]:
                changed(key, _fmt_date(getattr(action, key)), _fmt_date(values[key]))
        if "recommendations" in values:
            current = {r.pk for r in action.recommendations.all()}
            if current != values["recommendations"]:
                changed(
                    "recommendations",
                    self._labels(current),
                    self._labels(values["recommendations"]),
                )
        if "milestones" in values:
            described = _milestone_changes(action, values["milestones"])
            if described:
                changes.append(_Change("milestones", "; ".join(described)))
        if "status" in values and action.status != values["status"]:
            old, new = ActionStatus(action.status).label, ActionStatus(values["status"]).label
            changed("status", old, new)
        if "rag" in values and action.rag != values["rag"]:
            old = Rag(action.rag).label if action.rag else "none"
            changed("rag", old, Rag(values["rag"]).label if values["rag"] else "none")
        if "percent_complete" in values and action.percent_complete != values["percent_complete"]:
            changed("percent_complete", action.percent_complete, values["percent_complete"])
        narrative = values.get("latest_update")
        if narrative and not self._is_known(action, narrative):
            changes.append(_Change("latest_update", f"new progress update {_quote(narrative)}"))
        return changes

    def _is_known(self, action, narrative):
        if _same_text(action.latest_narrative, narrative):
            return True
        return (action.pk, _clean_text(narrative)) in self.known_narratives

    def _labels(self, pks):
        labels = sorted((self.state.labels.get(pk, "?") for pk in pks), key=_label_order)
        return ", ".join(labels) or "none"


def _known_narratives(state, planned_rows):
    """(action id, narrative) of earlier updates the sheet repeats, so that importing an old
    file again does not add its updates a second time. One query."""
    wanted = {}
    for planned in planned_rows:
        narrative = planned.values.get("latest_update")
        action = state.actions.get(planned.number)
        if narrative and action and not _same_text(action.latest_narrative, narrative):
            wanted.setdefault(action.pk, set()).add(_clean_text(narrative))
    if not wanted:
        return set()
    texts = {text for texts in wanted.values() for text in texts}
    found = ProgressUpdate.objects.filter(action_id__in=wanted, narrative__in=texts).values_list(
        "action_id", "narrative"
    )
    return {(action_id, _clean_text(text)) for action_id, text in found}


# ---------------------------------------------------------------------------------------
# The two steps
# ---------------------------------------------------------------------------------------


def read_plan_workbook(file, *, plan):
    """Read an .xlsx (an upload, a path or bytes) against ``plan``: what each row would do,
    and every problem. Never raises for a bad file: the refusal is a problem."""
    preview = ImportPreview(plan_id=plan.pk)
    try:
        data = read_bytes(file)
        check_archive(data)
        try:
            workbook = load_workbook(BytesIO(data), read_only=True, data_only=True)
        except Exception:  # anything openpyxl or the XML parser raises on a bad file
            raise Refusal(
                "The file could not be opened as an Excel workbook: it may be damaged or "
                "password-protected. Open it in Excel, save it as “Excel Workbook (.xlsx)” and "
                "upload it again"
            ) from None
        try:
            sheets = _read_sheets(workbook, preview)
        except Refusal:
            raise
        except Exception:
            raise Refusal(
                "Part of the workbook could not be read: it may be damaged. Open it in Excel, "
                "save it as “Excel Workbook (.xlsx)” and upload it again"
            ) from None
        finally:
            workbook.close()
    except Refusal as refusal:
        preview.problems = [Problem(str(refusal))]
        preview.rows, preview.planned, preview.notes = [], [], []
        return preview

    state = _State(plan)
    reader = _RowReader(plan, state, preview)
    for sheet in sheets:
        preview.headers[sheet.title] = sheet.headers
        reader.read(sheet)
    _number_unnumbered(reader, state)
    preview.area_titles = reader.area_titles
    _compare(preview, plan, state)
    _sort_out_notes(preview)
    return preview


def _sort_out_notes(preview):
    """Each row's problems on the row; a note many rows share said once, with their rows."""
    by_row = _grouped(preview.problems, lambda problem: (problem.sheet, problem.row))
    for outcome in preview.rows:
        outcome.problems = by_row.get((outcome.sheet, outcome.row), [])
    notes = [(note, outcome) for outcome in preview.rows for note in outcome.notes]
    shared = set()
    for (note, sheet), found in _grouped(notes, lambda item: (item[0], item[1].sheet)).items():
        rows = sorted({outcome.row for _, outcome in found})
        if len(rows) > 1:
            preview.repeated_notes.append(RepeatedNote(note, sheet, rows))
            shared.add((note, sheet))
    for outcome in preview.rows:
        outcome.own_notes = [note for note in outcome.notes if (note, outcome.sheet) not in shared]


def _number_unnumbered(reader, state):
    """Rows of a sheet without an action-number column: an action of the plan with the same
    words, or a new action numbered after the plan's last and the sheet's own numbers."""
    by_text = {}
    for number, action in sorted(state.actions.items()):
        for text in (action.title, action.how):
            if text:
                by_text.setdefault(normalise(text), number)
    taken = set(reader.numbers_seen)
    following = max([*state.actions, *taken], default=0) + 1
    for planned in reader.rows_without_number:
        values = planned.values
        texts = [values.get(key) for key in ("title", "how", "new_title") if values.get(key)]
        match = next(
            (
                by_text[normalise(text)]
                for text in texts
                if normalise(text) in by_text and by_text[normalise(text)] not in taken
            ),
            None,
        )
        if match is not None:
            planned.number = match
            planned.outcome.notes.append(f"matched to action {match}, which has the same words")
        else:
            planned.number = following
            planned.outcome.notes.append(
                "the sheet gives no action number: numbered after the plan's last action"
            )
            following += 1
        taken.add(planned.number)


def _importable(planned_rows):
    return [planned for planned in planned_rows if not planned.has_problems]


def _compare(preview, plan, state):
    for planned in preview.planned:
        planned.has_problems = planned.has_problems or planned.number is None
    comparer = _Comparer(
        plan, state, _known_narratives(state, preview.planned), _importable(preview.planned)
    )
    new_areas = {}
    for number, (title, _, _) in preview.area_titles.items():
        if number not in state.areas:
            new_areas[number] = title
    for planned in preview.planned:
        planned.outcome.action_number = planned.number
        number = planned.values.get("area")
        if number is not None and number not in state.areas and number not in new_areas:
            new_areas[number] = None  # numbered but never titled
    preview.new_areas = new_areas
    announced = set()
    for planned in preview.planned:
        outcome = planned.outcome
        action = state.actions.get(planned.number)
        if planned.has_problems:
            outcome.kind = "not read"
            _describe(outcome, planned.values, action, state)
            continue
        values, notes = comparer.resolve(planned, action)
        outcome.notes.extend(notes)
        _describe(outcome, values, action, state)
        area = values.get("area")
        area_change = None
        if area is not None and area not in announced:
            announced.add(area)
            area_change = _area_change(area, state, preview)
        start = values.get("start_date", action.start_date if action else None)
        due = values.get("due_date", action.due_date if action else None)
        if start and due and due < start:
            column = "due_date" if "due_date" in planned.values else "start_date"
            preview.problems.append(
                Problem(
                    f"the due date {_fmt_date(due)} is before the start date {_fmt_date(start)} "
                    "— enter a due date on or after the start date",
                    planned.sheet,
                    planned.row,
                    planned.headers.get(column),
                )
            )
            outcome.kind = "not read"
            planned.has_problems = True
            continue
        if action is None:
            outcome.kind = "create"
            if area_change:
                outcome.notes.append(area_change)
            continue
        changes = comparer.changes(action, values)
        if area_change:
            changes.insert(0, _Change("area_title", area_change))
        if changes:
            outcome.kind = "change"
            outcome.changes = [change.description for change in changes]


def _describe(outcome, values, action, state):
    """What the row reads as, for the preview: what the sheet says, else what the action
    has now. ``values`` are settled for a row to import, as read for one with problems."""

    def value(key, current=None):
        return values.get(key, getattr(action, current or key) if action else None)

    if "recommendations" in values:
        pks = [item if isinstance(item, int) else item[0] for item in values["recommendations"]]
    else:
        pks = [r.pk for r in action.recommendations.all()] if action else []
    outcome.recommendations = [
        (state.labels[pk], _short(state.texts[pk], 60))
        for pk in sorted(pks, key=lambda pk: _label_order(state.labels[pk]))
    ]
    outcome.start_date = value("start_date")
    outcome.due_date = value("due_date")
    created = action is None and not outcome.is_rejected
    status = value("status") or (ActionStatus.NOT_STARTED if created else "")
    outcome.status = ActionStatus(status).label if status else ""
    rag = value("rag")
    outcome.rag = Rag(rag).label if rag else ""
    outcome.percent_complete = value("percent_complete")
    if outcome.percent_complete is None and created:
        outcome.percent_complete = 0
    outcome.owner = value("owner_name") or ""
    outcome.update_date = values.get("latest_update_date")


def _label_order(label):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", label)]


def _area_change(number, state, preview):
    area = state.areas.get(number)
    given = preview.area_titles.get(number)
    if area is None:
        title = given[0] if given else None
        return f"create improvement area {number}" + (f" “{_short(title)}”" if title else "")
    if given and not _same_text(area.title, given[0]):
        return f"rename improvement area {number}: {_quote(area.title)} → {_quote(given[0])}"
    return None


def apply_import(preview, *, plan, by, today=None, valid_rows_only=False):
    """Save a preview in one transaction: new areas and actions, changed fields of existing
    ones (matched by number), a re-baselining for each moved due date, and a new progress
    update (by ``by``, dated as the sheet dates it or today) where status, RAG, % complete or
    the update text changed. Progress updates already there are never edited.

    A preview with problems is refused whole, unless ``valid_rows_only``: then the rows
    without problems are saved and the others counted as rejected (``rejected_rows_workbook``
    gives them back). Problems with the file or a sheet as a whole refuse it either way."""
    if preview.plan_id != plan.pk:
        raise ImportRefused("This file was checked against another plan: upload it again")
    if preview.problems and not valid_rows_only:
        raise ImportRefused(
            "The file has problems, so nothing was saved. Correct them and upload it again"
        )
    if preview.file_problems:
        raise ImportRefused(
            "The file has problems that are not in one row, so nothing was saved. Correct them "
            "and upload it again"
        )
    planned_rows = _importable(preview.planned)
    if not planned_rows:
        raise ImportRefused(
            "No row can be imported, so nothing was saved. Correct the rows and upload the "
            "file again"
        )
    today = today or timezone.localdate()
    result = ImportResult(rejected=len(preview.planned) - len(planned_rows))
    try:
        with transaction.atomic():
            list(Action.objects.select_for_update().filter(plan=plan).values_list("pk"))
            state = _State(plan)
            comparer = _Comparer(plan, state, _known_narratives(state, planned_rows), planned_rows)
            areas = _save_areas(planned_rows, preview.area_titles, plan, state, by, result)
            new_actions = []
            for planned in planned_rows:
                action = state.actions.get(planned.number)
                values, _ = comparer.resolve(planned, action)
                if action is None:
                    new_actions.append((_new_action(plan, planned, values, areas), values))
                else:
                    _change_action(action, comparer, values, areas, by, today, result)
            _create_actions(new_actions, by, today, result)
    except IntegrityError as error:
        raise ImportRefused(
            "The plan changed while the file was being imported, so nothing was saved. "
            "Upload the file again"
        ) from error
    return result


def _save_areas(planned_rows, area_titles, plan, state, by, result):
    """The areas the rows put actions in: new ones created, titles changed as the sheet
    gives them."""
    areas = dict(state.areas)
    needed = {planned.values.get("area") for planned in planned_rows} - {None}
    for number in sorted(needed):
        given = area_titles.get(number)
        title = given[0] if given else f"Improvement area {number}"
        area = areas.get(number)
        if area is None:
            area = ImprovementArea(plan=plan, number=number, title=title)
            area._history_user = by
            area.save()
            areas[number] = area
            result.areas_created += 1
            # A new area answers the recommendations its actions address.
            recommendation_ids = set()
            for planned in planned_rows:
                if planned.values.get("area") == number:
                    for pks in planned.values.get("recommendations", []):
                        recommendation_ids.add(pks[0])
            area.recommendations.set(recommendation_ids)
        elif given and not _same_text(area.title, title):
            area.title = title
            area._history_user = by
            area.save(update_fields=["title"])
            result.areas_renamed += 1
    return areas


def _area_for(values, areas):
    number = values.get("area")
    return areas.get(number) if number is not None else None


def _new_action(plan, planned, values, areas):
    measure = _measure_fields(values.get("measure", ""))
    return Action(
        plan=plan,
        number=planned.number,
        area=_area_for(values, areas),
        title=values.get("title") or values.get("new_title") or f"Action {planned.number}",
        how=values.get("how", ""),
        expected_evidence=values.get("expected_evidence", ""),
        owner_name=values.get("owner_name", ""),
        start_date=values["start_date"],
        due_date=values["due_date"],
        original_due_date=values.get("original_due_date") or values["due_date"],
        status=values.get("status", ActionStatus.NOT_STARTED),
        rag=values.get("rag", ""),
        percent_complete=values.get("percent_complete", 0),
        **measure,
    )


def _create_actions(new_actions, by, today, result):
    """The new actions, their recommendations, milestones and first progress updates in a
    few bulk inserts, history included: saved one by one, 1,000 actions took over 3 s."""
    if not new_actions:
        return
    created = bulk_create_with_history(
        [action for action, _ in new_actions], Action, batch_size=500, default_user=by
    )
    links, milestones, updates = [], [], []
    for action, (_, values) in zip(created, new_actions, strict=True):
        links += [
            Action.recommendations.through(action_id=action.pk, recommendation_id=pk)
            for pk in values.get("recommendations", [])
        ]
        milestones += [
            Milestone(action=action, text=text, due_date=due, done_on=done)
            for text, due, done in values.get("milestones", [])
        ]
        narrative = values.get("latest_update", "")
        if narrative or action.status != ActionStatus.NOT_STARTED or action.percent_complete:
            updates.append(
                ProgressUpdate(
                    action=action,
                    author=by,
                    date=_update_date(values, today),
                    status=action.status,
                    rag=action.rag,
                    percent_complete=action.percent_complete,
                    narrative=narrative or UPDATE_NARRATIVE,
                )
            )
    Action.recommendations.through.objects.bulk_create(links, batch_size=1000)
    bulk_create_with_history(milestones, Milestone, batch_size=1000, default_user=by)
    ProgressUpdate.objects.bulk_create(updates, batch_size=1000)
    result.created += len(created)
    result.milestones_added += len(milestones)
    result.updates_added += len(updates)


def _update_date(values, today):
    """The sheet's date of the update ("Date of update", "Last updated"), today if it gives
    none, or one still to come."""
    given = values.get("latest_update_date")
    return given if given and given <= today else today


def _save_milestone(milestone, by):
    milestone._history_user = by
    milestone.save()


def _change_action(action, comparer, values, areas, by, today, result):
    changes = {change.field: change for change in comparer.changes(action, values)}
    if not changes:
        result.unchanged += 1
        return
    for key in ("title", "how", "expected_evidence", "owner_name", "start_date"):
        if key in changes:
            setattr(action, key, values[key])
    if "area" in changes:
        action.area = _area_for(values, areas)
    if "measure" in changes:
        for key, value in _measure_fields(values["measure"]).items():
            setattr(action, key, value)
    if "due_date" in changes:
        DueDateChange.objects.create(
            action=action,
            previous_due_date=action.due_date,
            new_due_date=values["due_date"],
            reason=IMPORT_REASON,
            changed_by=by,
        )
        action.due_date = values["due_date"]
        result.due_dates_moved += 1
    progress = {"status", "rag", "percent_complete", "latest_update"} & changes.keys()
    for key in ("status", "rag", "percent_complete"):
        if key in changes:
            setattr(action, key, values[key])
    if "status" in changes and action.status != ActionStatus.COMPLETED:
        action.verified_at = action.verified_by = None
    action.version = F("version") + 1
    action._history_user = by
    action.save()
    if "recommendations" in changes:
        action.recommendations.set(values["recommendations"])
    if "milestones" in changes:
        _change_milestones(action, values["milestones"], by, result)
    if progress:
        narrative = values["latest_update"] if "latest_update" in changes else ""
        ProgressUpdate.objects.create(
            action=action,
            author=by,
            date=_update_date(values, today),
            status=action.status,
            rag=action.rag,
            percent_complete=action.percent_complete,
            narrative=narrative or UPDATE_NARRATIVE,
        )
        result.updates_added += 1
    result.changed += 1


def _change_milestones(action, wanted, by, result):
    pairs, added, removed = match_milestones(action.milestones.all(), wanted)
    for milestone, (text, due, done) in pairs:
        if _same_text(milestone.text, text):
            text = milestone.text
        if (milestone.text, milestone.due_date, milestone.done_on) != (text, due, done):
            milestone.text, milestone.due_date, milestone.done_on = text, due, done
            _save_milestone(milestone, by)
            result.milestones_changed += 1
    for text, due, done in added:
        _save_milestone(Milestone(action=action, text=text, due_date=due, done_on=done), by)
        result.milestones_added += 1
    for milestone in removed:
        milestone._history_user = by
        milestone.delete()
        result.milestones_removed += 1
