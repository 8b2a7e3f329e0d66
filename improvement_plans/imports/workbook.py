"""Finding the sheets and their columns: the heading row under any title, the columns by their
headings, a "Rec No" column told from a "Recommendation" wording column, and the rows of
actions below, with area headings, repeated headings and notes set aside."""

import re
from dataclasses import dataclass

from improvement_plans.imports.cells import parse_recommendation_refs
from improvement_plans.imports.headings import FIELD_NAMES, IGNORED_COLUMNS, match_header
from improvement_plans.imports.preview import Problem
from improvement_plans.imports.text import is_blank, normalise, short
from improvement_plans.imports.upload import Refusal

MAX_DATA_ROWS = 5000
MAX_COLUMNS = 50
# Rows read, blank ones included, before giving up on a sheet (a few bytes of XML can claim
# a row a million rows down).
MAX_SCANNED_ROWS = 50_000
HEADER_SEARCH_ROWS = 10


@dataclass
class Column:
    index: int
    header: str
    key: str


@dataclass
class Sheet:
    title: str
    columns: dict  # key → Column
    rows: list  # (row number, values, percent formatted, area heading in force)
    headers: tuple = ()  # the heading row as written


AREA_HEADING = re.compile(
    r"^\s*improvement\s+area\s*(\d+)\s*(?:[–—:.\-]\s*|\s+|$)(.*)$", re.I | re.S
)


def _find_columns(values, sheet_title, preview):
    """The column map if this row is a heading row: two or more known headings, one of them
    saying what the action is, and the columns that may hold recommendations (numbers or
    wording, told apart once the rows are read). Other duplicated headings are problems."""
    found = {}
    unknown = []
    for index, value in enumerate(values):
        if is_blank(value) or not isinstance(value, str):
            continue
        key = match_header(value)
        if key is None:
            unknown.append(value.strip())
        else:
            found.setdefault(key, []).append(Column(index, value.strip(), key))
    known = {key for key in found if key not in IGNORED_COLUMNS}
    if len(known) < 2 or not known & {"number", "title", "how"}:
        return None
    recommendation_columns = found.pop("recommendations", []) + found.pop("recommendation_text", [])
    columns = {}
    for key, candidates in found.items():
        columns[key] = candidates[0]
        if len(candidates) > 1 and key not in IGNORED_COLUMNS:
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
        if is_blank(value):
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
    wording = [Column(c.index, c.header, "recommendation_text") for c in wording + empty]
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


def read_sheets(workbook, preview):
    """The sheets with a heading row we recognise, their actions' rows read; refused if there
    is nothing to import."""
    sheets = []
    seen_rows = False
    for worksheet in workbook.worksheets:
        sheet, non_blank = _read_sheet(worksheet, preview)
        seen_rows = seen_rows or bool(non_blank)
        if sheet is not None:
            sheets.append(sheet)
        elif non_blank:
            preview.notes.append(
                f"Sheet “{worksheet.title}” was not imported: none of its first rows has column "
                "headings we recognise."
            )
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


def _read_sheet(worksheet, preview):
    """One sheet: its heading row, looked for in its first rows, and the rows of actions below
    it. Returns the sheet (None without a heading row) and how many rows were not blank."""
    title = worksheet.title
    if hasattr(worksheet, "reset_dimensions"):
        # The stored size may be wrong either way; read what is really there.
        worksheet.reset_dimensions()
    columns = None
    rows = []
    non_blank = 0
    area_heading = None
    for number, cells in enumerate(worksheet.iter_rows(max_col=MAX_COLUMNS), start=1):
        if number > MAX_SCANNED_ROWS:
            raise Refusal(_too_many_rows(title))
        values = tuple(cell.value for cell in cells)
        if all(is_blank(value) for value in values):
            continue
        non_blank += 1
        if columns is None:
            if non_blank > HEADER_SEARCH_ROWS:
                break
            area_heading = _area_heading(values) or area_heading
            found = _find_columns(values, title, preview)
            if found is not None:
                (columns, recommendation_columns), headers = found, values
            continue
        if len(rows) >= MAX_DATA_ROWS:
            raise Refusal(_too_many_rows(title))
        heading = _area_heading(values)
        if heading:
            area_heading = heading
        elif _is_action_row(number, values, columns, title, preview):
            percent_format = _is_percent_formatted(cells, values, columns)
            rows.append((number, values, percent_format, area_heading))
    if columns is None:
        return None, non_blank
    sheet = Sheet(title, columns, rows, headers)
    _settle_recommendation_columns(sheet, recommendation_columns, preview)
    return sheet, non_blank


def _is_action_row(number, values, columns, title, preview):
    """Whether a row below the headings is an action: not the headings again, nor a note
    (which is said in the preview)."""
    if _repeats_header(values, columns):
        return False
    note = _note_row(values, columns)
    if note:
        preview.notes.append(
            f"Sheet “{title}”, row {number} is read as a note, not an action: “{short(note, 60)}”"
        )
        return False
    return True


def _is_percent_formatted(cells, values, columns):
    """Whether the % complete cell is a fraction formatted as a percentage (0.5 as 50%)."""
    percent = columns.get("percent_complete")
    if percent is None or not isinstance(values[percent.index], float):
        return False
    return "%" in (cells[percent.index].number_format or "")


def _too_many_rows(title):
    return (
        f"Sheet “{title}” has more than {MAX_DATA_ROWS:,} rows. Split the plan into files of "
        f"up to {MAX_DATA_ROWS:,} actions and import them one by one"
    )


def _area_heading(values):
    """A row holding only "Improvement Area 3 – …", as councils head each part of a plan."""
    filled = [value for value in values if not is_blank(value)]
    if len(filled) != 1 or not isinstance(filled[0], str):
        return None
    match = AREA_HEADING.match(filled[0])
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
    filled = [(index, value) for index, value in enumerate(values) if not is_blank(value)]
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
