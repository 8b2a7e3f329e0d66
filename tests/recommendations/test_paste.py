"""The paste parser, on passages from real letters and reports (see /work/shared/seeds).

Walsall: West Midlands ADASS peer challenge feedback letter, 17 Nov 2015.
Sefton: CQC service inspection report, Dec 2009, and Sefton's improvement plan.
"""

import dataclasses
import textwrap
import time

import pytest

from reviews.paste import PastedItem, parse_findings, parse_recommendations

WALSALL_1 = (
    "The medium term financial plans should be further reviewed to gain an improved understanding"
    " of their deliverability and using benchmarking data assess the risk by comparing the"
    " associated performance of other councils"
)
WALSALL_2 = (
    "The Council should clearly set out what its 'proposition' is for vulnerable adults, and the"
    " future of adult social care in Walsall. They should engage with the workforce, partners,"
    " and people who use services to develop a clear ASC offer that is financially sustainable,"
    " and agree how this should be implemented."
)
WALSALL_3 = (
    "The Council should urgently seek to develop a transformation and delivery plan to support the"
    " medium term financial plan which is owned council wide and led by the chief executive and"
    " performance reported to Cabinet building on the current Corporate Plan."
)
WALSALL_4 = (
    "The council should continue with its planned appointments of senior posts within the social"
    " care and inclusion directorate to provide clear leadership and direction for the workforce"
    " and partners as soon as possible"
)
WALSALL_5 = "Early consideration is given to increasing the pace on an All Age Disability approach"
WALSALL_7 = (
    "The cabinet and council senior officers should urgently consider the benefits of having a LGA"
    " corporate peer challenge to facilitate a self-assessment and diagnostic that takes into"
    " consideration the whole council leadership plans and governance mechanisms"
)
WALSALL_8 = (
    "The council should consider asking the regional CHIA (Care and Health Improvement Advisor) to"
    " broker regional and national ASC expertise to support the improvement journey"
)

SEFTON_APPENDIX_A = """\
Appendix A: summary of recommendations

Recommendations for improving performance in Sefton

Safeguarding adults

The council and partners should:

1. Improve the practice in relation to identification of ongoing risks and the implementation \
of protection plans. (Page 11)
2. Strengthen recording and ensure that managers' decisions are clear. (Page 11)
3. Develop the Adult Safeguarding Executive Board, clarify interagency commitments, and \
implement a system of cross-agency performance management. (Page 11)
4. Develop differentiated training opportunities for key staff from all agencies and ensure \
attendance. (Page 12)
5. Make the role of the adult safeguarding co-ordinator more focused on quality assuring \
practice. (Page 12)

Improved quality of life for older people

The council should:

6. Improve the availability of individualised and independence-promoting support in the \
community including Day Opportunities and Extra Care accommodation. (Page 15)
7. Progress the planned production of a carers' strategy. Ensure that there is an \
implementation plan that clearly sets out the levels and types of support. (Page 15)

Agenda Item 8

Increased choice and control for older people

The council should:

8. Ensure that care planning increasingly reflects the individual aspirations of service users \
as well as meeting their physical care needs. (Page 18)
9. Ensure that information about services and support that is produced is properly distributed \
and made available to the public. (Page 17)
10. Use advocacy in a more focused and precise way to ensure that the views of people who use \
services are heard and responded to more effectively. (Page 17)
11. Work with partners to improve the consistency of outcomes for people who use services and \
their carers at the time of discharge from hospital. (Page 18)
12. Use the intelligence gathered through the complaints process more effectively to fine-tune \
and improve overall service provision and processes. (Page 20)

Providing leadership

The council should:

13. Ensure that workforce development and training plans had clear improvement targets that \
were able to be monitored. (Page 24)
14. Clarify the strategic priorities for older people's services and share the detail of these \
plans with staff and stakeholders. (Page 23)
15. Strengthen the implementation processes associated with the Equalities Strategy. (Page 23)
16. Ensure that Equality Impact Assessments are used consistently to improve services for hard \
to reach groups. (Page 23)

Commissioning and use of resources

The council should:

17. Strengthen directorate and partnership strategic developments through publishing detailed \
commissioning and joint commissioning strategies for older people. (Page 26)
18. Use commissioning incentives to improve the pace of development of a wider range of \
community based, flexible support services and accommodation options. (Page 26)
19. Use a value for money approach more effectively to challenge established services. (Page 27)
"""

SEFTON_BULLETS = """\
Recommendations for improving outcomes in Sefton

Safeguarding adults

The council and partners should:

- Improve the practice in relation to identification of ongoing risks and the implementation \
of protection plans.
- Strengthen recording and ensure that managers' decisions are clear.
- Develop the Adult Safeguarding Executive Board, clarify interagency commitments, and \
implement a system of cross-agency performance management.
- Develop differentiated training opportunities for key staff from all agencies and ensure \
attendance.
- Make the role of the adult safeguarding co-ordinator more focused on quality assuring practice.

Improved quality of life for older people

The council should:

- Improve the availability of individualised and independence-promoting support in the \
community including Day Opportunities and Extra Care accommodation.
- Progress the planned production of a carers' strategy. Ensure that there is an \
implementation plan that clearly sets out the levels and types of support.
"""

