"""The improvement area: a number, a number and title, a title alone, or the "Improvement
Area 3 – …" heading the rows are under; one title for each area across the sheets."""

import re

from improvement_plans.imports.rows.row import MISSING
from improvement_plans.imports.text import cell_text, is_blank, normalise, same_text, short
from improvement_plans.imports.workbook import AREA_HEADING


class AreaReader:
    """Reads each row's area, numbering areas named without a number."""

    def __init__(self, state):
        self.state = state
        self.titles = {}  # area number → (title, sheet, row) as the sheet gives it
        self.by_title = {normalise(area.title): number for number, area in state.areas.items()}

    def read(self, row, wanted, area_heading):
        value, column = row.get("area")
        if value is MISSING or is_blank(value):
            if area_heading:
                number, title = area_heading
            elif value is MISSING:
                return
            else:
                wanted["area"] = None
                return
        else:
            number, title = _number_and_title(cell_text(value))
        if number is None:
            number = self._numbered(title)
        if title is not None:
            self._check_title(row, column, number, title)
        wanted["area"] = number

    def _numbered(self, title):
        """Named but not numbered: an area of that name, or a new one."""
        key = normalise(title)
        number = self.by_title.get(key)
        if number is None:
            used = set(self.state.areas) | set(self.titles)
            number = max(used, default=0) + 1
            self.by_title[key] = number
        return number

    def _check_title(self, row, column, number, title):
        known = self.titles.get(number)
        if known and not same_text(known[0], title):
            where = f"row {known[2]}" + (
                f" of sheet “{known[1]}”" if known[1] != row.sheet.title else ""
            )
            row.problem(
                column,
                f"improvement area {number} is called “{short(known[0])}” on {where} "
                "— use the same title on every row of the area",
            )
        elif not known:
            self.titles[number] = (title, row.sheet.title, row.number)
            self.by_title.setdefault(normalise(title), number)


def _number_and_title(text):
    match = AREA_HEADING.match(text) or re.match(
        r"^\s*(\d{1,4})\s*(?:[–—:.)\-]\s*|\s+|$)(.*)$", text, re.S
    )
    if match:
        return int(match.group(1)), match.group(2).strip() or None
    return None, text
