"""Open data files: one table as CSV, JSON or OpenDocument spreadsheet (.ods), each saying its
licence (the Open Government Licence v3.0) in the file and in the response's headers.

A dataset has a list of ``Column`` (name, meaning, type, example: the data dictionary) and rows
of values in that order. The CSV writes a text that a spreadsheet would run as a formula with
an apostrophe first (``sli.lib.exports.rows_to_csv``); the JSON and the .ods hold the text as
it is, the .ods as text cells, which never run.
"""

import datetime
import io
import json
from dataclasses import dataclass

from django.http import HttpResponse
from odf.dc import Title
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from sli.lib.exports import rows_to_csv
from sli.lib.xlsx import xml_safe

LICENCE_NAME = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet"
FORMATS = ("csv", "json", "ods")


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str
    type: str  # "text", "integer", "date", "boolean"
    example: str


@dataclass(frozen=True)
class Dataset:
    """A dataset: what it is, where it comes from, its columns and rows."""

    title: str
    source_url: str
    attribution: str
    columns: tuple
    rows: list


def _json_value(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


def to_json(dataset):
    document = {
        "title": dataset.title,
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "attribution": dataset.attribution,
        "source": dataset.source_url,
        "columns": [column.name for column in dataset.columns],
        "rows": [
            {
                column.name: _json_value(value)
                for column, value in zip(dataset.columns, row, strict=True)
            }
            for row in dataset.rows
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def to_csv(dataset):
    return rows_to_csv([column.name for column in dataset.columns], dataset.rows)


def _ods_cell(value):
    if value is None or value == "":
        return TableCell()
    if isinstance(value, bool):
        text = "true" if value else "false"
        cell = TableCell(valuetype="boolean", booleanvalue=text)
    elif isinstance(value, int | float):
        text = str(value)
        cell = TableCell(valuetype="float", value=text)
    elif isinstance(value, datetime.date):
        value = value.date() if isinstance(value, datetime.datetime) else value
        text = value.isoformat()
        cell = TableCell(valuetype="date", datevalue=text)
    else:
        text = xml_safe(str(value))
        cell = TableCell(valuetype="string")
    for line in text.split("\n"):
        cell.addElement(P(text=line))
    return cell


def _ods_sheet(name, header, rows):
    sheet = Table(name=name)
    for row in [header, *rows]:
        table_row = TableRow()
        for value in row:
            table_row.addElement(_ods_cell(value))
        sheet.addElement(table_row)
    return sheet


def to_ods(dataset):
    """Two sheets: the data, and "Licence" saying what it is, whose and under which licence."""
    document = OpenDocumentSpreadsheet()
    document.meta.addElement(Title(text=xml_safe(dataset.title)))
    document.spreadsheet.addElement(
        _ods_sheet("Data", [column.name for column in dataset.columns], dataset.rows)
    )
    about = [
        ("Title", dataset.title),
        ("Licence", LICENCE_NAME),
        ("Licence address", LICENCE_URL),
        ("Attribution", dataset.attribution),
        ("Source", dataset.source_url),
    ]
    document.spreadsheet.addElement(_ods_sheet("Licence", ["About", ""], about))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def download(dataset, file_format, filename):
    """The response: the file, named ``filename.<format>``, with the licence in a header."""
    if file_format == "json":
        response = HttpResponse(to_json(dataset), content_type="application/json; charset=utf-8")
    elif file_format == "ods":
        response = HttpResponse(to_ods(dataset), content_type=ODS_TYPE)
    else:
        response = HttpResponse(to_csv(dataset), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    response["X-Licence"] = LICENCE_NAME
    return response
