"""Plans and lists of actions as Excel workbooks, in the layout councils use.

One row per action: improvement area, recommendation, the action and how it will be done,
the expected evidence, owner, dates and milestones, status, RAG and the latest update. The
file opens readable (bold frozen header, wrapped text, column widths, a filter, drop-downs for
status and RAG) and imports back unchanged through ``improvement_plans.imports``.

User text is always written as a text cell, so "=HYPERLINK(…)", "+44…", "-2 days" or "@sum"
is shown as typed and never run by Excel as a formula.
"""

import calendar
import re
from copy import copy
from io import BytesIO

from django.db.models import F, OuterRef, Prefetch, Subquery
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from improvement_plans.models import ActionStatus, Milestone, ProgressUpdate, Rag
from recommendations.models import Recommendation

# (key, header, width in characters). The import reads these headers back, in any order.
COLUMNS = [
    ("area", "Improvement area", 32),
    ("recommendations", "Recommendation", 14),
    ("recommendation_text", "Recommendation text", 45),
    ("number", "Action number", 9),
    ("title", "Action", 35),
    ("how", "How it will be achieved", 50),
    ("expected_evidence", "Expected evidence of improvement", 60),
    ("owner", "Owner", 22),
    ("measure", "Measure", 30),
    ("start_date", "Start date", 12),
    ("due_date", "Due date", 12),
    ("original_due_date", "Original due date", 12),
    ("milestones", "Milestones", 55),
    ("status", "Status", 13),
    ("rag", "RAG", 9),
    ("percent_complete", "% complete", 10),
    ("latest_update", "Latest update", 55),
    ("latest_update_date", "Latest update date", 12),
]
# A list of actions may come from several plans: say which, after the plan's own columns.
LIST_COLUMNS = [("council", "Council", 24), ("plan", "Plan", 30)]

DATE_FORMAT = "dd/mm/yyyy"
MAX_CELL_CHARACTERS = 32767  # Excel's limit; a longer cell makes Excel "repair" the file.
# The drop-downs cover every row the import accepts, so rows people add get them too.
VALIDATED_ROWS = 5000
MONTHS = [calendar.month_name[n] for n in range(13)]
# Excel treats text starting with these as a formula when someone edits the cell.
FORMULA_START = re.compile(r"^[=+\-@\t\r]")


def plan_to_workbook(plan, actions=None, recommendations=None):
    """The plan's actions, one row each, in improvement area and action order. ``actions``
    narrows them (``plan.actions.public()`` for anyone, which leaves out exempt actions), and
    ``recommendations`` the recommendations shown beside them (what the reader may see)."""
    actions = plan.actions.all() if actions is None else actions.filter(plan=plan)
    actions = actions.order_by(F("area__number").asc(nulls_last=True), "number")
    workbook = _new_workbook(plan.title)
    _write_actions(workbook, "Plan", actions, COLUMNS, recommendations)
    return workbook


def actions_to_workbook(actions_queryset, title, recommendations=None):
    """Any list of actions (a filtered, scoped queryset), in its own order if it has one;
    ``recommendations`` limits the recommendations shown beside them (what the reader sees)."""
    actions = actions_queryset
    if not actions.query.order_by:
        actions = actions.order_by(
            "plan__council__name",
            "plan__title",
            "plan_id",
            F("area__number").asc(nulls_last=True),
            "number",
        )
    workbook = _new_workbook(title)
    _write_actions(
        workbook,
        _sheet_title(title),
        actions.select_related("plan__council"),
        COLUMNS + LIST_COLUMNS,
        recommendations,
    )
    return workbook


def workbook_bytes(workbook):
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def format_when(day):
    """A milestone's date as people write it: "June 2010" for the end of a month, otherwise
    "15 June 2010". The import reads both back to the same date."""
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return f"{MONTHS[day.month]} {day.year}"
    return f"{day.day} {MONTHS[day.month]} {day.year}"


def format_day(day):
    return f"{day.day} {MONTHS[day.month]} {day.year}"


def milestone_line(milestone):
    """ "June 2010 – New documentation completed (done 12 June 2010)"."""
    text = " ".join(milestone.text.split())
    line = f"{format_when(milestone.due_date)} – {text}"
    if milestone.done_on:
        line += f" (done {format_day(milestone.done_on)})"
    return line


def area_cell(area):
    return f"{area.number} – {area.title}" if area else ""


def recommendation_labels(recommendations):
    return ", ".join(r.label for r in recommendations)


def _new_workbook(title):
    workbook = Workbook(write_only=True)
    workbook.properties.title = title[:250]
    workbook.properties.creator = "Sector-led improvement manager"
    return workbook


def _sheet_title(title):
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", title).strip(" '") or "Actions"
    return cleaned[:31]


def _export_queryset(actions, recommendations=None):
    latest = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by(
        "-date", "-created_at", "-pk"
    )
    return (
        actions.select_related("area")
        .prefetch_related(
            # Plain lists (to_attr): no queryset built per row.
            Prefetch(
                "recommendations",
                queryset=(
                    Recommendation.objects if recommendations is None else recommendations
                ).select_related("parent"),
                to_attr="export_recommendations",
            ),
            Prefetch(
                "milestones",
                queryset=Milestone.objects.order_by("due_date", "pk"),
                to_attr="export_milestones",
            ),
        )
        .annotate(
            latest_update_text=Subquery(latest.values("narrative")[:1]),
            latest_update_on=Subquery(latest.values("date")[:1]),
        )
    )