RECOMMENDS_THAT = (
    "16. The Team recommends that: i) the medium term financial plans are further reviewed using"
    " benchmarking data; ii) the Council clearly sets out its 'proposition' for vulnerable adults;"
    " iii) workforce planning becomes an integral part of the overarching transformation plan."
)


def texts(items):
    return [item.text for item in items]


def finding_texts(text):
    """The findings proposed (ticked) on the preview."""
    return [finding.text for finding in parse_findings(text) if finding.ticked]


# The API


def test_pasted_item_fields_are_the_agreed_api():
    names = [f.name for f in dataclasses.fields(PastedItem)]
    assert names == [
        "number",
        "text",
        "sub_items",
        "suggested_number",
        "number_was_missing",
        "warnings",
        "is_recommendation",
        "ticked",
        "reference",
        "sub_references",
        "page_reference",
        "group",
    ]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", "\u00a0\r\n \u00a0", "12\n\nPage 3 of 30"])
def test_empty_or_blank_input_gives_nothing(text):
    assert parse_recommendations(text) == []
    assert parse_findings(text) == []


# Numbered recommendations


def test_walsall_numbered_list_after_the_team_recommends():
    text = f"The Team recommends\n\n1. {WALSALL_1}\n2. {WALSALL_2}\n3. {WALSALL_3}\n"
    items = parse_recommendations(text)
    assert texts(items) == [WALSALL_1, WALSALL_2, WALSALL_3]
    assert [item.number for item in items] == [1, 2, 3]
    assert [item.suggested_number for item in items] == [1, 2, 3]
    assert not any(item.number_was_missing for item in items)
    assert all(item.warnings == [] and item.sub_items == [] for item in items)


def test_walsall_list_starting_at_four_keeps_the_written_numbers():
    text = f"The Team recommends:-\n\n4. {WALSALL_4}\n5. {WALSALL_5}\n"
    items = parse_recommendations(text, start_at=4)
    assert [(item.number, item.suggested_number) for item in items] == [(4, 4), (5, 5)]
    assert texts(items) == [WALSALL_4, WALSALL_5]
    assert items[0].warnings == []


def test_sefton_appendix_a_headings_and_lead_ins_are_dropped():
    items = parse_recommendations(SEFTON_APPENDIX_A)
    assert [item.number for item in items] == list(range(1, 20))
    assert items[1].text == "Strengthen recording and ensure that managers' decisions are clear."
    assert items[18].text == (
        "Use a value for money approach more effectively to challenge established services."
    )
    assert [item.page_reference for item in items[:3]] == ["11", "11", "11"]
    assert items[18].page_reference == "27"
    assert [item.group.text for item in (items[0], items[18])] == [
        "Safeguarding adults",
        "Commissioning and use of resources",
    ]
    assert all(item.warnings == [] and item.ticked for item in items)


@pytest.mark.parametrize(
    "line",
    [
        "7. Progress the planned production of a carers' strategy.",
        "7) Progress the planned production of a carers' strategy.",
        "(7) Progress the planned production of a carers' strategy.",
        "7 Progress the planned production of a carers' strategy.",
        "7\tProgress the planned production of a carers' strategy.",
        "7.\tProgress the planned production of a carers' strategy.",
        "7: Progress the planned production of a carers' strategy.",
        "7 – Progress the planned production of a carers' strategy.",
        "7.Progress the planned production of a carers' strategy.",
        "  7.  Progress   the planned production of a carers' strategy.",
        "Recommendation 7: Progress the planned production of a carers' strategy.",
        "Recommendation 7 - Progress the planned production of a carers' strategy.",
        "Recommendation 7. Progress the planned production of a carers' strategy.",
        "RECOMMENDATION 7: Progress the planned production of a carers' strategy.",
        "Rec 7: Progress the planned production of a carers' strategy.",
        "R7 Progress the planned production of a carers' strategy.",
        "R7: Progress the planned production of a carers' strategy.",
        "R 7. Progress the planned production of a carers' strategy.",
        "Improvement Area 7 – Progress the planned production of a carers' strategy.",
    ],
)
def test_number_styles(line):
    [item] = parse_recommendations(line)
    assert item.number == 7
    assert item.suggested_number == 7
    assert item.text == "Progress the planned production of a carers' strategy."
    assert item.number_was_missing is False


