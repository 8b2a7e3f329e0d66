"""The streamed sheet writer: rows written as SpreadsheetML read back through openpyxl as the
same values, types and styles, in a well-formed package; and the text cell of the workbooks
made a cell object at a time, which keeps the same rules."""

import enum
import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal
from io import BytesIO

from django.test import SimpleTestCase
from lxml import etree
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils.exceptions import WorkbookAlreadySaved

from sli.lib.xlsx import MAX_CELL_CHARACTERS, StreamedWorkbook, text_cell

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


class Shouted(str):
    """Text whose str() is not its text."""

    def __str__(self):
        return self.upper()


class Size(enum.IntEnum):
    LARGE = 3


def style(sheet, **attributes):
    cell = WriteOnlyCell(sheet)
    for name, value in attributes.items():
        setattr(cell, name, value)
    return cell._style


def saved(workbook):
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_xml(data):
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


class StreamedSheetTests(SimpleTestCase):
    def write(self, rows):
        workbook = StreamedWorkbook()
        sheet = workbook.create_sheet("Rows")
        wrapped = sheet.cell_style(
            style(sheet, alignment=Alignment(vertical="top", wrap_text=True))
        )
        for row in rows:
            sheet.write_row(row, [wrapped] * len(row))
        return saved(workbook)

    def read_back(self, value):
        return load_workbook(BytesIO(self.write([[value]]))).active.cell(1, 1)

    def test_text_comes_back_as_written(self):
        texts = [
            "plain",
            "  spaces either side  ",
            " ",
            "line one\nline two\r\nline three\rend",
            "\tTabbed",
            "<script>alert('x') & \"more\"</script> ]]>",
            "emoji 😀, ‘quotes’ – and accents: é",
        ]
        for text in texts:
            with self.subTest(text=text):
                cell = self.read_back(text)
                self.assertEqual(cell.value, text)
                self.assertEqual(cell.data_type, "s")

    def test_formula_looking_text_is_quoted_text_and_never_a_formula(self):
        for text in ['=HYPERLINK("http://evil")', "+44 151", "-2 days", "@sum(A1)", "\r=1+1"]:
            with self.subTest(text=text):
                data = self.write([[text]])
                cell = load_workbook(BytesIO(data)).active.cell(1, 1)
                self.assertEqual((cell.value, cell.data_type), (text, "s"))
                self.assertTrue(cell.quotePrefix)
                self.assertNotIn(b"<f>", sheet_xml(data))
        self.assertFalse(self.read_back("Plain text").quotePrefix)

    def test_characters_xml_cannot_hold_are_removed_before_the_formula_check(self):
        cell = self.read_back("\x00\x02=1+1\x0b\x1f\ufffe\uffff\ud800 end")

        self.assertEqual(cell.value, "=1+1 end")
        self.assertTrue(cell.quotePrefix)
        self.assertIsNone(self.read_back("\x01\x02").value)  # nothing left: no cell

    def test_text_is_cut_to_excels_limit(self):
        self.assertEqual(len(self.read_back("x" * 40000).value), MAX_CELL_CHARACTERS)

    def test_numbers_dates_and_choices(self):
        values = [
            7,
            0,
            2.5,
            Decimal("12.75"),
            True,
            Size.LARGE,
            Shouted("red"),
            date(2024, 6, 30),
            date(1900, 2, 28),
            datetime(2024, 6, 30, 18, 0),
        ]
        workbook = StreamedWorkbook()
        sheet = workbook.create_sheet("Rows")
        plain = sheet.cell_style(style(sheet))
        day = sheet.cell_style(style(sheet, number_format="dd/mm/yyyy"))
        sheet.write_row(values, [plain] * 7 + [day] * 3)
        row = [cell.value for cell in load_workbook(BytesIO(saved(workbook))).active[1]]

        self.assertEqual(row[:7], [7, 0, 2.5, 12.75, True, 3, "red"])
        self.assertEqual(
            row[7:],
            [datetime(2024, 6, 30), datetime(1900, 2, 28), datetime(2024, 6, 30, 18, 0)],
        )

    def test_empty_values_are_no_cell_and_the_dimension_covers_the_rows(self):
        data = self.write([["a", None, "", "d"], ["e"], [None, None, None, None, 5]])
        root = etree.fromstring(sheet_xml(data))

        self.assertEqual(root.find(f"{MAIN}dimension").get("ref"), "A1:E3")
        cells = [[c.get("r") for c in row] for row in root.iter(f"{MAIN}row")]
        self.assertEqual(cells, [["A1", "D1"], ["A2"], ["E3"]])

    def test_unknown_values_and_time_zones_are_refused(self):
        workbook = StreamedWorkbook()
        sheet = workbook.create_sheet("Rows")
        cell_style = sheet.cell_style(style(sheet))
        for value in (object(), float("nan"), datetime(2024, 1, 1, tzinfo=UTC)):
            with self.subTest(value=value), self.assertRaises(TypeError):
                sheet.write_row([value], [cell_style])
        with self.assertRaises(TypeError):
            sheet.append(["openpyxl's way"])

    def test_the_rest_of_the_workbook_is_openpyxls(self):
        workbook = StreamedWorkbook()
        workbook.properties.title = "Streamed"
        sheet = workbook.create_sheet("Rows")
        sheet.column_dimensions["A"].width = 30
        sheet.freeze_panes = "A2"
        bold = sheet.cell_style(style(sheet, font=Font(bold=True)))
        sheet.write_row(["Heading"], [bold])
        sheet.write_row(["Value"], [sheet.cell_style(style(sheet))])
        sheet.auto_filter.ref = f"A1:A{sheet.row_count}"
        data = saved(workbook)

        with zipfile.ZipFile(BytesIO(data)) as archive:
            self.assertIsNone(archive.testzip())
            for name in archive.namelist():
                if name.endswith((".xml", ".rels")):
                    etree.fromstring(archive.read(name))  # well-formed
        opened = load_workbook(BytesIO(data))
        self.assertEqual(opened.properties.title, "Streamed")
        read = opened.active
        self.assertEqual(
            (read.title, read.freeze_panes, read.auto_filter.ref), ("Rows", "A2", "A1:A2")
        )
        self.assertEqual(read.column_dimensions["A"].width, 30)
        self.assertTrue(read["A1"].font.b)
        self.assertFalse(read["A2"].font.b)
        self.assertEqual(read["A2"].value, "Value")
        # Saved once, like any write-only workbook.
        with self.assertRaises(WorkbookAlreadySaved):
            sheet.write_row(["late"], [bold])

    def test_a_workbook_without_rows_saves(self):
        workbook = StreamedWorkbook()
        workbook.create_sheet("Empty")

        sheet = load_workbook(BytesIO(saved(workbook))).active

        self.assertEqual((sheet.title, sheet.max_row, sheet["A1"].value), ("Empty", 1, None))


