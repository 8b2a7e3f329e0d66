"""The paste parsers as properties over a corpus of real documents' text (tests/corpus), and
over variants of each made the way copying spoils them: blank lines between every line, a bullet
before every number, lines wrapped as a PDF copies them, page numbers, Windows line endings, and
each written number lost in turn.

Each corpus file starts with what a reader finds in it (its recommendations, sub-items, scope
questions, which question or heading each recommendation comes under, how many strengths and
areas for consideration), between "# key: value" lines and "---". The properties:

- every recommendation is found exactly once, and nothing else is proposed: no heading, no
  question, no narrative paragraph;
- no text starts with a label ("16. ", "i) ", "(a)", "- ", "•", "2.1 ");
- sub-items are attached to their parent;
- each recommendation is under the scope question or heading it follows;
- a number inferred because it was lost is flagged, and only then;
- the same words written twice (a summary list, then the full one) are proposed once;
- warnings are sentences; texts are the document's words;
- findings carry the kind of their heading, and recommendations are not proposed as findings.
"""

import re
import textwrap
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from reviews.paste import parse_findings, parse_recommendations
from reviews.paste.wording import AREA, STRENGTH

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

LABEL_AT_START = re.compile(
    r"^(?:[-•*–—·▪❖➢►]\s"
    # A number is a label before punctuation or a capital: "25 cases were audited" is text.
    r"|\(?\d{1,3}(?:\.\d{1,3})*(?:[.):]\s|\s+[A-Z])"
    r"|\(?(?:[ivx]{1,5}|[a-h])[.)]\s"
    r"|(?i:recommendation|question)\s+\d)"
)


@dataclass
class Document:
    name: str
    text: str
    facts: dict

    def fact(self, key, default=""):
        return self.facts.get(key, default)

    @property
    def labels(self):
        """The expected recommendations, as labels: "7", or a reference such as "2.2(i)"."""
        if self.fact("references"):
            return [part.strip() for part in self.fact("references").split(",")]
        return [str(number) for number in numbers(self.fact("recommendations"))]

    @property
    def sub_items(self):
        pairs = (part.split("=") for part in self.fact("sub-items").split(",") if part.strip())
        return {label.strip(): int(count) for label, count in pairs}

    @property
    def lost(self):
        return [str(number) for number in numbers(self.fact("lost"))]

    def under(self):
        """Label → "Q<number>" or a heading's text."""
        found = {}
        labels = self.labels
        for part in filter(None, (p.strip() for p in self.fact("under").split(", "))):
            span, place = part.split("=", 1)
            first, _, last = span.partition("-")
            start = labels.index(first)
            end = labels.index(last or first)
            for label in labels[start : end + 1]:
                found[label] = place
        return found


def numbers(spec):
    found = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        first, _, last = part.partition("-")
        found += range(int(first), int(last or first) + 1)
    return found


def load(path):
    header, _, text = path.read_text(encoding="utf-8").partition("\n---\n")
    facts = {}
    for line in header.splitlines():
        key, _, value = line.removeprefix("# ").partition(": ")
        facts[key] = value.strip()
    return Document(path.stem, text, facts)


DOCUMENTS = [load(path) for path in sorted(CORPUS.glob("*.txt"))]


def test_the_corpus_holds_the_seeds_and_the_written_variants():
    names = {document.name for document in DOCUMENTS}
    assert {"walsall_letter", "sefton_appendix_a", "sefton_summary", "wirral_report"} <= names
    assert len(names) >= 9
    for document in DOCUMENTS:
        assert document.fact("source"), document.name
        assert document.labels, document.name


# Variants: how copying spoils a document.


def as_pasted(text):
    return text


def blank_lines_everywhere(text):
    return text.replace("\n", "\n\n")


def bullet_before_numbers(text):
    return re.sub(r"(?m)^(\d{1,3}\. )", r"- \1", text)


def wrapped_like_a_pdf(text):
    lines = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip())]
        lines += textwrap.wrap(
            line, 70, subsequent_indent=indent, break_on_hyphens=False, break_long_words=False
        ) or [""]
    return "\n".join(lines)


def page_numbers_between(text):
    lines = text.split("\n")
    for index in range(len(lines) - 1, 0, -1):
        if index % 9 == 0:
            lines[index:index] = ["", f"Page {index // 9} of 12", ""]
    return "\n".join(lines)


def windows_copy(text):
    return text.replace("\n", "\r\n").replace(". ", ".\u00a0").replace("’", "'")


VARIANTS = [
    as_pasted,
    blank_lines_everywhere,
    bullet_before_numbers,
    wrapped_like_a_pdf,
    page_numbers_between,
    windows_copy,
]


def cases():
    return [
        pytest.param(document, variant, id=f"{document.name}-{variant.__name__}")
        for document in DOCUMENTS
        for variant in VARIANTS
        if not (variant is wrapped_like_a_pdf and document.fact("wrap") == "no")
    ]


def label(item):
    return item.reference or str(item.suggested_number)


def squash(text):
    return " ".join(text.replace("'", "’").split())


