"""The outline of a pasted section: which blocks are scope questions, headings, lead-ins, and
which are content, and under what each piece of content comes.

Headings and questions
    A question is a line ending with "?" (numbered or not): a scope question. A heading is a
    short line not ending a sentence ("Strengths", "Safeguarding adults", "2.2 Challenges",
    "12.0 RECOMMENDATION/S"); a numbered one must be in title case ("1. Introduction") so that a
    short numbered recommendation ("5. Publish the action plan") stays one. "Strengths", "Areas
    for consideration" and "Recommendations" headings divide what is said about one question, so
    they keep the current question; any other heading ends it. Content belongs to the current
    question, or else to the current heading: its ``group``.

Lead-ins
    An unmarked paragraph ending with ":" (or a short "The Team recommends" without one) leads
    into the list below it. A recommending lead-in ("The Team recommends:-", "The council should:",
    "Members are asked to:") makes the list's items recommendations; another ("The council:",
    under "What the council was doing well") makes them narrative.

Content
    Each remaining block becomes an :class:`Entry` with a ``role``:

    - "recommendation": numbered ("16."), or beginning "We/The Team recommend…", or marked
      (bullet, lone sub-item mark, section number) inside a recommendation list, or marked in
      text with no context either way;
    - "candidate": an unmarked paragraph inside a recommendation list (after a recommending
      lead-in, in a "Recommendations" section): a recommendation whose number may have been lost
      in copying; :mod:`.numbering` decides from the neighbours' numbers;
    - "narrative": anything else (strengths, areas for consideration, summaries, closing words).

    A section-numbered heading with sub-items ("2.2 Challenges: (i) …; (ii) …") gives one entry
    per sub-item, referenced as the document does ("2.2(i)"), grouped under the heading; a
    section-numbered recommendation with parts ("12.1 Members are asked to: 1) …") keeps them as
    its sub-items, as a numbered one does.

Text with no headings, lead-ins, questions or markers at all gives one recommendation per
paragraph, as before any of this was recognised.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviews.paste import wording
from reviews.paste.blocks import Block, SubItem, parse_blocks


@dataclass(frozen=True)
class PastedHeading:
    """A scope question or heading found in the text, that content comes under."""

    text: str
    number: int | None = None
    reference: str = ""
    is_question: bool = False

    @property
    def title(self) -> str:
        mark = str(self.number) + "." if self.number is not None else self.reference
        return f"{mark} {self.text}" if mark else self.text


@dataclass
class Entry:
    role: str  # "recommendation", "candidate" or "narrative"
    text: str
    number: int | None = None
    reference: str = ""  # as written, for documents numbered by section: "2.1", "2.2(i)"
    subs: list[SubItem] = field(default_factory=list)
    group: PastedHeading | None = None
    question: PastedHeading | None = None
    kind: str = ""  # what the heading above announces: wording.STRENGTH, AREA, RECOMMENDATIONS
    context: str = ""  # "recommend" after a recommending lead-in, "other" after another one
    after_lead_in: bool = False  # the first entry of a lead-in's list
    lost: bool = False
    score: int = 0  # wording.recommendation_score of the text
    block: Block | None = None  # a numbered entry's block, whose lines may hold lost items

    @property
    def says_recommendation(self) -> bool:
        """ "Recommendation 2: …", "R2 …": a recommendation whatever the heading above."""
        return self.block is not None and self.block.says_recommendation

    @property
    def by_numbering(self) -> bool:
        return self.number is not None


def outline(text: str) -> list[Entry]:
    """The content entries of the text, in order."""
    blocks = [block for block in parse_blocks(text) if block.text or block.subs]
    if not _has_structure(blocks):
        return [
            Entry("recommendation", block.text, subs=block.subs, score=3)
            for block in blocks
            if not wording.ends_with_colon(block.text) or block.subs
        ]
    return _Walker().walk(blocks)


def _has_structure(blocks: list[Block]) -> bool:
    return any(
        block.is_marked
        or wording.ends_with_colon(block.text)
        or wording.is_question(block.text)
        or wording.is_known_heading(block.text)
        for block in blocks
    )


class _Walker:
    def __init__(self):
        self.entries: list[Entry] = []
        self.questions: list[PastedHeading] = []
        self.question: PastedHeading | None = None
        self.heading: PastedHeading | None = None
        self.kind = ""
        self.context = ""  # set by a lead-in, until the next heading
        self.after_lead_in = False
        self.listed_questions = 0  # questions in a row so far

    def walk(self, blocks: list[Block]) -> list[Entry]:
        for block in blocks:
            if self._is_question(block):
                self._enter_question(block)
                self.listed_questions += 1
                continue
            if self.listed_questions > 1:
                # "The questions you asked us to consider were: 1. …? 2. …?": a list of the
                # questions, which nothing after it comes under.
                self.question = self.heading = None
            self.listed_questions = 0
            slide = wording.split_slide_title(block.text) if self._may_be_slide(block) else None
            if slide:
                question, part = slide
                self._enter_question(Block("para", None, block.indent, text=question))
                self._enter_heading(Block("para", None, block.indent, text=part))
            elif self._is_heading(block):
                self._enter_heading(block)
            elif self._is_lead_in(block):
                recommending = wording.is_recommending_lead_in(block.text)
                # "That:" under "Recommendations:" still leads into recommendations.
                if recommending or self.kind == wording.RECOMMENDATIONS:
                    self.context = "recommend"
                else:
                    self.context = "other"
                self.after_lead_in = True
            else:
                self._add_content(block)
        return self.entries

    # Headings and questions

    @staticmethod
    def _is_question(block: Block) -> bool:
        if block.is_question:
            return True
        return (
            block.kind in ("para", "number", "section")
            and not block.subs
            and wording.is_question(block.text)
        )

    def _is_heading(self, block: Block) -> bool:
        text = block.text
        if block.kind == "bullet" or block.kind == "sub":
            return False
        if block.kind == "section":
            if block.subs:
                # "2.2 Challenges: (i) …": a heading over its points, unless it reads as a
                # recommendation with parts ("3.4 The council should review: (a) …").
                return wording.recommendation_score(text) < 2 and len(wording.words(text)) <= 12
            return wording.is_short_title(text)
        if block.subs:
            return False
        if block.kind == "number":
            return wording.is_short_title(text) and wording.is_title_case(text)
        if wording.opens_with_recommends(text):
            return False
        # A short recommendation in a list ("Publish the action plan") is not a heading.
        if self.context == "recommend" and wording.recommendation_score(text) >= 2:
            return False
        if wording.is_known_heading(text) and wording.is_short_title(text.rstrip(" :-–—")):
            return True
        return wording.is_short_title(text)

    @staticmethod
    def _may_be_slide(block: Block) -> bool:
        return block.kind == "para" and not block.subs and not wording.ends_sentence(block.text)

    def _enter_question(self, block: Block) -> None:
        question = self._known_question(block)
        self.question = question
        self.heading = question
        self.kind = ""
        self.context = ""
        self.after_lead_in = False

    def _known_question(self, block: Block) -> PastedHeading:
        """The same question asked again (listed at the top, then as a heading) is one."""
        for known in self.questions:
            if same_wording(known.text, block.text):
                return known
        question = PastedHeading(
            block.text, number=block.number, reference=block.reference, is_question=True
        )
        self.questions.append(question)
        return question

    def _enter_heading(self, block: Block) -> None:
        text = block.text
        heading = PastedHeading(
            text.rstrip(" :-–—"), number=block.number, reference=block.reference
        )
        if not (self.question and wording.is_sub_heading(text)):
            self.question = None
            self.heading = heading
        kind = wording.heading_kind(text)
        if kind or block.is_marked or wording.is_known_heading(text):
            self.kind = kind
        # else a topic ("Safeguarding adults") inside the section above, which goes on.
        if self.kind == wording.RECOMMENDATIONS:
            self.context = "recommend"
        elif wording.is_narrative_heading(text):
            self.context = "other"
        else:
            self.context = ""
        self.after_lead_in = False
        if block.kind == "section" and block.subs:
            # The heading's own points: "2.2 Challenges: (i) …" gives 2.2(i), 2.2(ii).
            context = self.context
            for sub in block.subs:
                score = wording.recommendation_score(sub.text)
                role = "recommendation" if context == "recommend" or score >= 1 else "narrative"
                self._append(
                    Entry(
                        role,
                        sub.text,
                        reference=f"{block.reference}({sub.marker})" if sub.marker else "",
                        score=score,
                    )
                )

    @staticmethod
    def _is_lead_in(block: Block) -> bool:
        if block.kind not in ("para", "section") or block.subs:
            return False
        text = block.text
        if wording.ends_with_colon(text):
            return True
        # "The Team recommends" alone: a lead-in that lost its colon.
        return (
            wording.opens_with_recommends(text)
            and len(wording.words(text)) <= 8
            and not wording.ends_sentence(text)
        )

    # Content

    def _add_content(self, block: Block) -> None:
        text = block.text
        score = wording.recommendation_score(text) if text else 3
        if block.kind == "section" and block.subs:
            # "12.1 Members are asked to: 1) Note …; 2) Endorse …": one recommendation and its
            # points, as "16. The Team recommends that: i) …" is.
            role = self._role(block, score)
            self._append(Entry(role, text, reference=block.reference, subs=block.subs, score=score))
        else:
            entry = Entry(
                self._role(block, score),
                text,
                number=block.number if block.kind == "number" else None,
                reference=block.reference if block.kind == "section" else "",
                subs=block.subs,
                lost=block.lost,
                score=score,
                block=block if block.kind == "number" else None,
            )
            self._append(entry)
        self.after_lead_in = False

    def _role(self, block: Block, score: int) -> str:
        if block.kind == "number" or score == 3:
            return "recommendation"
        if block.lost:
            return "candidate"
        context = self.context
        if block.kind in ("bullet", "sub", "section"):
            if context == "recommend":
                return "recommendation"
            if context == "other" or self.kind in (wording.STRENGTH, wording.AREA):
                return "narrative"
            if block.kind == "section":
                return "recommendation" if score >= 2 else "narrative"
            return "recommendation"
        if context == "recommend":
            return "candidate"
        return "narrative"

    def _append(self, entry: Entry) -> None:
        entry.group = self.question or self.heading
        entry.question = self.question
        entry.kind = self.kind
        entry.context = self.context
        entry.after_lead_in = self.after_lead_in
        self.entries.append(entry)


def normalised_words(text: str) -> list[str]:
    return [word.lower().strip("'’") for word in wording.words(text)]


def same_wording(left: str, right: str) -> bool:
    """Two wordings of one question: the letter's "A focus on workforce is a key priority …?"
    and the presentation's "Focus on workforce as a key priority …?"."""
    a, b = set(normalised_words(left)), set(normalised_words(right))
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= 0.6
