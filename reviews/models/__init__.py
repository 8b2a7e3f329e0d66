"""The reviews app's models: the review and its parts, and the CQC's local authority
assessment framework and assessments (``reviews/cqc/``), under the one app label."""

from reviews.cqc.models import (
    AccuracyCorrection,
    CqcAssessment,
    EvidenceCategory,
    Framework,
    FrameworkTheme,
    IStatement,
    QualityStatement,
    RatingCharacteristic,
    StatementScore,
)
from reviews.models.review import (
    AccuracyComment,
    Finding,
    FindingQuerySet,
    FocusArea,
    Judgement,
    Review,
    ReviewFindingsQuerySet,
    ReviewPartQuerySet,
    ReviewQuerySet,
    Role,
    ScopeQuestion,
    TeamMember,
)

__all__ = [
    "AccuracyCorrection",
    "CqcAssessment",
    "StatementScore",
    "AccuracyComment",
    "EvidenceCategory",
    "Finding",
    "FindingQuerySet",
    "FocusArea",
    "Framework",
    "FrameworkTheme",
    "IStatement",
    "Judgement",
    "QualityStatement",
    "RatingCharacteristic",
    "Review",
    "ReviewFindingsQuerySet",
    "ReviewPartQuerySet",
    "ReviewQuerySet",
    "Role",
    "ScopeQuestion",
    "TeamMember",
]
