"""Turn text pasted from a feedback letter or inspection report into recommendations or findings.

Pure Python, no Django and no database: the preview/confirm form calls
:func:`parse_recommendations` or :func:`parse_findings` and shows the result for a person to check
before anything is saved, so the rules below favour keeping text (with a warning) over guessing.

Cleaning
    Windows and old Mac line endings become ``\\n``; form feeds become line breaks; non-breaking
    and other unusual spaces become plain spaces; zero-width spaces and byte-order marks go; runs
    of spaces and tabs collapse to one space; ends of lines are stripped. Everything else is kept
    exactly: curly quotes, £, en and em dashes, Welsh and accented letters, ``&`` and ``<script>``
    (escaping is the template's job). Lines that are only a page number ("12", "Page 12",
    "Page 12 of 30", "- 12 -") are dropped, so "12" alone can never be an item number.

Markers, recognised at the start of a line
    Numbers (up to three digits): "1.", "1)", "(1)", "1:", "1 -", "1<tab>", "Recommendation 1:"
    (any case), "Rec 1.", "R1", "Improvement Area 1 –". A number followed only by a space
    ("1 The Team ...") counts only when the text after it starts with a capital and the line
    opens a paragraph, follows a line ending a sentence, or carries the next number in sequence,
    so that a wrapped line such as "5 Councils ..." in mid-sentence stays text; "Recommendation
    1 ..." and "R1 ..." need only the capital.
    Bullets: • ● ◦ ▪ ■ □ ❖ ➢ ► ‣ ⁃ · (and the private-use glyphs Word pastes for them), and
    "-", "*", "–", "—" or "o" followed by a space. Repeated marks ("- ❖ text") count as one.
    Sub-items: lower-case roman numerals up to xxxix as "i)", "(i)" or "i." (a dot needs a space
    after it, so "i.e." is text) and letters as "a)" or "(a)".
    Inside a line, sub-item markers are recognised only after ": ", ":- " or "; " (also "; and ",
    "; or "), so a capital "I" opening a sentence, or "i.e.", never splits a line.

Items
    A number or bullet starts a new item. A sub-item marker adds a sub-item to the current item
    when that item was numbered or bulleted, or is an unmarked lead-in ending with ":"; otherwise
    it starts an item of its own. A bullet becomes a sub-item when it is indented deeper than the
    item's own marker, or when it follows a numbered item whose text ends with ":" (that list goes
    on until the next number or unmarked paragraph). Deeper levels are flattened into one list of
    sub-items. Trailing list punctuation (";", ",", "; and", "; or") is removed from marked
    items and sub-items.

Lines and paragraphs
    A line without a marker continues the text it follows. After a blank line it starts a new
    paragraph instead, except when the text so far is empty (a marker alone on its line: "1." or
    "Recommendation 1" with the words below), or when it starts lower-case after a line of eight
    words or more (or ending in a hyphen) that does not end a sentence: a page break in
    mid-sentence. Wrapped lines are joined with a space. A line ending in a hyphen straight after
    a letter or digit is joined without a space: if the next line starts lower-case the hyphen
    is dropped ("improve-" + "ment" -> "improvement") unless the same hyphenated word is written
    elsewhere in the pasted text on one line ("independence-promoting"); otherwise the hyphen
    stays ("Extra-" + "Care" -> "Extra-Care", "2016-" + "2020" -> "2016-2020"). The text of an
    item is therefore always a single paragraph.

Unmarked paragraphs
    A paragraph ending with ":" (optionally ":-") and no sub-items is a lead-in ("The Team
    recommends:-") and is dropped. When the text has any markers, unmarked paragraphs that look
    like headings (a question, or twelve words or fewer not ending a sentence) are dropped too, and
    other unmarked paragraphs become items with a warning. Text with no markers at all gives one
    item per paragraph.

Numbering (recommendations)
    ``suggested_number`` is the written number, or one more than the previous item's suggested
    number (``start_at`` for the first item). Warnings flag numbers written more than once,
    numbers that jump or go backwards (measured from the previous numbered or bulleted item, not
    from an unmarked paragraph), and inferred numbers that clash with a written one.

Not supported: decimal numbering ("16.1"), bullets run together on one line ("• a • b"),
upper-case sub-item markers ("A)", "(I)"), a number alone on its line without a dot ("12" is
taken for a page number), and tables (each row arrives as one line, its cells run together).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class PastedItem:
    number: int | None
    text: str
    sub_items: list[str] = field(default_factory=list)
    suggested_number: int = 0
    number_was_missing: bool = False
    warnings: list[str] = field(default_factory=list)


def parse_recommendations(text: str, start_at: int = 1) -> list[PastedItem]:
    """Pasted recommendations as items, numbered and checked; see the module docstring."""
    blocks = _parse_blocks(text)
    marked = _has_markers(blocks)
    written = Counter(block.number for block in blocks if block.number is not None)
    items: list[PastedItem] = []
    seen: Counter[int] = Counter()
    previous = start_at - 1
    # Gaps are measured from the last item that looks like a recommendation, so narrative
    # paragraphs pasted between two lists do not make the second list look out of order.
    last_checked: int | None = None
    for block in blocks:
        if block.number is None:
            item = _unnumbered_item(block, previous + 1, written, marked)
        else:
            seen[block.number] += 1
            item = _numbered_item(block, last_checked, seen[block.number])
        items.append(item)
        previous = item.suggested_number
        if not (marked and block.kind == "para"):
            last_checked = previous
    return items


def parse_findings(text: str) -> list[str]:
    """Pasted strengths or areas for consideration, one string per finding.

    Sub-items follow their finding's text on lines of their own, each starting with "• ".
    """
    findings = []
    for block in _parse_blocks(text):
        lines = [block.text] if block.text else []
        lines += [f"• {sub}" for sub in block.subs]
        findings.append("\n".join(lines))
    return findings


# Numbering and warnings


def _numbered_item(block: _Block, previous: int | None, times_seen: int) -> PastedItem:
    number = block.number
    warnings = []
    if times_seen == 2:
        warnings.append(f"Number {number} appears twice")
    elif times_seen > 2:
        warnings.append(f"Number {number} appears {times_seen} times")
    if previous is not None and number > previous + 1:
        warnings.append(f"Numbers jump from {previous} to {number}")
    if previous is not None and number < previous:
        warnings.append(f"Numbers go backwards from {previous} to {number}")
    return PastedItem(number, block.text, block.subs, number, False, warnings)


def _unnumbered_item(block: _Block, suggested: int, written: Counter, marked: bool) -> PastedItem:
    warnings = []
    if marked and block.kind == "para":
        warnings.append("Neither numbered nor bulleted: check this is a recommendation")
    if written[suggested]:
        warnings.append(f"No number was written; the suggested {suggested} is used by another item")
    return PastedItem(None, block.text, block.subs, suggested, True, warnings)


# Lines

_LINE_BREAKS = re.compile(r"\r\n?|[\f\v\u2028]")
_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_SOFT_HYPHEN_AT_END = re.compile(r"\u00ad[ \t]*(?=\n)")
_INVISIBLE = re.compile(r"[\u00ad\u200b\ufeff]")
_RUNS_OF_SPACE = re.compile(r"[ \t]+")
_PAGE_NUMBER = re.compile(r"[-–—]?\s*(?:(?i:page)\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?\s*[-–—]?")

_NUMBER = re.compile(
    r"(?P<prefix>(?i:recommendation|rec\.?|improvement area)\s*|R ?)?"
    r"(?:\((?P<paren>\d{1,3})\)"
    r"|(?P<num>\d{1,3})(?:(?P<punct>[.:](?=\s|$)|\.(?=[A-Z])|\)|\s+[-–—](?=\s|$))"
    r"|(?P<tab> *\t)|(?P<space> +)|$))"
    r"\s*(?P<rest>.*)"
)
_BULLET = re.compile(
    r"(?:[•●◦▪■□❖➢►‣⁃·\uf0a7\uf0b7\uf076\uf0d8\uf0fc]\s*|[-*–—](?:\s+|$)|o\s+)+(?P<rest>.*)"
)
_ROMAN = r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})"
_SUB_MARKER = rf"(?:\((?:{_ROMAN}|[a-z])\)|(?:{_ROMAN}|[a-z])\)|{_ROMAN}\.(?=\s))"
_SUB_LINE = re.compile(rf"{_SUB_MARKER}\s*(?P<rest>.*)")
_SUB_INLINE = re.compile(rf"(?<=[:;])[-–]?\s+(?:(?:and|or)\s+)?(?={_SUB_MARKER}\s)")

_LEAD_IN = re.compile(r":\s*[-–—]?$")
_LIST_TAIL = re.compile(r"\s*[;,]\s*(?:(?:and|or)\s*)?$")
_SENTENCE_END = ".!?:;)"
_FULL_LINE_WORDS = 8
_CLOSING_QUOTES = "\"'’”"
# The lookbehind makes each run of letters be tried once, keeping long runs linear.
_COMPOUND = re.compile(r"(?<![^\W\d_])[^\W\d_]+-[^\W\d_]+")
_WORD_AT_START = re.compile(r"[^\W\d_]+")


def _normalise(text: str) -> str:
    text = _LINE_BREAKS.sub("\n", text).replace("\u2029", "\n\n")
    text = _SOFT_HYPHEN_AT_END.sub("-", text)
    return _ODD_SPACES.sub(" ", _INVISIBLE.sub("", text))


def _clean(line: str) -> str:
    return _RUNS_OF_SPACE.sub(" ", line).strip()


def _indent(line: str) -> int:
    body = line.lstrip()
    return len(line[: len(line) - len(body)].expandtabs(4))


def _ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSING_QUOTES)[-1:] in tuple(_SENTENCE_END)


def _starts_capital(text: str) -> bool:
    return text[:1].isupper() or text[:1] in "\"'‘“"


def _is_lead_in(text: str) -> bool:
    return bool(_LEAD_IN.search(text))


def _looks_like_heading(text: str) -> bool:
    if _is_lead_in(text) or text.endswith("?"):
        return True
    return len(text.split()) <= 12 and text.rstrip(_CLOSING_QUOTES + ")")[-1:] not in (".", "!")


# Blocks: one per item, built line by line


@dataclass
class _Block:
    kind: str  # "number", "bullet", "sub" (a sub-item marker with no item to go under) or "para"
    number: int | None
    indent: int
    lines: list[str] = field(default_factory=list)
    sub_lines: list[list[str]] = field(default_factory=list)
    text: str = ""
    subs: list[str] = field(default_factory=list)

    @property
    def is_marked(self) -> bool:
        return self.kind != "para"


class _BlockBuilder:
    def __init__(self, compounds: set[str]):
        self.compounds = compounds
        self.blocks: list[_Block] = []
        self.current: _Block | None = None
        self.target: list[str] = []  # the lines a continuation line is added to
        self.after_blank = True
        self.previous_line = ""
        self.last_number: int | None = None

    def add(self, raw: str) -> None:
        body = raw.strip()
        if not body:
            self.after_blank = True
            return
        if _PAGE_NUMBER.fullmatch(body):
            return
        indent = _indent(raw)
        if (match := _NUMBER.fullmatch(body)) and self._is_number(match):
            number = int(match["num"] or match["paren"])
            self._start(_Block("number", number, indent), match["rest"])
            self.last_number = number
        elif match := _BULLET.fullmatch(body):
            if self._bullet_is_sub_item(indent):
                self._add_sub_item(match["rest"])
            else:
                self._start(_Block("bullet", None, indent), match["rest"])
        elif match := _SUB_LINE.fullmatch(body):
            if self._takes_sub_items():
                self._add_sub_item(match["rest"])
            else:
                self._start(_Block("sub", None, indent), match["rest"])
        else:
            self._add_text(_clean(body), indent)
        self.after_blank = False
        self.previous_line = _clean(body)

    def finish(self) -> list[_Block]:
        if self.current is not None:
            self.blocks.append(self.current)
        for block in self.blocks:
            self._finish_block(block)
        return self.blocks

    def _is_number(self, match: re.Match) -> bool:
        if match["paren"] or match["punct"] or match["tab"]:
            return True
        rest = match["rest"]
        if not rest:
            return bool(match["prefix"])
        if not _starts_capital(rest):
            return False
        # A bare "5 Councils ..." is more likely a wrapped line than item 5 unless it opens a
        # paragraph, follows a finished sentence, or is the next number.
        return (
            bool(match["prefix"])
            or self.after_blank
            or _ends_sentence(self.previous_line)
            or (self.last_number is not None and int(match["num"]) == self.last_number + 1)
        )

    def _bullet_is_sub_item(self, indent: int) -> bool:
        block = self.current
        if block is None or not block.is_marked:
            return False
        if indent > block.indent:
            return True
        return block.kind == "number" and bool(block.lines) and _is_lead_in(block.lines[-1])

    def _takes_sub_items(self) -> bool:
        block = self.current
        if block is None or block.kind == "sub":
            return False
        return block.is_marked or (bool(block.lines) and _is_lead_in(block.lines[-1]))

    def _start(self, block: _Block, first_line: str) -> None:
        if self.current is not None:
            self.blocks.append(self.current)
        self.current = block
        self.target = block.lines
        self._append(first_line)

    def _add_sub_item(self, first_line: str) -> None:
        self.target = []
        self.current.sub_lines.append(self.target)
        self._append(first_line)

    def _add_text(self, line: str, indent: int) -> None:
        if self.current is not None and (not self.after_blank or self._continues(line)):
            self._append(line)
        else:
            self._start(_Block("para", None, indent), line)

    def _continues(self, line: str) -> bool:
        """After a blank line: is this line still part of the text before the blank?"""
        if not any(self.target):
            return True
        before = self.target[-1]
        # A page break in mid-sentence comes after a full-width line; a short one is more likely
        # a separate item written in lower case.
        full_width = len(before.split()) >= _FULL_LINE_WORDS or _ends_with_word_hyphen(before)
        return line[:1].islower() and full_width and not _ends_sentence(before)

    def _append(self, line: str) -> None:
        line = _clean(line)
        if line:
            self.target.append(line)

    def _finish_block(self, block: _Block) -> None:
        head, *inline_subs = _split_inline(self._unwrap(block.lines))
        subs = inline_subs + [
            part for lines in block.sub_lines for part in _split_inline(self._unwrap(lines))
        ]
        block.text = _strip_list_tail(head) if block.is_marked else head
        block.subs = [sub for sub in map(_strip_list_tail, subs) if sub]

    def _unwrap(self, lines: list[str]) -> str:
        parts: list[str] = []
        for line in lines:
            if not parts:
                parts.append(line)
            elif _ends_with_word_hyphen(parts[-1]):
                if self._drops_hyphen(parts[-1], line):
                    parts[-1] = parts[-1][:-1]
                parts.append(line)
            else:
                parts.append(" " + line)
        return "".join(parts)

    def _drops_hyphen(self, left: str, right: str) -> bool:
        if not right[:1].islower():
            return False
        before = _last_word(left[:-1])
        after = _WORD_AT_START.match(right)
        return not (before and after and f"{before}-{after[0]}".lower() in self.compounds)


def _ends_with_word_hyphen(text: str) -> bool:
    return text.endswith("-") and len(text) > 1 and text[-2].isalnum()


def _last_word(text: str) -> str:
    start = len(text)
    while start and text[start - 1].isalpha():
        start -= 1
    return text[start:]


def _split_inline(text: str) -> list[str]:
    parts = _SUB_INLINE.split(text)
    return [parts[0]] + [_SUB_LINE.fullmatch(part)["rest"] for part in parts[1:]]


def _strip_list_tail(text: str) -> str:
    return _LIST_TAIL.sub("", text)


def _parse_blocks(text: str) -> list[_Block]:
    """Blocks worth offering as items, in order, with headings and lead-ins left out."""
    text = _normalise(text or "")
    compounds = {word.lower() for word in _COMPOUND.findall(text)}
    builder = _BlockBuilder(compounds)
    for line in text.split("\n"):
        builder.add(line)
    blocks = builder.finish()
    marked = _has_markers(blocks)
    return [block for block in blocks if _is_kept(block, marked)]


def _has_markers(blocks: list[_Block]) -> bool:
    return any(block.is_marked for block in blocks)


def _is_kept(block: _Block, marked: bool) -> bool:
    if block.subs or block.is_marked:
        return bool(block.text or block.subs)
    if _is_lead_in(block.text):
        return False
    return not (marked and _looks_like_heading(block.text))
