"""The latest progress update: its narrative and its date."""

from improvement_plans.imports.cells import is_sensible, read_date
from improvement_plans.imports.rows.dates import date_problem
from improvement_plans.imports.rows.row import MISSING
from improvement_plans.imports.text import cell_text, is_blank


def read_update(row, wanted):
    value, _ = row.get("latest_update")
    if value is not MISSING and not is_blank(value):
        wanted["latest_update"] = cell_text(value)
    value, column = row.get("latest_update_date")
    if value is not MISSING and not is_blank(value):
        day = read_date(value)
        if not is_sensible(day):
            date_problem(row, column, value, day)
        else:
            wanted["latest_update_date"] = day
