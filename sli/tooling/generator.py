"""A realistic national data set, generated in bulk: the nine ADASS regions, about 150
councils, a review a year for each over ``years`` years, about 35 numbered recommendations a
review (some with sub-items), an improvement plan for each issued review with about four
actions a recommendation, milestones, about six progress updates an action, users and their
memberships.

Everything is written with ``bulk_create`` in batches, inside one transaction, so a failed run
leaves nothing behind. Generated councils have slugs starting ``gen-`` and generated users
usernames starting ``gen-``; the regions are the real ones, shared with the demo data, which
may coexist. ``bulk_create`` bypasses ``save()`` and signals, so no django-simple-history rows
are written for generated objects (their History sections start empty) and
``Action.original_due_date`` is set here rather than by ``Action.save``.

The same seed and the same ``today`` give the same data.
"""

import contextlib
import random
import time
import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from datetime import time as clock

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from councils.models import Council, Membership, Region
from improvement_plans.models import (
    Action,
    ActionStatus,
    DueDateChange,
    Evidence,
    ImprovementArea,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
    Rag,
    RatingChallenge,
    ReminderSent,
)
from recommendations.models import Amendment, ProgressAssessment, Recommendation
from reviews.cqc import scoring
from reviews.focus_areas import FOCUS_AREAS
from reviews.models import (
    AccuracyComment,
    AccuracyCorrection,
    CqcAssessment,
    Finding,
    FocusArea,
    Framework,
    Judgement,
    Review,
    ScopeQuestion,
    StatementScore,
    TeamMember,
)
from sli.tooling.demo_data.councils import REGIONS

PREFIX = "gen-"
PASSWORD = "national-benchmark-data"
BATCH_SIZE = 5000

# Upper-tier councils per region (about 153 in England): generated councils are shared out
# in these proportions.
REGION_WEIGHTS = {
    "North East": 12,
    "North West": 23,
    "Yorkshire and the Humber": 15,
    "East Midlands": 10,
    "West Midlands": 14,
    "Eastern": 11,
    "London": 33,
    "South East": 19,
    "South West": 16,
}

# ---------------------------------------------------------------------------------------
# Vocabulary: adult social care, as the letters and plans write it
# ---------------------------------------------------------------------------------------

SUBJECTS = [
    "the safeguarding adults pathway",
    "the offer to unpaid carers",
    "the reablement service",
    "the direct payments support offer",
    "the workforce development plan",
    "the commissioning strategy for home care",
    "market shaping with independent providers",
    "the transitions protocol for young people moving from children's services",
    "the front door and the information and advice offer",
    "the approach to Deprivation of Liberty Safeguards",
    "the quality assurance framework for case files",
    "hospital discharge arrangements with NHS partners",
    "the use of the Better Care Fund",
    "the strategy for people with a learning disability",
    "mental health social work",
    "waiting lists for occupational therapy assessments",
    "financial assessments and charging",
    "annual reviews of care and support plans",
    "performance reporting against the ASCOF measures",
    "strengths-based practice",
    "the shared lives scheme",
    "the extra care housing programme",
    "brokerage arrangements",
    "co-production with people who draw on care and support",
    "the principal social worker role",
    "Making Safeguarding Personal",
    "the market position statement",
    "fee setting for residential and nursing care",
    "recruitment and retention of social workers",
    "the use of agency staff",
    "supervision and case-load management",
    "the digital care record",
    "technology-enabled care",
    "the prevention and early intervention strategy",
    "support for people who fund their own care",
    "the autism strategy",
    "advocacy services",
    "the complaints process",
    "day opportunities for younger adults",
    "the carers' strategy",
]
VERBS = [
    "Review",
    "Strengthen",
    "Develop",
    "Embed",
    "Clarify",
    "Improve",
    "Refresh",
    "Accelerate work on",
    "Build on",
    "Simplify",
    "Co-produce a new version of",
    "Set clear standards for",
    "Agree with partners",
    "Evaluate",
]
PURPOSES = [
    "so that people receive a timely and proportionate response",
    "so that carers are identified early and offered an assessment in their own right",
    "so that fewer people move into residential care when they could stay at home",
    "so that the council understands the cost and quality of the care it buys",
    "so that practice is consistent across locality teams",
    "so that waiting lists fall and risks are managed while people wait",
    "so that people have more choice and control over their support",
    "so that the Safeguarding Adults Board has assurance about outcomes",
    "so that elected members can scrutinise progress with confidence",
    "so that staff feel supported and stay with the council",
    "so that the voice of people with lived experience shapes services",
    "so that the council can show the difference its spending makes",
    "so that people are not discharged from hospital without the right support",
    "so that young people and their families know what to expect at eighteen",
]
BOARDS = [
    "Health and Wellbeing Board",
    "Safeguarding Adults Board",
    "departmental management team",
    "Adult Social Care Scrutiny Committee",
    "Cabinet Member for Adult Social Care",
    "Integrated Care Board",
    "improvement board",
]
PARTNERS = [
    "the Integrated Care Board",
    "NHS partners",
    "the voluntary and community sector",
    "independent care providers",
    "housing colleagues",
    "children's services",
    "the police and health partners",
    "Healthwatch",
    "carers' organisations",
    "the local NHS trust",
]
FREQUENCIES = ["every quarter", "every six months", "each month", "twice a year"]
DOCUMENTS = [
    "carers' strategy",
    "market position statement",
    "workforce plan",
    "safeguarding practice guidance",
    "quality assurance framework",
    "transitions protocol",
    "direct payments policy",
    "prevention strategy",
    "commissioning plan for home care",
    "learning disability strategy",
    "performance dashboard",
    "supervision policy",
    "charging policy",
    "self-assessment",
]
TEAMS = [
    "safeguarding team",
    "reablement team",
    "front door team",
    "occupational therapy service",
    "commissioning team",
    "workforce development team",
    "learning disability team",
    "mental health team",
    "hospital social work team",
    "finance team",
    "performance team",
    "brokerage team",
]
POSTS = ["social worker", "occupational therapist", "senior practitioner", "team manager"]
CAUSES = [
    "recruitment",
    "the new case management system",
    "NHS partners' capacity",
    "the budget setting process",
    "provider capacity in the north of the county",
    "the restructure of the commissioning team",
    "data quality",
]
SYSTEMS = ["the case management system", "the finance system", "the performance dashboard"]
OWNER_ROLES = [
    "Head of Safeguarding",
    "Principal Social Worker",
    "Assistant Director, Commissioning",
    "Service Manager, Reablement",
    "Head of Workforce Development",
    "Carers' Lead",
    "Head of Learning Disability Services",
    "Performance and Intelligence Manager",
    "Director of Adult Social Services",
    "Head of Mental Health Services",
    "Brokerage Manager",
    "Finance Business Partner",
    "Team Manager, Front Door",
    "Assistant Director, Operations",
    "Head of Quality Assurance",
]
FIRST_NAMES = [
    "Amira",
    "Ben",
    "Catherine",
    "David",
    "Eleanor",
    "Farhan",
    "Grace",
    "Hassan",
    "Imogen",
    "James",
    "Kiran",
    "Laura",
    "Mohammed",
    "Niamh",
    "Oliver",
    "Priya",
    "Rachel",
    "Samuel",
    "Tariq",
    "Uzma",
    "Victoria",
    "William",
    "Yasmin",
    "Zoe",
]
LAST_NAMES = [
    "Ahmed",
    "Bennett",
    "Clarke",
    "Davies",
    "Evans",
    "Fletcher",
    "Green",
    "Hughes",
    "Iqbal",
    "Jones",
    "Khan",
    "Lewis",
    "Morris",
    "Nowak",
    "O'Brien",
    "Patel",
    "Roberts",
    "Shah",
    "Taylor",
    "Walker",
    "Wright",
    "Young",
]
MEASURES = [
    ("Safeguarding enquiries concluded within 28 days", "%", (50, 75), (80, 95)),
    ("Carers' assessments completed each quarter", "assessments", (80, 200), (220, 400)),
    ("People at home 91 days after discharge into reablement", "%", (70, 80), (82, 90)),
    ("Adults receiving a direct payment", "%", (18, 26), (28, 35)),
    ("Social worker vacancy rate", "%", (18, 30), (8, 12)),
    ("Annual reviews completed on time", "%", (45, 65), (75, 90)),
    ("People waiting for an occupational therapy assessment", "people", (300, 600), (100, 200)),
    ("Average days from referral to assessment", "days", (35, 60), (14, 28)),
    ("Case files audited as good or better", "%", (40, 60), (70, 85)),
    ("Spend on agency staff per month", "£", (180, 300), (80, 150)),
]
JUDGEMENT_AREAS = [
    "Improved health and emotional wellbeing",
    "Improved quality of life",
    "Making a positive contribution",
    "Increased choice and control",
    "Freedom from discrimination and harassment",
    "Economic wellbeing",
    "Maintaining personal dignity and respect",
]
KIND_WEIGHTS = [
    (Review.Kind.PEER_CHALLENGE, 55),
    (Review.Kind.LGA_PEER_REVIEW, 10),
    (Review.Kind.CQC_INSPECTION, 15),
    (Review.Kind.INTERIM_PEER_CHALLENGE, 8),
    (Review.Kind.THEMATIC_REVIEW, 8),
    (Review.Kind.CASE_FILE_AUDIT, 4),
]
TEAM_ROLES = [
    TeamMember.Role.LEAD,
    TeamMember.Role.COUNCILLOR,
    TeamMember.Role.HEAD_OF_SERVICE,
    TeamMember.Role.EXPERT_BY_EXPERIENCE,
    TeamMember.Role.FINANCE_LEAD,
    TeamMember.Role.PROGRAMME_LEAD,
    TeamMember.Role.PEER,
]


