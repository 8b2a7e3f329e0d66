"""Demo data: CQC local authority assessments of three more West Midlands councils, so the
region's heat map shows a range beside Walsall's.

INVENTED. Every date, score and rating below is made up for the demonstration: none is the
CQC's assessment of these councils and none must be read as one. Only the framework's names
(the quality statements) are the CQC's.
"""

from datetime import date

STATEMENTS = (
    "Assessing needs",
    "Supporting people to live healthier lives",
    "Equity in experience and outcomes",
    "Care provision, integration and continuity",
    "Partnerships and communities",
    "Safe systems, pathways and transitions",
    "Safeguarding",
    "Governance, management and sustainability",
    "Learning, improvement and innovation",
)


def _assessment(council, visit, report, rating, scores, percentage=None):
    return {
        "host_council": council,
        "title": f"CQC local authority assessment, {report:%Y} (invented for the demo)",
        "visit_start": visit,
        "visit_end": date(visit.year, visit.month, visit.day + 2),
        "status": "issued",
        "report_date": report,
        "draft_report_sent_on": None,
        "published_rating": rating,
        "published_percentage": percentage,
        "scores": dict(zip(STATEMENTS, scores, strict=True)),
        "areas": {},
        "corrections": [],
    }


ASSESSMENTS = [
    # 17 of 36, 47%: the report gives the rating only.
    _assessment(
        "Dudley Metropolitan Borough Council",
        date(2024, 9, 10),
        date(2024, 12, 6),
        "requires_improvement",
        [2, 2, 2, 2, 2, 1, 2, 2, 2],
    ),
    # 25 of 36, 69%: the report gives the rating and the percentage.
    _assessment(
        "Solihull Metropolitan Borough Council",
        date(2024, 11, 5),
        date(2025, 2, 14),
        "good",
        [3, 3, 2, 3, 3, 3, 3, 3, 2],
        percentage=69,
    ),
    # 32 of 36, 89%: the report gives the rating only.
    _assessment(
        "Worcestershire County Council",
        date(2025, 1, 14),
        date(2025, 4, 25),
        "outstanding",
        [4, 3, 4, 4, 3, 4, 3, 4, 3],
    ),
]