def test_number_followed_by_lower_case_text():
    [item] = parse_recommendations("1. improve the practice in relation to protection plans")
    assert (item.number, item.text) == (1, "improve the practice in relation to protection plans")


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_number_alone_on_its_line_takes_the_text_below(gap):
    text = f"1.{gap}{WALSALL_1}\n2.{gap}{WALSALL_2}"
    items = parse_recommendations(text)
    assert [(item.number, item.text) for item in items] == [(1, WALSALL_1), (2, WALSALL_2)]


def test_recommendation_heading_alone_on_its_line():
    text = f"Recommendation 7\n\n{WALSALL_7}\n\nRecommendation 8\n\n{WALSALL_8}"
    items = parse_recommendations(text)
    assert [(item.number, item.text) for item in items] == [(7, WALSALL_7), (8, WALSALL_8)]
    assert all(item.warnings == [] for item in items)


def test_wrapped_line_starting_with_a_number_is_not_a_new_item():
    text = (
        "1. The council should compare its spending with the other\n"
        "14 Councils in the West Midlands programme\n"
        "2. The council should publish the letter\n"
    )
    items = parse_recommendations(text)
    assert texts(items) == [
        "The council should compare its spending with the other 14 Councils in the West"
        " Midlands programme",
        "The council should publish the letter",
    ]


def test_wrapped_line_starting_with_a_figure_is_not_a_new_item():
    text = (
        "3. Planned spend on ASC as a percentage of total council budget is\n"
        "28 per cent and one of the lowest in the region.\n"
        "1.5 million people live in the wider area.\n"
        "R1 and R2 of the last peer challenge were not taken forward."
    )
    [item] = parse_recommendations(text)
    assert item.number == 3
    assert item.text.endswith(
        "region. 1.5 million people live in the wider area. R1 and R2 of"
        " the last peer challenge were not taken forward."
    )


def test_bare_number_after_a_finished_sentence_or_in_sequence_is_a_marker():
    text = (
        "1 The medium term financial plans should be further reviewed\n"
        "2 The Council should clearly set out what its proposition is.\n"
        "3 The Council should urgently seek to develop a transformation plan"
    )
    items = parse_recommendations(text)
    assert [item.number for item in items] == [1, 2, 3]


# Sub-items


def test_inline_roman_sub_items():
    [item] = parse_recommendations(RECOMMENDS_THAT)
    assert item.number == 16
    assert item.text == "The Team recommends that:"
    assert item.sub_items == [
        "the medium term financial plans are further reviewed using benchmarking data",
        "the Council clearly sets out its 'proposition' for vulnerable adults",
        "workforce planning becomes an integral part of the overarching transformation plan.",
    ]


@pytest.mark.parametrize(
    "markers",
    [
        ("i)", "ii)", "iii)"),
        ("(i)", "(ii)", "(iii)"),
        ("i.", "ii.", "iii."),
        ("a)", "b)", "c)"),
        ("(a)", "(b)", "(c)"),
    ],
)
@pytest.mark.parametrize("layout", ["lines", "inline", "lines with blanks"])
def test_sub_item_marker_styles(markers, layout):
    subs = [
        "the medium term financial plans are further reviewed;",
        "the Council sets out its proposition for vulnerable adults; and",
        "a transformation and delivery plan is owned council wide.",
    ]
    parts = [f"{marker} {sub}" for marker, sub in zip(markers, subs, strict=True)]
    joiner = {"lines": "\n", "inline": " ", "lines with blanks": "\n\n"}[layout]
    text = "16. The Team recommends that:" + joiner + joiner.join(parts)
    [item] = parse_recommendations(text)
    assert item.text == "The Team recommends that:"
    assert item.sub_items == [
        "the medium term financial plans are further reviewed",
        "the Council sets out its proposition for vulnerable adults",
        "a transformation and delivery plan is owned council wide.",
    ]


def _roman(n):
    numerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
    return numerals[n - 1]


@pytest.mark.parametrize("style", ["{}) ", "({}) ", "{}. "])
def test_roman_numerals_up_to_xii(style):
    lines = [f"{style.format(_roman(n))}Area {n} is reviewed" for n in range(1, 13)]
    text = "5. The council should make sure that:\n" + "\n".join(lines)
    [item] = parse_recommendations(text)
    assert item.sub_items == [f"Area {n} is reviewed" for n in range(1, 13)]


def test_roman_numerals_up_to_xii_inline():
    text = "5. The council should make sure that: " + "; ".join(
        f"({_roman(n)}) area {n} is reviewed" for n in range(1, 13)
    )
    [item] = parse_recommendations(text)
    assert item.sub_items == [f"area {n} is reviewed" for n in range(1, 13)]


def test_capital_i_and_ie_are_not_sub_item_markers():
    text = (
        "2. The Council should clearly set out what its 'proposition' is for vulnerable adults.\n"
        "I. e. the offer should be agreed with partners.\n"
        "I would add that people who use services must be involved, i.e. through co-production.\n"
        "Staff told us: I think we need a plan; I hope it comes soon.\n"
        "See point i) above and option (a) in the appendix."
    )
    [item] = parse_recommendations(text)
    assert item.sub_items == []
    assert item.text.endswith("See point i) above and option (a) in the appendix.")
    assert "i.e. through co-production" in item.text