class TextMaker:
    """Sentences assembled from the vocabulary above, drawn from pools made once per run so
    that a million narratives cost little."""

    def __init__(self, rng):
        self.rng = rng
        self.recommendation_sentences = [self._recommendation_sentence() for _ in range(3000)]
        self.follow_ups = [self._follow_up() for _ in range(1500)]
        self.update_sentences = [self._update_sentence() for _ in range(6000)]
        self.strengths = [self._strength() for _ in range(1500)]
        self.concerns = [self._concern() for _ in range(1500)]
        self.hows = [self._how() for _ in range(2000)]
        self.evidence = [self._evidence() for _ in range(800)]
        self.milestones = [self._milestone() for _ in range(2000)]

    def pick(self, items):
        return items[int(self.rng.random() * len(items))]

    def number(self, low, high):
        return self.rng.randint(low, high)

    # Building blocks -------------------------------------------------------------------

    def _recommendation_sentence(self):
        pick = self.pick
        return f"{pick(VERBS)} {pick(SUBJECTS)} {pick(PURPOSES)}."

    def _follow_up(self):
        pick = self.pick
        options = [
            f"Progress should be reported to the {pick(BOARDS)} {pick(FREQUENCIES)}.",
            "This should include a clear timetable, named leads and measurable targets.",
            f"The council should work with {pick(PARTNERS)} to {pick(VERBS).lower()} "
            f"{pick(SUBJECTS)}.",
            f"Consider how {pick(SUBJECTS)} could support this work.",
            "Make sure that the voice of people who draw on care and support informs this work.",
            f"Set out how success will be measured, including the effect on {pick(SUBJECTS)}.",
            f"Draw on good practice elsewhere in the region, for example on {pick(SUBJECTS)}.",
        ]
        return pick(options)

    def _update_sentence(self):
        pick, number = self.pick, self.number
        total = number(4, 20)
        target = number(75, 95)
        options = [
            f"The {pick(TEAMS)} has completed {number(1, total)} of {total} planned "
            f"{pick(['audits', 'workshops', 'case reviews', 'training sessions'])}.",
            f"Work on {pick(SUBJECTS)} is progressing to plan.",
            f"{number(50, 98)}% of {pick(['enquiries', 'assessments', 'reviews'])} were "
            f"completed within timescale this quarter, against a target of {target}%.",
            f"Recruitment to {total} {pick(POSTS)} posts is under way; {number(0, total)} have "
            "been appointed so far.",
            f"A workshop with {pick(PARTNERS)} agreed the next steps for {pick(SUBJECTS)}.",
            f"The draft {pick(DOCUMENTS)} was presented to the {pick(BOARDS)} and approved.",
            f"Delays caused by {pick(CAUSES)} mean this action is now at risk.",
            "Sickness absence in the team has slowed progress this month.",
            f"Data quality problems in {pick(SYSTEMS)} are being corrected.",
            f"Next steps: {pick(VERBS).lower()} {pick(SUBJECTS)} by the end of the quarter.",
            f"The action will be reviewed at the next meeting of the {pick(BOARDS)}.",
            f"Feedback from people who use services and from {pick(PARTNERS)} has been positive.",
            f"A task and finish group chaired by the {pick(OWNER_ROLES)} meets every fortnight.",
            f"Funding of £{number(20, 900)},000 has been agreed from the Better Care Fund.",
        ]
        return pick(options)

    def _strength(self):
        pick = self.pick
        options = [
            "Staff are passionate, committed and proud to work for the council.",
            f"Partnership working with {pick(PARTNERS)} is mature and effective.",
            f"The {pick(TEAMS)} is well regarded by the people who use it.",
            f"There is a strong culture of learning, seen in {pick(SUBJECTS)}.",
            f"Leaders have a clear vision for {pick(SUBJECTS)} that staff understand.",
            f"Good progress has been made on {pick(SUBJECTS)} since the last review.",
            "People who draw on care and support told us they feel listened to.",
        ]
        return pick(options)

    def _concern(self):
        pick, number = self.pick, self.number
        options = [
            f"The council should consider how {pick(SUBJECTS)} could be improved.",
            f"Waiting lists for {pick(SUBJECTS)} remain long, with some people waiting more "
            f"than {number(6, 30)} weeks.",
            f"There is no shared understanding across teams of {pick(SUBJECTS)}.",
            f"Performance information on {pick(SUBJECTS)} is not yet used to drive improvement.",
            f"The relationship with {pick(PARTNERS)} is not yet strong enough to deliver "
            "the ambitions of the strategy.",
            "Staff were not always clear about thresholds and who to contact for advice.",
        ]
        return pick(options)

    def _how(self):
        pick = self.pick
        options = [
            f"Set up a task and finish group with {pick(PARTNERS)} to review current practice.",
            f"Map the current pathway with the {pick(TEAMS)} and agree a new one.",
            f"Write and consult on a new {pick(DOCUMENTS)}.",
            f"Train all front-line staff in {pick(SUBJECTS)} through workshops and e-learning.",
            f"Audit a sample of case files each month and feed back to the {pick(TEAMS)}.",
            f"Report progress to the {pick(BOARDS)} {pick(FREQUENCIES)}.",
            f"Commission an independent review of {pick(SUBJECTS)}.",
            "Agree performance measures and a baseline, and publish them on the dashboard.",
        ]
        return pick(options)

    def _evidence(self):
        pick = self.pick
        options = [
            f"The {pick(DOCUMENTS)} approved by the {pick(BOARDS)}.",
            f"Audit results showing improvement in {pick(SUBJECTS)}.",
            "Feedback from people who use services and their carers.",
            "Quarterly performance reports against the agreed measures.",
            f"Minutes of the {pick(BOARDS)} recording the decision.",
            "Training records showing that all staff have completed the programme.",
        ]
        return pick(options)

    def _milestone(self):
        pick, number = self.pick, self.number
        options = [
            f"Draft {pick(DOCUMENTS)} to the {pick(BOARDS)}",
            f"Consultation with {pick(PARTNERS)} complete",
            f"Recruit {number(2, 8)} {pick(POSTS)}s",
            f"Audit of {number(20, 120)} case files complete",
            f"Report to the {pick(BOARDS)}",
            f"New {pick(DOCUMENTS)} in place",
            f"Training for the {pick(TEAMS)} complete",
            f"Go-live of the new arrangements for {pick(SUBJECTS)}",
        ]
        return pick(options)

    # Texts of the lengths people write ---------------------------------------------------

    def words(self, pool, low, high, follow_ups=None):
        """Sentences from ``pool`` (then ``follow_ups``) until the text has at least a
        length drawn between ``low`` and ``high`` words."""
        target = self.rng.randint(low, high)
        sentences = [self.pick(pool)]
        count = len(sentences[0].split())
        second = follow_ups or pool
        while count < target:
            sentence = self.pick(second)
            sentences.append(sentence)
            count += sentence.count(" ") + 1
        return " ".join(sentences)

    def recommendation(self):
        return self.words(self.recommendation_sentences, 25, 80, self.follow_ups)

    def sub_item(self):
        return self.words(self.recommendation_sentences, 15, 40)

    def narrative(self):
        return self.words(self.update_sentences, 20, 120)

    def paragraph(self, low=60, high=160):
        return self.words(self.strengths + self.concerns, low, high)

    def title(self):
        pick = self.pick
        title = f"{pick(VERBS)} {pick(SUBJECTS)}"
        return title[:250]

    def person(self):
        return f"{self.pick(FIRST_NAMES)} {self.pick(LAST_NAMES)}"


