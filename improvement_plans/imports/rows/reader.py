"""The row reader: each row of a sheet through the readers of its groups of columns, into a
planned action and the row's outcome in the preview."""

from improvement_plans.imports.preview import RowOutcome
from improvement_plans.imports.rows.areas import AreaReader
from improvement_plans.imports.rows.choices import read_choices
from improvement_plans.imports.rows.dates import read_dates
from improvement_plans.imports.rows.milestones import read_milestones
from improvement_plans.imports.rows.numbers import NumberReader
from improvement_plans.imports.rows.recommendations import RecommendationReader
from improvement_plans.imports.rows.row import PlannedAction, Row
from improvement_plans.imports.rows.texts import read_texts
from improvement_plans.imports.rows.updates import read_update
from improvement_plans.imports.text import normalise


class RowReader:
    """Reads sheets' rows into planned actions, collecting problems and notes."""

    def __init__(self, state, preview):
        self.state = state
        self.preview = preview
        self.numbers = NumberReader()
        self.areas = AreaReader(state)
        self.recommendations = RecommendationReader(state)
        self.rows_without_number = []

    @property
    def numbers_seen(self):
        return self.numbers.seen

    @property
    def area_titles(self):
        """Area number → (title, sheet, row) as the sheets give them."""
        return self.areas.titles

    def read(self, sheet):
        for row_number, values, percent_format, area_heading in sheet.rows:
            self._read_row(sheet, row_number, values, percent_format, area_heading)

    def _read_row(self, sheet, row_number, values, percent_format, area_heading):
        row = Row(sheet, row_number, values, percent_format, self.preview.problems)
        outcome = RowOutcome(sheet.title, row_number, None)
        wanted = {}
        problems_before = len(self.preview.problems)

        number = self.numbers.read(row)
        read_texts(row, wanted, existing=number in self.state.actions)
        self.areas.read(row, wanted, area_heading)
        self.recommendations.read(row, wanted, outcome)
        read_choices(row, wanted, outcome)
        read_dates(row, wanted, outcome)
        read_milestones(row, wanted)
        read_update(row, wanted)

        has_problems = len(self.preview.problems) > problems_before
        headers = {key: column.header for key, column in sheet.columns.items()}
        planned = PlannedAction(
            sheet.title, row_number, number, wanted, outcome, headers, has_problems, values
        )
        if number is None and not has_problems:
            self.rows_without_number.append(planned)
        self.preview.rows.append(outcome)
        self.preview.planned.append(planned)


def number_unnumbered(reader, state):
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
