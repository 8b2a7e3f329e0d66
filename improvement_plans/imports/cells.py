"""Reading one cell: dates as people write them, timescale words, statuses, RAG ratings,
percentages, recommendation numbers, and whether a wording is a recommendation's."""

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import NamedTuple

from openpyxl.utils.datetime import from_excel

from improvement_plans.imports.text import normalise, word_list
from improvement_plans.models import ActionStatus, Rag
from sli.lib.numbering import recommendation_label, roman

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
    for word in word_list(
        "ongoing|continuous|completed|quarterly|annually|yearly|monthly|weekly|tbc"
    )
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


def is_sensible(day):
    return day is not None and EARLIEST_YEAR <= day.year <= LATEST_YEAR


STATUS_WORDS = {
    ActionStatus.NOT_STARTED: word_list(
        "not started|not yet started|to do|todo|planned|not due|not yet due|pending|"
        "future|no progress"
    ),
    ActionStatus.ON_TRACK: word_list(
        "on track|in progress|ongoing|on going|started|underway|under way|progressing|"
        "on target|on schedule|in hand"
    ),
    ActionStatus.AT_RISK: word_list(
        "at risk|delayed|behind|behind schedule|slipping|slipped|some delay|minor delay"
    ),
    ActionStatus.OFF_TRACK: word_list(
        "off track|not on track|significantly delayed|seriously delayed|stalled|overdue|"
        "late|blocked|off target"
    ),
    ActionStatus.COMPLETED: word_list(
        "completed|complete|done|finished|achieved|closed|implemented|delivered"
    ),
    ActionStatus.CANCELLED: word_list(
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
STATUS_CHOICES = ", ".join(ActionStatus.labels)


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


REC_PREFIX = re.compile(r"^(?:recommendations?|recs?|r)\s*\.?\s*(?:no\.?|number)?\s*", re.I)
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
        match = _REC_LABEL.match(REC_PREFIX.sub("", part))
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


def financial_year_end(day):
    """The 31 March ending the financial year after ``day``'s own if ``day`` is that date."""
    end = date(day.year if day.month <= 3 else day.year + 1, 3, 31)
    return end if end > day else date(end.year + 1, 3, 31)
