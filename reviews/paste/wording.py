"""What the words of a pasted paragraph say about it: a heading and which kind, a lead-in to a
list, a recommendation, a closing paragraph.

The vocabulary is the one of peer challenge letters, inspection reports and council reports
(see tests/corpus): "Strengths", "Areas for consideration", "The Team recommends:-", "The
council should:", "Members are asked to:", "We would recommend that …", "Finally, …".
"""

from __future__ import annotations

import re

STRENGTH = "strength"
AREA = "area_for_consideration"
RECOMMENDATIONS = "recommendations"

_STRENGTH_WORDS = re.compile(
    r"\b(?:strengths?|doing well|(?:went|works?|working) well|good practice|notable practice"
    r"|positives?|achievements?|what we liked)\b",
    re.IGNORECASE,
)
_AREA_WORDS = re.compile(
    r"\b(?:areas?\s+(?:for|of|to)\s+(?:further\s+)?(?:considerations?|development|improvement|"
    r"focus|explore|consider)|development areas?|for improvement|weakness(?:es)?|even better if"
    r"|what (?:could|needs to|might) (?:be )?improve)",
    re.IGNORECASE,
)
_RECOMMENDATION_WORDS = re.compile(r"\brecommendation(?:s|/s|\(s\))?\b", re.IGNORECASE)
# "Reasons for recommendations", "Progress on the last recommendations": about them, not them.
_ABOUT_RECOMMENDATIONS = re.compile(
    r"\b(?:reasons?|implications?|progress|responses?|background)\b", re.IGNORECASE
)

# Sub-headings that divide what is said about one scope question, and so stay under it.
_SUB_HEADING = re.compile(
    r"(?:(?:key|main|our|the team'?s?|summary of|some)\s+)?"
    r"(?:strengths?|areas?\s+for\s+\w+(?:\s+and\s+recommendations?)?|recommendations?"
    r"|challenges|findings|what (?:we|the team) (?:found|heard|saw)|good practice"
    r"|(?:strengths|recommendations) and areas for \w+)",
    re.IGNORECASE,
)

# "The Team recommends", "We would recommend that", "It is recommended that", "The peer team
# recommend:" at the start of a paragraph.
_RECOMMENDS = re.compile(
    r"(?:(?:we|the\s+(?:peer\s+)?(?:challenge\s+|review\s+|inspection\s+)?team|the\s+panel"
    r"|the\s+inspectors?|(?:the\s+)?cqc|i)\b[^.;:]{0,30}?\brecommend"
    r"|it\s+is\s+(?:therefore\s+|also\s+|strongly\s+)?recommended"
    r"|recommendation\s*:)",
    re.IGNORECASE,
)
# "The council should …", "All directorates should consider …", "Members are asked to …": the
# duty near the start of the paragraph.
_SHOULD_EARLY = re.compile(
    r"^(?:\S+\s+){0,7}?(?:should|must|needs?\s+to|ought\s+to|(?:is|are)\s+(?:asked|invited|"
    r"encouraged)\s+to)\b",
    re.IGNORECASE,
)
_SHOULD = re.compile(
    r"\b(?:should|must|needs?\s+to|ought\s+to|consider|consideration\s+(?:is|be|should\s+be)"
    r"\s+given|recommend)",
    re.IGNORECASE,
)
# The verbs recommendations start with when written as orders ("Improve the practice …").
_ORDERS = frozenset(
    """adopt agree align allocate appoint assess bring build carry clarify commission complete
    conduct confirm consider continue co-produce create define deliver demonstrate design
    develop embed empower encourage endorse engage enhance ensure establish evaluate expand
    explore extend focus formalise identify implement improve increase introduce invest involve
    join maintain make map monitor move note produce progress promote provide publish put raise
    reduce refresh reinforce report re-establish re-examine respond review revise seek set
    share simplify streamline strengthen support take test track train undertake update use
    work""".split()
)
_CLOSING = re.compile(
    r"(?:finally|in\s+conclusion|to\s+conclude|we\s+hope|i\s+hope|thank\s+you|on\s+behalf"
    r"|yours\s+(?:sincerely|faithfully)|kind\s+regards|we\s+would\s+like\s+to\s+thank"
    r"|i\s+would\s+(?:also\s+)?like\s+to\s+thank|it\s+was\s+a\s+pleasure|please\s+(?:do\s+not|"
    r"don't)\s+hesitate|if\s+you\s+have\s+any\s+questions)\b",
    re.IGNORECASE,
)
_HEADING_END = ".!;,"
_CLOSING_QUOTES = "\"'’”"
_LEAD_IN_END = re.compile(r":\s*[-–—]?$")
# A paragraph that leads into the list under it even without a colon: "The Team recommends
# that", "The council should", "Members are asked to", "… as follows".
_OPENS_LIST = re.compile(
    r"(?:\b(?:that|to|should|must|will|following|including|include|includes|as\s+follows"
    r"|recommends?|recommend)|:\s*[-–—]?)$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def ends_with_colon(text: str) -> bool:
    return bool(_LEAD_IN_END.search(text))


def opens_list(text: str) -> bool:
    """Does this line lead into a list ("… recommends that:", "… should", "… asked to")?"""
    return bool(_OPENS_LIST.search(text.rstrip()))


def ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSING_QUOTES)[-1:] in (".", "!", "?")