def test_sub_items_wrapped_over_lines_are_joined():
    text = (
        "16. The Team recommends that:\n"
        "i) the medium term financial plans should be further reviewed to gain an improved\n"
        "understanding of their deliverability;\n"
        "ii) the council should consider asking the regional CHIA (Care and Health Improvement\n"
        "Advisor) to broker regional and national ASC expertise\n"
        "17. Early consideration is given to increasing the pace on an All Age Disability approach"
    )
    items = parse_recommendations(text)
    assert [item.number for item in items] == [16, 17]
    assert items[0].sub_items == [
        "the medium term financial plans should be further reviewed to gain an improved"
        " understanding of their deliverability",
        "the council should consider asking the regional CHIA (Care and Health Improvement"
        " Advisor) to broker regional and national ASC expertise",
    ]
    assert items[1].sub_items == []


def test_sub_item_lines_that_also_hold_inline_sub_items():
    text = (
        "3. The council should:\n(a) review pricing; (b) review domiciliary care\n(c) set targets"
    )
    [item] = parse_recommendations(text)
    assert item.sub_items == ["review pricing", "review domiciliary care", "set targets"]


def test_unnumbered_lead_in_with_sub_items_is_one_item():
    text = (
        "The Team recommends that:\n"
        "i) the cabinet considers a LGA corporate peer challenge\n"
        "ii) the council asks the regional CHIA to broker ASC expertise"
    )
    [item] = parse_recommendations(text, start_at=9)
    assert item.text == "The Team recommends that:"
    assert len(item.sub_items) == 2
    assert (item.number, item.suggested_number, item.number_was_missing) == (None, 9, True)


def test_lettered_list_with_nothing_above_gives_one_item_each():
    text = f"(a) {WALSALL_7}\n(b) {WALSALL_8}"
    items = parse_recommendations(text)
    assert texts(items) == [WALSALL_7, WALSALL_8]
    assert [item.suggested_number for item in items] == [1, 2]
    assert all(item.number_was_missing and item.sub_items == [] for item in items)


# Bullets


def test_sefton_bullets_become_items_with_lost_numbers():
    items = parse_recommendations(SEFTON_BULLETS)
    assert len(items) == 7
    assert items[0].text == (
        "Improve the practice in relation to identification of ongoing risks and the"
        " implementation of protection plans."
    )
    assert [item.number for item in items] == [None] * 7
    assert [item.suggested_number for item in items] == list(range(1, 8))
    assert all(item.number_was_missing for item in items)
    assert all(item.warnings == [] for item in items)


def test_bullets_continue_from_start_at():
    items = parse_recommendations(SEFTON_BULLETS, start_at=20)
    assert [item.suggested_number for item in items] == list(range(20, 27))


@pytest.mark.parametrize("bullet", ["•", "-", "*", "–", "▪", "o", "❖", "●", "·", "\uf0b7"])
def test_bullet_styles(bullet):
    text = f"{bullet} {WALSALL_7}\n{bullet}\t{WALSALL_8}"
    items = parse_recommendations(text)
    assert texts(items) == [WALSALL_7, WALSALL_8]
    assert all(item.number_was_missing for item in items)


def test_bullet_without_a_space_after_a_round_bullet():
    [item] = parse_recommendations(f"•{WALSALL_5}")
    assert item.text == WALSALL_5


def test_bullets_between_numbers_continue_the_sequence():
    text = f"6. {WALSALL_2}\n• {WALSALL_4}\n• {WALSALL_5}\n9. {WALSALL_7}"
    items = parse_recommendations(text)
    assert [(item.number, item.suggested_number) for item in items] == [
        (6, 6),
        (None, 7),
        (None, 8),
        (9, 9),
    ]
    assert [item.warnings for item in items] == [
        [],
        ["No number was written: 7 is inferred, as it comes between recommendations 6 and 9."],
        ["No number was written: 8 is inferred, as it comes between recommendations 6 and 9."],
        [],
    ]


def test_bullets_under_a_numbered_item_ending_with_a_colon_are_its_sub_items():
    text = (
        "6. Following on from the ASC peer challenge the council should consider:\n"
        "\n"
        "- asking the regional CHIA to broker the above recommendation\n"
        "\n"
        "- any national ASC offers that could be provided\n"
        "7. " + WALSALL_7
    )
    items = parse_recommendations(text)
    assert [item.number for item in items] == [6, 7]
    assert items[0].sub_items == [
        "asking the regional CHIA to broker the above recommendation",
        "any national ASC offers that could be provided",
    ]
    assert items[1].sub_items == []


