"""Demo data: Walsall Council adult social care peer challenge, 2-4 November 2015.

Source: Walsall Council scrutiny report of 17 December 2015 (seed 003), which carries the
West Midlands ADASS peer challenge presentation (4 November 2015) and the formal feedback
letter from Stephen Chandler (17 November 2015).

Findings are taken from the letter; points made only in the presentation (including the
whole case file audit, reported under key line of enquiry 5) are added after the letter's
points for the same question. The summary findings have no scope question.

The scrutiny report lists the action plan (Appendix 2) as "to follow", so its text is not in
the source. PLAN therefore has one area per recommendation, and actions only where the
scrutiny report or the letter records a concrete commitment (financial plan deliverability
by January 2016, senior appointments, agreeing the use of regional support). No action has
a named owner in the source. Actions without a stated date are due at the March 2016
progress review.
"""

from datetime import date

REVIEW = {
    "host_council": "Walsall Council",
    "lead_council": "Shropshire Council",
    "kind": "peer_challenge",
    "title": "Adult social care peer challenge, Walsall (November 2015)",
    "visit_start": date(2015, 11, 2),
    "visit_end": date(2015, 11, 4),
    "letter_date": date(2015, 11, 17),
    "status": "progress_review",
    # The scrutiny report plans the progress review for March 2016 (no day is given).
    "progress_review_date": date(2016, 3, 31),
    "focus_areas": ["outcomes", "participation", "working_together", "resources", "practice"],
    "capacity_to_improve": "",
    "judgements": [],
    "letter": {
        "addressee": "Keith Skerman, Executive Director, Social Care & Inclusion",
        "address": "Walsall Council\nCouncil House\nLichfield Street\nWalsall\nWS1 1TP",
        "salutation": "Dear Keith",
        "reference": "Walsall Adult Social Care Peer Challenge – 2-4 November 2015",
        "opening": (
            "I write to give you formal feedback following the Use of Resources peer challenge "
            "visit on the 2 - 4 November 2015. This builds on the provisional feedback we shared "
            "with you at the end of the challenge visit on Wednesday 4th November 2015. (A copy "
            "of our presentation is attached as an appendix).\n\n"
            "I would like to thank you for putting Walsall forward to host this peer challenge, "
            "particularly as you were only the second council to use the refreshed West Midlands "
            "approach, your feedback will help us further refine the process. There were many "
            "positive areas of good practice and policy that we will take away from our visit, "
            "which I will share with regional colleagues across West Midlands ADASS.\n\n"
            "I would also like to thank all the people who use services, carers, staff and "
            "partners, Leader of the Council, Leader of the Opposition, Cabinet Member, and "
            "Scrutiny members who participated in the challenge.\n\n"
            "We were made welcome, and our thanks to the administrative team in your office for "
            "their organisation before and during our visit. We were very impressed with the way "
            "in which people embraced the peer challenge particularly the level of honesty and "
            "self-reflection on some of your challenges."
        ),
        "team_paragraph": (
            "I was pleased to lead the peer challenge and I was joined by Liam Waldron Expert by "
            "Experience; Councillor Tim Barker Cabinet Member Shropshire; Christine Whitehead "
            "Assistant Director Stoke on Trent; Ros Bridges Senior Finance Lead Shropshire and "
            "Helen Coombes West Midlands Peer Challenge Lead.\n\n"
            "The process also included a case audit and this was led by Mark Godfrey Improvement "
            "& Efficiency West Midlands, and undertaken by Mandy Appleby Principle Social Worker "
            "Herefordshire, and Stuart James Social Care Practice Lead Staffordshire."
        ),
        "scope": (
            "You asked for the peer challenge to be focused on Use of Resources and in addition "
            "asked for three specific areas to be considered and this letter provides our "
            "findings and recommendations plus the findings from the Case Audit (attached as an "
            "appendix). The three specific questions you asked us to consider were:-\n\n"
            "1. How are the Medium and Short Term Plans supported by structures and mechanisms to "
            "deliver the objectives, including financial sustainability, and appropriate measures "
            "to reduce cost and demand for social care?\n"
            "2. A focus on workforce is a key priority to deliver the improvement plans – do we "
            "have appropriate skills, skill mix and capacity in the operating model?\n"
            "3. Do we have sufficient focus on user and carer experience and the mechanisms to "
            "allow them to achieve better outcomes at lower cost to themselves and the system?"
        ),
        "executive_summary": (
            "The council has made some progress in understanding where it is spending its money, "
            "and how the council could better use the resources it has available since the last "
            "peer challenge, with commissioning and operational staff articulating the need to "
            "better use data to inform commissioning decisions and efficiently deploy the "
            "available workforce.\n\n"
            "The planned spend in 15/16 on adult social care as a % of total council budget is "
            "low at 28% and is one of the lowest in the West Midlands region. In this context the "
            "council needs to critically consider the deliverability of further planned savings. "
            "The planned additional investment in adult social care in 16/17 was recognised but "
            "the Team felt that further analysis of the wider market, other pressures, capacity "
            "within the assessment process and impact of wider council demand management activity "
            "should take place to risk assess deliverability of savings plans.\n\n"
            "The Team also felt in addition that further work should take place at a corporate "
            "level between officers and political leaders to further define the strategic "
            "direction of the council, its contribution to demand management for social care and "
            "the change capacity available to reduce costs. To support this the council should "
            "evaluate the operating model for reablement and other prevention interventions such "
            "as telecare, analysing the return on investment these schemes are delivering and "
            "using the findings to inform the medium term financial plan.\n\n"
            "Undertaking both of the above, using the findings as a basis for discussion between "
            "senior officers and politicians about deliverability would support the development "
            "of a unified corporate and service focused set of financial recovery plans. This "
            "would also help address the variable levels of confidence in the financial plans "
            "that politicians and officers reported to the team.\n\n"
            "There is a strong relationship with the NHS at a senior level and a real commitment "
            "to build on this further, this has delivered with the Clinical Commissioning Group a "
            "shared understanding of the pressures facing adult social care, and how the Better "
            "Care Fund (BCF) can be used to help mitigate these pressures. The Team felt that "
            "through the BCF there is an opportunity to deliver transformational change and "
            "improved outcomes. The Team identified some examples of excellent individual and "
            "collective working which is having a positive impact on people's lives such as in "
            "Darlaston and would urge the senior leadership team to consider rolling this out "
            "across Walsall with partners.\n\n"
            "The Team was impressed by the resilience of the workforce and the focus on practice "
            "during a long period of continuous change. The new case management system offers an "
            "opportunity for improvement in performance management, in addition we met many staff "
            "who demonstrated creativity and potential for innovation. It was also encouraging to "
            "hear about the plans for permanent recruitment to senior leadership posts which will "
            "bring some stability within the directorate. To improve morale and performance, the "
            "adult social care core offer needs to be articulated clearly to all. Implementation "
            "must be linked to a corporate plan and direction of travel with responsibility for "
            "implementation agreed across politicians and the executive team. A review of the "
            "current governance and accountability for change management, together with an "
            "assessment of capacity and capability of change resources to deliver the medium term "
            "financial plan and improved outcomes is recommended.\n\n"
            "A new Safeguarding Adults Board Independent Chair is in place which will support the "
            "development within the council, and across the system as part of the new "
            "responsibilities as part of Care Act implementation. This is a positive development "
            "and the Team noted that despite many challenges strong performance in many metrics "
            "of the Adult Social Care Outcomes Framework (ASCOF) has been maintained."
        ),
        "overview": (
            "The Peer Challenge Team (hereafter referred to as the Team) identified a number of "
            "main strengths and challenges which are in the following summary. This is followed "
            "by a section on the additional three specific areas of the scope."
        ),
        "conclusion": (
            "The team recognised that the council faces many challenges and has made significant "
            "financial savings and transformational changes over the past few years and heard "
            "many positive examples of planned work that will reduce cost and improve outcomes. "
            "Leadership, culture and organisational change capacity are key to successfully "
            "managing the many challenges and the Team believe that the following additional "
            "recommendations should be considered by the Leader of the council and the senior "
            "officer team.\n\n"
            "Finally, we have sought to make the findings of the peer challenge constructive and "
            "helpful to the council and also to strike an appropriate balance between support and "
            "challenge. In line with the west midlands peer challenge approach, we would ask that "
            "the council considers the recommendations, develops an action plan in response, and "
            "in March 2016 a review of progress takes place through a discussion between the Lead "
            "Director of Adult Social Care (DASS) and Walsall DASS. It is also agreed in the west "
            "midlands that councils will publish their peer challenge final letter and subsequent "
            "action plan to demonstrate its commitment to sector led improvement.\n\n"
            "We hope that you are able to receive positively the comments and recommendations the "
            "Team has made. We have learnt from the process ourselves and we have really "
            "appreciated the opportunity to take away some good examples of care and support that "
            "we can share with councils across the West Midlands.\n\n"
            "On behalf of the Team, I would like to thank you for hosting this peer challenge and "
            "for working so positively with us. I hope that you will agree this has resulted in a "
            "helpful and constructive outcome."
        ),
        "signatory_name": "Stephen T Chandler",
        "signatory_title": "Director of Adult Services, Shropshire Council",
        "copy_list": "Helen Coombes, West Midlands Peer Challenge Lead",
    },
    "team": [
        {
            "name": "Stephen T Chandler",
            "role": "lead",
            "organisation": "Shropshire Council",
        },
        {
            "name": "Liam Waldron",
            "role": "expert_by_experience",
            "organisation": "",
        },
        {
            "name": "Councillor Tim Barker",
            "role": "councillor",
            "organisation": "Shropshire Council",
        },
        {
            "name": "Christine Whitehead",
            "role": "head_of_service",
            "organisation": "Stoke-on-Trent City Council",
        },
        {
            "name": "Ros Bridges",
            "role": "finance_lead",
            "organisation": "Shropshire Council",
        },
        {
            "name": "Helen Coombes",
            "role": "programme_lead",
            "organisation": "West Midlands ADASS",
        },
        {
            "name": "Mark Godfrey",
            "role": "peer",
            "organisation": "Improvement & Efficiency West Midlands",
        },
        {
            "name": "Mandy Appleby",
            "role": "peer",
            "organisation": "Herefordshire Council",
        },
        {
            "name": "Stuart James",
            "role": "peer",
            "organisation": "Staffordshire County Council",
        },
    ],
    "scope_questions": [
        {
            "number": 1,
            "text": (
                "How are the Medium and Short Term Plans supported by structures and mechanisms "
                "to deliver the objectives, including financial sustainability, and appropriate "
                "measures to reduce cost and demand for social care?"
            ),
        },
        {
            "number": 2,
            "text": (
                "A focus on workforce is a key priority to deliver the improvement plans – do we "
                "have appropriate skills, skill mix and capacity in the operating model?"
            ),
        },
        {
            "number": 3,
            "text": (
                "Do we have sufficient focus on user and carer experience and the mechanisms to "
                "allow them to achieve better outcomes at lower cost to themselves and the system?"
            ),
        },
        {
            "number": 4,
            "text": (
                "The preventative impact and overall management of demand for social care of the "
                "council's activities in implementing the Care Act, and working on integration "
                "with NHS"
            ),
        },
        {
            "number": 5,
            "text": (
                "The practice and process of assessment and reviews of social care needs that "
                "support the “asset” based approach (including the attachment model locally used) "
                "to meeting peoples’ needs the council aspires to across the whole organisation "
                "and in social care in particular."
            ),
        },
    ],
    "findings": [
        {
            "kind": "strength",
            "scope_question": None,
            "text": (
                "The council has made some progress in understanding where it is spending its "
                "money, and how the council could better use the resources it has available since "
                "the last peer challenge, with commissioning and operational staff articulating "
                "the need to better use data to inform commissioning decisions and efficiently "
                "deploy the available workforce."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": None,
            "text": (
                "The planned spend in 15/16 on adult social care as a % of total council budget "
                "is low at 28% and is one of the lowest in the West Midlands region. In this "
                "context the council needs to critically consider the deliverability of further "
                "planned savings. The planned additional investment in adult social care in 16/17 "
                "was recognised but the Team felt that further analysis of the wider market, "
                "other pressures, capacity within the assessment process and impact of wider "
                "council demand management activity should take place to risk assess "
                "deliverability of savings plans."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": None,
            "text": (
                "The scale of ASC budget reduction between 8/9 – 13/14 was 16%, it is only one of "
                "three councils in WM that has reduced the gross total by more than 10%"
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": None,
            "text": (
                "The Team also felt in addition that further work should take place at a "
                "corporate level between officers and political leaders to further define the "
                "strategic direction of the council, its contribution to demand management for "
                "social care and the change capacity available to reduce costs. To support this "
                "the council should evaluate the operating model for reablement and other "
                "prevention interventions such as telecare, analysing the return on investment "
                "these schemes are delivering and using the findings to inform the medium term "
                "financial plan."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": None,
            "text": (
                "Undertaking both of the above, using the findings as a basis for discussion "
                "between senior officers and politicians about deliverability would support the "
                "development of a unified corporate and service focused set of financial recovery "
                "plans. This would also help address the variable levels of confidence in the "
                "financial plans that politicians and officers reported to the team."
            ),
        },
        {
            "kind": "strength",
            "scope_question": None,
            "text": (
                "There is a strong relationship with the NHS at a senior level and a real "
                "commitment to build on this further, this has delivered with the Clinical "
                "Commissioning Group a shared understanding of the pressures facing adult social "
                "care, and how the Better Care Fund (BCF) can be used to help mitigate these "
                "pressures. The Team felt that through the BCF there is an opportunity to deliver "
                "transformational change and improved outcomes. The Team identified some examples "
                "of excellent individual and collective working which is having a positive impact "
                "on people's lives such as in Darlaston and would urge the senior leadership team "
                "to consider rolling this out across Walsall with partners."
            ),
        },
        {
            "kind": "strength",
            "scope_question": None,
            "text": (
                "The Team was impressed by the resilience of the workforce and the focus on "
                "practice during a long period of continuous change. The new case management "
                "system offers an opportunity for improvement in performance management, in "
                "addition we met many staff who demonstrated creativity and potential for "
                "innovation. It was also encouraging to hear about the plans for permanent "
                "recruitment to senior leadership posts which will bring some stability within "
                "the directorate."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": None,
            "text": (
                "To improve morale and performance, the adult social care core offer needs to be "
                "articulated clearly to all. Implementation must be linked to a corporate plan "
                "and direction of travel with responsibility for implementation agreed across "
                "politicians and the executive team. A review of the current governance and "
                "accountability for change management, together with an assessment of capacity "
                "and capability of change resources to deliver the medium term financial plan and "
                "improved outcomes is recommended."
            ),
        },
        {
            "kind": "strength",
            "scope_question": None,
            "text": (
                "A new Safeguarding Adults Board Independent Chair is in place which will support "
                "the development within the council, and across the system as part of the new "
                "responsibilities as part of Care Act implementation. This is a positive "
                "development and the Team noted that despite many challenges strong performance "
                "in many metrics of the Adult Social Care Outcomes Framework (ASCOF) has been "
                "maintained."
            ),
        },
        {
            "kind": "strength",
            "scope_question": 1,
            "text": (
                "The strong relationships with the NHS, with a shared understanding of the "
                "pressures across the system provides a solid foundation to build on extending "
                "joint commissioning and renegotiating the BCF. In addition the additional "
                "planned investment by the council in ASC in 16/17 is a positive step forward by "
                "the council in recognising the challenges faced. The ongoing financial "
                "commitment by the council to reablement is a clear signal of the importance of "
                "managing demand as a way of managing cost."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 1,
            "text": (
                "The Team heard from politicians and senior officers differing levels of "
                "confidence in the proposed council financial plans. Having analysed the ASC "
                "proposals of £5million plus savings plans for 16/17 we felt these needed to be "
                "further tested for deliverability given that Walsall is already performing best "
                "in class in many efficiency areas and therefore further reductions may not be "
                "achievable. The Team were also concerned that plans had not been sufficiently "
                "shared with partners and that capacity in the operational teams may not be "
                "sufficient to deliver the changes required. In addition, the impact on quality "
                "of care did not appear to have been sufficiently assessed in relation to the "
                "impact of further cost reductions on the sustainability of the care market."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 1,
            "text": (
                "It was not evident in the written evidence and during the interviews that "
                "additional pressures on the ASC budget beyond the National Living Wage had been "
                "fully costed and taken into account in the commissioning approaches for "
                "domiciliary and residential care."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 1,
            "text": (
                "As the largest budget in the council, the risk of non-deliverability in ASC "
                "irrespective of the planned additional investment in 16/17 needs to be clearly "
                "understood due to the wider impact on the financial sustainability of the wider "
                "council."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 1,
            "text": (
                "Whilst many individuals reported significant activity aimed at improving "
                "outcomes and reducing cost, it was not possible to identify a clear delivery "
                "programme within ASC, or how this connected to the delivery of the council wide "
                "medium term financial plan. Operational services for example would benefit from "
                "a structured 'review' plan, and need to be able to influence the timing of "
                "commissioning decisions to ensure capacity is available to implement changes. "
                "Commissioning activity should be focused towards improving outcomes, with an "
                "overarching transformation plan, with milestones and a governance structure "
                "reporting on progress bringing this activity together with operations as a "
                "single change management plan."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 1,
            "text": (
                "The commissioning activity for res and nursing care and the domiciliary care "
                "should be reviewed to ensure that a systematic and evidence based review of "
                "pricing has been undertaken. This should include an options appraisal on "
                "different routes to market to support outcome based commissioning and "
                "incentivising quality alongside clarity about levels of risk associated with "
                "market failure"
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 1,
            "text": (
                "The performance on reviews remains concerning, the directorate should consider "
                "setting a clear target for the year, and identify any gap in resources required "
                "to deliver this."
            ),
        },
        {
            "kind": "strength",
            "scope_question": 2,
            "text": (
                "The Team heard many examples of creativity and potential for innovation, and we "
                "were told of some excellent engagement work within the workforce. Historically "
                "the retention of staff has been good, and this has had a subsequent positive "
                "impact on the level of experience within the workforce. The case audit "
                "demonstrated examples of skill, determination and sensitivity, and despite "
                "changes many staff we met were positive about the work they do and the positive "
                "impact it has on individuals and families lives. The appointment of a permanent "
                "Director and Assistant Directors in the near future is a positive step forward "
                "and will bring stability to the senior leadership team within the directorate."
            ),
        },
        {
            "kind": "strength",
            "scope_question": 2,
            "text": (
                "Interim senior management capacity has been introduced to support operations "
                "which is a positive step forward"
            ),
        },
        {
            "kind": "strength",
            "scope_question": 2,
            "text": "The 'grow your own' social work bursary scheme sounds positive",
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 2,
            "text": (
                "It was evident during the review that the changes within the directorate at a "
                "senior level over the last five years have had a significant impact on morale "
                "within the workforce. The changes in direction and lack of leadership were "
                "reported as resulting in feelings of paralysis and demotivation. Staff were not "
                "clear about whether the Operating Model introduced at the front door focus on "
                "reablement, and a locality way of working was to be implemented in complex "
                "care/longer term teams. It was also reported that previous work on attachment "
                "theory and practice development groups have stopped and it was not apparent to "
                "the Team that as part of Care Act implementation a review of the pathway, access "
                "points and capacity and skill mix had been completed."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 2,
            "text": (
                "The comparatively higher sickness levels over a sustained period need further "
                "analysis so that the underlying causes are properly understood, and a clear plan "
                "can be put in place to reduce them, this should include consideration of "
                "activities that could support employee wellbeing. We heard varying accounts of "
                "vacancy levels, and concerns that neighbouring councils were offering more "
                "attractive packages which was perceived as adding to the vacancy levels. This "
                "needs further discussion between Human Resources, managers and the workforce to "
                "better understand the real position."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 2,
            "text": (
                "It was not clear whether a workforce analysis and plan had been completed, but "
                "the Team did feel that the skill mix of qualified and unqualified social workers "
                "did need review, and that workforce planning should become an integral part of "
                "the overarching transformation plan. Staff reported that they had found the "
                "recent social care summits helpful as a way of engaging with senior managers."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 2,
            "text": (
                "At a corporate level, whilst discussions had started about a council focus on "
                "demand management, it was not clear how the different directorates worked "
                "together on transformational plans that would reduce demand, and encourage the "
                "residents of Walsall to stay healthy and fit. The Health and Well Being strategy "
                "identified the complex set of challenges and inequalities within the population "
                "that needed to be challenged, however there did not seem to be a corporate plan "
                "in place that brought together activities into one place and was supported and "
                "performance managed at a senior officer level and by politicians."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 2,
            "text": (
                "Outcome based commissioning did not appear to be integral to commissioning "
                "plans, and providers reported that they were not clear about commissioning "
                "intentions in the longer term. It was perceived by some that the team had spoken "
                "to that commissioners should develop stronger relationships with the provider "
                "market and take a more active market management role."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 2,
            "text": (
                "Vacant posts due to re structuring and voluntary redundancy have had a negative "
                "impact contributing to a view that management do not have a plan. The vacant "
                "posts in Safeguarding, Principal Social Work, the inability to release of some "
                "AMPH qualified staff was given as examples"
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 2,
            "text": (
                "It was not clear that the opportunity to review pathways and deliver "
                "transformational and cultural change as part of the system implementation had "
                "been grasped, integrating the Care Act and accelerating personalisation into "
                "this process"
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 2,
            "text": (
                "The new case management system was welcomed by staff and managers, there "
                "appeared to be some concern about the 'Go Live' date, the involvement of all "
                "managers and staff in the implementation"
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 2,
            "text": (
                "Despite a significant change agenda, leadership changes and challenges it was "
                "not possible to identify a directorate or council wide organisational "
                "development plan supporting cultural change"
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 2,
            "text": (
                "It is not clear that across the directorate the ‘spirit’ of the Care Act has "
                "been embedded culturally and whether there is sufficient commissioning and "
                "procurement capability to deliver the changes required"
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 2,
            "text": (
                "There doesn’t appear to be a formal process in place for NQSWs but they are in "
                "the workforce"
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 2,
            "text": (
                "The multiple front doors is causing concern, reducing efficiency and creating "
                "confusion about roles and responsibilities, the uncertainty about the future of "
                "some functions such as the Independent Living Centre is further raising anxiety "
                "and lowering morale"
            ),
        },
        {
            "kind": "strength",
            "scope_question": 3,
            "text": (
                "The Team heard many examples of good practice in relation to dementia services "
                "from staff, partners, service users and carers. The case audit demonstrated "
                "examples of involving carers in decision making and the work to develop a "
                "specification to support people with Autism was cited as an example of "
                "co-production. The project in Darlaston was reported as delivering improved "
                "outcomes for service users by avoiding hospital admissions."
            ),
        },
        {
            "kind": "strength",
            "scope_question": 3,
            "text": "There are some excellent examples of individual good practice for carers",
        },
        {
            "kind": "strength",
            "scope_question": 3,
            "text": (
                "There was an example of a Direct Payment working well for a carer and her son to "
                "secure respite care"
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 3,
            "text": (
                "The Team heard many different examples of good practise that demonstrated a "
                "commitment to promoting independence and wellbeing across the council and within "
                "the directorate. However it was not evident that there was a corporate shared "
                "plan for implementation. This risks missing opportunities for demand management, "
                "and engaging the residents of Walsall in a discussion about well-being and "
                "behaviour change."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 3,
            "text": (
                "The assets within communities, including faith communities that can help reduce "
                "demand, such as tackling loneliness in the older population did not appear to be "
                "maximised through a focus on community development. The Team felt that black and "
                "ethnic minority communities' assets and inequalities were not sufficiently "
                "considered when commissioning plans are developed, and in the operational "
                "delivery of services."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 3,
            "text": (
                "The voluntary sector appears to be a vibrant and enthusiastic partner who would "
                "like to be much more involved in seeking solutions to the challenges faced by "
                "adult social care, and would like to support development of clear commissioning "
                "intentions. However from the service users that were spoken to as part of the "
                "peer challenge they reported that they did not feel that co-production was "
                "integral part of the directorate's work. User Led Organisations reported that "
                "they would like to be involved in consultations at a much earlier stage to make "
                "them more meaningful. To do this the council should review what user involvement "
                "and co-production mechanisms it has in place and consider a more structured "
                "engagement approach with identified resource to lead on user engagement and "
                "outcome based commissioning and delivery."
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 3,
            "text": "55% of calls to the front door of ASC result in call failure",
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 3,
            "text": (
                "It was reported that the current panel process was inefficient and introducing "
                "delays for service users"
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 3,
            "text": (
                "“We organise meetings at their request, we get everyone together and they cant "
                "be bothered to ring us to tell us they were not attending”"
            ),
        },
        {
            "kind": "strength",
            "scope_question": 5,
            "text": (
                "25 cases were audited, with 3 selected cases of good practice, with all cases "
                "held by social workers"
            ),
        },
        {
            "kind": "strength",
            "scope_question": 5,
            "text": (
                "Case recording was generally of a good standard and assessments were thorough. "
                "Some of the more complex cases demonstrated skill, determination and sensitivity "
                "by workers"
            ),
        },
        {
            "kind": "strength",
            "scope_question": 5,
            "text": (
                "Evidence of conversations taking place that were of good quality and sensitive "
                "to people's wishes"
            ),
        },
        {
            "kind": "strength",
            "scope_question": 5,
            "text": "Social workers who were spoken to were fairly positive about practise",
        },
        {
            "kind": "strength",
            "scope_question": 5,
            "text": (
                "Good case transfer enabling new workers to understand the history, current plans "
                "and outcomes to be achieved"
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 5,
            "text": (
                "One case audit file was referred for immediate action, and generally the "
                "recording of outcomes as a result of mental capacity assessments was inconsistent"
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 5,
            "text": (
                "Assessment forms and FACs still being used which is not compliant with the Care "
                "Act, and multiple versions of forms were found"
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 5,
            "text": "There was an over use of acronyms and a lack of personalised language",
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 5,
            "text": (
                "There was little evidence of discussions or decisions that originated from "
                "supervision sessions recorded in case files and no evidence of regular auditing"
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 5,
            "text": (
                "At times it appeared that carer voices dominated and overshadowed the service "
                "user voice and aspirations"
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 5,
            "text": (
                "It was reported by workers that they felt appraisals happened inconsistently, "
                "were not linked to supervision and supervision focused on case load management "
                "rather than a balance with the quality of the practice"
            ),
        },
        {
            "kind": "area_for_consideration",
            "scope_question": 5,
            "text": (
                "The lack of an identified PSW was identified as a key leadership issue for front "
                "line staff"
            ),
        },
    ],
    "recommendations": [
        {
            "number": 1,
            "text": (
                "The medium term financial plans should be further reviewed to gain an improved "
                "understanding of their deliverability and using benchmarking data assess the "
                "risk by comparing the associated performance of other councils"
            ),
            "scope_question": 1,
            "focus_area": "resources",
            "page_reference": "",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 2,
            "text": (
                "The Council should clearly set out what its 'proposition' is for vulnerable "
                "adults, and the future of adult social care in Walsall. They should engage with "
                "the workforce, partners, and people who use services to develop a clear ASC "
                "offer that is financially sustainable, and agree how this should be implemented."
            ),
            "scope_question": 1,
            "focus_area": "leadership",
            "page_reference": "",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 3,
            "text": (
                "The Council should urgently seek to develop a transformation and delivery plan "
                "to support the medium term financial plan which is owned council wide and led by "
                "the chief executive and performance reported to Cabinet building on the current "
                "Corporate Plan."
            ),
            "scope_question": 1,
            "focus_area": "leadership",
            "page_reference": "",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 4,
            "text": (
                "The council should continue with its planned appointments of senior posts within "
                "the social care and inclusion directorate to provide clear leadership and "
                "direction for the workforce and partners as soon as possible"
            ),
            "scope_question": 2,
            "focus_area": "leadership",
            "page_reference": "",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 5,
            "text": (
                "Early consideration is given to increasing the pace on an All Age Disability "
                "approach"
            ),
            "scope_question": 2,
            "focus_area": "practice",
            "page_reference": "",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 6,
            "text": (
                "Following on from the ASC peer challenge the council should consider how it "
                "continues to benefit from sharing practice and resources through the West "
                "Midlands Sector Led Improvement programme to achieve improvement and "
                "stabilisation"
            ),
            "scope_question": None,
            "focus_area": "innovation",
            "page_reference": "",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 7,
            "text": (
                "The cabinet and council senior officers should urgently consider the benefits of "
                "having a LGA corporate peer challenge to facilitate a self-assessment and "
                "diagnostic that takes into consideration the whole council leadership plans and "
                "governance mechanisms"
            ),
            "scope_question": None,
            "focus_area": "leadership",
            "page_reference": "",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
        {
            "number": 8,
            "text": (
                "The council should consider asking the regional CHIA (Care and Health "
                "Improvement Advisor) to broker regional and national ASC expertise to support "
                "the improvement journey"
            ),
            "scope_question": None,
            "focus_area": "innovation",
            "page_reference": "",
            "response": "accepted",
            "response_reason": "",
            "sub_items": [],
        },
    ],
}

PLAN = {
    "title": "Walsall adult social care peer challenge action plan",
    "version_date": date(2015, 12, 17),
    "status": "active",
    "start": date(2015, 11, 17),
    "areas": [
        {
            "number": 1,
            "title": "Review the deliverability of the medium term financial plans",
            "recommendations": [1],
            "actions": [
                {
                    "number": 1,
                    "title": (
                        "Complete the deliverability assessment of the 2016-2020 financial plans"
                    ),
                    "how": (
                        "The deliverability of financial plans for 2016-2020 across the council "
                        "and in each directorate are due for completion January 2016, and the "
                        "action plan for Adult Social Care will draw upon the Peer Challenge "
                        "recommendations and monitor progress accordingly."
                    ),
                    "expected_evidence": "",
                    "owner": "",
                    "measure": None,
                    "start": date(2015, 11, 17),
                    "due": date(2016, 1, 31),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [],
                    "updates": [],
                },
            ],
        },
        {
            "number": 2,
            "title": "Set out the council's proposition and ASC offer for vulnerable adults",
            "recommendations": [2],
            "actions": [],
        },
        {
            "number": 3,
            "title": "Council-wide transformation and delivery plan led by the chief executive",
            "recommendations": [3],
            "actions": [],
        },
        {
            "number": 4,
            "title": "Complete the planned senior appointments in Social Care and Inclusion",
            "recommendations": [4],
            "actions": [
                {
                    "number": 2,
                    "title": "Appoint a permanent Director and Assistant Directors",
                    "how": (
                        "The interviews for Assistant Directors are due to take place in the very "
                        "near future which will bring help stabilise the directorate. The "
                        "appointment of a permanent Director and Assistant Directors in the near "
                        "future is a positive step forward and will bring stability to the senior "
                        "leadership team within the directorate."
                    ),
                    "expected_evidence": "",
                    "owner": "",
                    "measure": None,
                    "start": date(2015, 11, 17),
                    "due": date(2016, 3, 31),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [],
                    "updates": [],
                },
            ],
        },
        {
            "number": 5,
            "title": "Increase the pace on an All Age Disability approach",
            "recommendations": [5],
            "actions": [],
        },
        {
            "number": 6,
            "title": "Continue sharing practice and resources through West Midlands SLI",
            "recommendations": [6],
            "actions": [
                {
                    "number": 3,
                    "title": "Agree the best use of regional support for the action plan",
                    "how": (
                        "Regional resources to support the implementation of the Action Plan have "
                        "been made available and best use of this support is currently being "
                        "agreed."
                    ),
                    "expected_evidence": "",
                    "owner": "",
                    "measure": None,
                    "start": date(2015, 11, 17),
                    "due": date(2016, 3, 31),
                    "status": "on_track",
                    "rag": "green",
                    "milestones": [],
                    "updates": [],
                },
            ],
        },
        {
            "number": 7,
            "title": "Consider an LGA corporate peer challenge",
            "recommendations": [7],
            "actions": [],
        },
        {
            "number": 8,
            "title": "Ask the regional CHIA to broker regional and national ASC expertise",
            "recommendations": [8],
            "actions": [],
        },
    ],
}

GOOD_PRACTICE_POINTERS = [
    {
        "council": "Shropshire Council",
        "text": (
            "Consider exploring the Shropshire or Stoke for community led social work and well "
            "being offer and the underpinning business case to inform scaling up the Darlaston "
            "community model"
        ),
        "topic": "Community led social work and well being offer",
    },
    {
        "council": "Stoke-on-Trent City Council",
        "text": (
            "Consider exploring the Shropshire or Stoke for community led social work and well "
            "being offer and the underpinning business case to inform scaling up the Darlaston "
            "community model"
        ),
        "topic": "Community led social work and well being offer",
    },
    {
        "council": "Herefordshire Council",
        "text": (
            "Herefordshire have an integrated workforce plan and a strong PSW model including a "
            "case audit and supervision model which could be looked at"
        ),
        "topic": "Integrated workforce plan and principal social worker model",
    },
    {
        "council": "Solihull Metropolitan Borough Council",
        "text": (
            "Solihull have a well embedded user led experience and co production model which the "
            "council should consider reviewing to see if any learning could be transferred to "
            "Walsall"
        ),
        "topic": "User led experience and co-production",
    },
    {
        "council": "Warwickshire County Council",
        "text": (
            "Warwickshire have led on the development of the national commissioning for better "
            "outcomes tool. It would be worth discussing with Warwickshire how they have used the "
            "tool to develop thinking in this area"
        ),
        "topic": "Commissioning for better outcomes tool",
    },
    {
        "council": "City of Wolverhampton Council",
        "text": (
            "Wolverhampton have done a significant amount of work on the Care Act which they will "
            "be willing to share"
        ),
        "topic": "Care Act implementation",
    },
]
