"""Pasted text as blocks: one per numbered, section-numbered, bulleted or plain paragraph, with
its sub-items, its markers taken out and its lines unwrapped. What a block *is* (a heading, a
question, a recommendation, narrative) is decided in :mod:`.outline`.

Cleaning
    Windows and old Mac line endings become ``\\n``; form feeds become line breaks; bold marks
    ("**Strengths**") go; non-breaking
    and other unusual spaces become plain spaces; zero-width spaces and byte-order marks go; runs
    of spaces and tabs collapse to one space; ends of lines are stripped. Everything else is kept
    exactly: curly quotes, £, en and em dashes, Welsh and accented letters, ``&`` and ``<script>``
    (escaping is the template's job). Lines that are only a page number ("12", "Page 12",
    "Page 12 of 30", "- 12 -") are dropped, so "12" alone can never be an item number.

Markers, recognised at the start of a line
    Numbers (up to three digits): "1.", "1)", "(1)", "1:", "1 -", "1<tab>", "Recommendation 1:"
    (any case), "Rec 1.", "R1", "Improvement Area 1 –"; and a scope question's: "Question 2:",
    "KLOE 2", "Theme 2". A number followed only by a space
    ("1 The Team ...") counts only when the text after it starts with a capital and the line
    opens a paragraph, follows a line ending a sentence, or carries the next number in sequence,
    so that a wrapped line such as "5 Councils ..." in mid-sentence stays text; "Recommendation
    1 ..." and "R1 ..." need only the capital.
    Section numbers: "2.2", "12.1.", "2.6.1", also with a sub-item mark ("2.2(i)", "2.2 (i)"),
    followed by a capital or alone on the line, where a paragraph may start (so "1.5 million
    people" is text). The number is kept as the block's ``reference``.
    Bullets: • ● ◦ ▪ ■ □ ❖ ➢ ► ‣ ⁃ · (and the private-use glyphs Word pastes for them), and
    "-", "*", "–", "—" or "o" followed by a space. Repeated marks ("- ❖ text") count as one. A
    bullet before another marker ("- 16. The Team …", "- i) the …", "- 2.1 …", as documents
    converted from PDF are pasted) leaves the other marker to decide.
    Sub-items: lower-case roman numerals up to xxxix as "i)", "(i)" or "i." (a dot needs a space
    after it, so "i.e." is text) and letters as "a)" or "(a)"; under a section-numbered block
    that leads into a list, also "1)" or "(1)" ("12.1 Members are asked to: 1) Note …").
    Inside a line, sub-item markers are recognised only after ": ", ":- " or "; " (also "; and ",
    "; or "), or a first "i)" or "(a)" after "that", so a capital "I" opening a sentence, or
    "i.e.", never splits a line.

Items
    A number, section number or bullet starts a new block. A sub-item marker adds a sub-item to
    the current block when that block was marked, or is an unmarked paragraph leading into a
    list (ending with ":", "that", "should", "to", "recommends" …); otherwise it starts a block of
    its own. A bullet becomes a sub-item when it is indented deeper than the block's own marker,
    or follows a numbered block leading into a list (that list goes on until the next number or
    unmarked paragraph). Deeper levels are flattened into one list of sub-items. Each sub-item
    keeps its mark ("ii", "b", "2"; "" for a bullet). Trailing list punctuation (";", ",",
    "; and", "; or") is removed from marked blocks and sub-items.

Lines and paragraphs
    A line without a marker continues the text it follows. After a blank line it starts a new
    paragraph instead, except when the text so far is empty (a marker alone on its line: "1." or
    "Recommendation 1" with the words below), or when it starts lower-case after a line of eight
    words or more (or ending in a hyphen) that does not end a sentence: a page break in
    mid-sentence. Wrapped lines are joined with a space. A line ending in a hyphen straight after
    a letter or digit is joined without a space: if the next line starts lower-case the hyphen
    is dropped ("improve-" + "ment" -> "improvement") unless the same hyphenated word is written
    elsewhere in the pasted text on one line ("independence-promoting"); otherwise the hyphen
    stays ("Extra-" + "Care" -> "Extra-Care", "2016-" + "2020" -> "2016-2020"). The text of a
    block is therefore always a single paragraph.

Lost numbers on lines of their own
    An item whose number was lost in copying, on the line after the item above with no blank
    line, reads as that item's continuation. At the end of a list, a line that opens with the
    same three words as two numbered items or more ("The council should …"), or with the same
    order ("Use …"), after a finished sentence or opening as a recommendation does, starts a
    block of its own, marked ``lost``. Inside a list, where the numbers
    leave a gap (17, then 20) that nothing else fills, :func:`glued_items` cuts the item above
    at as many line starts as numbers are missing, when exactly that many fit.

Not supported: bullets run together on one line ("• a • b"), upper-case sub-item markers ("A)",
"(I)"), a number alone on its line without a dot ("12" is taken for a page number), and tables
(each row arrives as one line, its cells run together).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reviews.paste.wording import ends_sentence, opens_list, recommendation_score


@dataclass
class SubItem:
    marker: str  # as written, without brackets: "ii", "b", "2"; "" for a bullet
    text: str


@dataclass
class Block:
    kind: str  # "number", "section", "bullet", "sub" (a sub-item mark with nothing above) or "para"
    number: int | None
    indent: int
    reference: str = ""  # a section number as written ("2.2", "2.2(i)"), or a lone sub mark
    lines: list[str] = field(default_factory=list)
    sub_lines: list[list[str]] = field(default_factory=list)
    sub_markers: list[str] = field(default_factory=list)
    text: str = ""
    subs: list[SubItem] = field(default_factory=list)
    lost: bool = False  # split off a numbered block: a line whose number was lost
    compounds: frozenset[str] = frozenset()  # hyphenated words written whole in the text
    is_question: bool = False  # "Question 2:", "KLOE 2", "Theme 2": a scope question's number
    says_recommendation: bool = False  # "Recommendation 2:", "Rec 2", "R2"

    @property
    def is_marked(self) -> bool:
        return self.kind != "para"


def parse_blocks(text: str) -> list[Block]:
    """Every block of the text, in order, headings and lead-ins included."""
    text = _normalise(text or "")
    compounds = {word.lower() for word in _COMPOUND.findall(text)}
    builder = _BlockBuilder(compounds)
    for line in text.split("\n"):
        builder.add(line)
    return builder.finish()


# Lines

_LINE_BREAKS = re.compile(r"\r\n?|[\f\v\u2028]")
_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_SOFT_HYPHEN_AT_END = re.compile(r"\u00ad[ \t]*(?=\n)")
_INVISIBLE = re.compile(r"[\u00ad\u200b\ufeff]")
_RUNS_OF_SPACE = re.compile(r"[ \t]+")
# "**Strengths**", as text converted from a PDF or a web page pastes a bold heading.
_MARKDOWN_BOLD = re.compile(r"\*\*(?=\S)|(?<=\S)\*\*")
_PAGE_NUMBER = re.compile(r"[-–—]?\s*(?:(?i:page)\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?\s*[-–—]?")

_NUMBER = re.compile(
    r"(?P<prefix>(?i:recommendation|rec\.?|improvement area|(?P<asks>question|kloe|key line of"
    r" enquiry|theme))\s*|R ?)?"
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
_SUB_LINE = re.compile(rf"(?P<marker>{_SUB_MARKER})\s*(?P<rest>.*)")
_SUB_INLINE = re.compile(
    rf"(?:(?<=[:;])[-–]?\s+(?:(?:and|or)\s+)?|(?<=\bthat)\s+(?=\(?[ia]\)\s))(?={_SUB_MARKER}\s)"
)
_SECTION = re.compile(
    rf"(?P<ref>\d{{1,2}}(?:\.\d{{1,3}}){{1,3}})\.?"
    rf"(?:\s?(?P<sub>\((?:{_ROMAN}|[a-z])\)|(?:{_ROMAN}|[a-z])\)))?"
    r"(?:\s+(?P<rest>.*)|$)"
)

_LIST_TAIL = re.compile(r"\s*[;,]\s*(?:(?:and|or)\s*)?$")
_FULL_LINE_WORDS = 8
# A line ending with one of these words stops in mid-sentence, however short it is.
_JOINING_WORD_AT_END = re.compile(
    r"\b(?:and|or|but|of|the|a|an|to|in|on|for|with|by|from|that|which|as|at|is|are|be)$",
    re.IGNORECASE,
)
# The lookbehind makes each run of letters be tried once, keeping long runs linear.
_COMPOUND = re.compile(r"(?<![^\W\d_])[^\W\d_]+-[^\W\d_]+")
_WORD_AT_START = re.compile(r"[^\W\d_]+")


def _normalise(text: str) -> str:
    text = _LINE_BREAKS.sub("\n", text).replace("\u2029", "\n\n")
    text = _SOFT_HYPHEN_AT_END.sub("-", text)
    text = _MARKDOWN_BOLD.sub("", text)
    return _ODD_SPACES.sub(" ", _INVISIBLE.sub("", text))


def _clean(line: str) -> str:
    return _RUNS_OF_SPACE.sub(" ", line).strip()


def _indent(line: str) -> int:
    body = line.lstrip()
    return len(line[: len(line) - len(body)].expandtabs(4))


def _starts_capital(text: str) -> bool:
    return text[:1].isupper() or text[:1] in "\"'‘“"


def marker_name(marker: str) -> str:
    """ "(ii)" → "ii", "b)" → "b", "iv." → "iv"."""
    return marker.strip("().")


class _BlockBuilder:
    def __init__(self, compounds: set[str]):
        self.compounds = frozenset(compounds)
        self.blocks: list[Block] = []
        self.current: Block | None = None
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
        self._dispatch(_clean(body), _indent(raw), bulleted=False)
        self.after_blank = False
        self.previous_line = _clean(body)

    def _dispatch(self, body: str, indent: int, bulleted: bool) -> None:
        if (match := _SECTION.fullmatch(body)) and self._is_section(match, bulleted):
            reference = match["ref"] + (f"({marker_name(match['sub'])})" if match["sub"] else "")
            self._start(Block("section", None, indent, reference=reference), match["rest"] or "")
        elif (match := _NUMBER.fullmatch(body)) and self._is_number(match, bulleted):
            number = int(match["num"] or match["paren"])
            if self._number_is_sub_item(number, indent):
                self._add_sub_item(match["rest"], str(number))
            else:
                block = Block(
                    "number",
                    number,
                    indent,
                    is_question=bool(match["asks"]),
                    says_recommendation=bool(match["prefix"]) and not match["asks"],
                )
                self._start(block, match["rest"])
                if not block.is_question:
                    self.last_number = number
        elif self._is_dash_in_a_sentence(body):
            self._add_text(body, indent)
        elif not bulleted and (match := _BULLET.fullmatch(body)):
            rest = match["rest"]
            if rest and self._has_marker(rest):
                # "- 16. The Team recommends that:", "- i) the …": the bullet is decoration.
                self._dispatch(rest, indent, bulleted=True)
            elif self._bullet_is_sub_item(indent):
                self._add_sub_item(rest, "")
            else:
                self._start(Block("bullet", None, indent), rest)
        elif match := _SUB_LINE.fullmatch(body):
            marker = marker_name(match["marker"])
            if self._takes_sub_items():
                self._add_sub_item(match["rest"], marker)
            else:
                self._start(Block("sub", None, indent, reference=marker), match["rest"])
        else:
            self._add_text(body, indent)

    def finish(self) -> list[Block]:
        if self.current is not None:
            self.blocks.append(self.current)
        blocks = _split_lost_numbers(self.blocks)
        for block in blocks:
            block.compounds = self.compounds
            self._finish_block(block)
        return blocks

    def _is_dash_in_a_sentence(self, body: str) -> bool:
        """ "… the improvement plans" then "– do we have …": a dash wrapped to the start of a
        line in mid-sentence, not a bullet."""
        return (
            body[:2] in ("– ", "— ")
            and not self.after_blank
            and self.current is not None
            and self.current.kind == "para"
            and not self.previous_line.endswith((".", ":", ";", "!", "?", ":-"))
        )

    def _has_marker(self, rest: str) -> bool:
        if (match := _SECTION.fullmatch(rest)) and self._is_section(match, True):
            return True
        if (match := _NUMBER.fullmatch(rest)) and self._is_number(match, True):
            return True
        return bool(_SUB_LINE.fullmatch(rest))

    def _paragraph_may_start(self) -> bool:
        return (
            self.after_blank
            or ends_sentence(self.previous_line)
            or self.previous_line.endswith((":", ";", ":-"))
        )

    def _is_section(self, match: re.Match, bulleted: bool) -> bool:
        rest = match["rest"] or ""
        if rest and not (_starts_capital(rest) or rest[:1] == "("):
            return False
        return bulleted or self._paragraph_may_start() or self._continues_sections()

    def _continues_sections(self) -> bool:
        return self.current is not None and self.current.kind == "section"

    def _is_number(self, match: re.Match, bulleted: bool) -> bool:
        if match["paren"] or match["punct"] or match["tab"]:
            return True
        if bulleted:
            # "- 25 cases were audited": a bare number after a bullet is a figure.
            return False
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
            or ends_sentence(self.previous_line)
            or (self.last_number is not None and int(match["num"]) == self.last_number + 1)
        )

    def _number_is_sub_item(self, number: int, indent: int) -> bool:
        """ "12.1 Members are asked to:" then "1) Note …": numbered points of a section."""
        block = self.current
        if block is None or block.kind != "section":
            return False
        digits = [int(marker) for marker in block.sub_markers if marker.isdigit()]
        expected = digits[-1] + 1 if digits else 1
        if number != expected:
            return False
        return bool(digits) or indent > block.indent or opens_list(self._head(block))

    @staticmethod
    def _head(block: Block) -> str:
        return block.lines[-1] if block.lines else ""

    def _bullet_is_sub_item(self, indent: int) -> bool:
        block = self.current
        if block is None or not block.is_marked:
            return False
        if indent > block.indent:
            return True
        if block.sub_markers and block.sub_markers[-1]:
            # "(a) …; (b) …" then "• …" at the item's own depth: a new list.
            return False
        return block.kind in ("number", "section") and opens_list(self._head(block))

    def _takes_sub_items(self) -> bool:
        block = self.current
        if block is None or block.kind == "sub":
            return False
        return block.is_marked or opens_list(self._head(block))

    def _start(self, block: Block, first_line: str) -> None:
        if self.current is not None:
            self.blocks.append(self.current)
        self.current = block
        self.target = block.lines
        self._append(first_line)

    def _add_sub_item(self, first_line: str, marker: str) -> None:
        self.target = []
        self.current.sub_lines.append(self.target)
        self.current.sub_markers.append(marker)
        self._append(first_line)

    def _add_text(self, line: str, indent: int) -> None:
        if self._ends_sub_items(line):
            self._start(Block("para", None, indent), line)
        elif self.current is not None and (not self.after_blank or self._continues(line)):
            self._append(line)
        else:
            self._start(Block("para", None, indent), line)

    def _ends_sub_items(self, line: str) -> bool:
        """After a finished sub-item, a line opening as a recommendation ("The council should
        …") is the next item, its number lost, rather than more of the sub-item."""
        block = self.current
        return (
            block is not None
            and bool(block.sub_lines)
            and self.target is block.sub_lines[-1]
            and bool(self.target)
            and ends_sentence(self.target[-1])
            and _starts_capital(line)
            and recommendation_score(line) >= 2
        )

    def _continues(self, line: str) -> bool:
        """After a blank line: is this line still part of the text before the blank?"""
        if not any(self.target):
            return True
        before = self.target[-1]
        # A page break in mid-sentence comes after a full-width line; a short one is more likely
        # a separate item written in lower case.
        full_width = len(before.split()) >= _FULL_LINE_WORDS or _ends_with_word_hyphen(before)
        in_mid_sentence = full_width or _JOINING_WORD_AT_END.search(before)
        return line[:1].islower() and bool(in_mid_sentence) and not ends_sentence(before)

    def _append(self, line: str) -> None:
        line = _clean(line)
        if line:
            self.target.append(line)

    def _finish_block(self, block: Block) -> None:
        head, inline_subs = split_inline(unwrap(block.lines, self.compounds))
        subs = inline_subs
        for marker, lines in zip(block.sub_markers, block.sub_lines, strict=True):
            text, deeper = split_inline(unwrap(lines, self.compounds))
            subs.append(SubItem(marker, text))
            subs.extend(deeper)
        block.text = _strip_list_tail(head) if block.is_marked else head
        block.subs = [
            SubItem(sub.marker, _strip_list_tail(sub.text))
            for sub in subs
            if _strip_list_tail(sub.text)
        ]


def unwrap(lines: list[str], compounds: frozenset[str]) -> str:
    """Wrapped lines as one paragraph, hyphenated words joined (see the module docstring)."""
    parts: list[str] = []
    for line in lines:
        if not parts:
            parts.append(line)
        elif _ends_with_word_hyphen(parts[-1]):
            if _drops_hyphen(parts[-1], line, compounds):
                parts[-1] = parts[-1][:-1]
            parts.append(line)
        else:
            parts.append(" " + line)
    return "".join(parts)


def _drops_hyphen(left: str, right: str, compounds: frozenset[str]) -> bool:
    if not right[:1].islower():
        return False
    before = _last_word(left[:-1])
    after = _WORD_AT_START.match(right)
    return not (before and after and f"{before}-{after[0]}".lower() in compounds)


def line_starts(block: Block) -> list[int]:
    """Where an item whose number was lost could start among a numbered block's lines."""
    if block.kind != "number":
        return []
    return [i for i in range(1, len(block.lines)) if _starts_capital(block.lines[i])]


def lines_text(block: Block, start: int, end: int | None = None) -> str:
    return _strip_list_tail(unwrap(block.lines[start:end], block.compounds))


def glued_items(block: Block, count: int) -> list[str] | None:
    """A numbered block's text cut into ``count`` + 1 items where ``count`` lines whose numbers
    were lost in copying were glued to it (see "Lost numbers" above), or None if no such cut
    fits: lines after a finished sentence first, then lines opening as a recommendation does
    ("The Council should …"), then lines opening as one might ("Early consideration is …")."""
    lines = block.lines
    if block.kind != "number" or count < 1 or len(lines) <= count:
        return None
    starts = [i for i in range(1, len(lines)) if _starts_capital(lines[i])]
    tiers = [
        {i for i in starts if ends_sentence(lines[i - 1])},
        {i for i in starts if recommendation_score(lines[i]) >= 2},
        {i for i in starts if recommendation_score(lines[i]) >= 1},
    ]
    chosen: set[int] = set()
    for tier in tiers:
        chosen |= tier
        if len(chosen) == count:
            cuts = [0, *sorted(chosen), len(lines)]
            return [
                _strip_list_tail(unwrap(lines[start:end], block.compounds))
                for start, end in zip(cuts, cuts[1:], strict=False)
            ]
    return None


def _split_lost_numbers(blocks: list[Block]) -> list[Block]:
    """At the end of a list, lines opening as its numbered items do, after a finished sentence:
    items whose numbers were lost (the gaps inside a list are :func:`glued_items`' work)."""
    firsts = [block.lines[0] for block in blocks if block.kind == "number" and block.lines]
    openings = Counter(map(_opening, firsts))
    first_words = Counter(line.split()[0].lower() for line in firsts)
    result: list[Block] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        lines = block.lines if block.kind == "number" and not block.sub_lines else []
        breaks = [
            i
            for i in range(1, len(lines))
            if _starts_capital(lines[i])
            and (ends_sentence(lines[i - 1]) or recommendation_score(lines[i]) >= 2)
            and (
                openings[_opening(lines[i])] >= 2
                or (recommendation_score(lines[i]) >= 2 and first_words[_first_word(lines[i])] >= 2)
            )
        ]
        if not breaks or (following is not None and following.kind == "number"):
            result.append(block)
            continue
        starts = [0, *breaks, len(lines)]
        result.append(Block("number", block.number, block.indent, lines=lines[: breaks[0]]))
        for start, end in zip(starts[1:], starts[2:], strict=False):
            result.append(Block("para", None, block.indent, lines=lines[start:end], lost=True))
    return result


def _opening(line: str) -> str:
    return " ".join(line.lower().split()[:3])


def _first_word(line: str) -> str:
    return line.split()[0].lower()


def _ends_with_word_hyphen(text: str) -> bool:
    return text.endswith("-") and len(text) > 1 and text[-2].isalnum()


def _last_word(text: str) -> str:
    start = len(text)
    while start and text[start - 1].isalpha():
        start -= 1
    return text[start:]


def split_inline(text: str) -> tuple[str, list[SubItem]]:
    """ "The Team recommends that: i) a; ii) b" → ("The Team recommends that:", [i a, ii b])."""
    parts = _SUB_INLINE.split(text)
    subs = []
    for part in parts[1:]:
        match = _SUB_LINE.fullmatch(part)
        subs.append(SubItem(marker_name(match["marker"]), match["rest"]))
    return parts[0], subs


def _strip_list_tail(text: str) -> str:
    return _LIST_TAIL.sub("", text)
