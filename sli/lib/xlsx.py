"""Big sheets written fast: openpyxl lays out the workbook, the data rows are written as XML.

openpyxl makes a cell object per cell and serialises it through an XML library: about 18 µs a
cell, 3.5 s for a 10,000-row export. A ``StreamedWorkbook`` keeps openpyxl for everything
around the rows (styles, column widths and styles, frozen panes, filters, drop-downs, page
set-up, document properties) and writes each row of a ``StreamedSheet`` as SpreadsheetML text
into a temporary file; on saving, openpyxl's workbook is written first and the rows are
spliced into the sheet's empty ``<sheetData>``, every other part of the package unchanged.

The cells are what openpyxl would write: strings as inline strings, never a formula (text
starting with = + - @, a tab or a carriage return gets the style's quote prefix, so Excel keeps
it text even when someone edits the cell), with the characters XML cannot hold removed and cut
to Excel's limit; numbers as numbers; dates as serial numbers; empty values as no cell.

Workbooks made a cell object at a time (the lists' exports, the scrutiny report) write their
text through ``text_cell``, which keeps the same rules; ``xml_safe`` is the cleaning alone, for
a CSV file or a document property.
"""

import re
from copy import copy
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from math import isfinite
from shutil import copyfileobj
from tempfile import TemporaryFile
from typing import NamedTuple
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import WINDOWS_EPOCH, to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

MAX_CELL_CHARACTERS = 32767  # Excel's limit; a longer cell makes Excel "repair" the file.
# Excel treats text starting with these as a formula when someone edits the cell.
FORMULA_START = re.compile(r"^[=+\-@\t\r]")
# Characters XML 1.0 cannot hold (control characters but tab, line feed and carriage return;
# lone surrogates; U+FFFE and U+FFFF): openpyxl's ILLEGAL_CHARACTERS_RE and the rest.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Serial numbers of dates from 1 March 1900 in the 1900 date system, without openpyxl's
# general conversion (Excel counts a 29 February 1900 that never was; openpyxl allows for it).
_DAY_ZERO = date(1899, 12, 30).toordinal()
_FIRST_PLAIN_DAY = date(1900, 3, 1)
# A deflated entry over this size needs ZIP64 headers, which must be asked for up front.
_ZIP64_LIMIT = (1 << 31) - (1 << 20)


_PLAIN_TYPES = frozenset({str, int, float, Decimal, date, datetime, bool})


def xml_safe(text):
    """``text`` without the characters XML 1.0 cannot hold: openpyxl refuses some, and the
    XML writer fails on the rest (U+FFFE in a title answered a download with an error)."""
    return NOT_XML.sub("", text)


def cell_text(text):
    """``text`` as a cell can hold it: ``xml_safe`` and cut to Excel's limit."""
    return NOT_XML.sub("", text)[:MAX_CELL_CHARACTERS]


def text_cell(sheet, text):
    """A cell of a write-only sheet holding ``text`` as text, never as a formula: a string
    cell, quote-prefixed when it starts like a formula, as ``StreamedSheet`` writes it."""
    text = cell_text(str.__str__(text))
    cell = WriteOnlyCell(sheet, value=text)
    # Set after the value: openpyxl would otherwise store "=…" as a formula.
    cell.data_type = "s"
    if FORMULA_START.match(text):
        cell.quotePrefix = True
    return cell


def _plain(value):
    """A subclass's value (a text choice, an IntEnum) as its plain type, and that type."""
    if isinstance(value, str):
        return str.__str__(value), str  # the text itself, whatever the subclass's __str__
    for kind in (int, float, Decimal):
        if isinstance(value, kind):
            return kind(value), kind
    for kind in (datetime, date):  # the conversions take these as they are
        if isinstance(value, kind):
            return value, kind
    raise TypeError(f"Cannot write {value!r} to a spreadsheet cell.")


class CellStyle(NamedTuple):
    """A style's index in the workbook's cell formats, and that of its quote-prefixed twin for
    text that would otherwise read as a formula."""

    plain: int
    quoted: int


def _escaped(text):
    # A carriage return is kept as a reference: XML readers turn a literal one into a line feed.
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


