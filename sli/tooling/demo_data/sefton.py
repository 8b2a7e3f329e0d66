"""Sefton Council: CQC service inspection of adult social care (December 2009).

Source: Sefton Council, Cabinet Member - Health and Social Care agenda, 26 May 2010
(seed 001). Item 8 attaches the Care Quality Commission report "Service inspection of adult
social care: Sefton Metropolitan Borough Council" (inspection December 2009, published
16 March 2010) as Annex A, and the council's improvement plan ("Improvement Plan updated
31.3.10", submitted to CQC on 23 April 2010) as Annex B.

Notes on how the document was mapped onto the schema:

- Findings are the summary pages only: "What Sefton was doing well" (strengths) and the
  "Recommendations for improving outcomes/capacity" bullets (areas for development).
- Scope questions are the five headings Appendix A uses to group the 19 recommendations.
- Annex B has no separate status or owner column; progress is written into the timescale
  column ("Completed", "Draft completed", "Ongoing", "Submitted March 2010"). Status,
  RAG and percent complete are inferred from that text; where nothing is said, an action
  whose first milestone falls after 31 March 2010 is "not_started". Owners are given only
  where the plan names who leads (actions 33 and 42).
- Month-only timescales are the last day of that month. Undated items were dated as
  follows: "Completed" (with no date) = 31 March 2010, the plan update; "Quarterly" = first
  quarter of 2010/11 (30 June 2010); "Annually", "Ongoing", "Yearly", "Rolling two-year
  programme" = end of 2010/11 (31 March 2011); "Quarter 3 2010" and "Q4 2011" read as
  financial quarters (31 December 2010, 31 March 2011). "April 2010 and throughout the
  year" = 30 April 2010, with the wording kept in the milestone text.
- Action 19 has a milestone of "August 2011" in the plan (possibly meant as 2010); kept
  as written.
- Action 53: agenda item 5 (Transforming Social Care final year-end report) reports
  "Direct Payments Individual Budgets" against a 2009/10 target of 630 (half yearly 592,
  3rd quarter 614, final 733); these readings are recorded as updates on action 53. They
  pre-date the plan.
"""

from datetime import date

