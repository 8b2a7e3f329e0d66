"""The North West ADASS menu of support (Table 1) and menu of triggers (Table 2), from the
Memorandum of Understanding of April 2013 (Wirral Council, delegated decision, 4 April 2013,
Appendix 1). Wording as in the MoU; the sources of data are those shown in brackets there."""

from django.db import transaction

from councils.models import Region
from regional.models import SupportType, Trigger

REGION = "North West"

Tier = SupportType.Tier
Category = Trigger.Category

# Table 1: Menu of support and intervention. (tier, name, description)
SUPPORT = [
    (
        Tier.SELF_HELP,
        "Sharing good practice",
        "'Beacon' events, networks, 'self help' regional excellence directory, matching tool",
    ),
    (Tier.SELF_HELP, "Shadowing", "Via existing regional or national networks"),
    (Tier.SELF_HELP, "Buddying", "Via existing regional or national networks"),
    (
        Tier.SELF_HELP,
        "Action Learning",
        "Facilitated via existing regional or national networks of externally",
    ),
    (Tier.SELF_HELP, "Local Peer Challenge", ""),
    (Tier.TARGETED, "LGA Peer Review", ""),
    (Tier.TARGETED, "Peer Mentoring", "Via existing regional or national networks"),
    (
        Tier.TARGETED,
        "Coaching",
        "Via existing regional or national networks or external provider",
    ),
    (
        Tier.TARGETED,
        "Training",
        "Via existing regional or national networks or external provider",
    ),
    (Tier.TARGETED, "Local Peer Challenge", ""),
    (Tier.INTERVENTION, "Local Peer Challenge", ""),
    (
        Tier.INTERVENTION,
        "Peer 'consultancy'",
        "Review of service by a single regional or national peer",
    ),
    (Tier.INTERVENTION, "LGA Peer Review", ""),
]

# Table 2: Triggers, with the sources of data / intelligence. (category, trigger, source)
TRIGGERS = [
    (Category.OUTCOMES, "ASCOF Measures", "NW Performance Leads Group / UMU"),
    (Category.OUTCOMES, "TLAP Markers of Progress", "InControl"),
    (Category.OUTCOMES, "NW ADASS Local Measures", "NW Performance Leads Group / UMU"),
    (
        Category.OUTCOMES,
        "Locality Scorecard Measures (AQAA)",
        "NW Performance Leads Group / UMU",
    ),
    (
        Category.RESOURCES,
        "Financial Concerns: i.e. higher than average cuts to prevention budget; raised FAC "
        "eligibility criteria (i.e. to critical only); significant unexplained increase in "
        "admissions to residential or nursing care",
        "NW Strategic Finance Leads Group",
    ),
    (
        Category.RESOURCES,
        "Financial Measures: i.e. significant change in cost metrics (significant increases in "
        "unit costs or significant reductions, which if not underpinned by a robust VFM "
        "review, may indicate a reduction in quality",
        "NW Strategic Finance Leads Group",
    ),
    (
        Category.RESOURCES,
        "Annual Audit Letter (in relation to financial issues)",
        "Local Authority / Committee Report / Website",
    ),
    (
        Category.RESOURCES,
        "Recruitment / retention issues / high vacancy rate / high sickness absence / "
        "significant turnover of senior staff in a relatively short time / staff surveys",
        "SSD001 DoH return updated / validated by HR Leads Group",
    ),
    (
        Category.INTELLIGENCE,
        "Failure to meet minimum standards (i.e. Level 1) on key elements of self assessment "
        "for thematic reviews",
        "Completed self assessment following thematic review",
    ),
    (
        Category.INTELLIGENCE,
        "Annual Audit Letter (non-financial concerns)",
        "Local Authority / Committee Report / Website",
    ),
    (
        Category.INTELLIGENCE,
        "Intelligence via LGA Regional Lead i.e. perception of lack of momentum on improvement "
        "activities following LGA Peer Review",
        "LGA Adult Social Care Lead",
    ),
    (
        Category.INTELLIGENCE,
        "Local Accounts: Not doing one or vague / ambiguous / too ambitious",
        "Council website",
    ),
    (
        Category.INTELLIGENCE,
        "Quality Improvement Programme: i.e. System not meeting targets resulting in a "
        "significant impact on the local authority",
        "Local authority DASS via phone or e mail",
    ),
    (Category.INTELLIGENCE, "Sudden political change", "media / local knowledge"),
    (
        Category.STAKEHOLDERS,
        "User Satisfaction / Complaints / Outcomes of Ombudsman referrals / Outcome of "
        "Judicial Reviews / other customer feedback",
        "Annual Complaints Report from Scrutiny Committee; Council / Ombudsman website",
    ),
    (
        Category.STAKEHOLDERS,
        "Annual Safeguarding Report",
        "Local Safeguarding Board / LA website; National Data Return for vulnerable adults",
    ),
    (Category.STAKEHOLDERS, "NW Personalisation Report", "NW Personalisation Board / Network"),
    (
        Category.STAKEHOLDERS,
        "Disengaging from networks i.e. becoming insular",
        "SLI Planning Group / NWTEB",
    ),
    (
        Category.STAKEHOLDERS,
        "Relationships with partners: i.e. issues identified through local Health & Well Being "
        "Boards, VCS, providers, service users and carers; CQC Lead (only in the event of "
        "other concerns)",
        "Has Joint H&WB Strategy been completed and is it meeting targets; LATs, relationships "
        "with Health via Sheila Locke; questions to partners",
    ),
    (Category.STAKEHOLDERS, "Market position", "InControl / council websites"),
    (
        Category.STAKEHOLDERS,
        "Interface with Public Health",
        "Local Authority DASS; DPH via e mail or phone",
    ),
]


def _upsert(model, defaults, **lookup):
    """Create, or update only what differs, so that loading twice writes nothing."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **defaults)
    changed = [name for name, value in defaults.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, defaults[name])
        obj.save(update_fields=changed)
    return obj


@transaction.atomic
def load_regional_demo():
    """Load the North West menus of support and triggers (the region must exist). Triggers
    are matched on their place in Table 2, so loading again restores the MoU's wording; a
    retirement is left as it is, and triggers a lead added come after them."""
    region = Region.objects.get(name=REGION)
    for order, (tier, name, description) in enumerate(SUPPORT, start=1):
        _upsert(
            SupportType,
            {"description": description, "order": order},
            region=region,
            tier=tier,
            name=name,
        )
    for order, (category, text, source) in enumerate(TRIGGERS, start=1):
        _upsert(
            Trigger,
            {"category": category, "text": text, "data_source": source},
            region=region,
            order=order,
        )