class TextCellTests(SimpleTestCase):
    """``text_cell`` gives back what a streamed sheet does for the same text."""

    TEXTS = [
        "plain",
        "line one\nline two",
        '=HYPERLINK("http://127.0.0.1:9/","Click")',
        "+44 151",
        "@sum(A1)",
        "\x00\x02=1+1\x0b\x1f\ufffe\uffff\ud800 end",
        "Fund\ufffe the\x0b care\x01 plan",
        Shouted("red"),
        "x" * 40000,
    ]

    def read_back(self, texts):
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Text")
        for text in texts:
            sheet.append([text_cell(sheet, text)])
        return list(load_workbook(BytesIO(saved(workbook))).active.iter_rows())

    def streamed_back(self, texts):
        workbook = StreamedWorkbook()
        sheet = workbook.create_sheet("Text")
        plain = sheet.cell_style(style(sheet))
        for text in texts:
            sheet.write_row([text], [plain])
        return list(load_workbook(BytesIO(saved(workbook))).active.iter_rows())

    def test_text_cells_hold_what_a_streamed_sheet_holds(self):
        cells = self.read_back(self.TEXTS)
        streamed = self.streamed_back(self.TEXTS)

        for text, (cell,), (expected,) in zip(self.TEXTS, cells, streamed, strict=True):
            with self.subTest(text=text[:60]):
                self.assertEqual(
                    (cell.value, cell.data_type, cell.quotePrefix),
                    (expected.value, expected.data_type, expected.quotePrefix),
                )
        self.assertEqual(cells[5][0].value, "=1+1 end")
        self.assertEqual(len(cells[-1][0].value), MAX_CELL_CHARACTERS)
