"""What the action is (its title and how-text), and the other texts: expected evidence, owner
and measure."""

import re

from improvement_plans.imports.rows.row import MISSING
from improvement_plans.imports.text import cell_text, title_from

ENTER_ACTION = (
    "enter what the action is, or delete the row (each action is one row: text that "
    "continues the action above belongs in that row)"
)


def read_texts(row, wanted, *, existing):
    """The texts of the row into ``wanted``; ``existing`` if the row's number is an action of
    the plan already."""
    _read_action(row, wanted, existing)
    for key, field_name, limit in (
        ("expected_evidence", "expected_evidence", None),
        ("owner", "owner_name", 200),
        ("measure", "measure", 250),
    ):
        value, column = row.get(key)
        if value is MISSING:
            continue
        text = cell_text(value)
        if limit and len(text) > limit:
            row.problem(
                column,
                f"this is {len(text)} characters long — shorten it to {limit} or fewer",
            )
        wanted[field_name] = text


def _action_text(row, key):
    """A title or how cell, without the number a sheet with no number column writes first."""
    text, column = row.get(key)
    if text is not MISSING:
        text = cell_text(text)
        if "number" not in row.sheet.columns:
            text = re.sub(r"^\s*\d{1,4}[.)]\s+", "", text)
    return text, column


def _read_action(row, wanted, existing):
    title, title_column = _action_text(row, "title")
    how, how_column = _action_text(row, "how")
    given = [text for text in (title, how) if text is not MISSING]
    if existing and given and not any(given):
        # Nothing said about what an existing action is: it stays as it is.
        return
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
            wanted["new_title"] = title_from(how)
        wanted["how"] = how
    elif title is not MISSING or how is not MISSING:
        # One column says what the action is. A title column gives the title (and the
        # how-text if it says more); a how column gives the how-text, and a title for a new
        # action only, so that existing titles are not replaced by first lines.
        text = title if title is not MISSING else how
        if not text:
            row.problem(title_column or how_column, ENTER_ACTION)
        if title is not MISSING:
            wanted["title"] = title_from(text)
            if len(text) > len(wanted["title"]) + 1:
                wanted["how"] = text
        else:
            wanted["how"] = text
            wanted["new_title"] = title_from(text)