def test_bullets_under_a_numbered_item_without_a_colon_are_items():
    text = f"16. {WALSALL_3}\n• {WALSALL_4}\n• {WALSALL_5}"
    items = parse_recommendations(text)
    assert [(item.number, item.suggested_number) for item in items] == [
        (16, 16),
        (None, 17),
        (None, 18),
    ]
    assert items[0].sub_items == []


def test_indented_bullets_are_sub_items_of_the_bullet_above():
    # Walsall presentation slide, as pasted: the ❖ points are indented under the last bullet.
    text = (
        "- Sector Led Challenge and Improvement Process\n"
        "- Council invites you in to undertake a challenge\n"
        "- Refreshed the process this year which includes\n"
        " - ❖ Case File Audit undertaken by Principal Social Workers\n"
        " - ❖ Self Assessment using adapted TEASC tool – methodology flexible\n"
        " - ❖ Subject area and length of review set by council\n"
        "- 15/16 West Midlands Programme involves 14 councils\n"
    )
    items = parse_recommendations(text)
    assert texts(items) == [
        "Sector Led Challenge and Improvement Process",
        "Council invites you in to undertake a challenge",
        "Refreshed the process this year which includes",
        "15/16 West Midlands Programme involves 14 councils",
    ]
    assert items[2].sub_items == [
        "Case File Audit undertaken by Principal Social Workers",
        "Self Assessment using adapted TEASC tool – methodology flexible",
        "Subject area and length of review set by council",
    ]


def test_bullet_alone_on_its_line_takes_the_text_below():
    items = parse_recommendations(f"•\n{WALSALL_7}\n•\n{WALSALL_8}")
    assert texts(items) == [WALSALL_7, WALSALL_8]


def test_list_punctuation_is_removed_from_the_end_of_list_items():
    text = "• review pricing;\n• review domiciliary care; and\n• set a target for reviews."
    assert texts(parse_recommendations(text)) == [
        "review pricing",
        "review domiciliary care",
        "set a target for reviews.",
    ]


# Wrapped lines, hyphens and page furniture


def test_pdf_wrapped_lines_are_unwrapped():
    wrapped = textwrap.fill(WALSALL_2, width=70, initial_indent="2. ", subsequent_indent="   ")
    text = f"1. {WALSALL_1}\n{wrapped}\n3. {WALSALL_3}"
    assert texts(parse_recommendations(text)) == [WALSALL_1, WALSALL_2, WALSALL_3]


def test_hyphen_at_a_line_end_before_a_lower_case_letter_is_dropped():
    text = "1. Use the intelligence gathered to improve overall service provi-\nsion and processes."
    [item] = parse_recommendations(text)
    assert (
        item.text
        == "Use the intelligence gathered to improve overall service provision and processes."
    )


def test_hyphen_at_a_line_end_before_a_capital_or_digit_is_kept():
    text = (
        "6. Improve the availability of support including Day Opportunities and Extra-\n"
        "Care accommodation over 2016-\n"
        "2020."
    )
    [item] = parse_recommendations(text)
    assert item.text == (
        "Improve the availability of support including Day Opportunities and Extra-Care"
        " accommodation over 2016-2020."
    )


def test_hyphenated_compound_written_elsewhere_in_the_paste_keeps_its_hyphen():
    text = (
        "6. Improve the availability of individualised and independence-\n"
        "promoting support in the community.\n"
        "7. Review independence-promoting support for carers."
    )
    items = parse_recommendations(text)
    assert items[0].text == (
        "Improve the availability of individualised and independence-promoting support in the"
        " community."
    )


def test_dash_after_a_colon_or_space_at_a_line_end_is_not_a_hyphenated_word():
    text = (
        "2. A focus on workforce is a key priority -\n"
        "we should check that we have appropriate skills, skill mix and capacity."
    )
    [item] = parse_recommendations(text)
    assert item.text == (
        "A focus on workforce is a key priority - we should check that we have appropriate"
        " skills, skill mix and capacity."
    )


@pytest.mark.parametrize("furniture", ["12", "Page 12", "page 12 of 30", "- 12 -", "– 4 –"])
def test_page_numbers_are_dropped(furniture):
    text = (
        "8. The council should consider asking the regional CHIA (Care and Health Improvement\n"
        f"{furniture}\n"
        "Advisor) to broker regional and national ASC expertise to support the improvement journey"
    )
    [item] = parse_recommendations(text)
    assert item.text == WALSALL_8


def test_page_break_in_mid_sentence_with_blank_lines_is_joined():
    text = (
        "7. The cabinet and council senior officers should urgently consider the benefits of\n"
        "\n"
        "Page 4 of 9\n"
        "\n"
        "having a LGA corporate peer challenge to facilitate a self-assessment and diagnostic that"
        " takes into consideration the whole council leadership plans and governance mechanisms\n"
        "8. " + WALSALL_8
    )
    items = parse_recommendations(text)
    assert texts(items) == [WALSALL_7, WALSALL_8]


