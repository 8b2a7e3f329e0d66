"""Demo data: Walsall Council's self-assessments against the CQC framework.

INVENTED. Every date, score, word and web address below is made up for the demonstration: it
is not Walsall Council's self-assessment and must not be read as one. Only the framework's
names (quality statements) are the CQC's.
"""

from datetime import UTC, date, datetime

MADE_UP = "(Invented for the demonstration.)"


def _rating(score, narrative, strengths="", improvements="", links=()):
    return {
        "score": score,
        "narrative": f"{narrative} {MADE_UP}",
        "strengths": f"{strengths} {MADE_UP}" if strengths else "",
        "improvements": f"{improvements} {MADE_UP}" if improvements else "",
        "links": list(links),
    }


# Before the CQC's (invented) visit of March 2025.
EARLIER = {
    "host_council": "Walsall Council",
    "assessed_on": date(2025, 2, 3),
    "submitted_at": datetime(2025, 2, 14, 10, 0, tzinfo=UTC),
    "ratings": {
        "Assessing needs": _rating(2, "Waiting lists for assessment are long but falling."),
        "Supporting people to live healthier lives": _rating(3, "Reablement helps most people."),
        "Equity in experience and outcomes": _rating(2, "We know too little about who waits."),
        "Care provision, integration and continuity": _rating(3, "The market is stable."),
        "Partnerships and communities": _rating(3, "Locality partnerships work well."),
        "Safe systems, pathways and transitions": _rating(2, "Transitions start too late."),
        "Safeguarding": _rating(3, "Concerns are screened the same day."),
        "Governance, management and sustainability": _rating(3, "Budgets are balanced."),
        "Learning, improvement and innovation": _rating(2, "Learning is not shared widely."),
    },
    "challenges": [],
}

# A year on, after the CQC's report: rated again, and challenged by the region's lead.
LATEST = {
    "host_council": "Walsall Council",
    "assessed_on": date(2026, 3, 2),
    "submitted_at": datetime(2026, 3, 20, 14, 30, tzinfo=UTC),
    "ratings": {
        "Assessing needs": _rating(
            3,
            "Waits for Care Act assessments fell from 14 weeks to 5 weeks over the year.",
            "Strengths-based conversations at the front door.",
            "Carers' assessments are still offered too rarely.",
            [("Adult social care annual report 2025 (invented)", "https://www.example.org/ascar")],
        ),
        "Supporting people to live healthier lives": _rating(
            3, "Reablement outcomes held steady as demand grew."
        ),
        "Equity in experience and outcomes": _rating(
            3,
            "Waiting lists are now analysed by ethnicity, age and disability each month.",
            improvements="Advocacy take-up is low among younger adults.",
        ),
        "Care provision, integration and continuity": _rating(3, "Home care capacity grew."),
        "Partnerships and communities": _rating(3, "Two new community hubs opened."),
        "Safe systems, pathways and transitions": _rating(
            3,
            "A preparing-for-adulthood team now meets young people from the age of 14.",
            links=[("Preparing for adulthood pathway (invented)", "https://www.example.org/pfa")],
        ),
        "Safeguarding": _rating(3, "Concerns are still screened the same day."),
        "Governance, management and sustainability": _rating(3, "Budgets are balanced."),
        "Learning, improvement and innovation": _rating(
            3, "Complaints are reviewed monthly at the management team."
        ),
    },
    "challenges": [
        {
            "statement": "Assessing needs",
            "raised_by": "wm.lead",
            "proposed_score": 2,
            "reason": "The CQC scored this 2 in June 2025 and carers' assessments are still "
            f"rare: one year of shorter waits is not yet a good standard. {MADE_UP}",
        }
    ],
}

SELF_ASSESSMENTS = [EARLIER, LATEST]
