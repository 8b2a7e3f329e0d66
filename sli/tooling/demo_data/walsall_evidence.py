"""Demo data: items of Walsall Council's evidence library, by CQC quality statement.

INVENTED. Every title, date and link below is made up for the demonstration: none of these
documents exists, and the links go to example.org, a domain kept for examples. Only the
framework's names (quality statements, evidence categories) are the CQC's. The items leave
some quality statements without evidence of people's experience, and some cells with only
old evidence, so that the coverage grid shows its warnings.
"""

from datetime import date

COUNCIL = "Walsall Council"
MADE_UP = "Invented for the demonstration: this document does not exist."
LINK = "https://www.example.org/walsall-demo/"

# (title, date of the evidence, link's last part, quality statements, category codes)
ITEMS = [
    (
        "Survey of people who had a Care Act assessment, 2025 (invented)",
        date(2025, 9, 30),
        "assessment-survey-2025",
        ["Assessing needs", "Supporting people to live healthier lives"],
        ["peoples-experience"],
    ),
    (
        "Waiting list for assessments: monthly figures (invented)",
        date(2026, 10, 31),
        "assessment-waiting-list",
        ["Assessing needs"],
        ["processes"],
    ),
    (
        "Notes of the carers' focus groups (invented)",
        date(2026, 3, 12),
        "carers-focus-groups",
        ["Assessing needs", "Care provision, integration and continuity"],
        ["peoples-experience"],
    ),
    (
        "Survey of the social work teams (invented)",
        date(2025, 11, 20),
        "social-work-staff-survey",
        [
            "Assessing needs",
            "Governance, management and sustainability",
            "Learning, improvement and innovation",
        ],
        ["staff-and-leaders"],
    ),
    (
        "Safeguarding adults board annual report 2021/22 (invented)",
        date(2022, 7, 14),
        "safeguarding-board-report-2021-22",
        ["Safeguarding"],
        ["processes", "partners"],
    ),
    (
        "What people said after a safeguarding enquiry (invented)",
        date(2023, 5, 2),
        "making-safeguarding-personal-feedback",
        ["Safeguarding"],
        ["peoples-experience"],
    ),
    (
        "Young people's stories of moving to adult services (invented)",
        date(2026, 6, 1),
        "transitions-stories",
        ["Safe systems, pathways and transitions"],
        ["peoples-experience", "processes"],
    ),
    (
        "Market position statement for care providers (invented)",
        date(2024, 2, 1),
        "market-position-statement",
        ["Care provision, integration and continuity", "Partnerships and communities"],
        ["partners", "processes"],
    ),
    (
        "Governance framework and risk register of adult social care (invented)",
        date(2026, 5, 20),
        "governance-framework",
        ["Governance, management and sustainability"],
        ["processes", "staff-and-leaders"],
    ),
    (
        "Local Healthwatch report on home care (invented)",
        date(2025, 8, 10),
        "healthwatch-home-care",
        [
            "Care provision, integration and continuity",
            "Supporting people to live healthier lives",
            "Governance, management and sustainability",
        ],
        ["peoples-experience", "partners"],
    ),
]
