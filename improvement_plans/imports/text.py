"""Text as the import reads and compares it: words normalised for matching, a cell as text,
and the short forms messages quote."""

import re
from datetime import datetime

from improvement_plans.exports import format_day


def word_list(text):
    """ "a|b c|d" → ["a", "b c", "d"]: lists of words and phrases, written on one line."""
    return text.split("|")


def normalise(text):
    """Lower case, words only: "Rec. No." → "rec no", "% complete" → "percent complete"."""
    text = str(text).lower().replace("&", " and ").replace("%", " percent ")
    text = text.replace("#", " number ").replace("_", " ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        return format_day(value.date())
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def clean_text(text):
    return "\n".join(line.rstrip() for line in str(text).replace("\r\n", "\n").split("\n")).strip()


def words_of(text):
    return " ".join(str(text or "").split())


def same_text(a, b):
    return clean_text(a or "") == clean_text(b or "")


def short(text, length=40):
    text = " ".join(str(text).split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def title_from(text):
    first = clean_text(text).split("\n", 1)[0].strip().rstrip(".")
    if len(first) > 250:
        first = first[:249].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return first