def test_form_feed_and_soft_hyphen_from_pdf_copies():
    text = (
        "5. Early consideration is given to increasing the pace on an All Age Disa\u00ad\n"
        "bility\f approach"
    )
    [item] = parse_recommendations(text)
    assert item.text == WALSALL_5


# Characters and whitespace


def test_special_characters_are_kept_exactly():
    text = (
        "1. Test the “£5m plus” savings plans for 16/17 – and ‘spirit’ of the Care Act — now\n"
        "2. Cyngor Sir Ddinbych: gwasanaethau ŵyr ac ŷd, café & rôle <script>alert(1)</script>\n"
    )
    items = parse_recommendations(text)
    assert texts(items) == [
        "Test the “£5m plus” savings plans for 16/17 – and ‘spirit’ of the Care Act — now",
        "Cyngor Sir Ddinbych: gwasanaethau ŵyr ac ŷd, café & rôle <script>alert(1)</script>",
    ]


def test_whitespace_is_normalised():
    text = (
        "\ufeff1.\u00a0The  Council\tshould\u00a0\u00a0clearly   set out its offer.   \r\n"
        "\r\n"
        "2.  Early consideration\u202fis given\u200b to an All Age Disability approach\r"
        "with partners.\r\n"
    )
    assert texts(parse_recommendations(text)) == [
        "The Council should clearly set out its offer.",
        "Early consideration is given to an All Age Disability approach with partners.",
    ]


# Text without markers


def test_paragraphs_without_markers_give_one_item_each():
    text = f"{WALSALL_7}\n\n\n{WALSALL_8}\n"
    items = parse_recommendations(text, start_at=7)
    assert texts(items) == [WALSALL_7, WALSALL_8]
    assert [(item.number, item.suggested_number) for item in items] == [(None, 7), (None, 8)]
    assert all(item.number_was_missing and item.warnings == [] for item in items)


def test_paragraphs_without_markers_are_unwrapped():
    text = textwrap.fill(WALSALL_4, 60) + "\n\n" + textwrap.fill(WALSALL_5, 60)
    assert texts(parse_recommendations(text)) == [WALSALL_4, WALSALL_5]


def test_short_paragraphs_without_markers_are_kept():
    items = parse_recommendations("Review the carers strategy\n\nPublish the action plan")
    assert texts(items) == ["Review the carers strategy", "Publish the action plan"]


def test_short_lower_case_paragraphs_are_not_joined_as_a_page_break():
    text = "review the carers strategy\n\npublish the action plan\n\nset a target for reviews"
    assert texts(parse_recommendations(text)) == [
        "review the carers strategy",
        "publish the action plan",
        "set a target for reviews",
    ]


def test_lead_in_before_paragraphs_without_markers_is_dropped():
    items = parse_recommendations(f"The Team recommends:-\n\n{WALSALL_7}\n\n{WALSALL_8}")
    assert texts(items) == [WALSALL_7, WALSALL_8]


# Warnings


def test_duplicate_number_is_flagged():
    text = f"6. {WALSALL_2}\n7. {WALSALL_3}\n7. {WALSALL_4}\n8. {WALSALL_5}"
    items = parse_recommendations(text)
    assert [item.warnings for item in items] == [
        [],
        [],
        [
            "Number 7 is written twice: this one is left unticked. Tick it and give it another"
            " number if it is a different recommendation."
        ],
        [],
    ]
    assert [item.ticked for item in items] == [True, True, False, True]


def test_number_written_three_times():
    items = parse_recommendations("1. A plan.\n1. A review.\n1. A target.")
    assert items[1].warnings == [
        "Number 1 is written twice: this one is left unticked. Tick it and give it another number"
        " if it is a different recommendation."
    ]
    assert items[2].warnings == [
        "Number 1 is written 3 times: this one is left unticked. Tick it and give it another"
        " number if it is a different recommendation."
    ]


def test_gap_in_numbering_is_flagged():
    text = f"4. {WALSALL_4}\n6. {WALSALL_5}"
    items = parse_recommendations(text)
    assert items[0].warnings == []
    assert items[1].warnings == [
        "The numbers jump from 4 to 6: check whether a recommendation is missing."
    ]


def test_numbers_going_backwards_are_flagged():
    text = f"7. {WALSALL_7}\n8. {WALSALL_8}\n3. {WALSALL_3}"
    items = parse_recommendations(text)
    assert items[2].warnings == ["The numbers go back from 8 to 3: check the numbering."]


def test_going_back_to_a_number_already_used_gets_both_warnings():
    items = parse_recommendations("1. A plan.\n2. A review.\n3. A target.\n2. A budget.")
    assert items[3].warnings == [
        "Number 2 is written twice: this one is left unticked. Tick it and give it another number"
        " if it is a different recommendation.",
        "The numbers go back from 3 to 2: check the numbering.",
    ]


