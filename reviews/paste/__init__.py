"""Turn text pasted from a feedback letter or inspection report into recommendations or findings.

Pure Python, no Django and no database: the preview/confirm forms call
:func:`parse_recommendations` or :func:`parse_findings` and show the result for a person to check
before anything is saved, so the rules favour keeping text (unticked, or with a warning) over
guessing.

A lead pastes a whole "main comments and recommendations" section as it is: scope questions,
strengths and areas for consideration, numbered recommendations with sub-items, closing words.
Three steps read it:

- :mod:`.blocks`: lines into blocks, markers ("16.", "2.2", "•", "i)") taken out of the text,
  sub-items attached, wrapped lines joined;
- :mod:`.outline`: which blocks are questions, headings and lead-ins, and what each remaining
  one is (a recommendation, narrative, or a paragraph that may be a recommendation whose number
  was lost), under which question or heading;
- :mod:`.numbering`: numbers kept, lost ones inferred from the neighbours, repeats (a summary
  list before the full one) and duplicate numbers left unticked, warnings.

The words that mark headings, lead-ins and recommendations are in :mod:`.wording`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviews.paste import wording
from reviews.paste.numbering import resolve
from reviews.paste.outline import Entry, PastedHeading, outline, same_wording

__all__ = [
    "PastedFinding",
    "PastedHeading",
    "PastedItem",
    "matching_question",
    "parse_findings",
    "parse_recommendations",
    "same_wording",
]


@dataclass
class PastedItem:
    number: int | None  # as written ("16."), or None
    text: str
    sub_items: list[str] = field(default_factory=list)
    suggested_number: int | None = None  # None for narrative
    number_was_missing: bool = False
    warnings: list[str] = field(default_factory=list)  # full sentences, one a problem
    is_recommendation: bool = True  # False for narrative: shown, not proposed
    ticked: bool = True  # proposed for adding: a recommendation that is not a duplicate
    reference: str = ""  # the document's own, when it numbers by section: "2.1", "2.2(i)"
    sub_references: list[str] = field(default_factory=list)  # "" where the usual "16(ii)" fits
    page_reference: str = ""  # "11" from "… (Page 11)" at the end of an inspection's item
    group: PastedHeading | None = None  # the scope question or heading it comes under


@dataclass
class PastedFinding:
    text: str  # sub-items follow on lines of their own, each starting with "• "
    kind: str = ""  # wording.STRENGTH or wording.AREA from the heading above, "" if none said
    question: PastedHeading | None = None
    group: PastedHeading | None = None
    # False for recommendations, closing words, and text under no kind heading when other text
    # has one
    ticked: bool = True
    is_recommendation: bool = False
    is_closing: bool = False


def parse_recommendations(text: str, start_at: int = 1) -> list[PastedItem]:
    """Every recommendation and narrative paragraph of the text, in order; see the modules."""
    entries = outline(text)
    numbers = resolve(entries, start_at)
    return [_item(entry, numbers.get(id(entry))) for entry in entries]


def parse_findings(text: str) -> list[PastedFinding]:
    """Strengths and areas for consideration, each with the kind its heading gives and the
    scope question it comes under; recommendations are listed unticked."""
    entries = outline(text)
    any_kind = any(entry.kind in (wording.STRENGTH, wording.AREA) for entry in entries)
    findings = []
    for entry in entries:
        lines = [entry.text] if entry.text else []
        lines += [f"• {sub.text}" for sub in entry.subs]
        is_recommendation = (
            entry.context == "recommend"
            or entry.score == 3
            or entry.kind == wording.RECOMMENDATIONS
            or entry.says_recommendation
        )
        is_closing = entry.score == -3
        kind = entry.kind if entry.kind in (wording.STRENGTH, wording.AREA) else ""
        findings.append(
            PastedFinding(
                "\n".join(lines),
                kind=kind,
                question=entry.question,
                group=entry.group,
                ticked=not (is_recommendation or is_closing) and (bool(kind) or not any_kind),
                is_recommendation=is_recommendation,
                is_closing=is_closing,
            )
        )
    return findings


def matching_question(heading: PastedHeading | None, questions):
    """Which of ``questions`` (anything with ``number`` and ``text``: a review's scope
    questions) a question or heading found in the text is, or None: much the same words, and the
    same number if several have them."""
    if heading is None:
        return None
    similar = [question for question in questions if same_wording(question.text, heading.text)]
    by_number = [question for question in similar if question.number == heading.number]
    return (by_number or similar or [None])[0]


_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
_PAGE_REFERENCE = re.compile(
    r"\s*\(\s*(?:see\s+)?(?:pages?|pp?\.)\s*(?P<pages>\d{1,4}(?:\s*(?:-|–|,|and|&)\s*\d{1,4})*)"
    r"\s*\)\s*\.?$",
    re.IGNORECASE,
)


def _item(entry: Entry, numbering) -> PastedItem:
    subs = [sub.text for sub in entry.subs]
    if numbering is None:
        return PastedItem(
            entry.number,
            entry.text,
            subs,
            None,
            False,
            [],
            is_recommendation=False,
            ticked=False,
            reference=entry.reference,
            sub_references=[""] * len(subs),
            group=entry.group,
        )
    number, warnings, ticked = numbering
    text, page = _page_reference(entry.text)
    return PastedItem(
        entry.number,
        text,
        subs,
        number,
        entry.number is None,
        warnings,
        is_recommendation=True,
        ticked=ticked,
        reference=entry.reference,
        sub_references=_sub_references(entry, number),
        page_reference=page,
        group=entry.group,
    )


def _page_reference(text: str) -> tuple[str, str]:
    """ "Strengthen recording. (Page 11)" → ("Strengthen recording.", "11")."""
    match = _PAGE_REFERENCE.search(text)
    if not match or match.start() == 0:
        return text, ""
    return text[: match.start()], re.sub(r"\s+", " ", match["pages"])


def _sub_references(entry: Entry, number: int) -> list[str]:
    """The document's reference for each sub-item where "16(ii)" would not be it: "2.2(a)",
    "16(b)"; "" where it would, or where the sub-item was a bullet."""
    parent = entry.reference or str(number)
    references = []
    for position, sub in enumerate(entry.subs):
        usual = _ROMAN[position] if position < len(_ROMAN) else ""
        if not sub.marker or (sub.marker == usual and not entry.reference):
            references.append("")
        else:
            references.append(f"{parent}({sub.marker})")
    return references
