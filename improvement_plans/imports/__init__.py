"""Improvement plans from Excel: the layout ``exports`` writes, or any one-row-per-action sheet.

Two steps. ``read_plan_workbook`` reads the file and returns a preview: row by row what would
be created or changed and what the row reads as (its recommendation, dates, status, RAG,
owner), every problem named by sheet, row and column with what to do, and notes that many rows
share said once. ``apply_import`` then saves the preview in one transaction: whole or not at
all, or, if asked, only the rows without problems; ``rejected_rows.rejected_rows_workbook``
gives the others back with the reason for each.

Columns may come in any order, with headings spelled as people spell them ("Rec No", "Lead
Officer", "Timescale"), under a title or two. A "Rec No" column beside a "Recommendation" column
is the number ("16(ii)", "16 ii", "16.ii", "3a", "Rec 4") and its wording, checked against the
number. Dates may be Excel dates or written as "31/03/2010", "June 2010", "Sept 2010",
"Q3 2010/11" or "2010/11"; "Ongoing", "Completed", "Quarterly" and the like are kept as text
where no date can be had. "Complete", "Done", "Closed" or "Blue" in the RAG column mean the
action is completed.

Files that are not spreadsheets, are empty, too big, or compressed to explode are refused with
a message; nothing here raises on a bad file.

The package, by step: ``upload`` (the bytes and the archive checked), ``workbook`` (sheets,
heading rows and columns, with ``headings``), ``cells`` (one cell read), ``rows`` (a row into a
planned action, a reader for each group of columns), ``compare`` (against the plan now),
``read`` (the preview) and ``write`` (the saving).
"""

from improvement_plans.imports.cells import (
    RecommendationRef,
    find_dates_in_text,
    parse_date_text,
    parse_recommendation_refs,
    read_date,
    read_percent,
    read_rag,
    read_rating,
    read_status,
    timescale_word,
    wording_matches,
)
from improvement_plans.imports.compare import match_milestones
from improvement_plans.imports.headings import match_header
from improvement_plans.imports.preview import (
    ImportPreview,
    ImportRefused,
    ImportResult,
    Problem,
    RepeatedNote,
    RowOutcome,
    row_ranges,
)
from improvement_plans.imports.read import read_plan_workbook
from improvement_plans.imports.text import normalise
from improvement_plans.imports.upload import (
    MAX_FILE_BYTES,
    Refusal,
    check_archive,
    read_bytes,
)
from improvement_plans.imports.workbook import MAX_DATA_ROWS
from improvement_plans.imports.write import apply_import

__all__ = [
    "MAX_DATA_ROWS",
    "MAX_FILE_BYTES",
    "ImportPreview",
    "ImportRefused",
    "ImportResult",
    "Problem",
    "RecommendationRef",
    "Refusal",
    "RepeatedNote",
    "RowOutcome",
    "apply_import",
    "check_archive",
    "find_dates_in_text",
    "match_header",
    "match_milestones",
    "normalise",
    "parse_date_text",
    "parse_recommendation_refs",
    "read_bytes",
    "read_date",
    "read_percent",
    "read_plan_workbook",
    "read_rag",
    "read_rating",
    "read_status",
    "row_ranges",
    "timescale_word",
    "wording_matches",
]
