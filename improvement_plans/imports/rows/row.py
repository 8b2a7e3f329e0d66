"""One row being read, and what it asks for."""

from dataclasses import dataclass, field

from improvement_plans.imports.preview import Problem, RowOutcome

# The sheet has no column for a field: the action keeps what it has.
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


def importable(planned_rows):
    return [planned for planned in planned_rows if not planned.has_problems]


class Row:
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