def check_recommendations(document, text, lost=()):
    items = parse_recommendations(text)
    ticked = [item for item in items if item.ticked]
    labels = [label(item) for item in ticked]

    # Every recommendation found exactly once, and nothing else proposed.
    assert labels == document.labels
    assert all(count == 1 for count in Counter(labels).values())
    assert all(item.is_recommendation for item in ticked)

    # No label left at the start of any text.
    for item in items:
        for piece in [item.text, *item.sub_items]:
            assert not LABEL_AT_START.match(piece), piece

    # No question or heading proposed: questions become groups, never rows.
    raw_lines = [line.strip() for line in text.replace("\r", "").split("\n")]
    questions = {line for line in raw_lines if line.endswith("?")}
    for item in items:
        assert not item.text.endswith("?"), item.text
        assert not any(line.endswith(item.text) for line in questions), item.text
    headings = {
        line
        for line in raw_lines
        if line
        and len(line.split()) <= 10
        and line[-1] not in ".;:,?"
        and not LABEL_AT_START.match(line)
    }
    for item in ticked:
        # A parent's lead-in ("The Team recommends that", then its sub-items) may look like one.
        assert item.sub_items or item.text not in headings, item.text

    # Sub-items attached to their parent, and never rows of their own.
    by_label = {label(item): item for item in ticked}
    for parent, count in document.sub_items.items():
        assert len(by_label[parent].sub_items) == count, parent
    sub_texts = {sub for item in items for sub in item.sub_items}
    assert not sub_texts & {item.text for item in ticked}

    # Each recommendation under the question or heading it follows.
    for name, place in document.under().items():
        group = by_label[name].group
        assert group is not None, name
        if re.fullmatch(r"Q\d+", place):
            assert group.is_question and group.number == int(place[1:]), (name, group)
        else:
            assert group.title.startswith(place) or group.text.startswith(place), (name, group)
    questions_found = {item.group for item in items if item.group and item.group.is_question}
    if document.fact("questions"):
        assert len(questions_found) == int(document.fact("questions"))

    # A number inferred because it was lost is flagged, and only then.
    for item in ticked:
        was_lost = label(item) in lost or label(item) in document.lost
        inferred = [w for w in item.warnings if " is inferred" in w]
        if was_lost:
            assert item.number_was_missing, label(item)
            assert any(f"{label(item)} is inferred" in w for w in inferred), item.warnings
        elif document.fact("recommendations") and not item.number_was_missing:
            assert not inferred, item.warnings

    # The same words written again (a summary list, then the full one) are left unticked.
    repeats = [i for i in items if any("The same words as" in w for w in i.warnings)]
    assert len(repeats) == int(document.fact("repeats") or 0)
    assert not any(item.ticked for item in repeats)

    # Restarted numbering is flagged where it restarts.
    restarts = [str(number) for number in numbers(document.fact("restarts"))]
    flagged = [label(i) for i in ticked if any("starts again" in w for w in i.warnings)]
    assert flagged == restarts

    # Warnings are sentences, one a problem; texts are the document's words.
    whole = squash(re.sub(r"\s+", " ", text.replace("\u00a0", " ")))
    for item in items:
        for warning in item.warnings:
            assert warning[:1].isupper() or warning[:1].isdigit(), warning
            assert warning.endswith(".") and "\n" not in warning, warning
        if item.ticked:
            for piece in [item.text, *item.sub_items]:
                assert squash(piece) in whole, piece

    if document.fact("page-references") == "all":
        assert all(item.page_reference.isdigit() for item in ticked)
        assert not any("(Page" in item.text for item in ticked)
    return items


@pytest.mark.parametrize(("document", "variant"), cases())
def test_recommendations(document, variant):
    check_recommendations(document, variant(document.text))


@pytest.mark.parametrize(
    "document",
    [d for d in DOCUMENTS if d.fact("recommendations")],
    ids=lambda document: document.name,
)
def test_each_lost_number_is_inferred_from_its_neighbours_and_flagged(document):
    if document.fact("restarts"):
        pytest.skip("a lost 1 there is a restart nobody could see")
    for number in numbers(document.fact("recommendations")):
        if str(number) in document.lost:
            continue
        # The written number, and a bullet before it if any, lost in copying.
        text, count = re.subn(rf"(?m)^(?:- )?{number}\. (?=.*[^?\n]$)", "", document.text, count=1)
        if not count:
            continue
        check_recommendations(document, text, lost=[str(number)])


@pytest.mark.parametrize(("document", "variant"), cases())
def test_findings(document, variant):
    findings = parse_findings(variant(document.text))
    ticked = [finding for finding in findings if finding.ticked]
    kinds = Counter(finding.kind for finding in ticked)
    if document.fact("strengths"):
        assert kinds[STRENGTH] == int(document.fact("strengths"))
        assert kinds[AREA] == int(document.fact("areas"))
    recommendations = {
        item.text for item in parse_recommendations(variant(document.text)) if item.ticked
    }
    for finding in findings:
        first_line = finding.text.split("\n")[0]
        assert not LABEL_AT_START.match(first_line), first_line
        assert not first_line.endswith("?"), first_line
        if finding.ticked:
            assert first_line not in recommendations, first_line