# ---------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------


@contextlib.contextmanager
def own_timestamps(*models):
    """Let bulk_create keep the created_at/updated_at/changed_at values we give, instead of
    "now": the fields' auto_now(_add) flags are turned off while the data is written."""
    saved = []
    for model in models:
        for model_field in model._meta.concrete_fields:
            if getattr(model_field, "auto_now", False) or getattr(
                model_field, "auto_now_add", False
            ):
                saved.append((model_field, model_field.auto_now, model_field.auto_now_add))
                model_field.auto_now = model_field.auto_now_add = False
    try:
        yield
    finally:
        for model_field, auto_now, auto_now_add in saved:
            model_field.auto_now, model_field.auto_now_add = auto_now, auto_now_add


def generated_councils():
    return Council.objects.filter(slug__startswith=PREFIX)


def generated_users():
    return get_user_model().objects.filter(username__startswith=PREFIX)


LONDON = zoneinfo.ZoneInfo("Europe/London")


def at(day, hour=10):
    """A moment in the working day, in the UK (the settings' time zone)."""
    return datetime.combine(day, clock(hour, 0), tzinfo=LONDON)


def add_months(day, months):
    return day + timedelta(days=round(months * 30.44))


@dataclass
class Sizes:
    councils: int = 150
    years: int = 10
    reviews_per_council: int | None = None  # one a year unless given
    recommendations: int = 35  # top-level recommendations per review, on average
    actions: int = 4  # actions per recommendation, on average
    updates: int = 6  # progress updates per action, on average

    def __post_init__(self):
        if self.reviews_per_council is None:
            self.reviews_per_council = self.years


@dataclass
class Counts:
    rows: dict = field(default_factory=dict)

    def add(self, model, number):
        name = model._meta.label
        self.rows[name] = self.rows.get(name, 0) + number


