"""Status, RAG and % complete, as councils write them: "Complete" or "Blue" (BRAG) in the RAG
column is a completed action, a colour in the status column is its RAG rating."""

from improvement_plans.imports.cells import (
    STATUS_CHOICES,
    read_percent,
    read_rating,
    read_status,
)
from improvement_plans.imports.rows.row import MISSING
from improvement_plans.imports.text import cell_text, is_blank
from improvement_plans.models import ActionStatus


def read_choices(row, wanted, outcome):
    status_cell, status_column = row.get("status")
    status, rating = _read_status(row, status_cell, status_column)
    rag_cell, rag_column = row.get("rag")
    given = _read_rag(row, rag_cell, rag_column)
    if given is not None and given.completed:
        if status not in (None, ActionStatus.COMPLETED):
            row.problem(
                rag_column,
                f"“{cell_text(rag_cell)}” says the action is completed but "
                f"“{cell_text(status_cell)}” under “{status_column.header}” says it is "
                f"{ActionStatus(status).label.lower()} — make them agree",
            )
        else:
            status = ActionStatus.COMPLETED
            outcome.notes.append(
                f"“{cell_text(rag_cell)}” under “{rag_column.header}” is read as status Completed"
            )
    if status is not None:
        wanted["status"] = status
    colours = [r.rag for r in (given, rating) if r is not None and r.rag]
    if len(set(colours)) > 1:
        row.problem(
            rag_column,
            f"the RAG is “{cell_text(rag_cell)}” here but “{cell_text(status_cell)}” "
            f"under “{status_column.header}” — make them agree",
        )
    elif rag_cell is not MISSING or colours:
        wanted["rag"] = colours[0] if colours else ""
    _read_percent(row, wanted)


def _read_status(row, cell, column):
    """The status the status column gives, and the rating if it gives a colour instead."""
    status = rating = None
    if cell is not MISSING and not is_blank(cell):
        status = read_status(cell)
        if status is None:
            rating = read_rating(cell)
            if rating is None:
                row.problem(
                    column,
                    f"“{cell_text(cell)}” is not a status we know — use one of {STATUS_CHOICES}",
                )
            elif rating.completed:
                status = ActionStatus.COMPLETED
    return status, rating


def _read_rag(row, cell, column):
    if cell is MISSING or is_blank(cell):
        return None
    rating = read_rating(cell)
    if rating is None:
        row.problem(
            column,
            f"“{cell_text(cell)}” is not a RAG rating — use Red, Amber, Green "
            "or Complete (for a completed action), or leave it empty",
        )
    return rating


def _read_percent(row, wanted):
    value, column = row.get("percent_complete")
    if value is MISSING or is_blank(value):
        return
    percent = read_percent(value, row.percent_format)
    if percent is None:
        row.problem(
            column,
            f"“{cell_text(value)}” is not a percentage — enter a number from 0 to 100",
        )
    else:
        wanted["percent_complete"] = percent
