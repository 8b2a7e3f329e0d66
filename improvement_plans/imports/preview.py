"""What an import would do, row by row, with its problems and notes (``ImportPreview``), and
what it did (``ImportResult``)."""

from dataclasses import dataclass, field
from datetime import date


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


def group_by(items, key):
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
        groups = group_by(self.problems, lambda p: (p.sheet, p.column, p.message, p.row is None))
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