class NationalDataGenerator:
    def __init__(self, sizes, *, seed=1, today=None, batch_size=BATCH_SIZE, log=None):
        self.sizes = sizes
        self.rng = random.Random(seed)
        self.today = today or timezone.localdate()
        self.batch_size = batch_size
        self.log = log or (lambda message: None)
        self.counts = Counts()
        self.review_leads = {}
        self.slugs = {}
        self.text = TextMaker(self.rng)
        self.cqc_rng = random.Random(f"cqc-{seed}")
        self.frameworks, self.statements = {}, {}
        self.started = time.perf_counter()

    # Helpers ---------------------------------------------------------------------------

    def _say(self, message):
        self.log(f"[{time.perf_counter() - self.started:6.1f} s] {message}")

    def _create(self, model, objects):
        if not objects:
            return objects
        created = model.objects.bulk_create(objects, batch_size=self.batch_size)
        self.counts.add(model, len(objects))
        return created

    def _chance(self, probability):
        return self.rng.random() < probability

    # The whole run ---------------------------------------------------------------------

    def run(self):
        with (
            transaction.atomic(),
            own_timestamps(
                Review,
                Recommendation,
                ImprovementPlan,
                Action,
                ProgressUpdate,
                DueDateChange,
                RatingChallenge,
                ProgressAssessment,
                AccuracyComment,
            ),
        ):
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
            self.focus_areas = self._focus_areas()
            self.regions = self._regions()
            self.password = make_password(PASSWORD)
            councils = self._councils()
            self._regional_leads()
            self.peers = self._peer_pools(councils)
            chunk = 3
            for start in range(0, len(councils), chunk):
                self._fill(councils[start : start + chunk])
                if (start // chunk) % 5 == 0 or start + chunk >= len(councils):
                    done = min(start + chunk, len(councils))
                    self._say(
                        f"{done} of {len(councils)} councils: "
                        f"{self.counts.rows.get('improvement_plans.Action', 0):,} actions, "
                        f"{self.counts.rows.get('improvement_plans.ProgressUpdate', 0):,} "
                        "progress updates"
                    )
        if connection.vendor == "postgresql":
            self._say("analysing the tables")
            with connection.cursor() as cursor:
                # VACUUM also marks the new pages all-visible, so counts can use index-only
                # scans at once instead of after autovacuum gets round to the tables.
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        self._say("done")
        return self.counts.rows

    def _focus_areas(self):
        areas = list(FocusArea.objects.order_by("number"))
        if not areas:
            areas = self._create(
                FocusArea,
                [FocusArea(number=n, code=code, name=name) for n, code, name in FOCUS_AREAS],
            )
        return areas

    def _regions(self):
        regions = {}
        for name in REGIONS:
            region, _ = Region.objects.get_or_create(name=name, defaults={"slug": slugify(name)})
            regions[name] = region
        return regions

    def _shares(self):
        """How many of the councils go to each region: largest remainders of the weights."""
        total = sum(REGION_WEIGHTS.values())
        wanted = {
            name: self.sizes.councils * weight / total for name, weight in REGION_WEIGHTS.items()
        }
        shares = {name: int(value) for name, value in wanted.items()}
        left = self.sizes.councils - sum(shares.values())
        for name in sorted(wanted, key=lambda name: shares[name] - wanted[name])[:left]:
            shares[name] += 1
        return shares

    def _councils(self):
        User = get_user_model()
        councils, users = [], []
        number = 0
        for region_name in REGIONS:
            region = self.regions[region_name]
            for _ in range(self._shares()[region_name]):
                number += 1
                if region_name == "London":
                    kind = Council.Kind.LONDON_BOROUGH
                else:
                    kind = self.rng.choice(
                        [
                            Council.Kind.COUNTY,
                            Council.Kind.METROPOLITAN_BOROUGH,
                            Council.Kind.UNITARY,
                        ]
                    )
                name = f"Council {number:03d} ({region_name})"
                councils.append(
                    Council(
                        name=name,
                        slug=f"{PREFIX}council-{number:03d}",
                        kind=kind,
                        region=region,
                        address=f"Town Hall\n{number} High Street\nTown {number:03d}",
                    )
                )
        councils = self._create(Council, councils)
        self.slugs = {council.pk: council.slug for council in councils}
        for council in councils:
            code = council.slug.removeprefix(f"{PREFIX}council-")
            for role in ("editor", "viewer"):
                first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
                users.append(
                    User(
                        username=f"{PREFIX}c{code}-{role}",
                        first_name=first,
                        last_name=last,
                        email=f"{role}.{code}@council-{code}.example",
                        password=self.password,
                    )
                )
        users = self._create(User, users)
        memberships = []
        self.editors = {}
        for council, editor, viewer in zip(councils, users[0::2], users[1::2], strict=True):
            self.editors[council.pk] = editor
            memberships.append(
                Membership(user=editor, role=Membership.Role.COUNCIL_EDITOR, council=council)
            )
            memberships.append(
                Membership(user=viewer, role=Membership.Role.COUNCIL_VIEWER, council=council)
            )
        self._create(Membership, memberships)
        self._say(f"{len(councils)} councils with an editor and a viewer each")
        return councils

    def _regional_leads(self):
        User = get_user_model()
        users = self._create(
            User,
            [
                User(
                    username=f"{PREFIX}lead-{region.slug}",
                    first_name=self.rng.choice(FIRST_NAMES),
                    last_name=self.rng.choice(LAST_NAMES),
                    email=f"lead.{region.slug}@adass.example",
                    password=self.password,
                )
                for region in self.regions.values()
            ],
        )
        self.regional_leads = {}
        memberships = []
        for region, user in zip(self.regions.values(), users, strict=True):
            self.regional_leads[region.pk] = user
            memberships.append(
                Membership(user=user, role=Membership.Role.REGIONAL_LEAD, region=region)
            )
        self._create(Membership, memberships)

    def _peer_pools(self, councils):
        """Peers who lead and join reviews: a few per region, each on several reviews."""
        User = get_user_model()
        per_region = {}
        for council in councils:
            per_region.setdefault(council.region_id, []).append(council)
        users, owners = [], []
        for region_id, region_councils in per_region.items():
            slug = next(r.slug for r in self.regions.values() if r.pk == region_id)
            for n in range(1, max(4, len(region_councils) // 2) + 1):
                users.append(
                    User(
                        username=f"{PREFIX}peer-{slug}-{n:02d}",
                        first_name=self.rng.choice(FIRST_NAMES),
                        last_name=self.rng.choice(LAST_NAMES),
                        email=f"peer{n}.{slug}@adass.example",
                        password=self.password,
                    )
                )
                owners.append(region_id)
        users = self._create(User, users)
        pools = {}
        for region_id, user in zip(owners, users, strict=True):
            pools.setdefault(region_id, []).append(user)
        self.councils_by_region = per_region
        return pools

    # One chunk of councils, from reviews down to progress updates ---------------------

    def _fill(self, councils):
        reviews = self._reviews(councils)
        self._review_parts(reviews)
        recommendations = self._recommendations(reviews)
        self._assessments(reviews, recommendations)
        plans = self._plans(reviews)
        self._plan_contents(plans, recommendations)
        self._cqc_assessments(councils)

    def _cqc_assessments(self, councils):
        """Each council's published CQC local authority assessment (as every council had one
        by early 2026): a review of that kind, the report's rating (and for about half the
        percentage) and the nine scores, spread around a level of the council's own. Drawn
        from a generator of their own, so the rest of the data is as it was without them."""
        rng = self.cqc_rng
        made = []
        for council in councils:
            report_date = self.today - timedelta(days=rng.randint(30, 700))
            visit_start = report_date - timedelta(days=rng.randint(70, 120))
            visit_end = visit_start + timedelta(days=2)
            framework = self.frameworks.get(visit_end.year) or Framework.objects.applying_on(
                visit_end
            )
            self.frameworks[visit_end.year] = framework
            if framework is None:
                continue
            level = rng.uniform(1.6, 3.5)
            scores = [min(4, max(1, round(rng.gauss(level, 0.6)))) for _ in range(9)]
            percent = scoring.percentage(sum(scores), len(scores))
            review = Review(
                kind=Review.Kind.CQC_ASSESSMENT,
                host_council=council,
                title=f"CQC local authority assessment, {report_date:%B %Y}",
                visit_start=visit_start,
                visit_end=visit_end,
                letter_date=report_date,
                status=Review.Status.ISSUED,
                issued_at=at(report_date),
                created_at=at(visit_start - timedelta(days=30)),
                updated_at=at(report_date),
            )
            made.append((review, framework, report_date, scores, percent))
        reviews = self._create(Review, [review for review, *_ in made])
        assessments = self._create(
            CqcAssessment,
            [
                CqcAssessment(
                    review=review,
                    framework=framework,
                    report_date=report_date,
                    published_rating=scoring.band(percent),
                    published_percentage=percent if rng.random() < 0.5 else None,
                )
                for review, (_, framework, report_date, _, percent) in zip(
                    reviews, made, strict=True
                )
            ],
        )
        self._create(
            StatementScore,
            [
                StatementScore(assessment=assessment, statement=statement, score=score)
                for assessment, (_, framework, _, scores, _) in zip(assessments, made, strict=True)
                for statement, score in zip(self._statements(framework), scores, strict=True)
            ],
        )

    def _statements(self, framework):
        if framework.pk not in self.statements:
            self.statements[framework.pk] = list(framework.statements())
        return self.statements[framework.pk]

    def _reviews(self, councils):
        sizes = self.sizes
        span_days = sizes.years * 365
        per_council = sizes.reviews_per_council
        reviews = []
        for council in councils:
            neighbours = [c for c in self.councils_by_region[council.region_id] if c != council]
            for index in range(per_council):
                # Spread evenly over the years, the most recent within the last interval.
                slot = span_days / per_council
                age = int(slot * index + self.rng.random() * slot * 0.9) + 5
                visit_start = self.today - timedelta(days=age)
                visit_end = visit_start + timedelta(days=self.rng.choice([2, 2, 3, 3, 4]))
                kind = self.rng.choices(
                    [k for k, _ in KIND_WEIGHTS], weights=[w for _, w in KIND_WEIGHTS]
                )[0]
                status = self._review_status(age)
                issued = status in Review.ISSUED_STATUSES
                letter_date = (
                    visit_end + timedelta(days=self.rng.randint(21, 50)) if issued else None
                )
                lead = self.rng.choice(neighbours) if neighbours else None
                label = Review.Kind(kind).label
                review = Review(
                    kind=kind,
                    host_council=council,
                    lead_council=lead if kind != Review.Kind.CQC_INSPECTION else None,
                    title=f"{label}, {visit_start:%B %Y}",
                    visit_start=visit_start,
                    visit_end=visit_end,
                    letter_date=letter_date,
                    progress_review_date=(
                        add_months(letter_date, self.rng.randint(5, 8)) if issued else None
                    ),
                    status=status,
                    capacity_to_improve=(
                        self.rng.choice(Review.CapacityToImprove.values)
                        if kind == Review.Kind.CQC_INSPECTION
                        else ""
                    ),
                    letter_addressee=f"{self.text.person()}, Director of Adult Social Services",
                    letter_address=council.address,
                    letter_salutation="Dear Director",
                    letter_reference=f"{council.slug.upper()}/{visit_start:%Y}",
                    letter_opening=self.text.paragraph(50, 90),
                    letter_team_paragraph=self.text.paragraph(40, 70),
                    letter_scope="\n".join(
                        f"{n}. {self.text.pick(self.text.recommendation_sentences)}"
                        for n in range(1, 5)
                    ),
                    letter_executive_summary=self.text.paragraph(120, 220),
                    letter_overview=self.text.paragraph(150, 300),
                    letter_conclusion=self.text.paragraph(60, 120),
                    letter_signatory_name=self.text.person(),
                    letter_signatory_title="Peer challenge lead",
                    letter_copy_list="Chief Executive\nLead Member for Adult Social Care",
                    issued_at=at(letter_date) if issued else None,
                    published_at=(
                        at(letter_date + timedelta(days=14))
                        if issued and self._chance(0.6)
                        else None
                    ),
                    created_at=at(visit_start - timedelta(days=60)),
                    updated_at=at(letter_date or visit_start),
                )
                reviews.append(review)
        return self._create(Review, reviews)

    def _review_status(self, age):
        if age < 20:
            return Review.Status.FIELDWORK
        if age < 45:
            return Review.Status.DRAFTING
        if age < 65:
            return Review.Status.FACTUAL_ACCURACY
        if age < 270:
            return Review.Status.ISSUED
        if age < 3 * 365:
            return Review.Status.PROGRESS_REVIEW
        return Review.Status.CLOSED

    def _review_parts(self, reviews):
        text, rng = self.text, self.rng
        focus_links, team, questions, memberships, judgements, comments = [], [], [], [], [], []
        through = Review.focus_areas.through
        for review in reviews:
            for area in rng.sample(self.focus_areas, min(len(self.focus_areas), rng.randint(2, 4))):
                focus_links.append(through(review_id=review.pk, focusarea_id=area.pk))
            for order, role in enumerate(TEAM_ROLES[: rng.randint(5, 7)], start=1):
                team.append(
                    TeamMember(
                        review=review,
                        name=text.person(),
                        role=role,
                        organisation=f"Council {rng.randint(1, 150):03d}",
                        order=order,
                    )
                )
            for number in range(1, rng.randint(4, 6) + 1):
                questions.append(
                    ScopeQuestion(
                        review=review,
                        number=number,
                        text=f"How well does the council {text.pick(VERBS).lower()} "
                        f"{text.pick(SUBJECTS)}?",
                    )
                )
            pool = self.peers[review.host_council.region_id]
            lead, member = rng.sample(pool, 2)
            self.review_leads[review.pk] = lead
            memberships.append(
                Membership(user=lead, role=Membership.Role.REVIEW_LEAD, review=review)
            )
            memberships.append(
                Membership(user=member, role=Membership.Role.REVIEW_TEAM, review=review)
            )
            if review.kind == Review.Kind.CQC_INSPECTION and review.status != "fieldwork":
                for order, area in enumerate(JUDGEMENT_AREAS, start=1):
                    judgements.append(
                        Judgement(
                            review=review,
                            outcome_area=area,
                            grade=rng.choice(Judgement.Grade.values[:4]),
                            order=order,
                        )
                    )
            if review.status == Review.Status.FACTUAL_ACCURACY or (
                review.is_issued and self._chance(0.3)
            ):
                editor = self.editors[review.host_council_id]
                for _ in range(rng.randint(1, 3)):
                    comments.append(
                        AccuracyComment(
                            review=review,
                            about=f"Recommendation {rng.randint(1, 30)}",
                            text=text.paragraph(20, 60),
                            author=editor,
                            created_at=at(review.visit_end + timedelta(days=20)),
                            answer=text.paragraph(10, 30) if review.is_issued else "",
                            answered_by=lead if review.is_issued else None,
                            answered_at=(
                                at(review.visit_end + timedelta(days=25))
                                if review.is_issued
                                else None
                            ),
                        )
                    )
        self._create(through, focus_links)
        self._create(TeamMember, team)
        questions = self._create(ScopeQuestion, questions)
        self._create(Membership, memberships)
        self._create(Judgement, judgements)
        self._create(AccuracyComment, comments)
        self.questions = {}
        for question in questions:
            self.questions.setdefault(question.review_id, []).append(question)
        findings = []
        for review in reviews:
            if review.status == Review.Status.FIELDWORK:
                continue
            order = 0
            for question in self.questions[review.pk]:
                for kind, pool, count in (
                    (Finding.Kind.STRENGTH, text.strengths, rng.randint(2, 4)),
                    (Finding.Kind.AREA_FOR_CONSIDERATION, text.concerns, rng.randint(1, 3)),
                ):
                    for _ in range(count):
                        order += 1
                        findings.append(
                            Finding(
                                review=review,
                                kind=kind,
                                scope_question=question,
                                text=text.words(pool, 30, 90),
                                order=order,
                            )
                        )
        self._create(Finding, findings)

    def _recommendations(self, reviews):
        """Top-level recommendations, then their sub-items; returns {review pk: [(top, [subs])]}."""
        text, rng = self.text, self.rng
        tops, subs_wanted = [], []
        average = self.sizes.recommendations
        for review in reviews:
            if review.status == Review.Status.FIELDWORK:
                continue
            issued = review.is_issued
            count = max(1, rng.randint(average - 10, average + 10)) if average > 10 else average
            questions = self.questions[review.pk]
            for number in range(1, count + 1):
                if issued:
                    response = rng.choices(
                        ["accepted", "partly_accepted", "not_accepted", ""],
                        weights=[80, 12, 5, 3],
                    )[0]
                else:
                    response = ""
                has_subs = self._chance(0.25)
                top = Recommendation(
                    review=review,
                    number=number,
                    text=(
                        f"{text.pick(VERBS)} {text.pick(SUBJECTS)} by:"
                        if has_subs
                        else text.recommendation()
                    ),
                    scope_question=questions[(number - 1) % len(questions)],
                    focus_area=text.pick(self.focus_areas),
                    page_reference=(
                        f"{rng.randint(3, 40)}" if review.kind == Review.Kind.CQC_INSPECTION else ""
                    ),
                    response=response,
                    response_reason=(
                        text.paragraph(20, 50)
                        if response in ("partly_accepted", "not_accepted")
                        else ""
                    ),
                    exempt=self._chance(0.02),
                    created_at=at(review.visit_end),
                    updated_at=at(review.letter_date or review.visit_end),
                )
                tops.append(top)
                subs_wanted.append(rng.randint(2, 4) if has_subs else 0)
        tops = self._create(Recommendation, tops)
        subs = []
        for top, wanted in zip(tops, subs_wanted, strict=True):
            for number in range(1, wanted + 1):
                subs.append(
                    Recommendation(
                        review_id=top.review_id,
                        parent=top,
                        number=number,
                        text=text.sub_item(),
                        scope_question=top.scope_question,
                        focus_area=None,
                        response=top.response,
                        created_at=top.created_at,
                        updated_at=top.updated_at,
                    )
                )
        subs = self._create(Recommendation, subs)
        by_review = {}
        children = {}
        for sub in subs:
            children.setdefault(sub.parent_id, []).append(sub)
        for top in tops:
            by_review.setdefault(top.review_id, []).append((top, children.get(top.pk, [])))
        return by_review

    def _plans(self, reviews):
        plans = []
        for review in reviews:
            if not review.is_issued:
                continue
            version_date = review.letter_date + timedelta(days=self.rng.randint(28, 70))
            if version_date > self.today:
                version_date = self.today
            plans.append(
                ImprovementPlan(
                    council_id=review.host_council_id,
                    title=f"Improvement plan: {review.title}",
                    version_date=version_date,
                    status=(
                        ImprovementPlan.Status.CLOSED
                        if review.status == Review.Status.CLOSED
                        else ImprovementPlan.Status.ACTIVE
                    ),
                    published_at=at(version_date) if self._chance(0.4) else None,
                    created_at=at(version_date),
                    updated_at=at(version_date),
                )
            )
            plans[-1].review = review
        created = self._create(ImprovementPlan, plans)
        for plan, original in zip(created, plans, strict=True):
            plan.review = original.review
        through = ImprovementPlan.reviews.through
        self._create(
            through, [through(improvementplan_id=p.pk, review_id=p.review.pk) for p in created]
        )
        return created

    def _action_dates(self, plan):
        start = plan.version_date + timedelta(days=self.rng.randint(0, 120))
        due = start + timedelta(days=self.rng.randint(60, 540))
        return start, due

    def _action_state(self, start, due):
        """Status, RAG and % complete as the dates make likely: older actions mostly done,
        recent ones on track or at risk, some overdue."""
        rng, today = self.rng, self.today
        if start > today:
            return ActionStatus.NOT_STARTED, "", 0
        if due < today:
            years_ago = (today - due).days / 365
            if years_ago < 0.5:
                open_chance = 0.65
            elif years_ago < 1:
                open_chance = 0.5
            elif years_ago < 2:
                open_chance = 0.3
            elif years_ago < 4:
                open_chance = 0.15
            else:
                open_chance = 0.08
            roll = rng.random()
            if roll < 0.03:
                return ActionStatus.CANCELLED, "", rng.randint(0, 60)
            if roll < 0.03 + open_chance:
                status = rng.choices(
                    [
                        ActionStatus.OFF_TRACK,
                        ActionStatus.AT_RISK,
                        ActionStatus.ON_TRACK,
                        ActionStatus.NOT_STARTED,
                    ],
                    weights=[40, 35, 15, 10],
                )[0]
                rag = rng.choices([Rag.RED, Rag.AMBER, Rag.GREEN], weights=[60, 25, 15])[0]
                return status, rag, rng.randint(10, 95)
            return ActionStatus.COMPLETED, Rag.GREEN, 100
        share = (today - start).days / max(1, (due - start).days)
        status = rng.choices(
            [
                ActionStatus.ON_TRACK,
                ActionStatus.AT_RISK,
                ActionStatus.OFF_TRACK,
                ActionStatus.NOT_STARTED,
            ],
            weights=[55, 25, 8, 12],
        )[0]
        if status == ActionStatus.NOT_STARTED:
            return status, rng.choice(["", Rag.AMBER]), 0
        percent = max(0, min(99, int(share * 100) + rng.randint(-25, 10)))
        rag = {
            ActionStatus.ON_TRACK: Rag.GREEN if self._chance(0.85) else Rag.AMBER,
            ActionStatus.AT_RISK: Rag.AMBER,
            ActionStatus.OFF_TRACK: Rag.RED,
        }[status]
        return status, rag, percent

    def _plan_contents(self, plans, recommendations):
        text, rng, today = self.text, self.rng, self.today
        areas, area_recommendations = [], []
        actions, action_targets = [], []
        for plan in plans:
            editor = self.editors[plan.council_id]
            number = 0
            for top, subs in recommendations.get(plan.review.pk, []):
                if top.response == "not_accepted":
                    continue
                area = ImprovementArea(plan=plan, number=top.number, title=top.text[:200])
                areas.append(area)
                area_recommendations.append(top)
                if self._chance(0.03):
                    continue  # a gap: no action yet
                average = self.sizes.actions
                count = rng.randint(max(1, average - 2), average + 3)
                targets = subs or [top]
                for index in range(count):
                    number += 1
                    start, due = self._action_dates(plan)
                    status, rag, percent = self._action_state(start, due)
                    measure = rng.choice(MEASURES) if self._chance(0.5) else None
                    owner = text.pick(OWNER_ROLES)
                    if self._chance(0.4):
                        owner = f"{text.person()}, {owner}"
                    action = Action(
                        plan=plan,
                        number=number,
                        title=text.title(),
                        how=text.words(text.hows, 30, 80),
                        expected_evidence=text.words(text.evidence, 15, 40),
                        owner_name=owner,
                        owner_user=editor if self._chance(0.3) else None,
                        measure_description=measure[0] if measure else "",
                        measure_baseline=str(rng.randint(*measure[2])) if measure else "",
                        measure_target=str(rng.randint(*measure[3])) if measure else "",
                        measure_unit=measure[1] if measure else "",
                        start_date=start,
                        due_date=due,
                        original_due_date=due,
                        status=status,
                        rag=rag,
                        percent_complete=percent,
                        exempt=self._chance(0.02),
                        created_at=at(plan.version_date),
                        updated_at=at(min(today, due)),
                    )
                    if status == ActionStatus.COMPLETED and self._chance(0.3):
                        action.verified_at = at(min(today, due + timedelta(days=20)))
                        action.verified_by = self.regional_leads[plan.review.host_council.region_id]
                    action.gen_area = areas[-1]
                    action.gen_measure = measure
                    actions.append(action)
                    action_targets.append(targets[index % len(targets)])
        areas = self._create(ImprovementArea, areas)
        through = ImprovementArea.recommendations.through
        self._create(
            through,
            [
                through(improvementarea_id=area.pk, recommendation_id=rec.pk)
                for area, rec in zip(areas, area_recommendations, strict=True)
            ],
        )
        for action in actions:
            action.area = action.gen_area  # now saved, with its primary key
        actions = self._create(Action, actions)
        through = Action.recommendations.through
        self._create(
            through,
            [
                through(action_id=action.pk, recommendation_id=rec.pk)
                for action, rec in zip(actions, action_targets, strict=True)
            ],
        )
        self._action_details(actions)

    def _action_details(self, actions):
        text, rng, today = self.text, self.rng, self.today
        milestones, updates, changes, challenges = [], [], [], []
        for action in actions:
            editor = self.editors[action.plan.council_id]
            closed = action.status in (ActionStatus.COMPLETED, ActionStatus.CANCELLED)
            span = max(1, (action.due_date - action.start_date).days)
            # Re-baselined: the due date moved later once, recorded with a reason.
            if action.start_date <= today and self._chance(0.12):
                moved_by = rng.randint(30, 180)
                original = action.due_date - timedelta(days=moved_by)
                if original >= action.start_date:
                    action.original_due_date = original
                    changed_on = min(today, original - timedelta(days=rng.randint(0, 30)))
                    changed_on = max(changed_on, action.start_date)
                    changes.append(
                        DueDateChange(
                            action=action,
                            previous_due_date=original,
                            new_due_date=action.due_date,
                            reason=text.words(text.update_sentences, 15, 40),
                            changed_by=editor,
                            changed_at=at(changed_on, 14),
                        )
                    )
            for step in range(1, rng.randint(1, 4) + 1):
                due = action.start_date + timedelta(days=span * step // 4)
                if due < today:
                    if action.status == ActionStatus.COMPLETED or self._chance(0.75):
                        done = due + timedelta(days=rng.randint(-10, 20))
                        done = min(done, today)
                    else:
                        done = None  # missed when the action is still open
                else:
                    done = None
                milestones.append(
                    Milestone(
                        action=action, text=text.pick(text.milestones), due_date=due, done_on=done
                    )
                )
            if action.start_date <= today and action.status != ActionStatus.NOT_STARTED:
                updates.extend(self._updates(action, editor))
            if action.rag == Rag.GREEN and not closed and action.due_date < today:
                if self._chance(0.15):
                    lead = self.regional_leads[action.plan.review.host_council.region_id]
                    answered = self._chance(0.5)
                    challenges.append(
                        RatingChallenge(
                            action=action,
                            rag_challenged=Rag.GREEN,
                            comment="The action is past its due date; is green right?",
                            raised_by=lead,
                            raised_at=at(today - timedelta(days=rng.randint(5, 60))),
                            answer=text.paragraph(15, 40) if answered else "",
                            answered_by=editor if answered else None,
                            answered_at=at(today - timedelta(days=2)) if answered else None,
                        )
                    )
        # The original due dates changed above: write them back in one statement per batch.
        rebaselined = [a for a in actions if a.original_due_date != a.due_date]
        if rebaselined:
            Action.objects.bulk_update(rebaselined, ["original_due_date"], batch_size=1000)
        self._create(Milestone, milestones)
        updates = self._create(ProgressUpdate, updates)
        self._create(DueDateChange, changes)
        self._create(RatingChallenge, challenges)
        evidence = []
        for update in updates:
            if self._chance(0.05):
                evidence.append(
                    Evidence(
                        update=update,
                        link=f"https://intranet.{self.slugs[update.action.plan.council_id]}"
                        f".example/documents/{update.pk}",
                        description=f"{text.pick(DOCUMENTS).capitalize()} (link)",
                    )
                )
        self._create(Evidence, evidence)

    def _updates(self, action, editor):
        rng, text, today = self.rng, self.text, self.today
        end = min(today, action.due_date + timedelta(days=rng.randint(0, 30)))
        if action.status not in (ActionStatus.COMPLETED, ActionStatus.CANCELLED):
            end = today
        days = (end - action.start_date).days
        if days <= 0:
            return []
        average = self.sizes.updates
        wanted = rng.randint(max(1, average - 2), average + 4)
        # A recent action has only had time for a few monthly updates.
        count = max(1, min(wanted, days // 30 + 1))
        dates = sorted(
            action.start_date + timedelta(days=rng.randint(1, days)) for _ in range(count)
        )
        dates[-1] = (
            end if action.status in (ActionStatus.COMPLETED, ActionStatus.CANCELLED) else dates[-1]
        )
        measure = action.gen_measure
        updates = []
        for index, day in enumerate(dates):
            last = index == count - 1
            share = (index + 1) / count
            if last:
                status, rag, percent = action.status, action.rag, action.percent_complete
            else:
                status = rng.choice(
                    [ActionStatus.ON_TRACK, ActionStatus.ON_TRACK, ActionStatus.AT_RISK]
                )
                rag = Rag.GREEN if status == ActionStatus.ON_TRACK else Rag.AMBER
                percent = int(action.percent_complete * share)
            reading = ""
            if measure:
                low, high = measure[2], measure[3]
                value = low[0] + (high[0] - low[0]) * share + rng.randint(-3, 3)
                reading = f"{max(0, int(value))}{'%' if measure[1] == '%' else ''}"
            updates.append(
                ProgressUpdate(
                    action=action,
                    author=editor,
                    date=day,
                    status=status,
                    rag=rag,
                    percent_complete=percent,
                    narrative=text.narrative(),
                    measure_reading=reading,
                    completion_evidence=(
                        text.words(text.evidence, 15, 40)
                        if last and status == ActionStatus.COMPLETED
                        else ""
                    ),
                    created_at=at(day, 9 + index % 8),
                )
            )
        return updates

    def _assessments(self, reviews, recommendations):
        """At the progress review, the lead's verdict on each accepted recommendation."""
        rng, text = self.rng, self.text
        assessments = []
        verdicts = ProgressAssessment.Verdict.values
        for review in reviews:
            if review.status not in (Review.Status.PROGRESS_REVIEW, Review.Status.CLOSED):
                continue
            day = review.progress_review_date
            if day is None or day > self.today:
                continue
            for top, _ in recommendations.get(review.pk, []):
                if top.response == "not_accepted":
                    continue
                assessments.append(
                    ProgressAssessment(
                        recommendation=top,
                        date=day,
                        verdict=rng.choices(verdicts, weights=[40, 35, 18, 7])[0],
                        comment=text.paragraph(15, 45) if self._chance(0.5) else "",
                        assessed_by=self.review_leads[review.pk],
                        created_at=at(day),
                    )
                )
        self._create(ProgressAssessment, assessments)


# ---------------------------------------------------------------------------------------
# Removing generated data
# ---------------------------------------------------------------------------------------


def _delete_where(queryset):
    """DELETE the rows of ``queryset`` in one statement, without Django's collector (which
    would load millions of rows into memory to cascade)."""
    model = queryset.model
    sql, params = queryset.values("pk").query.sql_with_params()
    table = connection.ops.quote_name(model._meta.db_table)
    column = connection.ops.quote_name(model._meta.pk.column)
    with connection.cursor() as cursor:
        # Quoted names from the models and SQL compiled by Django, with its values as params.
        cursor.execute(f"DELETE FROM {table} WHERE {column} IN ({sql})", params)  # nosec B608
        return cursor.rowcount


def delete_generated(log=None):
    """Remove every generated council, what hangs from it, and the generated users. Regions,
    focus areas, the demo data and anything else are left alone."""
    log = log or (lambda message: None)
    councils = generated_councils()
    reviews = Review.objects.filter(host_council__in=councils)
    plans = ImprovementPlan.objects.filter(council__in=councils)
    actions = Action.objects.filter(plan__in=plans)
    recommendations = Recommendation.objects.filter(review__in=reviews)
    users = generated_users()
    steps = [
        Evidence.objects.filter(update__action__in=actions),
        ProgressUpdate.objects.filter(action__in=actions),
        Milestone.objects.filter(action__in=actions),
        DueDateChange.objects.filter(action__in=actions),
        RatingChallenge.objects.filter(action__in=actions),
        Action.recommendations.through.objects.filter(action__in=actions),
        Action.recommendations.through.objects.filter(recommendation__in=recommendations),
        actions,
        ImprovementArea.recommendations.through.objects.filter(improvementarea__plan__in=plans),
        ImprovementArea.recommendations.through.objects.filter(recommendation__in=recommendations),
        ImprovementArea.objects.filter(plan__in=plans),
        ImprovementPlan.reviews.through.objects.filter(improvementplan__in=plans),
        ImprovementPlan.reviews.through.objects.filter(review__in=reviews),
        plans,
        ProgressAssessment.objects.filter(recommendation__in=recommendations),
        Amendment.objects.filter(recommendation__in=recommendations),
        recommendations.filter(parent__isnull=False),
        recommendations,
        Finding.objects.filter(review__in=reviews),
        ScopeQuestion.objects.filter(review__in=reviews),
        TeamMember.objects.filter(review__in=reviews),
        Judgement.objects.filter(review__in=reviews),
        AccuracyComment.objects.filter(review__in=reviews),
        AccuracyCorrection.objects.filter(review__in=reviews),
        StatementScore.objects.filter(assessment__review__in=reviews),
        CqcAssessment.objects.filter(review__in=reviews),
        Review.focus_areas.through.objects.filter(review__in=reviews),
        Membership.objects.filter(review__in=reviews),
        Membership.objects.filter(council__in=councils),
        Membership.objects.filter(user__in=users),
        ReminderSent.objects.filter(user__in=users),
    ]
    total = 0
    with transaction.atomic():
        for queryset in steps:
            total += _delete_where(queryset)
        Review.objects.filter(lead_council__in=councils).update(lead_council=None)
        total += _delete_where(reviews)
        total += councils.delete()[0]
        # Few rows still point at generated users (if any): let the collector null them.
        total += users.delete()[0]
    log(f"Deleted {total:,} generated rows.")
    return total


def generated_summary():
    """How much generated data is there: councils and reviews."""
    councils = generated_councils()
    return {
        "councils": councils.count(),
        # The yearly reviews, as sized: each council's CQC assessment comes besides them.
        "reviews": Review.objects.filter(host_council__in=councils)
        .exclude(kind=Review.Kind.CQC_ASSESSMENT)
        .count(),
    }
