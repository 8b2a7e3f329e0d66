"""Read a CQC local authority assessment report's text, as copied from the CQC's PDF or web
page, by quality statement.

Pure Python: given the text and the framework's statement names (and theme names), it finds
each statement's heading however the report writes it ("Assessing needs", "Quality statement:
Assessing needs", "1. Assessing needs", "ASSESSING NEEDS"), the score under it ("Score: 2",
"2 - Evidence shows some shortfalls", "Score 2 of 4") and the paragraphs that follow, sorted
into areas of strength and areas for improvement where the report marks them. Text before the
first heading, and under a theme's heading, belongs to no statement and is returned apart, so
that a person sees it on the preview before anything is saved.
"""

import re
from dataclasses import dataclass, field

STRENGTH = "strength"
IMPROVEMENT = "improvement"
NARRATIVE = "narrative"

# Lines that mark what follows, in the words CQC reports use.
MARKERS = (
    (re.compile(r"^(key )?(areas? (of|for) )?(strengths?|what (is|was) working well)$"), STRENGTH),
    (
        re.compile(
            r"^(key )?(areas? for (improvement|development)|improvements? needed|"
            r"what (could|needs to) (improve|be better)|areas to improve)$"
        ),
        IMPROVEMENT,
    ),
    (re.compile(r"^(what we found|summary|our findings|findings)$"), NARRATIVE),
)
# Headings after the statements: what follows belongs to none of them.
ENDINGS = re.compile(
    r"^(about this (report|assessment)|appendix( \w+)?|how we (carried out|did) this assessment|"
    r"contact us|glossary|next steps)$"
)
# "Quality statement:", "Quality statement 1 -", "QS1:", "1.", "1)", "Theme 2:" before a name.
PREFIX = re.compile(
    r"^(?:(?:quality\s+statement|qs|theme)\s*\d*\s*[:.\-–—]?\s*|\d{1,2}\s*[.):\-–—]\s*)+"
)
SCORE_PATTERNS = (
    re.compile(
        r"^(?:quality\s+statement\s+)?score\s*[:\-–—]?\s*([1-4])(?:\s*(?:of|/|out of)\s*4)?\b"
    ),
    re.compile(r"^([1-4])\s*(?:[-–—:]|of 4|/\s*4)\s*(?:evidence\s+shows\b.*)?$"),
)
BULLET = re.compile(r"^\s*(?:[•●▪◦‣*·]|-(?=\s)|\d{1,2}[.)](?=\s))\s*")


def simplified(text):
    """Lower case, "&" as "and", no punctuation at the ends, single spaces: for comparing
    headings with names."""
    text = text.lower().replace("&", "and").replace("’", "'")
    text = re.sub(r"[^\w',]+", " ", text)
    return re.sub(r"\s+", " ", text).strip(" ,")


@dataclass
class ReadStatement:
    name: str
    heading: str  # the line as the report wrote it
    score: int | None = None
    strengths: list = field(default_factory=list)
    improvements: list = field(default_factory=list)
    narrative: list = field(default_factory=list)


@dataclass
class ReadReport:
    statements: list  # ReadStatement, in the report's order
    unplaced: list  # paragraphs under no statement
    missing: list  # statement names with no heading in the text
    repeated: list  # names whose heading came again (the later text is kept with the first)

    def by_name(self):
        return {statement.name: statement for statement in self.statements}


def read_report(text, statement_names, theme_names=()):
    """The report's text by quality statement (see the module's description)."""
    names = {simplified(name): name for name in statement_names}
    themes = {simplified(name) for name in theme_names}
    found, order, unplaced, repeated = {}, [], [], []
    current, mode = None, NARRATIVE
    paragraph = []
    # Areas written as bullets end at the first plain paragraph after them.
    bullets_seen = False

    def close_paragraph():
        if not paragraph:
            return
        text = " ".join(paragraph)
        paragraph.clear()
        if current is None:
            unplaced.append(text)
        else:
            {STRENGTH: current.strengths, IMPROVEMENT: current.improvements}.get(
                mode, current.narrative
            ).append(text)

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            close_paragraph()
            continue
        heading = simplified(PREFIX.sub("", line.lower()))
        if heading in names:
            close_paragraph()
            name = names[heading]
            if name in found:
                repeated.append(name)
                current = found[name]
            else:
                current = found[name] = ReadStatement(name, line)
                order.append(current)
            mode, bullets_seen = NARRATIVE, False
            continue
        if heading in themes or ENDINGS.match(simplified(line)):
            close_paragraph()
            current, mode = None, NARRATIVE
            continue
        if current is not None:
            score = _score(line)
            if score is not None:
                close_paragraph()
                if current.score is None:
                    current.score = score
                continue
            marker = _marker(line)
            if marker is not None:
                close_paragraph()
                mode, bullets_seen = marker, False
                continue
        if BULLET.match(raw):
            close_paragraph()
            paragraph.append(BULLET.sub("", raw).strip())
            close_paragraph()
            bullets_seen = True
            continue
        if not paragraph and bullets_seen and mode != NARRATIVE:
            mode = NARRATIVE
        paragraph.append(line)
    close_paragraph()
    missing = [name for name in statement_names if name not in found]
    return ReadReport(order, unplaced, missing, repeated)


def _score(line):
    text = line.lower().strip()
    for pattern in SCORE_PATTERNS:
        if match := pattern.match(text):
            return int(match.group(1))
    return None


def _marker(line):
    text = simplified(line)
    for pattern, mode in MARKERS:
        if pattern.match(text):
            return mode
    return None