def test_first_number_is_not_compared_with_start_at():
    [item] = parse_recommendations(f"16. {WALSALL_3}", start_at=1)
    assert item.warnings == []


def test_sefton_improvement_areas_repeated_on_each_page():
    # From Sefton's improvement plan: the area heading is repeated on every page of the table.
    text = (
        "Improvement Area 1 – Improve the practice in relation to identification of ongoing risks"
        " and the implementation of protection plans\t\t\n"
        "Improvement Area 1 – Improve the practice in relation to identification of ongoing risks"
        " and the implementation of protection plans\t\t\n"
        "Improvement Area 2 – Strengthen recording and ensure that manager’s decisions are"
        " clear\t\t\n"
        "Improvement Area 4 – Develop differentiated training opportunities for key staff from all"
        " agencies and ensure attendance\t\t\n"
    )
    items = parse_recommendations(text)
    assert [item.number for item in items] == [1, 1, 2, 4]
    assert items[0].text == (
        "Improve the practice in relation to identification of ongoing risks and the"
        " implementation of protection plans"
    )
    assert items[2].text == "Strengthen recording and ensure that manager’s decisions are clear"
    assert [item.warnings for item in items] == [
        [],
        [
            "Number 1 is written twice: this one is left unticked. Tick it and give it another"
            " number if it is a different recommendation."
        ],
        [],
        ["The numbers jump from 2 to 4: check whether a recommendation is missing."],
    ]
    assert [item.ticked for item in items] == [True, False, True, True]


def test_unmarked_paragraph_among_numbered_items_is_narrative_and_not_ticked():
    # Walsall letter: narrative between two lists of recommendations. (It used to be proposed
    # as recommendation 6, clashing with the real 6.)
    text = (
        f"4. {WALSALL_4}\n"
        f"5. {WALSALL_5}\n"
        "\n"
        "Do we have sufficient focus on user and carer experience and the mechanisms to allow them"
        " to achieve better outcomes at lower cost to themselves and the system?\n"
        "\n"
        "Areas for considerations and recommendations\n"
        "\n"
        "The voluntary sector appears to be a vibrant and enthusiastic partner who would like to be"
        " much more involved in seeking solutions to the challenges faced by adult social care.\n"
        "\n"
        "The Team recommends:-\n"
        "\n"
        "6. Following on from the ASC peer challenge the council should consider how it continues"
        " to benefit from sharing practice and resources through the West Midlands Sector Led"
        " Improvement programme to achieve improvement and stabilisation\n"
    )
    items = parse_recommendations(text, start_at=4)
    assert [(item.number, item.suggested_number, item.ticked) for item in items] == [
        (4, 4, True),
        (5, 5, True),
        (None, None, False),
        (6, 6, True),
    ]
    assert items[2].text.startswith("The voluntary sector appears")
    assert not items[2].is_recommendation
    assert all(item.warnings == [] for item in items)
    assert items[3].group.is_question and items[3].group.text.startswith("Do we have")


def test_walsall_letter_page_break_inside_a_paragraph():
    text = (
        "5. It was evident during the review that the changes within the directorate at a senior"
        " level over the last five years have had a significant impact on morale within the"
        " workforce. The changes in direction and lack of leadership were reported as resulting in"
        " feelings of paralysis and\n"
        "\n"
        "demotivation.\n"
    )
    [item] = parse_recommendations(text)
    assert item.text.endswith("resulting in feelings of paralysis and demotivation.")


# Findings


def test_findings_from_walsall_bullets():
    text = (
        "Areas for consideration\n"
        "\n"
        "- The high sickness absence levels over a sustained period of time need further"
        " understanding, an analysis should be completed as to the underlying causes and a clear"
        " plan to reduce them\n"
        "- Previous work on attachment theory and practice development groups was reported as"
        " having been stopped\n"
        "- There doesn’t appear to be a formal process in place for NQSWs but they are in the"
        " workforce\n"
    )
    assert finding_texts(text) == [
        "The high sickness absence levels over a sustained period of time need further"
        " understanding, an analysis should be completed as to the underlying causes and a clear"
        " plan to reduce them",
        "Previous work on attachment theory and practice development groups was reported as"
        " having been stopped",
        "There doesn’t appear to be a formal process in place for NQSWs but they are in the"
        " workforce",
    ]


def test_findings_from_sefton_strengths_with_headings():
    text = (
        "What Sefton was doing well to ensure their capacity to improve\n"
        "\n"
        "Providing leadership\n"
        "\n"
        "The council:\n"
        "\n"
        "- Had a sound strategic vision of a range of safe and secure personalised forms of"
        " support.\n"
        "- Had strong managerial leadership.\n"
        "\n"
        "Agenda Item 8\n"
        "\n"
        "Commissioning and use of resources\n"
        "\n"
        "The council:\n"
        "\n"
        "- Had sound commissioning processes.\n"
    )
    assert finding_texts(text) == [
        "Had a sound strategic vision of a range of safe and secure personalised forms of support.",
        "Had strong managerial leadership.",
        "Had sound commissioning processes.",
    ]


