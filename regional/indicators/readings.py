"""Readings imported from .xlsx or .csv: every row checked and shown before anything is
saved, then saved whole in one transaction."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Q
from openpyxl import load_workbook

from councils.models import Council
from improvement_plans.imports import (
    MAX_DATA_ROWS,
    Refusal,
    check_archive,
    normalise,
    read_bytes,
    read_date,
)
from regional.models import Measure, Reading

COLUMNS = {
    "measure": "Measure code",
    "council": "Council",
    "period_end": "Period end",
    "value": "Value",
    "target": "Target",
}
REQUIRED = ("measure", "council", "period_end", "value")
_HEADER_WORDS = {
    "measure": {"measure code", "measure", "code", "indicator", "indicator code", "ascof"},
    "council": {"council", "local authority", "authority", "la", "council name"},
    "period_end": {"period end", "period", "period ending", "date", "end of period", "as at"},
    "value": {"value", "result", "actual", "score", "outturn"},
    "target": {"target", "goal"},
}
_HEADERS = {word: key for key, words in _HEADER_WORDS.items() for word in words}


def match_column(text):
    """ "Measure Code", "measure_code", "Period End:" → the column's key, or None."""
    normal = normalise(text)
    if normal in _HEADERS:
        return _HEADERS[normal]
    for key, words in _HEADER_WORDS.items():
        if any(normal.startswith(word) for word in words if len(word) > 3):
            return key
    return None


@dataclass
class ReadingProblem:
    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self):
        where = ", ".join(
            part
            for part in (
                f"Row {self.row}" if self.row else "",
                f"column “{self.column}”" if self.column else "",
            )
            if part
        )
        return f"{where}: {self.message}" if where else self.message


@dataclass
class ReadingRow:
    row: int
    measure: Measure | None = None
    council: Council | None = None
    period_end: date | None = None
    value: Decimal | None = None
    target: Decimal | None = None
    existing: bool = False
    problems: list = field(default_factory=list)

    @property
    def outcome(self):
        if self.problems:
            return "not imported: see the problems"
        return "replace the reading" if self.existing else "add a reading"


@dataclass
class ReadingsPreview:
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    @property
    def is_valid(self):
        return bool(self.rows) and not self.problems

    @property
    def summary(self):
        if self.problems:
            count = len(self.problems)
            return f"{count} problem{'s' if count != 1 else ''}: nothing will be saved"
        added = sum(1 for row in self.rows if not row.existing)
        return f"{added} to add, {len(self.rows) - added} to replace"