class StreamedSheet(WriteOnlyWorksheet):
    """A write-only sheet whose rows go through ``write_row``, one after another from row 1.
    Set widths, column styles, panes, the filter and validations on it as on any openpyxl
    sheet."""

    def __init__(self, parent, title=None):
        super().__init__(parent, title)
        self._rows_file = None
        self._row_count = 0
        self._column_count = 0
        self._letters = []

    @property
    def row_count(self):
        return self._row_count

    def append(self, row):
        raise TypeError("A streamed sheet takes its rows through write_row(values, styles).")

    def cell_style(self, style):
        """The ``CellStyle`` for a style array (a cell's ``_style``), registered in the
        workbook's cell formats."""
        plain = WriteOnlyCell(self)
        plain._style = copy(style)
        quoted = WriteOnlyCell(self)
        quoted._style = copy(style)
        quoted.quotePrefix = True
        return CellStyle(plain.style_id, quoted.style_id)

    def write_row(self, values, styles):
        """The next row: a value per column (None or "" leaves the cell out) and a
        ``CellStyle`` for each."""
        if self.closed:
            self._already_saved()
        if len(styles) < len(values):
            raise ValueError("Give a style for every value of the row.")
        if self._rows_file is None:
            self._rows_file = TemporaryFile()
        self._row_count += 1
        number = self._row_count
        if len(values) > self._column_count:
            self._column_count = len(values)
            self._letters = [get_column_letter(n) for n in range(1, len(values) + 1)]
        epoch = self.parent.epoch
        plain_days = epoch == WINDOWS_EPOCH
        cells = [f'<row r="{number}">']
        for letter, style, value in zip(self._letters, styles, values, strict=False):
            if value is None or value == "":
                continue
            kind = type(value)
            if kind not in _PLAIN_TYPES:
                value, kind = _plain(value)
            if kind is str:
                text = cell_text(value)
                if not text:
                    continue
                index = style.quoted if FORMULA_START.match(text) else style.plain
                cells.append(
                    f'<c r="{letter}{number}" s="{index}" t="inlineStr"><is>'
                    f'<t xml:space="preserve">{_escaped(text)}</t></is></c>'
                )
            elif kind is int or ((kind is float or kind is Decimal) and isfinite(value)):
                cells.append(f'<c r="{letter}{number}" s="{style.plain}" t="n"><v>{value}</v></c>')
            elif kind is date or kind is datetime:
                if kind is datetime and value.tzinfo is not None:
                    raise TypeError("Excel dates have no time zone: make the datetime naive.")
                if kind is date and plain_days and value >= _FIRST_PLAIN_DAY:
                    serial = value.toordinal() - _DAY_ZERO
                else:
                    serial = to_excel(value, epoch)
                cells.append(f'<c r="{letter}{number}" s="{style.plain}" t="n"><v>{serial}</v></c>')
            elif kind is bool:
                cells.append(
                    f'<c r="{letter}{number}" s="{style.plain}" t="b"><v>{value:d}</v></c>'
                )
            else:
                raise TypeError(f"Cannot write {value!r} to a spreadsheet cell.")
        cells.append("</row>")
        self._rows_file.write("".join(cells).encode())

    def calculate_dimension(self):
        """The used range, read by openpyxl as it writes the sheet's head."""
        return f"A1:{get_column_letter(max(self._column_count, 1))}{max(self._row_count, 1)}"

    def _splice_into(self, source, target):
        """Copy this sheet's part from ``source`` (openpyxl's package) to ``target`` with the
        streamed rows inside its empty sheetData."""
        name = self.path[1:]
        info = source.getinfo(name)
        xml = source.read(info)
        for empty in (b"<sheetData></sheetData>", b"<sheetData/>"):
            head, found, tail = xml.partition(empty)
            if found:
                break
        else:
            raise ValueError(f"No empty sheetData in {name}: rows were written another way.")
        rows = self._rows_file
        size = rows.tell() if rows else 0
        entry = ZipInfo(name, date_time=info.date_time)
        entry.compress_type = ZIP_DEFLATED
        with target.open(entry, "w", force_zip64=size > _ZIP64_LIMIT) as out:
            out.write(head + b"<sheetData>")
            if rows:
                rows.seek(0)
                copyfileobj(rows, out, 1 << 20)
            out.write(b"</sheetData>" + tail)

    def _discard_rows(self):
        if self._rows_file is not None:
            self._rows_file.close()
            self._rows_file = None


class StreamedWorkbook(Workbook):
    """A write-only workbook of ``StreamedSheet``s, saved (once) like any openpyxl workbook."""

    def __init__(self):
        super().__init__(write_only=True)

    def create_sheet(self, title=None, index=None):
        sheet = StreamedSheet(parent=self, title=title)
        self._add_sheet(sheet=sheet, index=index)
        return sheet

    def save(self, filename):
        try:
            layout = BytesIO()
            super().save(layout)
            streamed = {sheet.path[1:]: sheet for sheet in self.worksheets}
            with (
                ZipFile(layout) as source,
                ZipFile(filename, "w", ZIP_DEFLATED, allowZip64=True) as target,
            ):
                for info in source.infolist():
                    if info.filename in streamed:
                        streamed[info.filename]._splice_into(source, target)
                    else:
                        entry = ZipInfo(info.filename, date_time=info.date_time)
                        entry.compress_type = ZIP_DEFLATED
                        target.writestr(entry, source.read(info))
        finally:
            for sheet in self.worksheets:
                sheet._discard_rows()