REVIEW = {
    "host_council": "Sefton Metropolitan Borough Council",
    "kind": "cqc_inspection",
    "title": "Service inspection of adult social care, Sefton (December 2009)",
    # The report gives only "December 2009" and "six days in Sefton": dates assumed
    # (six weekdays, Tue 1 to Tue 8 December 2009).
    "visit_start": date(2009, 12, 1),
    "visit_end": date(2009, 12, 8),
    "letter_date": date(2010, 3, 16),
    "status": "progress_review",
    "focus_areas": [
        "outcomes",
        "practice",
        "participation",
        "working_together",
        "leadership",
        "resources",
        "commissioning",
    ],
    "capacity_to_improve": "promising",
    "judgements": [
        {"outcome_area": "Safeguarding adults", "grade": "performing well"},
        {
            "outcome_area": "Improved quality of life for older people",
            "grade": "performing excellently",
        },
        {
            "outcome_area": "Increased choice and control for older people",
            "grade": "performing well",
        },
    ],
    "letter": {
        "scope": (
            "Focus of inspection:\n\n"
            "- Safeguarding adults\n"
            "- Improved quality of life for older people\n"
            "- Increased choice and control for older people"
        ),
        "team_paragraph": (
            "The inspection team consisted of two inspectors and an 'expert by experience'. The "
            "expert by experience is a member of the public who has had experience of using adult "
            "social care services."
        ),
        "opening": (
            "An inspection team from the Care Quality Commission visited Sefton in December 2009 "
            "to find out how well the council was delivering social care.\n\n"
            "To do this, the inspection team looked at how well Sefton was:\n\n"
            "- Safeguarding adults whose circumstances made them vulnerable.\n"
            "- Improving quality of life for older people.\n"
            "- Increasing choice and control for older people.\n\n"
            "Before visiting Sefton, the inspection team reviewed a range of key documents "
            "supplied by the council and assessed other information about how the council was "
            "delivering and managing outcomes for people. This included, crucially, the council's "
            "own assessment of their overall performance. The team then refined the focus of the "
            "inspection to cover those areas where further evidence was required to ensure that "
            "there was a clear and accurate picture of how the council was performing. During "
            "their visit, the team met with people who used services and their carers, staff and "
            "managers from the council and representatives of other organisations.\n\n"
            "This report is intended to be of interest to the general public, and in particular "
            "for people who use services in Sefton. It will support the council and partner "
            "organisations in Sefton in working together to improve people's lives and meet their "
            "needs."
        ),
        "executive_summary": (
            "The Care Quality Commission judges the performance of councils using the following "
            "four grades: 'performing poorly', 'performing adequately', 'performing well' and "
            "'performing excellently'.\n\n"
            "Safeguarding adults: We concluded that Sefton was performing well in safeguarding "
            "adults.\n\n"
            "Improved quality of life for older people: We concluded that Sefton was performing "
            "excellently in supporting improved quality of life.\n\n"
            "Increased choice and control for older people: We concluded that Sefton was "
            "performing well in supporting increased choice and control.\n\n"
            "Capacity to improve: The Care Quality Commission rates a council's capacity to "
            "improve its performance using the following four grades: 'poor', 'uncertain', "
            "'promising' and 'excellent'. We concluded that the capacity to improve in Sefton was "
            "promising."
        ),
        "overview": (
            "Sefton Metropolitan Borough Council is a Local Authority in the North West of England "
            "with a population of 275,200. The council has 28 Liberal Democrat, 21 Labour and 17 "
            "Conservative Councillors. Governance arrangements are constituted in a 'Cabinet and "
            "Leader' model. In order to give citizens a greater say in council affairs, seven Area "
            "Committees are in operation. The council has held beacon status in 2005/6 for "
            "'supporting carers', 2007/8 for 'delivering cleaner air' and 2008/9 for 'improving "
            "accessibility'.\n\n"
            "Of 150 councils in England, Sefton has the 13th highest proportion of people aged 65 "
            "years and older. This was 20 per cent compared to the national average of 16 per "
            "cent. This population is estimated to increase by 10,000 over the next 10 years. Just "
            "2.8 per cent of the population are from a black or minority ethnic group. The age "
            "profile differs significantly across the wards in the borough.\n\n"
            "Sefton was ranked 83rd out of 354 authorities in its index of deprivation. "
            "Deprivation in Sefton is characterised by pockets of both severe deprivation and "
            "affluence as evidenced by its rank of local concentration of 46th out of 354 "
            "authorities. Tackling health inequalities is a major priority for the council and its "
            "health partners.\n\n"
            "In 2008-09 the Audit Commission's Comprehensive Area Assessment of the council as a "
            "whole and the Care Quality Commission assessment of adult social care both judged the "
            "council to be performing well.\n\n"
            "Services for older adults are provided through the health and social care "
            "directorate, which is led by a team comprising of strategic director, head of adult "
            "services, head of central services and an assistant director."
        ),
        "conclusion": (
            "This report has been published after the council had the opportunity to correct any "
            "matters of factual accuracy and to comment on the rated inspection judgements.\n\n"
            "Sefton will now plan to improve services based on this report and its recommendations."
        ),
    },
    "team": [
        {"name": "Timothy Willis", "role": "lead", "organisation": "Care Quality Commission"},
        {"name": "David Fruin", "role": "peer", "organisation": "Care Quality Commission"},
        {"name": "Walter Park", "role": "expert_by_experience", "organisation": "Age UK"},
        {"name": "Harminder Bamrah", "role": "peer", "organisation": "Care Quality Commission"},
    ],
    "scope_questions": [
        {"number": 1, "text": "Safeguarding adults"},
        {"number": 2, "text": "Improved quality of life for older people"},
        {"number": 3, "text": "Increased choice and control for older people"},
        {"number": 4, "text": "Capacity to improve: providing leadership"},
        {"number": 5, "text": "Capacity to improve: commissioning and use of resources"},
    ],
    "findings": [
        {
            "kind": "strength",
            "scope_question": 1,
            "text": (
                "Ensured that most people were effectively protected from abuse and harm and had "
                "co-ordinated the production of a revised interagency framework for intervention."
            ),
        },
        {
            "kind": "strength",
            "scope_question": 1,
            "text": (
                "Provided a range of community based multi-agency initiatives that supported "
                "people in remaining safely in the community."
            ),
        },
        {
            "kind": "strength",
            "scope_question": 1,
            "text": (
                "Had raised the profile of adult safeguarding and provided an increasingly "
                "effective and diverse range of training."
            ),
        },
        {
            "kind": "strength",
            "scope_question": 1,
            "text": (
                "Had implemented initiatives to identify and meet the safety needs of some hard to "
                "reach groups."
            ),
        },
        {
            "kind": "strength",
            "scope_question": 2,
            "text": (
                "Was working effectively with partners to improve the provision of a wider range "
                "of preventative services."
            ),
        },
        {
            "kind": "strength",
            "scope_question": 2,
            "text": (
                "Had involved people who used services and their carers in the development of "
                "preventative services."
            ),
        },
        {
            "kind": "strength",
            "scope_question": 2,
            "text": (
                "Had improved the accessibility of universal services for older people including "
                "those with complex needs."
            ),
        },
        {
            "kind": "strength",
            "scope_question": 2,
            "text": (
                "Worked well with health agencies to provide intermediate care and rehabilitation "
                "services and provided an array of carers support."
            ),
        },
        {
            "kind": "strength",
            "scope_question": 3,
            "text": (
                "Were making services more personalised, promoting care in the community and had "
                "strengthened out of hours support."
            ),
        },
        {
            "kind": "strength",
            "scope_question": 3,
            "text": (
                "Produced good quality information about services and had streamlined points of "
                "access."
            ),
        },
        {
            "kind": "strength",
            "scope_question": 3,
            "text": (
                "Had improved performance in the use of Direct Payments markedly and had "
                "introduced a dedicated direct payments scheme for carers."
            ),
        },
        {
            "kind": "strength",
            "scope_question": 3,
            "text": (
                "Had involved people in their assessments and were beginning to reflect individual "
                "aspirations in care plans."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 1,
            "text": (
                "Improve the practice in relation to identification of ongoing risks and the "
                "implementation of protection plans."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 1,
            "text": "Strengthen recording and ensure that managers' decisions are clear.",
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 1,
            "text": (
                "Develop the Adult Safeguarding Executive Board, clarify interagency commitments, "
                "and implement a system of cross-agency performance management."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 1,
            "text": (
                "Develop differentiated training opportunities for key staff from all agencies and "
                "ensure attendance."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 1,
            "text": (
                "Make the role of the adult safeguarding co-ordinator more focused on quality "
                "assuring practice."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 2,
            "text": (
                "Improve the availability of individualised and independence-promoting support in "
                "the community including Day Opportunities and Extra Care accommodation."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 2,
            "text": (
                "Progress the planned production of a carers' strategy. Ensure that there is an "
                "implementation plan that clearly sets out the levels and types of support."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 3,
            "text": (
                "Ensure that care planning increasingly reflects the individual aspirations of "
                "service users as well as meeting their physical care needs."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 3,
            "text": (
                "Ensure that information about services and support that is produced is properly "
                "distributed and made available to the public."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 3,
            "text": (
                "Use advocacy in a more focused and precise way to ensure that the views of people "
                "who use services are heard and responded to more effectively."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 3,
            "text": (
                "Work with partners to improve the consistency of outcomes for people who use "
                "services and their carers at the time of discharge from hospital."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 3,
            "text": (
                "Use the intelligence gathered through the complaints process more effectively to "
                "fine-tune and improve overall service provision and processes."
            ),
        },
        {
            "kind": "strength",
            "scope_question": 4,
            "text": (
                "Had a sound strategic vision of a range of safe and secure personalised forms of "
                "support."
            ),
        },
        {"kind": "strength", "scope_question": 4, "text": "Had strong managerial leadership."},
        {
            "kind": "strength",
            "scope_question": 4,
            "text": (
                "Had plans for the transformation of social care that were sound and project "
                "managed."
            ),
        },
        {
            "kind": "strength",
            "scope_question": 4,
            "text": "Had well established performance management arrangements.",
        },
        {"kind": "strength", "scope_question": 5, "text": "Had sound commissioning processes."},
        {
            "kind": "strength",
            "scope_question": 5,
            "text": "Had a good understanding of the needs of the community.",
        },
        {"kind": "strength", "scope_question": 5, "text": "Had effectively managed its budget."},
        {
            "kind": "strength",
            "scope_question": 5,
            "text": (
                "Had involved people who use services and service users in service development "
                "initiatives."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 4,
            "text": (
                "Ensure that workforce development and training plans have clear improvement "
                "targets that are able to be monitored."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 4,
            "text": (
                "Clarify the strategic priorities for older people's services and share the detail "
                "of these plans with staff and stakeholders."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 4,
            "text": (
                "Strengthen the implementation processes associated with the Equalities Strategy."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 4,
            "text": (
                "Ensure that Equality Impact Assessments are used consistently to improve services "
                "for hard to reach groups."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 5,
            "text": (
                "Strengthen directorate and partnership strategic developments through publishing "
                "detailed commissioning and joint commissioning strategies for older people."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 5,
            "text": (
                "Use commissioning incentives to improve the pace of development of a wider range "
                "of community based, flexible support services and accommodation options."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 5,
            "text": (
                "Use a value for money approach more effectively to challenge established services."
            ),
        },
    ],
    "recommendations": [
        {
            "number": 1,
            "text": (
                "Improve the practice in relation to identification of ongoing risks and the "
                "implementation of protection plans."
            ),
            "scope_question": 1,
            "focus_area": "practice",
            "page_reference": "11",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 2,
            "text": "Strengthen recording and ensure that managers' decisions are clear.",
            "scope_question": 1,
            "focus_area": "practice",
            "page_reference": "11",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 3,
            "text": (
                "Develop the Adult Safeguarding Executive Board, clarify interagency commitments, "
                "and implement a system of cross-agency performance management."
            ),
            "scope_question": 1,
            "focus_area": "working_together",
            "page_reference": "11",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 4,
            "text": (
                "Develop differentiated training opportunities for key staff from all agencies and "
                "ensure attendance."
            ),
            "scope_question": 1,
            "focus_area": "resources",
            "page_reference": "12",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 5,
            "text": (
                "Make the role of the adult safeguarding co-ordinator more focused on quality "
                "assuring practice."
            ),
            "scope_question": 1,
            "focus_area": "practice",
            "page_reference": "12",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 6,
            "text": (
                "Improve the availability of individualised and independence-promoting support in "
                "the community including Day Opportunities and Extra Care accommodation."
            ),
            "scope_question": 2,
            "focus_area": "outcomes",
            "page_reference": "15",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 7,
            "text": (
                "Progress the planned production of a carers' strategy. Ensure that there is an "
                "implementation plan that clearly sets out the levels and types of support."
            ),
            "scope_question": 2,
            "focus_area": "outcomes",
            "page_reference": "15",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 8,
            "text": (
                "Ensure that care planning increasingly reflects the individual aspirations of "
                "service users as well as meeting their physical care needs."
            ),
            "scope_question": 3,
            "focus_area": "practice",
            "page_reference": "18",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 9,
            "text": (
                "Ensure that information about services and support that is produced is properly "
                "distributed and made available to the public."
            ),
            "scope_question": 3,
            "focus_area": "participation",
            "page_reference": "17",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 10,
            "text": (
                "Use advocacy in a more focused and precise way to ensure that the views of people "
                "who use services are heard and responded to more effectively."
            ),
            "scope_question": 3,
            "focus_area": "participation",
            "page_reference": "17",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 11,
            "text": (
                "Work with partners to improve the consistency of outcomes for people who use "
                "services and their carers at the time of discharge from hospital."
            ),
            "scope_question": 3,
            "focus_area": "working_together",
            "page_reference": "18",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 12,
            "text": (
                "Use the intelligence gathered through the complaints process more effectively to "
                "fine-tune and improve overall service provision and processes."
            ),
            "scope_question": 3,
            "focus_area": "participation",
            "page_reference": "20",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 13,
            "text": (
                "Ensure that workforce development and training plans had clear improvement "
                "targets that were able to be monitored."
            ),
            "scope_question": 4,
            "focus_area": "resources",
            "page_reference": "24",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 14,
            "text": (
                "Clarify the strategic priorities for older people's services and share the detail "
                "of these plans with staff and stakeholders."
            ),
            "scope_question": 4,
            "focus_area": "leadership",
            "page_reference": "23",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 15,
            "text": (
                "Strengthen the implementation processes associated with the Equalities Strategy."
            ),
            "scope_question": 4,
            "focus_area": "leadership",
            "page_reference": "23",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 16,
            "text": (
                "Ensure that Equality Impact Assessments are used consistently to improve services "
                "for hard to reach groups."
            ),
            "scope_question": 4,
            "focus_area": "leadership",
            "page_reference": "23",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 17,
            "text": (
                "Strengthen directorate and partnership strategic developments through publishing "
                "detailed commissioning and joint commissioning strategies for older people."
            ),
            "scope_question": 5,
            "focus_area": "commissioning",
            "page_reference": "26",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 18,
            "text": (
                "Use commissioning incentives to improve the pace of development of a wider range "
                "of community based, flexible support services and accommodation options."
            ),
            "scope_question": 5,
            "focus_area": "commissioning",
            "page_reference": "26",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 19,
            "text": (
                "Use a value for money approach more effectively to challenge established services."
            ),
            "scope_question": 5,
            "focus_area": "resources",
            "page_reference": "27",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
    ],
}


PLAN = {
    "title": "Sefton adult social care improvement plan (updated 31 March 2010)",
    "version_date": date(2010, 3, 31),
    "status": "active",
    # No start date is given for the plan: the month of the inspection (December 2009).
    "start": date(2009, 12, 1),
    "areas": [
        {
            "number": 1,
            "title": (
                "Improve the practice in relation to identification of ongoing risks and the "
                "implementation of protection plans"
            ),
            "recommendations": [1],
            "actions": [
                {
                    "number": 1,
                    "title": "Streamline and clarify risk assessment documentation",
                    "how": "Streamline and clarify risk assessment documentation.",
                    "expected_evidence": (
                        "A single document will be created to cover risk assessment and management "
                        "in safeguarding cases including a comprehensive risk checklist for "
                        "practitioners.\n\n"
                        "A new audit tool (see Appendix 1) will be utilised to monitor proper "
                        "usage of the documentation and procedures, and quality assure the "
                        "assessment of risk for the client.\n\n"
                        "In 2010/11 a random sample of 10% of safeguarding cases per month will be "
                        "undertaken throughout the year with a target that overall 70% achieve a "
                        "'good/excellent' score following the audit in relation to risk "
                        "assessment. This score will represent both appropriateness of the use of "
                        "risk assessment and quality of outcome for the client."
                    ),
                    "owner": "",
                    "measure": {
                        "description": (
                            "Audited safeguarding cases scoring 'good/excellent' for risk "
                            "assessment"
                        ),
                        "baseline": "",
                        "target": "70",
                        "unit": "%",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2010, 9, 30),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "New documentation completed",
                            "due": date(2010, 6, 30),
                            "done_on": None,
                        },
                        {
                            "text": "Staff begin use of new procedures",
                            "due": date(2010, 7, 31),
                            "done_on": None,
                        },
                        {
                            "text": "First full audit month",
                            "due": date(2010, 8, 31),
                            "done_on": None,
                        },
                        {
                            "text": "First audit report to Departmental Management Team (DMT)",
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: new "
                                "documentation completed June 2010; staff begin use of new "
                                "procedures July 2010; first full audit month August 2010; first "
                                "audit report to DMT September 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 2,
                    "title": (
                        "Streamline and clarify Protection Plan documentation and planning "
                        "processes"
                    ),
                    "how": (
                        "Streamline and clarify Protection Plan documentation and planning "
                        "processes."
                    ),
                    "expected_evidence": (
                        "A single document will be created to cover the creation and "
                        "implementation of a Protection Plan for clients. This will include "
                        "creation of a standard plan pro-forma, checklist, and toolkit to help "
                        "practitioners determine when a plan should be put in place.\n\n"
                        "A new audit tool (see Appendix 1) will be utilised to monitor both proper "
                        "usage of the documentation and procedures and quality assure the detail "
                        "within the plan to ensure it covers all requirements of the client "
                        "including any underlying vulnerability.\n\n"
                        "In 20010/11 80% of formal Protection Plans will be audited with a target "
                        "that 70% achieve a 'good/excellent' score following the audit. This score "
                        "will represent both appropriateness of the use of the plan and the "
                        "comprehensiveness of the implementation for the client.\n\n"
                        "A strategic target will also be set for the review of Protection Plans "
                        "for 2010/11. This target will be set at 70% of all Protection Plans "
                        "having a review within 28 days."
                    ),
                    "owner": "",
                    "measure": {
                        "description": "Protection Plans reviewed within 28 days",
                        "baseline": "",
                        "target": "70",
                        "unit": "%",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2010, 9, 30),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "New documentation completed",
                            "due": date(2010, 6, 30),
                            "done_on": None,
                        },
                        {
                            "text": "Staff begin use of new procedures",
                            "due": date(2010, 7, 31),
                            "done_on": None,
                        },
                        {
                            "text": "First full audit month",
                            "due": date(2010, 8, 31),
                            "done_on": None,
                        },
                        {
                            "text": "First audit report to Departmental Management Team (DMT)",
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Review target monitored from March 2010 and reported to DMT "
                                "monthly"
                            ),
                            "due": date(2010, 3, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 10,
                            "narrative": (
                                "Plan updated 31.3.10: review target monitored from March 2010 and "
                                "reported to DMT monthly. New documentation due June 2010; staff "
                                "begin use of new procedures July 2010; first full audit month "
                                "August 2010; first audit report to DMT September 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 3,
                    "title": (
                        "Training undertaken to develop staff understanding of risk and protection "
                        "planning"
                    ),
                    "how": (
                        "Training undertaken to develop staff understanding of use and procedures "
                        "relating to risk and protection planning."
                    ),
                    "expected_evidence": (
                        "Two courses for (40) social workers, team managers, and assistant team "
                        "managers have been completed on 'safe and effective decision-making'.\n\n"
                        "An additional two courses for 80 more social workers and managers will be "
                        "run in 2010/11.\n\n"
                        "An evaluation of the effectiveness of this training will be undertaken by "
                        "satisfaction questionnaire immediately following the end of the course "
                        "where a target of 80% of attendees stating that the course content met or "
                        "exceeded their expectations will be set for 2010/11.\n\n"
                        "Additionally the success of the embedding of understanding will be "
                        "evaluated using the Workforce Development Unit 10% sampling after three "
                        "months. Effectiveness will also be monitored via normal supervision "
                        "processes."
                    ),
                    "owner": "",
                    "measure": {
                        "description": (
                            "Course attendees stating the course content met or exceeded their "
                            "expectations"
                        ),
                        "baseline": "",
                        "target": "80",
                        "unit": "%",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2011, 3, 31),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Two courses on 'safe and effective decision-making' for 40 social "
                                "workers, team managers and assistant team managers completed"
                            ),
                            "due": date(2010, 3, 31),
                            "done_on": date(2010, 3, 31),
                        },
                        {
                            "text": (
                                "Additional course for social workers and managers (September 2010)"
                            ),
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Additional course for social workers and managers (November 2010)"
                            ),
                            "due": date(2010, 11, 30),
                            "done_on": None,
                        },
                        {
                            "text": "Evaluation of training by satisfaction questionnaire",
                            "due": date(2010, 6, 30),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Embedding evaluated by Workforce Development Unit 10% sampling "
                                "and supervision"
                            ),
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 25,
                            "narrative": (
                                "Plan updated 31.3.10: two courses for (40) social workers, team "
                                "managers, and assistant team managers have been completed on "
                                "'safe and effective decision-making' (Completed). An additional "
                                "two courses for 80 more social workers and managers will be run "
                                "in September and November 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 4,
                    "title": (
                        "Annual survey of practitioners on the effectiveness of safeguarding "
                        "documentation"
                    ),
                    "how": (
                        "An annual survey of practitioners will be undertaken to assess the "
                        "effectiveness of changes to safeguarding documentation."
                    ),
                    "expected_evidence": (
                        "Initially a one-off sample survey of practitioners will be undertaken - "
                        "following completion of new documentation - including a question on "
                        "'overall clarity' of the safeguarding documentation. A target of 75% "
                        "stating the clarity is 'good or excellent' will be set for 2010/11."
                    ),
                    "owner": "",
                    "measure": {
                        "description": (
                            "Practitioners stating the clarity of safeguarding documentation is "
                            "'good or excellent'"
                        ),
                        "baseline": "",
                        "target": "75",
                        "unit": "%",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2011, 3, 31),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Sample survey of practitioners on clarity of safeguarding "
                                "documentation"
                            ),
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: March "
                                "2011."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 5,
                    "title": "Serious exception reporting",
                    "how": "Serious exception reporting",
                    "expected_evidence": (
                        "Where the audit process of both Protection Plans and risk management "
                        "identifies serious failures these will be reported specifically to DMT "
                        "within 14 days.\n\n"
                        "This will be monitored in terms of the number of clients identified with "
                        "a 'poor/unacceptable' audit review. A target of fewer than 5% of audited "
                        "cases in this category will be set for 2010/11. (See Appendix 1)"
                    ),
                    "owner": "",
                    "measure": {
                        "description": (
                            "Audited cases with a 'poor/unacceptable' audit review (target: fewer "
                            "than 5%)"
                        ),
                        "baseline": "",
                        "target": "5",
                        "unit": "%",
                    },
                    "start": date(2010, 8, 1),
                    "due": date(2010, 8, 31),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Serious exception reporting to DMT ongoing from first audit month "
                                "(August 2010)"
                            ),
                            "due": date(2010, 8, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: "
                                "ongoing from first audit month (August 2010)."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": 2,
            "title": "Strengthen recording and ensure that manager’s decisions are clear",
            "recommendations": [2],
            "actions": [
                {
                    "number": 6,
                    "title": (
                        "New pro-forma, guidance notes and 'best practice' examples for strategy "
                        "meetings"
                    ),
                    "how": (
                        "A new pro-forma and guidance notes will be produced for the undertaking "
                        "of strategy meetings, along with a sample of ‘best practice’ examples."
                    ),
                    "expected_evidence": (
                        "A new audit tool (see Appendix 1) will be utilised to monitor the quality "
                        "and robustness of strategy meeting notes including the clarity of "
                        "decision recording.\n\n"
                        "In 2010/11 20% of strategy meeting notes will be sampled where a target "
                        "will be set for 2010/11 that 75% should be scored as having a "
                        "‘good/excellent’ score relating to ‘clear management decisions’."
                    ),
                    "owner": "",
                    "measure": {
                        "description": (
                            "Sampled strategy meeting notes scored 'good/excellent' for 'clear "
                            "management decisions'"
                        ),
                        "baseline": "",
                        "target": "75",
                        "unit": "%",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2010, 9, 30),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "New documentation completed",
                            "due": date(2010, 6, 30),
                            "done_on": None,
                        },
                        {
                            "text": "Staff begin use of new procedures",
                            "due": date(2010, 7, 31),
                            "done_on": None,
                        },
                        {
                            "text": "First full audit month",
                            "due": date(2010, 8, 31),
                            "done_on": None,
                        },
                        {
                            "text": "First audit report to Departmental Management Team (DMT)",
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: new "
                                "documentation completed June 2010; staff begin use of new "
                                "procedures July 2010; first full audit month August 2010; first "
                                "audit report to DMT September 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 7,
                    "title": "Monthly case file audit of completed investigations",
                    "how": (
                        "A case file audit of completed investigations will be undertaken on a "
                        "monthly basis."
                    ),
                    "expected_evidence": (
                        "A new audit tool (see Appendix 1) will be utilised to monitor the quality "
                        "and robustness of case file information.\n\n"
                        "In 20010/11 a 10% sample per month of case files will be undertaken. In "
                        "2010/11 70% of cases will be expected to achieve a ‘good/excellent’ score "
                        "following the audit. This score will represent both the ‘completeness’ of "
                        "the file recording itself, but also an assessment of the outcomes for the "
                        "client."
                    ),
                    "owner": "",
                    "measure": {
                        "description": "Audited case files achieving a 'good/excellent' score",
                        "baseline": "",
                        "target": "70",
                        "unit": "%",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2010, 7, 31),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "First full audit month",
                            "due": date(2010, 6, 30),
                            "done_on": None,
                        },
                        {
                            "text": "First audit report to Departmental Management Team (DMT)",
                            "due": date(2010, 7, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: first "
                                "full audit month June 2010; first audit report to DMT July 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 8,
                    "title": (
                        "Training for chairing strategy meetings / case conferences and note taking"
                    ),
                    "how": (
                        "Development of training for the chairing of strategy meetings / case "
                        "conferences and note taking training for implementation 2010/11."
                    ),
                    "expected_evidence": (
                        "Two training courses will be commissioned to run between September 2010 "
                        "and March 2011.\n\n"
                        "In 2010/11 a target of attendance by 30% of managers for the chairing "
                        "training will be set.\n\n"
                        "An evaluation of the effectiveness of this training will be undertaken by "
                        "satisfaction questionnaire immediately following the end of the course "
                        "where a target of 80% of attendees stating that the course content ‘met "
                        "or exceeded their expectations’ will be set for 2010/11.\n\n"
                        "Consistent application of this training will be monitored through the "
                        "audit process highlighted in Area 2 Action 6."
                    ),
                    "owner": "",
                    "measure": {
                        "description": "Managers attending the chairing training",
                        "baseline": "",
                        "target": "30",
                        "unit": "%",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2010, 9, 30),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Chairing and note taking training courses begin",
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: "
                                "September 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 9,
                    "title": (
                        "Standardisation Meetings convened to ensure compliance and consistency of "
                        "practice"
                    ),
                    "how": (
                        "Standardisation Meetings convened to ensure compliance and consistency of "
                        "practice. Two sets will be undertaken – one for managers, one for "
                        "investigators."
                    ),
                    "expected_evidence": (
                        "A set of clear terms of reference will be created for the standardisation "
                        "groups and they will report via the safeguarding Performance and Quality "
                        "Assurance Sub-group (PQAS) of the Sefton Adult Safeguarding Board (see "
                        "Area 3 Action 11).\n\n"
                        "Initially the focus will be on standards relating to the evaluation of "
                        "risk and management decision-making. Progress will be evaluated through "
                        "the new audit process outlined in Area 1 Actions 1 & 2 and Area 2 Actions "
                        "6 & 7.\n\n"
                        "Both groups will undertake four meetings each year."
                    ),
                    "owner": "",
                    "measure": {
                        "description": "Standardisation meetings held per year by each group",
                        "baseline": "",
                        "target": "4",
                        "unit": "meetings",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2010, 7, 31),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Terms of reference for the standardisation groups created",
                            "due": date(2010, 6, 30),
                            "done_on": None,
                        },
                        {"text": "First meeting", "due": date(2010, 7, 31), "done_on": None},
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: June "
                                "2010; first meeting July 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 10,
                    "title": "Ongoing annual audit of supervision files",
                    "how": (
                        "An ongoing annual audit of supervision files will be undertaken to ensure "
                        "that issues of recording clarity and decision making on all case files "
                        "are raised and appropriately managed with staff."
                    ),
                    "expected_evidence": (
                        "Monitoring will be carried out of the improved supervision policy "
                        "coordinated through the existing Directorate Improvement Group reporting "
                        "quarterly to the Directorate Management Team. This will be undertaken "
                        "using the existing supervision audit tool. Managers will assess a 5% "
                        "sample of the supervision files of their managers/supervisors. An overall "
                        "Departmental target of 70% of supervision files being determined as "
                        "'good/excellent' will be set for 2010/11."
                    ),
                    "owner": "",
                    "measure": {
                        "description": "Supervision files determined as 'good/excellent'",
                        "baseline": "",
                        "target": "70",
                        "unit": "%",
                    },
                    "start": date(2010, 3, 1),
                    "due": date(2010, 3, 31),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Annual audit of supervision files ongoing from March 2010",
                            "due": date(2010, 3, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 10,
                            "narrative": "Plan updated 31.3.10: ongoing from March 2010.",
                            "measure_reading": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": 3,
            "title": (
                "Develop the Safeguarding Executive Board, clarify interagency commitments and "
                "implementation a system of cross agency performance management"
            ),
            "recommendations": [3],
            "actions": [
                {
                    "number": 11,
                    "title": (
                        "Establish Performance and Quality Assurance Sub-group (PQAS) of the "
                        "Safeguarding Board"
                    ),
                    "how": (
                        "Establish Performance and Quality Assurance Sub-group (PQAS) of the "
                        "Safeguarding Board to take responsibility for performance management and "
                        "quality assessment activity across the safeguarding partnership"
                    ),
                    "expected_evidence": (
                        "Establish the sub-group\n\n"
                        "Create a clear set of terms of reference, roles, and responsibility for "
                        "the sub-group has been created (see draft versions in Appendix 2/3).\n\n"
                        "The group will agree both a Performance and Quality Assurance framework "
                        "for the partnership and a Self-Assessment Performance (SAP) toolkit for "
                        "assessment of safeguarding performance of each member of the "
                        "partnership.\n\n"
                        "Peer review and challenge of the SAP toolkit information supplied by "
                        "partners will be undertaken by the board once per year for each partner. "
                        "A target of 50% completion of assessments by all partners will be set for "
                        "2010/11.\n\n"
                        "The sub-group will create an annual action plan to prioritise and "
                        "coordinate the performance measurement and auditing work undertaken.\n\n"
                        "A performance and quality assurance report will be provided to the "
                        "Safeguarding Board on a quarterly basis. This will include qualitative "
                        "and quantitative performance metrics for across the partnership based on "
                        "the SAP toolkit information, the new measures identified in this action "
                        "plan, and the existing five strategic performance indicators used by the "
                        "Department.\n\n"
                        "Additional monthly performance and quality assurance reports will be "
                        "provided to the Departmental Management Team (DMT) as required by the "
                        "monitoring outlined in this action plan and in relation to the existing "
                        "five strategic performance indicators used by the Department (% 24 hour "
                        "referrals, % strategy meetings in 5 days, % of protection plans reviewed "
                        "in 28 days, % alerters informed of outcome in 9 days, median length of "
                        "case)"
                    ),
                    "owner": "",
                    "measure": {
                        "description": "Completion of SAP toolkit assessments by all partners",
                        "baseline": "",
                        "target": "50",
                        "unit": "%",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2011, 3, 31),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Establish the sub-group",
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Terms of reference, roles and responsibility for the sub-group: "
                                "draft completed"
                            ),
                            "due": date(2010, 3, 31),
                            "done_on": date(2010, 3, 31),
                        },
                        {
                            "text": (
                                "Performance and Quality Assurance framework and Self-Assessment "
                                "Performance (SAP) toolkit agreed"
                            ),
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Peer review and challenge of SAP toolkit information supplied by "
                                "partners"
                            ),
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                        {
                            "text": "Annual action plan (for 2010/11 & 2011/12)",
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Quarter 3 2010 performance and quality assurance report to the "
                                "Safeguarding Board"
                            ),
                            "due": date(2010, 12, 31),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Q4 2011 performance and quality assurance report to the "
                                "Safeguarding Board"
                            ),
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Monthly performance and quality assurance reports to DMT from "
                                "June 2010"
                            ),
                            "due": date(2010, 6, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 10,
                            "narrative": (
                                "Plan updated 31.3.10: draft terms of reference, roles and "
                                "responsibilities for the sub-group completed (draft versions in "
                                "Appendix 2/3). Sub-group to be established, and framework, SAP "
                                "toolkit and annual action plan agreed, by September 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 12,
                    "title": (
                        "Establish practice standards and competencies for the Safeguarding Board"
                    ),
                    "how": (
                        "Establish practice standards and competencies for the Safeguarding Board "
                        "and identify gaps and omissions."
                    ),
                    "expected_evidence": (
                        "Develop training and induction plan for members.\n\n"
                        "Create framework of agreed responsibility, behaviours, and competencies "
                        "across the partnership with minimum standards against which to measure "
                        "performance of the Board (see Appendix 4). The PQAS will monitor this "
                        "information and report through the existing Council member scrutiny and "
                        "review process and Local Strategic Partnership Board. The increase in "
                        "oversight and scrutiny will include:\n"
                        "- Annual report to council members\n"
                        "- Quarterly reports to the Local Strategic Partnership Board\n"
                        "- Quarterly reports to the appropriate cabinet member\n"
                        "- Bi-annual report to Overview and Scrutiny (Adult Social Care)\n\n"
                        "As part of the performance Self Assessment Toolkit monitoring of the "
                        "wider reporting undertaken by partners to their respective management "
                        "will be collated to ensure dissemination is cross-agency."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2010, 9, 30),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Training and induction plan for Board members developed",
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Framework of responsibility, behaviours and competencies: draft "
                                "completed"
                            ),
                            "due": date(2010, 3, 31),
                            "done_on": date(2010, 3, 31),
                        },
                        {
                            "text": (
                                "Framework of responsibility, behaviours and competencies: final "
                                "version agreed"
                            ),
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 25,
                            "narrative": (
                                "Plan updated 31.3.10: draft completed – final version agreed "
                                "September 2010. Training and induction plan for members due "
                                "September 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 13,
                    "title": "Benchmarking/'good practice'",
                    "how": "Benchmarking/'good practice'",
                    "expected_evidence": (
                        "In order to assist with the performance management of safeguarding "
                        "activity the potential for benchmarking and sharing of 'good practice' "
                        "will be investigated.\n\n"
                        "Through the Northwest Performance Leads Group and membership of the "
                        "Chairs Northwest group it will be attempted to get an agreed set of five "
                        "standardised local indicators on five key 'milestones' in the "
                        "safeguarding journey with as many local authorities/safeguarding boards "
                        "across the northwest as possible."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2011, 3, 31),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Agreed set of five standardised local indicators sought with "
                                "northwest authorities"
                            ),
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: March "
                                "2011."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 14,
                    "title": "Strengthen the leadership of the safeguarding board",
                    "how": "Strengthen the leadership of the safeguarding board.",
                    "expected_evidence": (
                        "Undertake review of current governance arrangements and cross-agency "
                        "agreements relating to adult safeguarding. This will result in:\n"
                        "- Agreed terms of reference signed off by all agencies\n"
                        "- Agreed updated memorandum of agreement for all agencies with "
                        "performance standards to allow monitoring of compliance (for example see "
                        "Area 3 Actions 16 & 17.\n"
                        "- Refreshed membership of the Board\n"
                        "- Agreed clarification on the roles and responsibilities of the Board for "
                        "setting strategic priorities and targets for safeguarding for all "
                        "partners. (See Appendix 4)."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2010, 9, 30),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Review of current governance arrangements and cross-agency "
                                "agreements"
                            ),
                            "due": date(2010, 8, 31),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Terms of reference, memorandum of agreement, Board membership and "
                                "roles agreed"
                            ),
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 10,
                            "narrative": (
                                "Plan updated 31.3.10: timescales August 2010 and September 2010. "
                                "Appendix 4: a draft Memorandum of Agreement (MoA) has been "
                                "created. This will be discussed at the next Sefton Adult "
                                "Safeguarding Board meeting in June for agreement and signing by "
                                "September 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 15,
                    "title": (
                        "Promote the work of the Adult Safeguarding Board with staff and "
                        "stakeholders"
                    ),
                    "how": (
                        "Promote the work of the Adult Safeguarding Board with staff and "
                        "stakeholders"
                    ),
                    "expected_evidence": (
                        "An 'awareness raising' strategy will be created to cover both internal "
                        "and external stakeholders. This will include:\n\n"
                        "Five public 'awareness raising' sessions undertaken in Bootle, Crosby, "
                        "Maghull, Formby, and Southport involving an open stand, publicity "
                        "material, and an opportunity to talk to the public face to face.\n\n"
                        "Summary explanation leaflet created on the working of the Adult "
                        "Safeguarding Board created for dissemination to the workforce across all "
                        "the partner agencies.\n\n"
                        "Following the local government elections two further safeguarding "
                        "sessions will be undertaken with elected members."
                    ),
                    "owner": "",
                    "measure": {
                        "description": "Public 'awareness raising' sessions held",
                        "baseline": "",
                        "target": "5",
                        "unit": "sessions",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2011, 3, 31),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "'Awareness raising' strategy created",
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Five public 'awareness raising' sessions (Bootle, Crosby, "
                                "Maghull, Formby, Southport)"
                            ),
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Summary explanation leaflet on the working of the Board created"
                            ),
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": "Two further safeguarding sessions with elected members",
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: "
                                "September 2010, March 2011, September 2010, March 2011."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 16,
                    "title": (
                        "Monitoring of inter-agency commitments through Strategy Meeting "
                        "attendance assessment"
                    ),
                    "how": (
                        "Monitoring of inter-agency commitments through Strategy Meeting "
                        "attendance assessment"
                    ),
                    "expected_evidence": (
                        "A sample of 50% of strategy meeting minutes will be reviewed to identify "
                        "where required partners did not attend. A target of full attendance in "
                        "85% of cases will be set for 2010/11."
                    ),
                    "owner": "",
                    "measure": {
                        "description": (
                            "Strategy meetings with full attendance of required partners"
                        ),
                        "baseline": "",
                        "target": "85",
                        "unit": "%",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2011, 3, 31),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Review of a 50% sample of strategy meeting minutes for partner "
                                "attendance"
                            ),
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: March "
                                "2011."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 17,
                    "title": (
                        "Monitoring of inter-agency commitments through SASB attendance assessment"
                    ),
                    "how": (
                        "Monitoring of inter-agency commitments through SASB attendance assessment"
                    ),
                    "expected_evidence": (
                        "All attendance lists of the Sefton Adult Safeguarding Board (SASB) will "
                        "be reviewed in 2010/11 to identify where required partners did not "
                        "attend. Where an agency did not attend for more than one meeting in the "
                        "year this will be highlighted and discussed and addressed by the "
                        "Board.\n\n"
                        "The number of 'deputies' sent to meetings will also be assessed. Where "
                        "more than one deputy within the year was sent by an agency this too will "
                        "be investigated by the Board."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2011, 3, 31),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Review of all SASB attendance lists for 2010/11",
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: March "
                                "2011."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": 4,
            "title": (
                "Develop differentiated training opportunities for key staff from all agencies and "
                "ensure attendance"
            ),
            "recommendations": [4],
            "actions": [
                {
                    "number": 18,
                    "title": (
                        "Agree cross-agency competencies for key roles, provide training, and "
                        "monitor attendance"
                    ),
                    "how": (
                        "Agree clear cross-agency competencies for key roles, provide training, "
                        "and monitor attendance"
                    ),
                    "expected_evidence": (
                        "Competencies and standards are already in place for in-house and "
                        "contractor/provider staff and training outcomes are monitored on a "
                        "quarterly basis and scrutinised by Cabinet.\n\n"
                        "The training sub-group will develop a set of standards for key roles "
                        "across all agencies for agreement by the SASB.\n\n"
                        "Key partner organisations continue to provide their own safeguarding "
                        "training however those partners who are members of the Safeguarding "
                        "Adults Learning and Development Subgroup have agreed and committed "
                        "themselves to providing workforce figures on those undertaking "
                        "safeguarding training within their own organisations on a quarterly basis "
                        "which will then be reported to the SASB."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2010, 10, 31),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Competencies and standards in place for in-house and "
                                "contractor/provider staff"
                            ),
                            "due": date(2010, 3, 31),
                            "done_on": date(2010, 3, 31),
                        },
                        {
                            "text": (
                                "Standards for key roles across all agencies developed for "
                                "agreement by the SASB"
                            ),
                            "due": date(2010, 7, 31),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Partner workforce safeguarding training figures reported "
                                "quarterly to the SASB"
                            ),
                            "due": date(2010, 10, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 33,
                            "narrative": (
                                "Plan updated 31.3.10: competencies and standards are already in "
                                "place for in-house and contractor/provider staff and training "
                                "outcomes are monitored on a quarterly basis and scrutinised by "
                                "Cabinet (Completed). Standards for key roles across all agencies "
                                "due July 2010; partner training figures October 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": 5,
            "title": (
                "Make the role of the adult safeguarding co-ordinator more focused on quality "
                "assuring practice"
            ),
            "recommendations": [5],
            "actions": [
                {
                    "number": 19,
                    "title": (
                        "Review job description of safeguarding coordinator and re-align to focus "
                        "on quality"
                    ),
                    "how": (
                        "Review job description of safeguarding coordinator and re-align to focus "
                        "on quality and push adherence to target timescales."
                    ),
                    "expected_evidence": (
                        "New job description created.\n\n"
                        "The safeguarding coordinator will reduce attendance at strategy meetings "
                        "by 80% in 2010/11.\n\n"
                        "The safeguarding coordinator will undertake the role of expert audit of "
                        "safeguarding documentation using the new audit tool (see Appendix 1) to "
                        "the timescales and volumes as described in Improvement Areas 1, 2, and 3 "
                        "of the action plan.\n\n"
                        "The safeguarding coordinator will play a lead role in the new PQAS where "
                        "performance and quality will be discussed, collated, and disseminated for "
                        "scrutiny/action. (See Area 3 Action 11).\n\n"
                        "The safeguarding coordinator will play a lead role in developing the "
                        "standardisation meetings to ensure changes in working practices are "
                        "embedded and timely operational feedback is provided to the SASB (see "
                        "Area 2 Action 9)."
                    ),
                    "owner": "",
                    "measure": {
                        "description": (
                            "Reduction in the coordinator's attendance at strategy meetings"
                        ),
                        "baseline": "",
                        "target": "80",
                        "unit": "%",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2011, 8, 31),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "New job description created",
                            "due": date(2010, 6, 30),
                            "done_on": None,
                        },
                        {
                            "text": "Attendance at strategy meetings reduced by 80%",
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Coordinator undertakes expert audit of safeguarding documentation"
                            ),
                            "due": date(2011, 8, 31),
                            "done_on": None,
                        },
                        {
                            "text": "Coordinator takes lead role in the new PQAS",
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Coordinator takes lead role in developing the standardisation "
                                "meetings"
                            ),
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: June "
                                "2010, March 2011, August 2011, September 2010, September 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": 6,
            "title": (
                "Improve the availability of individualised and independence-promoting support in "
                "the community including Day Opportunities and Extra Care accommodation"
            ),
            "recommendations": [6],
            "actions": [
                {
                    "number": 20,
                    "title": "Use the proposed national 'stretch target' for self directed support",
                    "how": (
                        "The proposed national 'stretch target' for self directed support will be "
                        "used to measure development of individualised services."
                    ),
                    "expected_evidence": (
                        "All front-line social workers are to be trained in new 'self-directed "
                        "support' processes. These are designed to improve the choice and control "
                        "of clients by allowing individualisation of the care package and promote "
                        "independence.\n\n"
                        "A target of 30% of all clients having been through the self directed "
                        "support process and having access to an individual budget has been set "
                        "for 2010/11 (National Indicator 130)."
                    ),
                    "owner": "",
                    "measure": {
                        "description": (
                            "Clients through self directed support with access to an individual "
                            "budget (NI 130)"
                        ),
                        "baseline": "",
                        "target": "30",
                        "unit": "%",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2011, 3, 31),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "All front-line social workers trained in new 'self-directed "
                                "support' processes"
                            ),
                            "due": date(2010, 6, 30),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "30% of all clients through self directed support with access to "
                                "an individual budget (NI 130)"
                            ),
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: June "
                                "2010; March 2011."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 21,
                    "title": "Creation of 'Older Persons Flexible Day Care Strategy'",
                    "how": "Creation of 'Older Persons Flexible Day Care Strategy'",
                    "expected_evidence": (
                        "A new strategy will be developed in partnership with our main day care "
                        "provider (New Directions). This will be designed to improve access to "
                        "more flexible day care facilities more closely tailored to individual "
                        "needs.\n\n"
                        "Monitoring will be undertaken through performance management criteria "
                        "developed within the strategy's action plan."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2010, 10, 31),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Older Persons Flexible Day Care Strategy developed with New "
                                "Directions"
                            ),
                            "due": date(2010, 10, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: "
                                "October 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 22,
                    "title": (
                        "Increase the number of available Extra Care units to support the Dementia "
                        "Strategy"
                    ),
                    "how": (
                        "Increase the number of available Extra Care units to support "
                        "implementation of Sefton Dementia Strategy."
                    ),
                    "expected_evidence": (
                        "In order to provide for additional support capacity within the market an "
                        "additional 24 Extra Care units for people with dementia will be provided "
                        "to enhance the ability of the Council to support people with dementia to "
                        "continue to 'live at home'."
                    ),
                    "owner": "",
                    "measure": {
                        "description": "Additional Extra Care units for people with dementia",
                        "baseline": "",
                        "target": "24",
                        "unit": "units",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2010, 12, 31),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Additional 24 Extra Care units for people with dementia provided"
                            ),
                            "due": date(2010, 12, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: "
                                "December 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 23,
                    "title": "Market Facilitation Strategy (MFS)",
                    "how": "Market Facilitation Strategy (MFS)",
                    "expected_evidence": (
                        "The new MFS has been launched and outlines the new flexible approach to "
                        "service delivery to improve the choice and control available to service "
                        "users.\n\n"
                        "Meetings with providers to discuss progress of strategy and identify gaps "
                        "and opportunities for delivering more flexible choice to service users "
                        "have been arranged. Four are planned in 2010/11."
                    ),
                    "owner": "",
                    "measure": {
                        "description": "Meetings with providers on the strategy in 2010/11",
                        "baseline": "",
                        "target": "4",
                        "unit": "meetings",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2010, 5, 31),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "New Market Facilitation Strategy launched",
                            "due": date(2010, 3, 31),
                            "done_on": date(2010, 3, 31),
                        },
                        {
                            "text": "Next meeting with providers",
                            "due": date(2010, 5, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 25,
                            "narrative": (
                                "Plan updated 31.3.10: the new MFS has been launched (Completed). "
                                "Meetings with providers have been arranged; four are planned in "
                                "2010/11. Next meeting is in May 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": 7,
            "title": (
                "Progress the planned production of a carer’s strategy. Ensure that there is an "
                "implementation plan that clearly sets out the levels and types of support"
            ),
            "recommendations": [7],
            "actions": [
                {
                    "number": 24,
                    "title": "Production of refreshed Carers Strategy",
                    "how": "Production of refreshed Carers Strategy",
                    "expected_evidence": (
                        "A refreshed strategy will be produced in tandem with engagement and "
                        "consultation with stakeholders.\n\n"
                        "The plan will contain a clear implementation plan with monitoring and "
                        "performance standards.\n\n"
                        "Quarterly Carers Strategy meetings have been set for the year that will "
                        "review progress of strategy with key stakeholders.\n\n"
                        "Evaluation of ‘Caring with Confidence’ training programme undertaken to "
                        "inform next training programme"
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2011, 3, 31),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Refreshed Carers Strategy with implementation plan produced",
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Quarterly Carers Strategy meetings with key stakeholders (first "
                                "quarter of 2010/11)"
                            ),
                            "due": date(2010, 6, 30),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Evaluation of ‘Caring with Confidence’ training programme "
                                "(rolling two-year programme)"
                            ),
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 10,
                            "narrative": (
                                "Plan updated 31.3.10: quarterly Carers Strategy meetings have "
                                "been set for the year. Refreshed strategy due September 2010; "
                                "evaluation of ‘Caring with Confidence’ is a rolling two-year "
                                "programme."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": 8,
            "title": (
                "Ensure that care planning increasingly reflects the individual aspirations of "
                "service users as well as meeting their physical care needs"
            ),
            "recommendations": [8],
            "actions": [
                {
                    "number": 25,
                    "title": (
                        "Production of a person centred plan for all appropriate care management "
                        "clients"
                    ),
                    "how": (
                        "Production of a person centred plan for all appropriate care management "
                        "clients."
                    ),
                    "expected_evidence": (
                        "The new plan will reflect the individual's aspirations and increases in "
                        "direct payments or managed care where appropriate.\n\n"
                        "An audit will be undertaken of 10% of all new person centred plans using "
                        "a new audit pro-forma to assess the quality of the new care plans. A "
                        "target of 70% classed as 'good/excellent' in reflection of individual "
                        "aspirations will be set for 2010/11."
                    ),
                    "owner": "",
                    "measure": {
                        "description": (
                            "Audited person centred plans classed 'good/excellent' in reflection "
                            "of individual aspirations"
                        ),
                        "baseline": "",
                        "target": "70",
                        "unit": "%",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2010, 6, 30),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Person centred plans produced and audited with the new pro-forma"
                            ),
                            "due": date(2010, 6, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: June "
                                "2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 26,
                    "title": "Training for assessment staff on self directed support",
                    "how": "Training for assessment staff on self directed support",
                    "expected_evidence": (
                        "Training to be delivered on how staff ensure that assessments encompass "
                        "individuals aspirations through support planning and helping users "
                        "develop their own self directed support.\n\n"
                        "105 assessment staff to be trained by June 2010."
                    ),
                    "owner": "",
                    "measure": {
                        "description": "Assessment staff trained in self directed support",
                        "baseline": "",
                        "target": "105",
                        "unit": "staff",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2010, 6, 30),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "105 assessment staff trained",
                            "due": date(2010, 6, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: June "
                                "2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 27,
                    "title": "Training and coaching on reflective practice",
                    "how": "Training and coaching on reflective practice",
                    "expected_evidence": (
                        "Training and action learning to be delivered using the CQC 'critique' "
                        "document to enable staff to reflect on practice to enhance and develop "
                        "their skills. For 145 managers and social work staff by June 2011.\n\n"
                        "Currently being planned in conjunction with service managers. "
                        "Effectiveness will be monitored via audits of case files and supervision "
                        "records.\n\n"
                        "The audit process will be cross-referenced with the training system to "
                        "identify audited files where the staff involved have been on training. In "
                        "these cases a target that 90% achieve a 'good/excellent' score following "
                        "the audit will be set and monitored - providing sample sizes in the early "
                        "period make this data significant/relevant."
                    ),
                    "owner": "",
                    "measure": {
                        "description": (
                            "Managers and social work staff trained in reflective practice"
                        ),
                        "baseline": "",
                        "target": "145",
                        "unit": "staff",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2011, 6, 30),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Training and action learning starts",
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "145 managers and social work staff trained (over the following 9 "
                                "months)"
                            ),
                            "due": date(2011, 6, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 5,
                            "narrative": (
                                "Plan updated 31.3.10: currently being planned in conjunction with "
                                "service managers. Starting Sept 2010, and over following 9 months."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 28,
                    "title": "Transitions Protocol",
                    "how": "Transitions Protocol",
                    "expected_evidence": (
                        "Group to be established to develop a generic transitions protocol to "
                        "include all client groups.\n\n"
                        "Completed transitions protocol"
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2011, 3, 31),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Group established to develop a generic transitions protocol",
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": "Completed transitions protocol",
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: Sept "
                                "2010; March 2011."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": 9,
            "title": (
                "Ensure that information about services and support that is produced is properly "
                "distributed and made available to the public"
            ),
            "recommendations": [9],
            "actions": [
                {
                    "number": 29,
                    "title": "Develop a systematic approach to leaflet distribution",
                    "how": (
                        "Develop a systematic approach to leaflet distribution and ensure partner "
                        "agencies are displaying materials"
                    ),
                    "expected_evidence": (
                        "A project is underway to create a centralised corporate communications "
                        "department to ensure consistent application, economies of scale and "
                        "'corporate badging'. A Project Initiation Document is in place to scope "
                        "the leaflets and detail on how the public access information along with "
                        "appropriate action plan and performance standards."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2010, 9, 30),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Systematic approach to leaflet distribution in place",
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 25,
                            "narrative": (
                                "Plan updated 31.3.10: a project is underway to create a "
                                "centralised corporate communications department. A Project "
                                "Initiation Document is in place. Timescale: Sept 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 30,
                    "title": (
                        "Ensure service user input into making information about services "
                        "'accessible'"
                    ),
                    "how": (
                        "Ensure service user input into making information about services "
                        "'accessible'."
                    ),
                    "expected_evidence": (
                        "Establish a service user focus group via the Ability Group of the Sefton "
                        "Equalities Partnership to test accessibility of information and its "
                        "usefulness.\n\n"
                        "A mystery shopper exercise is currently being undertaken and the results "
                        "will be reported back to the Partnership Board and Equalities Partnership."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2010, 9, 30),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {"text": "Group established", "due": date(2010, 6, 30), "done_on": None},
                        {
                            "text": (
                                "Mystery shopper results reported to the Partnership Board and "
                                "Equalities Partnership"
                            ),
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 25,
                            "narrative": (
                                "Plan updated 31.3.10: a mystery shopper exercise is currently "
                                "being undertaken. Focus group to be established June 2010; "
                                "results reported September 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 31,
                    "title": (
                        "Continue to utilise 'road shows' to promote information on priority areas"
                    ),
                    "how": (
                        "Continue to utilise 'road shows' to promote information on priority areas"
                    ),
                    "expected_evidence": (
                        "In collaboration with stakeholder colleagues, and with private company "
                        "support, hold a series of Memory Matters road shows across Sefton in "
                        "support of the Dementia Strategy.\n\n"
                        "Deliver two events (one for providers, second awareness raising across "
                        "wider workforce) to promote an understanding of the needs of people with "
                        "dementia."
                    ),
                    "owner": "",
                    "measure": {
                        "description": "Dementia awareness events delivered",
                        "baseline": "",
                        "target": "2",
                        "unit": "events",
                    },
                    "start": date(2010, 5, 1),
                    "due": date(2010, 9, 30),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Memory Matters road shows across Sefton (May – Aug 2010)",
                            "due": date(2010, 8, 31),
                            "done_on": None,
                        },
                        {
                            "text": "Two dementia events (providers; wider workforce)",
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: May – "
                                "Aug 2010; Sept 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": 10,
            "title": (
                "Use advocacy in a more focused and precise way to ensure that the views of people "
                "who use services are heard and respond more effectively"
            ),
            "recommendations": [10],
            "actions": [
                {
                    "number": 32,
                    "title": (
                        "Develop guidance for the use of advocacy and monitor uptake and outcomes"
                    ),
                    "how": (
                        "Develop guidance for the use of advocacy and monitor uptake and outcomes. "
                        "To ensure that service users have choice and control in respect of the "
                        "use of advocacy services the new procedures will focus on maximising "
                        "choice and developing alternate pathways for service users."
                    ),
                    "expected_evidence": (
                        "In order to ensure the use of advocacy is more focused and effective for "
                        "service users a set of amended and agreed procedures and policy guidance "
                        "will be developed with usage criteria, clear service standards, and "
                        "eligibility criteria.\n\n"
                        "Monitoring arrangements will be put in place for use of advocacy in "
                        "general and specifically for safeguarding situations.\n\n"
                        "The audit tool described in Appendix 1 will be utilised for assessing the "
                        "use of advocacy in safeguarding cases based on the 10% sample audit of "
                        "files noted in Area 2 Action 7."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2010, 9, 30),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Amended procedures and policy guidance for advocacy developed",
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": "Monitoring arrangements for use of advocacy in place",
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Audit tool used to assess use of advocacy in safeguarding cases"
                            ),
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: "
                                "September 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 33,
                    "title": "Joint Advocacy Strategy developed with NHS Sefton",
                    "how": "Joint Advocacy Strategy developed with NHS Sefton.",
                    "expected_evidence": (
                        "NHS Sefton to lead a project on developing an Advocacy Strategy with "
                        "clear objectives and outcomes for service users and in consultation with "
                        "service user groups."
                    ),
                    "owner": "NHS Sefton",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2010, 12, 31),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Joint Advocacy Strategy developed",
                            "due": date(2010, 12, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: "
                                "December 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": 11,
            "title": (
                "Work with partners to improve the consistency of outcomes for people who use "
                "services and their carers at the time of discharge from hospital"
            ),
            "recommendations": [11],
            "actions": [
                {
                    "number": 34,
                    "title": (
                        "Develop a Multi-agency Discharge Strategy (MDS) and robust action plan"
                    ),
                    "how": (
                        "Develop a Multi-agency Discharge Strategy (MDS) and robust action plan."
                    ),
                    "expected_evidence": (
                        "The Multi-agency Discharge Strategy will ensure that arrangements and "
                        "performance management systems are consistent and meet the needs of "
                        "people discharged from hospital.\n\n"
                        "The strategy will:\n"
                        "- Be agreed and signed up to by all agencies\n"
                        "- Include clear pathways, processes and procedures\n"
                        "- Be informed by review and reporting of service users' 'journey'\n"
                        "- Create timely discharge arrangements for all agencies\n"
                        "- Allocate accountability\n"
                        "- Set standards and specific monitoring and reporting requirements\n"
                        "- Develop data sharing and ownership protocols\n\n"
                        "Joint meetings commenced with NHS Sefton – chaired by NHS Sefton "
                        "Commissioner."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2010, 9, 30),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Multi-agency Discharge Strategy agreed",
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": "Joint meetings commenced with NHS Sefton",
                            "due": date(2010, 2, 28),
                            "done_on": date(2010, 2, 28),
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 25,
                            "narrative": (
                                "Plan updated 31.3.10: joint meetings commenced with NHS Sefton – "
                                "chaired by NHS Sefton Commissioner (Feb 2010). Strategy due Sept "
                                "2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": 12,
            "title": (
                "Use the intelligence gathered through the complaints process more effectively to "
                "fine tune and improve overall service provision and processes"
            ),
            "recommendations": [12],
            "actions": [
                {
                    "number": 35,
                    "title": "Wider dissemination of the monitoring and analysis of complaints",
                    "how": (
                        "Wider dissemination of the monitoring and analysis of complaints will be "
                        "undertaken"
                    ),
                    "expected_evidence": (
                        "Summary information from complaints data will be disseminated to Cabinet "
                        "Members and service heads to provide for the use of this information in "
                        "supporting service planning."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2011, 3, 31),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Quarterly complaints summary reports to Cabinet Members and "
                                "service heads (first quarter of 2010/11)"
                            ),
                            "due": date(2010, 6, 30),
                            "done_on": None,
                        },
                        {
                            "text": "Complaints information used in annual service planning",
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: "
                                "quarterly reports/annual service planning."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 36,
                    "title": "Collaboration with NHS Sefton on complaints, sharing good practice",
                    "how": (
                        "Collaboration with NHS Sefton, sharing of good practice to create "
                        "consistent decision making and efficiencies."
                    ),
                    "expected_evidence": (
                        "In order to remove silos of activity resulting from complaints and ensure "
                        "greater cross-agency transparency for the citizen a joint post - based in "
                        "NHS Sefton - has been established.\n\n"
                        "The complaints officer will be responsible for reporting outcomes to "
                        "cross-agency management and providing monitoring information for service "
                        "planning."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2011, 3, 31),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Joint complaints post based in NHS Sefton established",
                            "due": date(2010, 3, 31),
                            "done_on": date(2010, 3, 31),
                        },
                        {
                            "text": "Quarterly report to DMT (first quarter of 2010/11)",
                            "due": date(2010, 6, 30),
                            "done_on": None,
                        },
                        {
                            "text": "Yearly report to Cabinet",
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 50,
                            "narrative": (
                                "Plan updated 31.3.10: a joint post - based in NHS Sefton - has "
                                "been established (Completed). Reporting: quarterly to DMT, yearly "
                                "to Cabinet."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": 13,
            "title": (
                "Ensure that workforce developments and training plans have clear improvement "
                "targets that are able to be monitored"
            ),
            "recommendations": [13],
            "actions": [
                {
                    "number": 37,
                    "title": "Refresh and assess the HR Strategy & Action Plan",
                    "how": "Refresh and assess the HR Strategy & Action Plan.",
                    "expected_evidence": (
                        "The HR Strategy & Action Plan has been refreshed and targets re-assessed "
                        "to ensure they are 'SMART'. The action plan has been informed by the "
                        "Northwest model of Integrated Local Area Workforce Strategy (ILAWS)."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2010, 3, 31),
                    "status": "completed",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "HR Strategy & Action Plan refreshed and targets re-assessed",
                            "due": date(2010, 3, 31),
                            "done_on": date(2010, 3, 31),
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "completed",
                            "rag": "green",
                            "percent_complete": 100,
                            "narrative": (
                                "Plan updated 31.3.10: Completed. The HR Strategy & Action Plan "
                                "has been refreshed and targets re-assessed to ensure they are "
                                "'SMART'."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 38,
                    "title": (
                        "2010/11 Learning & Development Plan with review of outcomes and 'SMART'er "
                        "targets"
                    ),
                    "how": (
                        "2010/11 Learning & Development Plan contains a review of previous year's "
                        "outcomes and 'SMART'er targets."
                    ),
                    "expected_evidence": (
                        "Trimester performance reviews will be monitored for delivery against "
                        "targets through the Departmental Management Team (DMT)."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2010, 3, 31),
                    "status": "completed",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "2010/11 Learning & Development Plan completed (trimester reviews "
                                "ongoing)"
                            ),
                            "due": date(2010, 3, 31),
                            "done_on": date(2010, 3, 31),
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "completed",
                            "rag": "green",
                            "percent_complete": 100,
                            "narrative": (
                                "Plan updated 31.3.10: Completed / ongoing. Trimester performance "
                                "reviews will be monitored for delivery against targets through "
                                "DMT."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": 14,
            "title": (
                "Clarify the strategic priorities for older people’s services and share the detail "
                "of these plans with staff and stakeholders"
            ),
            "recommendations": [14],
            "actions": [
                {
                    "number": 39,
                    "title": "Completion of the Sefton Older Persons Strategy",
                    "how": "Completion of the Sefton Older Persons Strategy.",
                    "expected_evidence": (
                        "The Sefton ‘Older Person Strategy’ will be completed and will contain "
                        "performance and monitoring standards for service development around a set "
                        "of strategic priorities developed in consultation with a wide variety of "
                        "stakeholders including Local Involvement Networks and Sefton Partnership "
                        "for Older Citizens.\n\n"
                        "This will set the strategic direction for Sefton and will be disseminated "
                        "through a variety of awareness raising activity including for example "
                        "‘road shows’, leaflets, posters, and via existing older people networks."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2010, 9, 30),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Sefton Older Person Strategy completed",
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: "
                                "September 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 40,
                    "title": "Review of service plan for older people",
                    "how": "Review of service plan for older people",
                    "expected_evidence": (
                        "The service plan for older people will be reviewed to ensure that a "
                        "specific targeted action plan is developed and is monitored via DMT."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2010, 9, 30),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Service plan for older people reviewed with a specific targeted "
                                "action plan"
                            ),
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: "
                                "September 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": 15,
            "title": (
                "Strengthen the implementation process associated with the Equalities Strategy"
            ),
            "recommendations": [15],
            "actions": [
                {
                    "number": 41,
                    "title": (
                        "Mainstream equality and diversity and encourage senior managers to "
                        "champion the strategy"
                    ),
                    "how": (
                        "Mainstream equality and diversity and encourage senior managers to "
                        "champion the strategy."
                    ),
                    "expected_evidence": (
                        "Develop a clear set of behaviours in relation to equality and diversity "
                        "that are expected of all staff linked to the values of the Council.\n\n"
                        "All senior managers of the Council are now involved in a culture change "
                        "programme in addition to a coaching programme.\n\n"
                        "Develop a clear set of positive messages of what is acceptable and "
                        "unacceptable.\n\n"
                        "Develop processes that will assist the organisation to identify and "
                        "challenge unwanted behaviour at all levels.\n\n"
                        "Director of Adult Social Care is now champion for equality.\n\n"
                        "Performance sub-group of the Corporate Equalities Partnership is to "
                        "monitor and report on application of policies across the Borough and with "
                        "partners."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2011, 3, 31),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Clear set of equality and diversity behaviours expected of all "
                                "staff"
                            ),
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Senior managers' culture change and coaching programme (ongoing)"
                            ),
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Clear set of positive messages of what is acceptable and "
                                "unacceptable"
                            ),
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": (
                                "Processes to identify and challenge unwanted behaviour at all "
                                "levels"
                            ),
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": "Director of Adult Social Care is now champion for equality",
                            "due": date(2010, 3, 31),
                            "done_on": date(2010, 3, 31),
                        },
                        {
                            "text": (
                                "Quarterly monitoring by the Performance sub-group of the "
                                "Corporate Equalities Partnership (first quarter of 2010/11)"
                            ),
                            "due": date(2010, 6, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 25,
                            "narrative": (
                                "Plan updated 31.3.10: all senior managers of the Council are now "
                                "involved in a culture change programme in addition to a coaching "
                                "programme (Ongoing). Director of Adult Social Care is now "
                                "champion for equality (Completed). Behaviours, messages and "
                                "processes due September 2010; monitoring quarterly."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": 16,
            "title": (
                "Ensure that Equality Impact Assessments are used consistently to improve services "
                "for hard to reach groups"
            ),
            "recommendations": [16],
            "actions": [
                {
                    "number": 42,
                    "title": "Re-assess EIA for current strategies in the Department",
                    "how": "Re-assess EIA for current strategies in the Department.",
                    "expected_evidence": (
                        "The Director of Adult Social Care has established a corporate sub-group "
                        "to performance manage the use of EIA across the Council. EIA plans will "
                        "be assessed and linked to the Council's strategic targets, monitoring "
                        "performance and targeting resources."
                    ),
                    "owner": "Director of Adult Social Care",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2010, 9, 30),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "EIA plans assessed and linked to the Council's strategic targets"
                            ),
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 25,
                            "narrative": (
                                "Plan updated 31.3.10: the Director of Adult Social Care has "
                                "established a corporate sub-group to performance manage the use "
                                "of EIA across the Council. Timescale: September 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 43,
                    "title": "Improve data collection in respect of hard to reach groups",
                    "how": "Improve data collection in respect of hard to reach groups",
                    "expected_evidence": (
                        "Improvements will be undertaken to data collection (especially at first "
                        "contact stage) to ensure consistent approach to recording of all hard to "
                        "reach groups via customer service centre. This will be monitored and "
                        "performance managed by the Corporate Equalities Group as part of their "
                        "action plan."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2010, 4, 30),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Performance action plan of the Corporate Equalities Group signed "
                                "off"
                            ),
                            "due": date(2010, 4, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 50,
                            "narrative": (
                                "Plan updated 31.3.10: incorporated in the performance action plan "
                                "of the Corporate Equalities Group to be signed off April 2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": 17,
            "title": (
                "Strengthen directorate and partnership strategic developments through publishing "
                "detailed commissioning and joint commissioning strategies for older people"
            ),
            "recommendations": [17],
            "actions": [
                {
                    "number": 44,
                    "title": "NHS Operating Plan",
                    "how": "NHS Operating Plan",
                    "expected_evidence": (
                        "Strategic operating plan which will report to NHS Board, Sefton "
                        "Partnership for Older Citizens and Borough Partnership."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2011, 3, 31),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Annual strategic operating plan reported to NHS Board, Sefton "
                                "Partnership for Older Citizens and Borough Partnership"
                            ),
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: "
                                "annually."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 45,
                    "title": "Transforming Community Services",
                    "how": "Transforming Community Services",
                    "expected_evidence": (
                        "Proposal submitted to the NHS North West on the integration of delivery "
                        "of appropriate services with Sefton MBC.\n\n"
                        "The Community Services and Transforming Social Care work streams will be "
                        "joined-up."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2010, 3, 31),
                    "status": "completed",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Proposal submitted to NHS North West",
                            "due": date(2010, 3, 31),
                            "done_on": date(2010, 3, 31),
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "completed",
                            "rag": "green",
                            "percent_complete": 100,
                            "narrative": (
                                "Plan updated 31.3.10: proposal submitted to the NHS North West on "
                                "the integration of delivery of appropriate services with Sefton "
                                "MBC (submitted March 2010)."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": 18,
            "title": (
                "Use commissioning incentives to improve the pace of development of a wider range "
                "of community based, flexible services and accommodation options."
            ),
            "recommendations": [18],
            "actions": [
                {
                    "number": 46,
                    "title": "Market Facilitation Strategy activities to stimulate the market",
                    "how": (
                        "The recently launched and co-produced [with care providers] Market "
                        "Facilitation Strategy sets out a series of activities to assist external "
                        "providers and stimulate the market to offer a more varied choice of care "
                        "and support to personal budget holders."
                    ),
                    "expected_evidence": (
                        "Providers meetings and forums will continue to influence the Strategy and "
                        "test out new ideas to expand the care market.\n\n"
                        "Performance will be monitored as part of the strategy's action plan.\n\n"
                        "The co-produced 3-year action plan will be continually revised and "
                        "updated via provider meetings and forums. Four meetings are proposed for "
                        "2010/11."
                    ),
                    "owner": "",
                    "measure": {
                        "description": (
                            "Provider meetings on the Market Facilitation Strategy in 2010/11"
                        ),
                        "baseline": "",
                        "target": "4",
                        "unit": "meetings",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2011, 3, 31),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "First providers meeting",
                            "due": date(2010, 5, 31),
                            "done_on": None,
                        },
                        {
                            "text": "Strategy updated (annually)",
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 10,
                            "narrative": (
                                "Plan updated 31.3.10: the Market Facilitation Strategy has "
                                "recently been launched. First meeting May 2010; strategy will be "
                                "updated annually."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": 19,
            "title": (
                "Use value for money approach more effectively to challenge established services."
            ),
            "recommendations": [19],
            "actions": [
                {
                    "number": 47,
                    "title": (
                        "Secure home care fee levels at current fees, with contract extension to "
                        "2012"
                    ),
                    "how": (
                        "Successfully agreed with contracted home care providers to secure fee "
                        "level at current fees. In return agreement of three-year extension to "
                        "2012 for non-residential contracts awarded"
                    ),
                    "expected_evidence": (
                        "To ensure consistency of provision and provide continuous contributions "
                        "towards savings target for 2009/10 which will cascade down into 2010/11."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2010, 3, 31),
                    "status": "completed",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Fee levels agreed with contracted home care providers",
                            "due": date(2010, 3, 31),
                            "done_on": date(2010, 3, 31),
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "completed",
                            "rag": "green",
                            "percent_complete": 100,
                            "narrative": (
                                "Plan updated 31.3.10: successfully agreed with contracted home "
                                "care providers to secure fee level at current fees (March 2010)."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 48,
                    "title": "Cease applying inflation element for 2010/2011",
                    "how": "Cease applying inflation element for 2010/2011",
                    "expected_evidence": (
                        "Will positively contribute towards efficiency savings targets"
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2010, 4, 30),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": "Inflation element not applied for 2010/2011",
                            "due": date(2010, 4, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: April "
                                "2010."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 49,
                    "title": (
                        "Continue to reassess and where appropriate re tender all high value care "
                        "packages"
                    ),
                    "how": (
                        "Continue to reassess and where appropriate re tender all high value care "
                        "packages"
                    ),
                    "expected_evidence": (
                        "Ensure value for money and identify continuous contributions towards "
                        "savings target for 2009/10 that will cascade down into 2010/11.\n\n"
                        "Two value for money exercises will be undertaken in 2010/11 one focussing "
                        "on dementia / day care; and one on Learning Disability provision."
                    ),
                    "owner": "",
                    "measure": {
                        "description": "Value for money exercises undertaken in 2010/11",
                        "baseline": "",
                        "target": "2",
                        "unit": "exercises",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2011, 3, 31),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Two value for money exercises (dementia / day care; Learning "
                                "Disability provision)"
                            ),
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 10,
                            "narrative": (
                                "Plan updated 31.3.10: reassessment of high value care packages "
                                "continues. Two value for money exercises to be undertaken in "
                                "2010/11 (March 2011)."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 50,
                    "title": (
                        "Review purchasing/commissioning arrangements to maximise joint "
                        "arrangements"
                    ),
                    "how": (
                        "Review purchasing/ commissioning arrangements to maximise the use of "
                        "joint arrangements and ensure value for money"
                    ),
                    "expected_evidence": (
                        "Explore cost savings following the transfer of the Learning Disability "
                        "Commissioning budgets from PCT to LA.\n\n"
                        "Create new contract for joint funded packages."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2009, 12, 1),
                    "due": date(2011, 3, 31),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Cost savings explored following transfer of Learning Disability "
                                "Commissioning budgets"
                            ),
                            "due": date(2010, 9, 30),
                            "done_on": None,
                        },
                        {
                            "text": "New contract for joint funded packages created",
                            "due": date(2011, 3, 31),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: "
                                "September 2010; March 2011."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 51,
                    "title": (
                        "Use benchmarking facilities to ensure costs are economic and efficient"
                    ),
                    "how": (
                        "ASC Department uses a range of benchmarking facilities to ensure costs "
                        "are economic and efficient. Comparison data taken from national "
                        "commercially produced databases are used in negotiation with providers. "
                        "Lang and Bussion national annual survey of fees for social care. Trade "
                        "associations also undertake analysis of market price trends"
                    ),
                    "expected_evidence": (
                        "Explore collaborative procurement partnership via sub regional reablement "
                        "groups."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2010, 4, 1),
                    "due": date(2010, 4, 30),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Explore collaborative procurement partnership via sub regional "
                                "reablement groups (April 2010 and throughout the year)"
                            ),
                            "due": date(2010, 4, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: April "
                                "2010 and throughout the year."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 52,
                    "title": (
                        "Use CRILL and LAMA data to challenge low performing residential and "
                        "nursing providers"
                    ),
                    "how": (
                        "Use CRILL and LAMA data to effectively challenge low performing "
                        "residential and nursing providers"
                    ),
                    "expected_evidence": (
                        "Reduce where appropriate quality payments until all defects in service "
                        "resolved.\n\n"
                        "Contracts will undertake file sampling and collate evidence from review "
                        "process for clients in adequate/poor homes to monitor outcomes for "
                        "clients and provide feedback to homes on quality."
                    ),
                    "owner": "",
                    "measure": None,
                    "start": date(2010, 4, 1),
                    "due": date(2010, 4, 30),
                    "status": "not_started",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Quality payments reduced where appropriate; file sampling in "
                                "adequate/poor homes (April 2010 and throughout the year)"
                            ),
                            "due": date(2010, 4, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2010, 3, 31),
                            "status": "not_started",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Plan updated 31.3.10: no progress recorded yet. Timescale: April "
                                "2010 and throughout the year."
                            ),
                            "measure_reading": "",
                        },
                    ],
                },
                {
                    "number": 53,
                    "title": "Widen Individual Budgets availability to more service users",
                    "how": "Widen Individual Budgets availability to more service users",
                    "expected_evidence": (
                        "Increased choice and control for service users and potential for "
                        "productivity and efficiency gains by users managing their own care "
                        "packages."
                    ),
                    "owner": "",
                    "measure": {
                        "description": (
                            "Direct Payments / Individual Budgets (Transforming Social Care target "
                            "2009/10)"
                        ),
                        "baseline": "",
                        "target": "630",
                        "unit": "people",
                    },
                    "start": date(2009, 12, 1),
                    "due": date(2010, 4, 30),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [
                        {
                            "text": (
                                "Individual Budgets widened to more service users (April 2010 and "
                                "throughout the year)"
                            ),
                            "due": date(2010, 4, 30),
                            "done_on": None,
                        },
                    ],
                    "updates": [
                        {
                            "date": date(2009, 9, 30),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Transforming Social Care report (agenda item 5): Direct Payments "
                                "Individual Budgets half yearly figure 592 against a target of 630."
                            ),
                            "measure_reading": "592",
                        },
                        {
                            "date": date(2009, 12, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 0,
                            "narrative": (
                                "Transforming Social Care report (agenda item 5): Direct Payments "
                                "Individual Budgets 3rd quarter figure 614 against a target of 630."
                            ),
                            "measure_reading": "614",
                        },
                        {
                            "date": date(2010, 3, 31),
                            "status": "on_track",
                            "rag": "green",
                            "percent_complete": 10,
                            "narrative": (
                                "Plan updated 31.3.10: timescale April 2010 and throughout the "
                                "year. Transforming Social Care final year-end report (agenda item "
                                "5): Direct Payments/Individual Budgets target 630, final position "
                                "733; the current figures include 100 Carers Direct Payments."
                            ),
                            "measure_reading": "733",
                        },
                    ],
                },
            ],
        },
    ],
}
