"""A list as an .xlsx workbook or a CSV file, with the columns the page shows.

User text never becomes a formula: in the workbook every string is a text cell
(``sli.lib.xlsx.text_cell``); in the CSV a value that Excel would read as a formula ("=", "+", "-",
"@", tab or carriage return first) starts with an apostrophe, as OWASP advises for CSV
injection. Both leave out the characters XML cannot hold, so they give the same text.
"""

import csv
import datetime
import io
import re

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from sli.lib.xlsx import FORMULA_START, text_cell, xml_safe

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "dd/mm/yyyy"
EXPORT_FORMATS = ("xlsx", "csv")


def _sheet_title(title):
    return (re.sub(r"[\[\]:*?/\\]", " ", xml_safe(title)).strip(" '") or "List")[:31]


def _cell(sheet, value, bold):
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, str):
        cell = text_cell(sheet, value)
    else:
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, datetime.date):
            cell.number_format = DATE_FORMAT
    if bold:
        cell.font = Font(bold=True)
    return cell


def rows_to_workbook(headers, rows, title):
    """One sheet: a bold, frozen header row, then the rows (text, numbers, dates)."""
    workbook = Workbook(write_only=True)
    workbook.properties.title = xml_safe(title)[:250]
    workbook.properties.creator = "Sector-led improvement manager"
    sheet = workbook.create_sheet(_sheet_title(title))
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(40, len(header) + 4))
    sheet.append([_cell(sheet, header, bold=True) for header in headers])
    for row in rows:
        sheet.append([_cell(sheet, value, bold=False) for value in row])
    return workbook


def workbook_bytes(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    value = xml_safe(str(value))
    return f"'{value}" if FORMULA_START.match(value) else value


def rows_to_csv(headers, rows):
    """UTF-8 with a byte order mark, so that Excel reads accents and "£" correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_csv_value(header) for header in headers])
    writer.writerows([_csv_value(value) for value in row] for row in rows)
    return "\ufeff" + buffer.getvalue()


def export_file(table, export_format, *, filename, title):
    """The table's rows (all pages, in its sort order) as (content, content type, file name):
    "actions-2025-03-05.csv"."""
    values = iter(table.export_rows())
    headers = next(values)
    filename = f"{filename}-{timezone.localdate():%Y-%m-%d}.{export_format}"
    if export_format == "xlsx":
        return workbook_bytes(rows_to_workbook(headers, values, title)), XLSX_TYPE, filename
    return rows_to_csv(headers, values).encode(), "text/csv; charset=utf-8", filename


def download_response(content, content_type, filename, *, disposition="attachment"):
    """A file for the browser to save as ``filename`` (or, with disposition "inline", to
    show)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
