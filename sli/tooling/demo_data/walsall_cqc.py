"""Demo data: a CQC local authority assessment of Walsall Council.

INVENTED. Every date, score and word below is made up for the demonstration: it is not the
CQC's assessment of Walsall and must not be read as one. Only the framework's names (themes,
quality statements) are the CQC's.
"""

from datetime import date

MADE_UP = "(Invented for the demonstration: not from a CQC report.)"

ASSESSMENT = {
    "host_council": "Walsall Council",
    "title": "CQC local authority assessment, 2025 (invented for the demo)",
    "visit_start": date(2025, 3, 11),
    "visit_end": date(2025, 3, 13),
    "status": "issued",
    "report_date": date(2025, 6, 20),
    "draft_report_sent_on": date(2025, 5, 22),
    # The report gives the rating but not the percentage, which is worked out from the scores.
    "published_rating": "good",
    "scores": {
        "Assessing needs": 2,
        "Supporting people to live healthier lives": 3,
        "Equity in experience and outcomes": 3,
        "Care provision, integration and continuity": 3,
        "Partnerships and communities": 3,
        "Safe systems, pathways and transitions": 2,
        "Safeguarding": 3,
        "Governance, management and sustainability": 3,
        "Learning, improvement and innovation": 2,
    },
    # {statement: (areas of strength, areas for improvement)}
    "areas": {
        "Assessing needs": (
            [f"People said their assessments were strengths-based and respectful. {MADE_UP}"],
            [
                f"Waiting times for Care Act assessments were too long. {MADE_UP}",
                f"Carers' assessments were not always offered. {MADE_UP}",
            ],
        ),
        "Safe systems, pathways and transitions": (
            [],
            [f"Young people moving from children's services were assessed too late. {MADE_UP}"],
        ),
        "Safeguarding": (
            [f"Safeguarding concerns were screened the same day. {MADE_UP}"],
            [],
        ),
        "Learning, improvement and innovation": (
            [],
            [f"Learning from complaints was not shared across teams. {MADE_UP}"],
        ),
    },
    "corrections": [
        {
            "kind": "A",
            "where": "page 6, paragraph 3",
            "report_text": f"The council has 14 social work teams. {MADE_UP}",
            "proposed_correction": "The council has 12 social work teams.",
            "evidence_reference": "",
        },
        {
            "kind": "B",
            "where": "page 9, paragraph 1",
            "report_text": f"No carers' strategy was in place. {MADE_UP}",
            "proposed_correction": "The carers' strategy was agreed by Cabinet in January 2025.",
            "evidence_reference": "Cabinet minutes, 22 January 2025, item 7",
            "evidence_date": date(2025, 1, 22),
        },
    ],
}
