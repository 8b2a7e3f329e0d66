"""The evidence index as a council sends it with its CQC information return: a workbook
(every text a text cell) and a tagged PDF, both made from the library's own entries."""

from django.utils import timezone

from sli.lib.exports import rows_to_workbook, workbook_bytes
from sli.lib.pdf import render_pdf
from sli.lib.xlsx import xml_safe

STYLESHEET = "evidence_index/index.css"
HEADERS = (
    "Reference",
    "Title",
    "Date of the evidence",
    "Quality statements",
    "Evidence categories",
    "Link or file name",
    "Where it comes from",
    "Description",
)


def statements_text(entry):
    return "; ".join(f"{s.number}. {s.name}" for s in entry.statements)


def categories_text(entry):
    return "; ".join(c.name for c in entry.categories) or "Not categorised"


def index_rows(entries):
    for entry in entries:
        yield (
            entry.reference,
            entry.title,
            entry.date,
            statements_text(entry),
            categories_text(entry),
            entry.link or entry.file_name,
            entry.source,
            entry.description,
        )


def index_title(library):
    return f"{library.council.name}: evidence index"


def index_workbook(library, entries):
    """The bytes of an .xlsx: one row per piece of evidence, with a bold frozen header."""
    return workbook_bytes(rows_to_workbook(HEADERS, index_rows(entries), index_title(library)))


def index_pdf(library, entries, *, chosen=""):
    """The index as a tagged PDF (PDF/UA-1), with the coverage grid first."""
    today = timezone.localdate()
    context = {
        "library": library,
        "council": library.council,
        "title": xml_safe(index_title(library)),
        "entries": [
            {
                "entry": entry,
                "statements": statements_text(entry),
                "categories": categories_text(entry),
            }
            for entry in entries
        ],
        "grid": library.grid(),
        "chosen": chosen,
        "today": today,
    }
    return render_pdf(
        "improvement_plans/evidence_library/index_pdf.html", context, stylesheet=STYLESHEET
    )
