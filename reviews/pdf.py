"""The feedback letter as a tagged PDF, rendered by WeasyPrint from a Django template.

``letter_context`` gathers everything the letter shows in a fixed number of queries; the
HTML preview page uses the same context. ``render_letter_pdf`` turns it into PDF bytes.
"""

import base64
import mimetypes
import re
from dataclasses import dataclass, field

from reviews.models import Finding
from sli.lib.pdf import render_pdf

CQC = "Care Quality Commission"
STYLESHEET = "letter/letter.css"

# Image types WeasyPrint draws; anything else uploaded as a logo is left out.
LOGO_TYPES = {"image/png", "image/jpeg", "image/gif", "image/svg+xml", "image/webp"}

# "1. How well ...", "2) Do we ..." at the start of a line of the scope text.
_NUMBERED_LINE = re.compile(r"^\s*(\d+)[.)]\s+(.*)$")


@dataclass
class QuestionSection:
    """One scope question of the letter with what the team found and recommends under it."""

    question: object
    strengths: list = field(default_factory=list)
    areas_for_consideration: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)

    @property
    def number(self):
        return self.question.number

    @property
    def text(self):
        return self.question.text


def scope_blocks(text):
    """The scope text as paragraphs and numbered lists: a block of lines that all start
    "1. ...", "2. ..." becomes a list, keeping the numbers as written."""
    blocks = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()):
        if not block.strip():
            continue
        lines = [line for line in block.split("\n") if line.strip()]
        matches = [_NUMBERED_LINE.match(line) for line in lines]
        if all(matches):
            items = [(int(match[1]), match[2].strip()) for match in matches]
            blocks.append({"numbered": items})
        else:
            blocks.append({"paragraph": block.strip()})
    return blocks


def _logo_data_url(council):
    """The council's logo as a data: URL, so WeasyPrint never needs to fetch it and any
    storage backend works. A missing or unreadable file leaves the logo out."""
    if not council.logo:
        return None
    content_type = mimetypes.guess_type(council.logo.name)[0]
    if content_type not in LOGO_TYPES:
        return None
    try:
        with council.logo.open("rb") as logo:
            data = logo.read()
    except (OSError, ValueError):
        return None
    return f"data:{content_type};base64,{base64.b64encode(data).decode('ascii')}"


def _letterhead(review):
    council = review.lead_council
    if council is not None:
        return {
            "name": council.name,
            "address": council.address,
            "logo": _logo_data_url(council),
        }
    if review.is_inspection:
        return {"name": CQC, "address": "", "logo": None}
    return None


def _recommendations(review, *, public):
    """Top-level recommendations in number order, each with its ``sub_items``; the public copy
    leaves out exempt items and the sub-items of an exempt recommendation, and keeps the
    numbers as issued."""
    recommendations = review.recommendations.select_related("parent")
    if public:
        recommendations = recommendations.filter(exempt=False).exclude(parent__exempt=True)
    top_level = []
    by_pk = {}
    for recommendation in recommendations:
        if recommendation.parent_id is None:
            recommendation.sub_items = []
            top_level.append(recommendation)
            by_pk[recommendation.pk] = recommendation
    for recommendation in recommendations:
        if recommendation.parent_id is not None and recommendation.parent_id in by_pk:
            by_pk[recommendation.parent_id].sub_items.append(recommendation)
    return top_level


def letter_context(review, *, public=False):
    """Everything the feedback letter shows, in a fixed number of queries (about seven,
    however many recommendations there are)."""
    questions = list(review.scope_questions.all())
    sections = {question.pk: QuestionSection(question) for question in questions}
    summary_strengths, summary_areas = [], []
    for finding in review.findings.strengths_first():
        section = sections.get(finding.scope_question_id)
        is_strength = finding.kind == Finding.Kind.STRENGTH
        if section is None:
            (summary_strengths if is_strength else summary_areas).append(finding)
        elif is_strength:
            section.strengths.append(finding)
        else:
            section.areas_for_consideration.append(finding)

    other_recommendations = []
    recommendations = _recommendations(review, public=public)
    for recommendation in recommendations:
        section = sections.get(recommendation.scope_question_id)
        if section is None:
            other_recommendations.append(recommendation)
        else:
            section.recommendations.append(recommendation)

    blocks = scope_blocks(review.letter_scope)
    letterhead = _letterhead(review)
    author = (letterhead or {}).get("name") or review.letter_signatory_name
    return {
        "review": review,
        "is_draft": not review.is_issued,
        "public": public,
        "document_title": review.title,
        "document_author": author,
        "letterhead": letterhead,
        "team": list(review.team.all()),
        "scope_blocks": blocks,
        # The letter lists the scope questions itself unless its scope text already does.
        "scope_text_lists_questions": any("numbered" in block for block in blocks),
        "scope_questions": list(sections.values()),
        "summary_strengths": summary_strengths,
        "summary_areas_for_consideration": summary_areas,
        "other_recommendations": other_recommendations,
        "has_recommendations_in_sections": any(s.recommendations for s in sections.values()),
        "judgements": list(review.judgements.all()) if review.is_inspection else [],
        "contents": letter_contents(
            sections.values(), summary_strengths + summary_areas, recommendations
        ),
    }


def letter_contents(sections, general_findings, recommendations):
    """How much of each kind the letter holds, for the preview to say what it includes."""
    items = [(item, top) for top in recommendations for item in (top, *top.sub_items)]
    return {
        "general_findings": len(general_findings),
        "findings_in_sections": sum(
            len(section.strengths) + len(section.areas_for_consideration) for section in sections
        ),
        "recommendations": len(items),
        "exempt_recommendations": sum(1 for item, top in items if item.exempt or top.exempt),
    }


def render_letter_pdf(review, *, public=False) -> bytes:
    """The feedback letter as a tagged PDF (PDF/UA-1); a draft carries a "Draft" watermark.

    With ``public=True`` it is the copy for publication, without exempt recommendations.
    Whether the reader may see it is for the view to decide.
    """
    return render_pdf(
        "reviews/letter_pdf.html", letter_context(review, public=public), stylesheet=STYLESHEET
    )