def test_findings_from_paragraphs():
    first = (
        "The Team heard many examples of creativity and potential for innovation, and we were told"
        " of some excellent engagement work within the workforce."
    )
    second = (
        "Historically the retention of staff has been good, and this has had a subsequent positive"
        " impact on the level of experience within the workforce."
    )
    text = textwrap.fill(first, 72) + "\n\n" + textwrap.fill(second, 72) + "\n"
    assert finding_texts(text) == [first, second]


def test_numbered_findings_have_their_numbers_stripped():
    text = "1. Had sound commissioning processes.\n2) Had effectively managed its budget."
    assert finding_texts(text) == [
        "Had sound commissioning processes.",
        "Had effectively managed its budget.",
    ]


def test_findings_with_sub_items_keep_them_on_lines_of_their_own():
    text = (
        "- Refreshed the process this year which includes\n"
        "  o Case File Audit undertaken by Principal Social Workers\n"
        "  o Position Statement and Core Evidence Review\n"
        "- The council plans to increase investment into ASC in 16/17 on a recurrent basis\n"
    )
    assert finding_texts(text) == [
        "Refreshed the process this year which includes\n"
        "• Case File Audit undertaken by Principal Social Workers\n"
        "• Position Statement and Core Evidence Review",
        "The council plans to increase investment into ASC in 16/17 on a recurrent basis",
    ]


def test_findings_keep_narrative_paragraphs_between_bullets():
    narrative = (
        "Outcome based commissioning did not appear to be integral to commissioning plans, and"
        " providers reported that they were not clear about commissioning intentions."
    )
    text = f"Strengths\n\n• Had sound commissioning processes.\n\n{narrative}\n"
    assert finding_texts(text) == ["Had sound commissioning processes.", narrative]


def test_findings_keep_special_characters():
    text = "• The £5m plus savings plans for 16/17 – “best in class” & <b>bold</b> – Ŵ ŷ é"
    assert finding_texts(text) == [
        "The £5m plus savings plans for 16/17 – “best in class” & <b>bold</b> – Ŵ ŷ é"
    ]


# Size


def test_forty_recommendations_with_five_sub_items_parse_quickly():
    sub = (
        "the council reviews the pricing of residential, nursing and domiciliary care with"
        " providers and sets out an options appraisal on different routes to market, using"
        " benchmarking data from the other councils in the West Midlands programme to test"
        " deliverability, with a clear target for the year and the resources required"
    )
    blocks = []
    for n in range(1, 41):
        lead = f"{n}. {WALSALL_3} {WALSALL_2} The Team recommends that:"
        lines = [textwrap.fill(lead, 90)]
        for numeral in ("i", "ii", "iii", "iv", "v"):
            lines.append(textwrap.fill(f"{numeral}) {sub} ({n}{numeral}); {sub} {sub}", 90))
        blocks.append("\n".join(lines) + f"\n\nPage {n} of 40\n\n")
    text = "".join(blocks)
    assert len(text.encode()) >= 200_000

    started = time.perf_counter()
    items = parse_recommendations(text)
    elapsed = time.perf_counter() - started

    assert elapsed < 1.0
    assert [item.number for item in items] == list(range(1, 41))
    assert all(len(item.sub_items) == 5 for item in items)
    assert all(item.warnings == [] for item in items)
    assert items[39].sub_items[4].endswith(f"({40}v); {sub} {sub}")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "i" * 100_000 + ")",
        "a" * 100_000 + " b-\nc",
        "word-\n" * 50_000,
        "; " * 50_000,
        ":" + "; i) x" * 20_000,
        "1. The council should:\n" + "- review\n" * 50_000,
        "1" + " \t" * 50_000 + "x",
        "•" * 100_000,
        "x\n\n" * 30_000,
        "1. " + "Improve the pathway.\n" * 30_000,
    ],
    ids=[
        "long roman-looking run",
        "long word before a hyphen",
        "many hyphenated breaks",
        "many semicolons",
        "many inline sub-items",
        "many bullet sub-items",
        "long run of spaces after a number",
        "many bullet marks",
        "many paragraphs",
        "many sentences under one number",
    ],
)
def test_awkward_input_stays_fast(text):
    # About half a second here; the slow paths this guards against took over 30 seconds.
    # Counted in this process's CPU time, so that other work on the machine (the suite's
    # other worker, a browser) does not count; the bound leaves room for a slower machine.
    started = time.process_time()
    parse_recommendations(text)
    parse_findings(text)
    assert time.process_time() - started < 5.0


def test_lead_in_alone_gives_nothing():
    assert parse_recommendations("The Team recommends:-") == []
    assert parse_findings("The council:\n\n") == []