def is_question(text: str) -> bool:
    """A scope question or key line of enquiry: a line ending with "?" (Walsall's "Do we have
    sufficient focus on …?"), not a paragraph that happens to end with one."""
    stripped = text.rstrip(_CLOSING_QUOTES + " )")
    return stripped.endswith("?") and len(words(text)) <= 60 and stripped.count("?") == 1


def is_short_title(text: str) -> bool:
    """A heading by its shape: a dozen words or fewer, not ending a sentence."""
    stripped = text.rstrip(_CLOSING_QUOTES + ")")
    return (
        bool(stripped)
        and len(words(text)) <= 12
        and stripped[-1:] not in _HEADING_END
        and not ends_with_colon(text)
    )


def is_title_case(text: str) -> bool:
    """ "Safeguarding Adults", "EXECUTIVE SUMMARY": a numbered heading rather than a short
    recommendation such as "Publish the action plan"."""
    long_words = [word for word in words(text) if len(word) > 3]
    return bool(long_words) and all(word[0].isupper() for word in long_words)


def heading_kind(text: str) -> str:
    """What a heading announces: strengths, areas for consideration, recommendations, or
    nothing in particular (""). "Areas for consideration and recommendations" announces areas:
    its paragraphs are areas, and its recommendations come after a lead-in."""
    if _AREA_WORDS.search(text):
        return AREA
    if _STRENGTH_WORDS.search(text):
        return STRENGTH
    if _RECOMMENDATION_WORDS.search(text) and not _ABOUT_RECOMMENDATIONS.search(text):
        return RECOMMENDATIONS
    return ""


_NARRATIVE_HEADING = re.compile(
    r"(?:\d[\d.]*\s*)?(?:summary|executive summary|introduction|background|context"
    r"|conclusions?|next steps|key findings|findings|what we found|overview|scope|appendix\b.*"
    r"|annex\b.*|methodology|the case audit.*)",
    re.IGNORECASE,
)
# "How are the plans supported … for social care Strengths": a slide's title, the question
# then the part of it, as a presentation pastes.
_TRAILING_SUB_HEADING = re.compile(
    r"(?P<question>.+?)\s*[-–—:]?\s+(?P<part>strengths|areas?\s+for\s+(?:considerations?|"
    r"development|improvement)|recommendations)",
    re.IGNORECASE,
)


def is_known_heading(text: str) -> bool:
    return bool(heading_kind(text)) or is_narrative_heading(text)


def is_narrative_heading(text: str) -> bool:
    """ "Summary", "Introduction", "Conclusions": what comes under it is narrative, unless a
    lead-in ("The Team recommends:-") says otherwise."""
    return bool(_NARRATIVE_HEADING.fullmatch(text.strip().rstrip(":")))


def split_slide_title(text: str) -> tuple[str, str] | None:
    """ "Do we have sufficient focus on … the system Strengths" → (the question, "Strengths"),
    when the question part is four words or more and nothing ends a sentence."""
    match = _TRAILING_SUB_HEADING.fullmatch(text.strip())
    if not match or ends_sentence(match["question"]) or len(words(match["question"])) < 4:
        return None
    if heading_kind(match["question"]):  # "Areas for consideration and recommendations"
        return None
    if len(words(text)) > 60:
        return None
    return match["question"], match["part"]


def is_sub_heading(text: str) -> bool:
    """ "Strengths", "Areas for consideration", "Recommendations": divisions of what is said
    about one scope question, which therefore stays the current one."""
    return bool(_SUB_HEADING.fullmatch(text.strip().rstrip(":").strip()))


def opens_with_recommends(text: str) -> bool:
    return bool(_RECOMMENDS.match(text))


def is_closing(text: str) -> bool:
    return bool(_CLOSING.match(text))


def recommendation_score(text: str) -> int:
    """How much a paragraph reads like a recommendation: 3 "The Team recommends …", 2 an order
    ("Improve …") or a duty near the start ("The council should …"), 1 a duty anywhere, 0
    nothing, -3 a closing paragraph ("Finally, …", "We hope …")."""
    if is_closing(text):
        return -3
    if opens_with_recommends(text):
        return 3
    first = words(text[:40])
    if first and first[0].lower() in _ORDERS and not text[:1].islower():
        return 2
    if _SHOULD_EARLY.match(text):
        return 2
    if _SHOULD.search(text):
        return 1
    return 0


def is_recommending_lead_in(text: str) -> bool:
    """ "The Team recommends:-", "The council and partners should:", "Members are asked to:";
    not "The council:" (what it did well) nor "The questions you asked us to consider were:-"."""
    return opens_with_recommends(text) or bool(_SHOULD_EARLY.match(text))
