"""The eight key areas of focus for adult social care peer challenges (ADASS)."""

FOCUS_AREAS = [
    (
        1,
        "outcomes",
        "Outcomes for people who need care and support to improve independence and wellbeing",
    ),
    (2, "participation", "Participation"),
    (3, "leadership", "Vision, Strategy and Leadership"),
    (4, "working_together", "Working Together"),
    (5, "resources", "Resource and Workforce Management"),
    (6, "practice", "Service Delivery and Effective Practice"),
    (7, "commissioning", "Commissioning and Market Shaping"),
    (8, "innovation", "Improvement and Innovation demonstrating notable practice"),
]
