"""The action number: from its column, or written at the start of the action's text."""

import re

from improvement_plans.imports.rows.row import MISSING
from improvement_plans.imports.text import cell_text, is_blank


class NumberReader:
    """Reads each row's action number, each number claimed by one row only."""

    def __init__(self):
        self.seen = {}  # number → (sheet, row) of the row that has it

    def read(self, row):
        value, column = row.get("number")
        if value is MISSING or is_blank(value):
            # The council's own layout numbers actions in the text: "12. Streamline …".
            for key in ("how", "title"):
                text, _ = row.get(key)
                if isinstance(text, str):
                    match = re.match(r"^\s*(\d{1,4})[.)]\s+", text)
                    if match:
                        return self._claim(row, column, int(match.group(1)))
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
        text = cell_text(value)
        match = re.fullmatch(r"(?:action\s*)?(?:no\.?\s*)?(\d{1,6})\.?", text, re.I)
        if not match or int(match.group(1)) < 1:
            row.problem(
                column,
                f"“{text}” is not an action number — enter a whole number such as 12",
            )
            return None
        return self._claim(row, column, int(match.group(1)))

    def _claim(self, row, column, number):
        if number in self.seen:
            other_sheet, other_row = self.seen[number]
            where = f"row {other_row}" + (
                f" of sheet “{other_sheet}”" if other_sheet != row.sheet.title else ""
            )
            row.problem(
                column,
                f"action {number} is also on {where} — give each action its own number",
            )
            return None
        self.seen[number] = (row.sheet.title, row.number)
        return number