class _Styles:
    """One styled template cell per kind; each written cell copies its style array, which is
    much cheaper than assigning fonts and alignments cell by cell."""

    def __init__(self, sheet):
        top = Alignment(vertical="top", wrap_text=True)
        self.header = self._template(
            sheet,
            font=Font(bold=True),
            alignment=Alignment(vertical="top", wrap_text=True),
            fill=PatternFill("solid", fgColor="DDDDDD"),
            border=Border(bottom=Side(style="thin")),
        )
        self.text = self._template(sheet, alignment=top)
        self.quoted_text = self._template(sheet, alignment=top, quotePrefix=True)
        self.date = self._template(sheet, alignment=top, number_format=DATE_FORMAT)
        self.number = self._template(sheet, alignment=top, number_format="0")

    @staticmethod
    def _template(sheet, **attributes):
        cell = WriteOnlyCell(sheet)
        for name, value in attributes.items():
            setattr(cell, name, value)
        return cell._style


def _text_cell(sheet, styles, value, style=None):
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))[:MAX_CELL_CHARACTERS]
    cell = WriteOnlyCell(sheet)
    if style is None:
        style = styles.quoted_text if FORMULA_START.match(text) else styles.text
    cell._style = copy(style)
    # Set directly: the value setter would turn "=…" into a formula.
    cell._value = text
    cell.data_type = "s"
    return cell


def _typed_cell(sheet, style, value, data_type):
    cell = WriteOnlyCell(sheet)
    cell._style = copy(style)
    cell._value = value
    cell.data_type = data_type
    return cell


def _row_values(action, with_list_columns):
    recommendations = sorted(
        action.export_recommendations,
        key=lambda r: (
            r.parent.number if r.parent_id else r.number,
            r.parent_id is not None,
            r.number,
        ),
    )
    if len(recommendations) == 1:
        recommendation_text = recommendations[0].text
    else:
        recommendation_text = "\n".join(f"{r.label}. {r.text}" for r in recommendations)
    values = {
        "area": area_cell(action.area),
        "recommendations": recommendation_labels(recommendations),
        "recommendation_text": recommendation_text,
        "number": action.number,
        "title": action.title,
        "how": action.how,
        "expected_evidence": action.expected_evidence,
        "owner": action.owner_name,
        "measure": action.measure,
        "start_date": action.start_date,
        "due_date": action.due_date,
        "original_due_date": action.original_due_date,
        "milestones": "\n".join(milestone_line(m) for m in action.export_milestones),
        "status": ActionStatus(action.status).label if action.status else "",
        "rag": Rag(action.rag).label if action.rag else "",
        "percent_complete": action.percent_complete,
        "latest_update": action.latest_update_text or "",
        "latest_update_date": action.latest_update_on,
    }
    if with_list_columns:
        values["council"] = action.plan.council.name
        values["plan"] = action.plan.title
    return values


_DATE_KEYS = {"start_date", "due_date", "original_due_date", "latest_update_date"}
_NUMBER_KEYS = {"number", "percent_complete"}


def _write_actions(workbook, sheet_title, actions, columns, recommendations=None):
    sheet = workbook.create_sheet(sheet_title)
    styles = _Styles(sheet)
    # Everything above the rows (widths, frozen header, page set-up) before the first row.
    # Each column is styled as its cells, so empty cells (not written) wrap and show dates too.
    for index, (key, _, width) in enumerate(columns, start=1):
        column = sheet.column_dimensions[get_column_letter(index)]
        column.width = width
        column._style = copy(_column_style(styles, key))
    sheet.freeze_panes = "A2"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = "1:1"

    sheet.append([_text_cell(sheet, styles, header, styles.header) for _, header, _ in columns])
    with_list_columns = len(columns) > len(COLUMNS)
    rows = 0
    for action in _export_queryset(actions, recommendations).iterator(chunk_size=2000):
        values = _row_values(action, with_list_columns)
        sheet.append([_cell(sheet, styles, key, values[key]) for key, _, _ in columns])
        rows += 1

    last_column = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last_column}{rows + 1}"
    keys = [key for key, _, _ in columns]
    _add_choice(sheet, keys.index("status") + 1, "Status", ActionStatus.labels)
    _add_choice(sheet, keys.index("rag") + 1, "RAG", Rag.labels)
    return sheet


def _column_style(styles, key):
    if key in _DATE_KEYS:
        return styles.date
    if key in _NUMBER_KEYS:
        return styles.number
    return styles.text


def _cell(sheet, styles, key, value):
    if value is None or value == "":
        return None  # not written: the column's style applies
    if key in _DATE_KEYS:
        return _typed_cell(sheet, styles.date, value, "d")
    if key in _NUMBER_KEYS:
        return _typed_cell(sheet, styles.number, value, "n")
    return _text_cell(sheet, styles, value)


def _add_choice(sheet, column, name, labels):
    letter = get_column_letter(column)
    choices = ", ".join(labels)
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(labels) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=f"Choose a {name}",
        error=f"Choose one of: {choices}",
        showInputMessage=True,
        promptTitle=name,
        prompt=f"Choose one of: {choices}",
    )
    validation.add(f"{letter}2:{letter}{VALIDATED_ROWS + 1}")
    sheet.data_validations.append(validation)
