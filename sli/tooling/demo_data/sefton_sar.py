"""Demo data: a safeguarding adults review of Sefton, feeding Sefton's improvement plan.

INVENTED. The review, the person it is about ("Adult F"), every date and every word of its
recommendations are made up for the demonstration: there is no such review. Only the CQC's
quality statement names are real.
"""

from datetime import date

MADE_UP = "(Invented for the demonstration: not from a real SAR.)"

SAR = {
    "host_council": "Sefton Metropolitan Borough Council",
    "kind": "safeguarding_adults_review",
    "title": "Safeguarding adults review: Adult F (invented for the demo)",
    # The months the review looked at, and the date the board published its report.
    "visit_start": date(2010, 1, 4),
    "visit_end": date(2010, 4, 30),
    "letter_date": date(2010, 6, 14),
    "status": "issued",
    "recommendations": [
        {
            "number": 1,
            "text": "The Safeguarding Adults Board should strengthen its leadership and "
            f"governance, with terms of reference agreed by every partner agency. {MADE_UP}",
            "quality_statements": ["Safeguarding", "Governance, management and sustainability"],
            "response": "accepted",
            # Action 14 of the plan ("Strengthen the leadership of the safeguarding board")
            # was already in hand: the recommendation is linked to it, not duplicated.
            "already_addressed_by": 14,
        },
        {
            "number": 2,
            "text": "Practitioners should be trained in making safeguarding personal, and "
            f"supervision should check that they apply it. {MADE_UP}",
            "quality_statements": ["Safeguarding", "Learning, improvement and innovation"],
            "response": "accepted",
        },
        {
            "number": 3,
            "text": "Hospital discharge of people at risk of self-neglect should include a "
            f"safeguarding check agreed by the trust and the council. {MADE_UP}",
            "quality_statements": ["Safe systems, pathways and transitions"],
            "response": "",
        },
    ],
}

# Quality statements some of the plan's existing actions work towards, by action number.
ACTION_STATEMENTS = {
    14: ["Safeguarding", "Governance, management and sustainability"],
    15: ["Safeguarding"],
    27: ["Learning, improvement and innovation"],
    28: ["Safe systems, pathways and transitions"],
}