def _rows_of_csv(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise Refusal(
                "The file is not a CSV file that can be read. Save it as “CSV UTF-8” and "
                "upload it again"
            ) from None
    try:
        return list(csv.reader(io.StringIO(text)))[: MAX_DATA_ROWS + 2]
    except csv.Error:
        raise Refusal("The CSV file could not be read. Save it again as “CSV UTF-8”") from None


def _rows_of_xlsx(data):
    check_archive(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # anything openpyxl or the XML parser raises on a bad file
        raise Refusal(
            "The file could not be opened as an Excel workbook: it may be damaged or "
            "password-protected. Save it as “Excel Workbook (.xlsx)” and upload it again"
        ) from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for values in sheet.iter_rows(values_only=True, max_col=20):
            rows.append(list(values))
            if len(rows) > MAX_DATA_ROWS + 1:
                break
        return rows
    except Exception:
        raise Refusal("Part of the workbook could not be read: it may be damaged") from None
    finally:
        workbook.close()


def _rows_of(file, name):
    data = read_bytes(file)
    if not data.strip():
        raise Refusal("The file is empty. Choose the file with the readings in it")
    if name.lower().endswith(".xlsx") and not data.startswith(b"PK\x03\x04"):
        raise Refusal(
            "The file is called .xlsx but is not an Excel workbook. Save it as “Excel Workbook "
            "(.xlsx)” or “CSV UTF-8” and upload it again"
        )
    if name.lower().endswith(".csv") or not data.startswith(b"PK\x03\x04"):
        if data.startswith(b"\xd0\xcf\x11\xe0") or b"\x00" in data[:1024]:
            raise Refusal(
                "The file is not an .xlsx or .csv file. Save it as “Excel Workbook (.xlsx)” "
                "or “CSV UTF-8” and upload it again"
            )
        return _rows_of_csv(data)
    return _rows_of_xlsx(data)


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _decimal(value):
    if isinstance(value, bool):
        return None
    text = _text(value).replace(",", "").rstrip("%").strip()
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() and abs(number) < Decimal("1e9") else None


def read_readings_file(file, *, name, region):
    """Read an upload (.xlsx or .csv) of readings for ``region``'s councils: what each row
    would do, and every problem named by row and column. Never raises for a bad file."""
    preview = ReadingsPreview()
    try:
        rows = _rows_of(file, name)
    except Refusal as refusal:
        preview.problems.append(ReadingProblem(str(refusal)))
        return preview
    if not rows:
        preview.problems.append(ReadingProblem("The file has no rows"))
        return preview
    columns = {}
    for index, heading in enumerate(rows[0]):
        key = match_column(_text(heading))
        if key and key not in columns:
            columns[key] = index
    missing = [COLUMNS[key] for key in REQUIRED if key not in columns]
    if missing:
        preview.problems.append(
            ReadingProblem(
                "Row 1 must be the headings, with the columns "
                + ", ".join(f"“{name}”" for name in COLUMNS.values())
                + "; add "
                + ", ".join(f"“{name}”" for name in missing),
                row=1,
            )
        )
        return preview
    if len(rows) > MAX_DATA_ROWS + 1:
        preview.problems.append(
            ReadingProblem(f"The file has more than {MAX_DATA_ROWS} rows. Split it into parts")
        )
        return preview

    measures = {
        normalise(m.code): m
        for m in Measure.objects.filter(Q(region__isnull=True) | Q(region=region)).order_by(
            "region"
        )
    }
    councils = {}
    for council in Council.objects.filter(region=region):
        councils[normalise(council.name)] = council
        councils[normalise(council.slug)] = council
    existing = set(
        Reading.objects.filter(council__region=region).values_list(
            "measure", "council", "period_end"
        )
    )
    seen = {}

    def cell(values, key):
        index = columns.get(key)
        return values[index] if index is not None and index < len(values) else None

    for number, values in enumerate(rows[1:], start=2):
        if all(_text(value) == "" for value in values):
            continue
        row = ReadingRow(row=number)

        def problem(key, message, row=row):
            row.problems.append(ReadingProblem(message, row=row.row, column=COLUMNS[key]))

        code = _text(cell(values, "measure"))
        row.measure = measures.get(normalise(code)) if code else None
        if not code:
            problem("measure", "Enter the measure code, for example 2A")
        elif row.measure is None:
            problem("measure", f"“{code}” is not a measure of this region; check the code")
        council_name = _text(cell(values, "council"))
        row.council = councils.get(normalise(council_name)) if council_name else None
        if not council_name:
            problem("council", "Enter the council's name")
        elif row.council is None:
            problem("council", f"“{council_name}” is not a council of {region.name}")
        raw_period = cell(values, "period_end")
        row.period_end = read_date(raw_period) if _text(raw_period) else None
        if not _text(raw_period):
            problem("period_end", "Enter the date the period ends, for example 31/03/2024")
        elif row.period_end is None:
            problem("period_end", f"“{_text(raw_period)}” is not a date; write it as 31/03/2024")
        raw_value = cell(values, "value")
        row.value = _decimal(raw_value)
        if not _text(raw_value):
            problem("value", "Enter the value")
        elif row.value is None:
            problem("value", f"“{_text(raw_value)}” is not a number; enter a number")
        raw_target = cell(values, "target")
        row.target = _decimal(raw_target)
        if _text(raw_target) and row.target is None:
            problem(
                "target", f"“{_text(raw_target)}” is not a number; enter a number or leave it blank"
            )
        if row.measure and row.council and row.period_end:
            key = (row.measure.pk, row.council.pk, row.period_end)
            if key in seen:
                problem("period_end", f"Row {seen[key]} has a reading for the same period already")
            seen.setdefault(key, number)
            row.existing = key in existing
        preview.rows.append(row)
        preview.problems.extend(row.problems)
    if not preview.rows and not preview.problems:
        preview.problems.append(ReadingProblem("The file has headings but no readings"))
    return preview


def save_readings(preview):
    """Save every row of a valid preview in one transaction; refuse one with problems."""
    if not preview.is_valid:
        raise ValueError("A preview with problems cannot be saved")
    with transaction.atomic():
        for row in preview.rows:
            Reading.objects.update_or_create(
                measure=row.measure,
                council=row.council,
                period_end=row.period_end,
                defaults={"value": row.value, "target": row.target},
            )
    return len(preview.rows)
