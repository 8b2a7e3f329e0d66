"""Bad and hostile input (issue 8, point 5).

- Every free-text field of the models people fill in holds the XSS payloads of
  ``tests.hostile``, and every page of the site (the routes of the access matrix, and the lists
  with hostile filters in the address) shows them escaped; the letter and report PDFs show
  them as text and make WeasyPrint fetch nothing; the .xlsx and CSV downloads give them back
  as the same text, and text that starts like a formula stays text.
- Uploads that lie about their type, oversized files, damaged and non-zip workbooks, a zip
  bomb and an XML entity bomb are refused within a second, with a message, and nothing saved.
- A pasted letter of 200 recommendations is read, previewed and saved; a megabyte of pasted
  text is answered with a message, quickly.
"""

import csv
import io
import re
import socket
import struct
import threading
import time
import zipfile
import zlib
from datetime import date, timedelta
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.validators import URLValidator
from django.db import models
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader
from weasyprint import HTML

from councils.models import Council, Membership, Region, SignInEvent
from improvement_plans.models import (
    Action,
    ActionStatus,
    CqcSelfAssessment,
    DueDateChange,
    Evidence,
    EvidenceItem,
    ImprovementArea,
    ImprovementPlan,
    Milestone,
    PreparedFile,
    ProgressUpdate,
    Rag,
    RatingChallenge,
    ReminderSent,
    SelfRating,
    SelfRatingChallenge,
    SelfRatingLink,
)
from recommendations.forms import max_pasted_characters, max_pasted_rows
from recommendations.models import Amendment, ProgressAssessment, Recommendation
from regional.models import (
    AssessmentComment,
    Measure,
    PracticeEntry,
    Reading,
    RiskAssessment,
    SelfAssessment,
    Standard,
    StandardLevel,
    SupportOffer,
    SupportType,
    Theme,
    Trigger,
    TriggerRating,
)
from reviews.cqc.models import (
    AccuracyCorrection,
    CqcAssessment,
    QualityStatement,
    RatingCharacteristic,
    StatementScore,
)
from reviews.models import (
    AccuracyComment,
    Finding,
    FocusArea,
    Judgement,
    Review,
)
from sli.lib.pdf import LockedURLFetcher
from tests.factories import (
    make_action,
    make_area,
    make_council,
    make_evidence,
    make_finding,
    make_membership,
    make_milestone,
    make_plan,
    make_recommendation,
    make_region,
    make_review,
    make_scope_question,
    make_team_member,
    make_update,
    make_user,
)
from tests.hostile import (
    ALL_PAYLOADS,
    FORMULA_PAYLOADS,
    MARKUP_CHARACTERS,
    SHORT_XSS_PAYLOADS,
    XSS_PAYLOADS,
    network_payloads,
)
from tests.html_forms import form_data
from tests.test_access_matrix import ROUTES

User = get_user_model()
Role = Membership.Role

FREE_TEXT_APPS = {"councils", "reviews", "recommendations", "improvement_plans", "regional"}
# Models with text that nobody types into the application.
NOT_TYPED = {
    FocusArea: "the framework's focus areas, loaded by a migration",
    ReminderSent: "a reminder's outcome: Notify's reference and the error, written by the sender",
    PreparedFile: "a prepared file's names and error, written by the worker (its page shows "
    "the plan's title, filled on the plan)",
}
# A field of at most this many characters takes the short payloads; one shorter than a
# title takes the payloads of up to MEDIUM_PAYLOAD characters; a longer one takes them all.
# (Every payload in a name would need fifteen rounds of every page: a minute.)
SHORT_FIELD = 100
TITLE_FIELD = 250
MEDIUM_PAYLOAD = 40
LINK_START = "https://example.org/evidence?q="


def work_time():
    """Seconds of processor time this test process has used. The limits below catch work that
    explodes (a regular expression that backtracks, a bomb unpacked): they are counted in the
    process's own time, not the clock's, which a busy 2-core machine stretches."""
    return time.process_time()


def free_text_fields(model):
    """The fields of ``model`` that hold text someone typed: character and text fields that
    are not choices, slugs, e-mail or web addresses."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not field.choices
        and not isinstance(field, models.SlugField | models.EmailField | models.URLField)
    ]


def typed_models():
    """Every model of the application with free text (history copies aside), and the user."""
    found = [User]
    for model in apps.get_models():
        if (
            model._meta.app_label in FREE_TEXT_APPS
            and not model.__name__.startswith("Historical")
            and model not in NOT_TYPED
            and free_text_fields(model)
        ):
            found.append(model)
    return found


def user_text_fields(model):
    """Free-text fields a person fills in (a user's username is limited to letters and digits
    by its validator: only the names are free)."""
    if model is User:
        return [model._meta.get_field("first_name"), model._meta.get_field("last_name")]
    return free_text_fields(model)


def payloads_for(field):
    """The payloads a field takes over the rounds (see SHORT_FIELD)."""
    if field.max_length is None or field.max_length >= TITLE_FIELD:
        return ALL_PAYLOADS
    if field.max_length <= SHORT_FIELD:
        return SHORT_XSS_PAYLOADS
    return [payload for payload in ALL_PAYLOADS if len(payload) <= MEDIUM_PAYLOAD]


def pack(prefix, payloads, max_length, separator=" "):
    """``payloads`` joined into as few values as fit in ``max_length``, each starting with
    ``prefix`` (which names the field, so a page shows which field it is showing)."""
    values, current = [], prefix
    for payload in payloads:
        if max_length is not None and len(prefix + payload) > max_length:
            continue  # a field cannot hold it: the form would refuse it too
        candidate = current + separator + payload if current != prefix else prefix + payload
        if max_length is None or len(candidate) <= max_length:
            current = candidate
        else:
            values.append(current)
            current = f"{prefix}{payload}"
    values.append(current)
    return values


def link_payloads():
    """Payloads that an evidence link can carry after a web address and still pass the
    web-address check (spaces written as %20)."""
    valid = URLValidator()
    carried = []
    for payload in ALL_PAYLOADS:
        try:
            valid(LINK_START + payload.replace(" ", "%20"))
        except ValidationError:
            continue
        carried.append(payload.replace(" ", "%20"))
    return carried


class PageScanner(HTMLParser):
    """Everything in a page that runs script or loads something: event-handler attributes,
    inline scripts, dangerous URLs, frames and objects, style elements, CSS expressions."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster"}
    FOREIGN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "math"}
    SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:image/svg")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            squashed = re.sub(r"[\s\x00-\x1f]+", "", value).lower()
            if name.startswith("on"):
                self.problems.append(f"<{tag}> has an event handler {name}={value!r}")
            if name in self.URL_ATTRIBUTES and squashed.startswith(self.SCHEMES):
                self.problems.append(f"<{tag}> has {name}={value!r}")
            if name == "srcdoc":
                self.problems.append(f"<{tag}> has srcdoc={value!r}")
            if name == "style" and ("expression(" in squashed or "javascript:" in squashed):
                self.problems.append(f"<{tag}> has style={value!r}")
        names = dict(attrs)
        if tag in self.FOREIGN_TAGS or tag == "style":
            self.problems.append(f"a <{tag}> element: {attrs!r}")
        if tag == "meta" and "http-equiv" in names:
            self.problems.append(f"<meta http-equiv> {attrs!r}")
        if tag == "script":
            source = names.get("src") or ""
            if not source.startswith("/static/"):
                self.problems.append(f"a <script> that is not one of ours: {attrs!r}")

    handle_startendtag = handle_starttag


def markup_problems(html):
    """What in ``html`` would run or load something, and any payload left unescaped."""
    scanner = PageScanner()
    scanner.feed(html)
    scanner.close()
    problems = list(scanner.problems)
    for payload in ALL_PAYLOADS:
        if MARKUP_CHARACTERS & set(payload) and payload in html:
            problems.append(f"the payload {payload!r} is in the page unescaped")
    return problems


class HostileWorld(TestCase):
    """One region's world with an object of every model people write text into, each field
    filled by ``fill`` with payloads; read by a staff member (who may open every page) and by
    the public."""

    @classmethod
    def setUpTestData(cls):
        today = timezone.localdate()
        cls.staff = make_user(is_staff=True, is_superuser=True)
        cls.author = make_user()
        cls.region = make_region(slug="hostile-region")
        cls.council = make_council(region=cls.region, slug="hostile-council", address="A")
        cls.other_council = make_council(region=cls.region, slug="hostile-neighbour")
        make_membership(cls.author, Role.COUNCIL_EDITOR, cls.council)

        cls.review = make_review(
            host_council=cls.council,
            lead_council=cls.other_council,
            kind=Review.Kind.CQC_INSPECTION,
            letter_date=today - timedelta(days=200),
        )
        cls.review.focus_areas.set(FocusArea.objects.all()[:2])
        cls.draft = make_review(host_council=cls.council, status=Review.Status.FACTUAL_ACCURACY)
        question = make_scope_question(review=cls.review)
        make_team_member(review=cls.review)
        Judgement.objects.create(review=cls.review, outcome_area="J", grade=Judgement.Grade.GOOD)
        make_finding(review=cls.review, scope_question=question)
        make_finding(
            review=cls.review, scope_question=question, kind=Finding.Kind.AREA_FOR_CONSIDERATION
        )
        make_finding(review=cls.review)
        cls.recommendation = make_recommendation(
            review=cls.review,
            scope_question=question,
            focus_area=FocusArea.objects.first(),
            response=Recommendation.Response.PARTLY_ACCEPTED,
            response_reason="R",
            page_reference="1",
        )
        cls.sub_item = make_recommendation(parent=cls.recommendation)
        Amendment.objects.create(
            recommendation=cls.recommendation,
            previous_text="P",
            new_text="N",
            reason="R",
            made_by=cls.author,
        )
        ProgressAssessment.objects.create(
            recommendation=cls.recommendation,
            date=today,
            verdict=ProgressAssessment.Verdict.SOME,
            comment="C",
            assessed_by=cls.author,
        )
        AccuracyComment.objects.create(
            review=cls.draft, about="A", text="T", answer="A", author=cls.author
        )
        make_finding(review=cls.draft)
        make_recommendation(review=cls.draft)
        for review in (cls.review, cls.draft):
            make_team_member(review=review)
            make_scope_question(review=review)
        Review.objects.filter(pk=cls.review.pk).update(published_at=cls.review.created_at)

        cls.plan = make_plan(review=cls.review, published_at=cls.review.created_at)
        PreparedFile.objects.create(
            requested_by=cls.staff, kind=PreparedFile.Kind.REPORT_PDF, plan=cls.plan
        )
        area = make_area(plan=cls.plan, recommendations=[cls.recommendation])
        cls.action = make_action(
            plan=cls.plan,
            area=area,
            recommendations=[cls.recommendation, cls.sub_item],
            rag=Rag.GREEN,
            owner_user=cls.author,
            start_date=today - timedelta(days=120),
            due_date=today - timedelta(days=3),
            measure_description="M",
            measure_baseline="1",
            measure_target="2",
            measure_unit="U",
        )
        make_action(plan=cls.plan, status=ActionStatus.NOT_STARTED)
        make_milestone(action=cls.action, due_date=today - timedelta(days=10))
        update = make_update(
            action=cls.action,
            author=cls.author,
            date=today - timedelta(days=5),
            measure_reading="3",
            completion_evidence="E",
        )
        cls.link_evidence = make_evidence(update=update)
        cls.file_evidence = make_evidence(
            update=update, link="", file=ContentFile(b"%PDF-1.4 audit", name="audit.pdf")
        )
        DueDateChange.objects.create(
            action=cls.action,
            previous_due_date=today,
            new_due_date=today - timedelta(days=3),
            reason="R",
            changed_by=cls.author,
        )
        RatingChallenge.objects.create(
            action=cls.action,
            rag_challenged=Rag.GREEN,
            comment="C",
            answer="A",
            raised_by=cls.author,
            answered_by=cls.author,
        )

        trigger = Trigger.objects.create(
            region=cls.region, category=Trigger.Category.OUTCOMES, text="T", data_source="D"
        )
        support = SupportType.objects.create(
            region=cls.region, tier=SupportType.Tier.TARGETED, name="S", description="D"
        )
        cls.risk = RiskAssessment.objects.create(
            council=cls.council,
            year=today.year,
            overall_concern=RiskAssessment.Concern.MEDIUM,
            reasons="R",
            discussed_on=today,
            discussion_notes="N",
        )
        TriggerRating.objects.create(
            assessment=cls.risk,
            trigger=trigger,
            rating=TriggerRating.Rating.SOME_CONCERN,
            evidence="E",
        )
        AssessmentComment.objects.create(assessment=cls.risk, text="T", author=cls.author)
        SupportOffer.objects.create(
            council=cls.council,
            assessment=cls.risk,
            support_type=support,
            provider=cls.other_council,
            offered_on=today,
            days=2,
            description="D",
            notes="N",
        )
        theme = Theme.objects.create(region=cls.region, year=today.year, title="T", description="D")
        standard = Standard.objects.create(theme=theme, number=1, text="S")
        self_assessment = SelfAssessment.objects.create(theme=theme, council=cls.council)
        StandardLevel.objects.create(
            self_assessment=self_assessment,
            standard=standard,
            level=2,
            evidence="E",
            strengths="S",
            areas_for_development="A",
        )
        measure = Measure.objects.create(
            region=cls.region,
            code="H1",
            domain="D",
            name="N",
            better=Measure.Better.HIGHER,
            unit="%",
        )
        for council, value in ((cls.council, 10), (cls.other_council, 20)):
            Reading.objects.create(
                measure=measure,
                council=council,
                period_end=date(today.year - 1, 3, 31),
                value=value,
            )
        PracticeEntry.objects.create(
            council=cls.council,
            focus_area=FocusArea.objects.first(),
            title="T",
            description="D",
            contact_role="C",
            created_by=cls.author,
        )

        cls.cqc_review = make_review(
            host_council=cls.council,
            kind=Review.Kind.CQC_ASSESSMENT,
            status=Review.Status.FACTUAL_ACCURACY,
        )
        statement = QualityStatement.objects.get(name="Assessing needs")
        assessment = CqcAssessment.objects.create(
            review=cls.cqc_review, framework=statement.theme.framework
        )
        StatementScore.objects.create(assessment=assessment, statement=statement, score=2)
        make_finding(
            review=cls.cqc_review,
            kind=Finding.Kind.AREA_FOR_IMPROVEMENT,
            quality_statement=statement,
        )
        AccuracyCorrection.objects.create(
            review=cls.cqc_review,
            kind=AccuracyCorrection.Kind.B,
            where="W",
            report_text="R",
            proposed_correction="P",
            evidence_reference="E",
        )
        RatingCharacteristic.objects.create(statement=statement, score=3, text="T")
        cls.library_item = EvidenceItem.objects.create(
            council=cls.council,
            number=1,
            title="T",
            description="D",
            evidence_date=today,
            link="https://example.org/library",
        )
        cls.library_item.quality_statements.add(statement)
        cls.library_item.categories.add(statement.theme.framework.evidence_categories.first())
        EvidenceItem.objects.create(
            council=cls.council,
            number=2,
            title="F",
            evidence_date=today,
            file=ContentFile(b"%PDF-1.4 survey", name="survey.pdf"),
        ).quality_statements.add(statement)
        # A draft self-assessment against the CQC framework (a submitted one is read-only, so
        # it could not be filled), one rating with a link and a challenge.
        self_assessment = CqcSelfAssessment.objects.create(
            council=cls.council, framework=statement.theme.framework
        )
        rating = SelfRating.objects.create(
            assessment=self_assessment,
            statement=statement,
            score=3,
            narrative="N",
            strengths="S",
            improvements="I",
        )
        cls.self_rating_link = SelfRatingLink.objects.create(
            rating=rating, title="T", url="https://example.org/strategy"
        )
        SelfRatingChallenge.objects.create(
            rating=rating, score_challenged=3, proposed_score=2, reason="R", answer="A"
        )
        # What was typed as a username, and why a sign-in failed, shown on the audit page.
        SignInEvent.objects.create(username="U", method="password", outcome="failed", reason="R")

        cls.filled = [
            obj
            for model in typed_models()
            for obj in model.objects.all()
            if not (model is Measure and obj.region_id is None)  # national measures
        ]
        cls.rounds = cls.plan_rounds()

    # -- filling the fields ---------------------------------------------------------------

    @classmethod
    def plan_rounds(cls):
        """[{(object, field name): value}] per round: every payload that fits each field goes
        into it in one round or another; the rounds run until every field has had them all."""
        per_field = {}
        for index, obj in enumerate(cls.filled):
            for number, field in enumerate(user_text_fields(type(obj))):
                prefix = f"{index}.{number} "
                payloads = payloads_for(field)
                if field.max_length and len(prefix) + max(map(len, payloads)) > field.max_length:
                    prefix = ""  # a code or a unit: room for the payload only
                per_field[obj, field.name] = pack(prefix, payloads, field.max_length)
        for linked, name in (
            (cls.link_evidence, "link"),
            (cls.library_item, "link"),
            (cls.self_rating_link, "url"),
        ):
            per_field[linked, name] = [
                LINK_START + value
                for value in pack("", link_payloads(), 500 - len(LINK_START), separator="%20")
            ]
        count = max(len(values) for values in per_field.values())
        return [
            {key: values[number % len(values)] for key, values in per_field.items()}
            for number in range(count)
        ]

    @classmethod
    def fill(cls, values):
        """Save each object with its hostile values (through ``save``, so history records the
        change and the pages' history sections show it)."""
        by_object = {}
        for (obj, name), value in values.items():
            if getattr(obj, name) != value:
                by_object.setdefault(obj, {})[name] = value
        for obj, fields in by_object.items():
            for name, value in fields.items():
                setattr(obj, name, value)
            if isinstance(obj, ProgressUpdate):  # never edited through save()
                ProgressUpdate.objects.filter(pk=obj.pk).update(**fields)
                continue
            # An issued recommendation's text changes only as an amendment.
            extra = {"amending": True} if isinstance(obj, Recommendation) else {}
            obj.save(update_fields=list(fields), **extra)


class FieldCoverageTests(HostileWorld):
    def test_every_model_with_free_text_has_an_object_in_the_world(self):
        filled_models = {type(obj) for obj in self.filled}
        missing = set(typed_models()) - filled_models
        self.assertFalse(missing, f"Add an object of each of these to HostileWorld: {missing}")

    def test_every_payload_meant_for_a_field_goes_into_it(self):
        for key in self.rounds[0]:
            obj, name = key
            field = type(obj)._meta.get_field(name)
            carried = " ".join(values[key] for values in self.rounds)
            longest = max(len(values[key]) for values in self.rounds)
            self.assertLessEqual(longest, field.max_length or longest, f"{key[0]}.{name}")
            corpus = link_payloads() if name in ("link", "url") else payloads_for(field)
            for payload in corpus:
                if field.max_length is None or len(payload) <= field.max_length:
                    self.assertTrue(payload in carried, f"{type(obj).__name__}.{name}: {payload}")

    def test_the_web_address_fields_are_the_evidence_link_and_the_frameworks_source(self):
        """Web addresses take their own payloads (``link_payloads``): a new one needs them.
        (The CQC framework's source is written by its data migration and in the admin, and no
        page makes a link of it.)"""
        addresses = [
            f"{model.__name__}.{field.name}"
            for model in apps.get_models()
            if model._meta.app_label in FREE_TEXT_APPS and not model.__name__.startswith("Hist")
            for field in model._meta.concrete_fields
            if isinstance(field, models.URLField)
        ]
        self.assertEqual(
            addresses,
            ["Framework.source", "EvidenceItem.link", "SelfRatingLink.url", "Evidence.link"],
        )

    def test_the_corpus_has_at_least_twenty_distinct_payloads(self):
        self.assertGreaterEqual(len(set(XSS_PAYLOADS)), 20)


# The access matrix's object keys, by their first words, and the model each names.
KIND_OF_KEY = [
    ("prepared file", PreparedFile),
    ("exempt recommendation", Recommendation),
    ("exempt action", Action),
    ("sub-item", Recommendation),
    ("self-assessment", SelfAssessment),
    ("cqc self-assessment", CqcSelfAssessment),
    ("self-rating link", SelfRatingLink),
    ("self-rating challenge", SelfRatingChallenge),
    ("self-rating", SelfRating),
    ("local measure", Measure),
    ("evidence file", Evidence),
    ("library item", EvidenceItem),
    ("council", Council),
    ("region", Region),
    ("review", Review),
    ("finding", Finding),
    ("comment", AccuracyComment),
    ("recommendation", Recommendation),
    ("plan", ImprovementPlan),
    ("action", Action),
    ("challenge", RatingChallenge),
    ("trigger", Trigger),
    ("support", SupportType),
    ("risk", RiskAssessment),
    ("offer", SupportOffer),
    ("theme", Theme),
    ("ASCOF", Measure),
    ("practice", PracticeEntry),
]
# Pages the world's draft self-assessment does not have (only a submitted one can be
# challenged; a submitted one could not be filled, being read-only). The rating's texts they
# show are checked on the self-assessment's own pages.
DRAFT_REFUSED_ROUTES = {"improvement_plans:self_assessment:challenge"}
PUBLIC_OBJECT_ROUTES = {
    "public_letter": Review,
    "public_letter_pdf": Review,
    "public_plan": ImprovementPlan,
}
# Routes that answer with a file, not a page: their content is checked by the PDF and
# spreadsheet tests below.
FILE_ROUTES = {
    "reviews:letter_pdf",
    "public_letter_pdf",
    "improvement_plans:report_pdf",
    "improvement_plans:report_xlsx",
    "improvement_plans:export",
    "improvement_plans:evidence",
    "reviews:cqc:corrections_xlsx",
    "improvement_plans:library:index_xlsx",
    "improvement_plans:library:index_pdf",
    "improvement_plans:library:file",
    # Its text cells: tests/regional/test_cqc_citation.py.
    "regional:assessment_xlsx",
    # The API's schema holds no user text; the API and the open data files are JSON, CSV and
    # ODS, read back by tests/api/.
    "api:schema",
}
# Fields no page shows as such, and why.
NOT_SHOWN = {"Amendment.new_text": "the recommendation's text since the amendment, shown as that"}
# Public routes that need a token in the address (password reset): no user text on them.
TOKEN_ROUTES = {"password_reset_confirm"}
# Single sign-on's round trip answers "not found" unless it is set up: tests/sso/ tries it.
SSO_ROUTES = {"sso_start", "sso_callback"}
# What the pages read from the address, each given a payload.
ADDRESS_PARAMETERS = [
    "q",
    "owner",
    "council",
    "review",
    "region",
    "period",
    "since",
    "page",
    "sort",
    "copy",
    "status",
    "rag",
    "response",
    "due_from_0",
    "next",
]


def model_of_key(key):
    for start, model in KIND_OF_KEY:
        if key.startswith(start):
            return model
    raise AssertionError(f"Say in KIND_OF_KEY which model the access matrix's {key!r} is")


def escaped(text):
    """Whether ``text`` holds a payload's markup characters, escaped."""
    return any(entity in text for entity in ("&lt;", "&quot;", "&#x27;"))


class HostilePagesTests(HostileWorld):
    """Every page of the site, with every field full of payloads, round after round."""

    def candidates(self, model):
        objects = list(model.objects.all())
        if model is Measure:
            objects = [measure for measure in objects if measure.region_id]
        if model is Evidence:
            objects = [self.file_evidence]
        return objects

    def url_for(self, route, obj):
        if route in ("reviews:cqc:areas", "improvement_plans:self_assessment:statement"):
            return reverse(route, args=[obj.pk, 1])
        if route == "regional:risk_year":
            return reverse(route, args=[obj.slug, self.risk.year])
        if isinstance(obj, Region | Council):
            return reverse(route, args=[obj.slug])
        return reverse(route, args=[obj.pk])

    def page_urls(self):
        """(route, address, signed in) for every page that shows something: an object's pages
        for an object that has that page (a review at the stage the page is for)."""
        pages = []
        for route, (method, keys) in ROUTES.items():
            if route in FILE_ROUTES | TOKEN_ROUTES | SSO_ROUTES or method not in {"GET", "public"}:
                continue
            if route in DRAFT_REFUSED_ROUTES:
                continue
            if keys is None:
                pages.append((route, [reverse(route)], method == "GET"))
            else:
                urls = [self.url_for(route, obj) for obj in self.candidates(model_of_key(keys[0]))]
                pages.append((route, urls, True))
        for route, model in PUBLIC_OBJECT_ROUTES.items():
            if route not in FILE_ROUTES:
                urls = [self.url_for(route, obj) for obj in self.candidates(model)]
                pages.append((route, urls, False))
        return pages

    def fetch_pages(self, *, query="", every_object=False):
        """{address: page} for every page: for each route, the first of its objects that has
        it (a review at the stage the page is for), or ``every_object`` that has it."""
        staff, public = self.client_class(), self.client_class()
        staff.force_login(self.staff)
        bodies = {}
        for route, urls, signed_in in self.page_urls():
            client = staff if signed_in else public
            answers = []
            for url in urls:
                response = client.get(url + query, follow=True)
                answers.append((url, response.status_code))
                if response.status_code == 200:
                    self.assertTrue(response["Content-Type"].startswith("text/html"), url)
                    bodies[url] = response.content.decode()
                    if not every_object:
                        break
            self.assertTrue(200 in dict(answers).values(), f"{route} answered {answers}")
        return bodies

    def assert_escaped(self, bodies):
        failures = {}
        for url, body in bodies.items():
            if problems := markup_problems(body):
                failures[url] = problems[:3]
        if failures:
            self.fail(f"Unescaped text on {sorted(failures)}: {failures}")

    def test_every_page_shows_every_payload_escaped_in_every_field(self):
        never_shown = None
        for number, values in enumerate(self.rounds):
            self.fill(values)
            # The long texts hold every payload from the first round on: every object's pages.
            bodies = self.fetch_pages(every_object=number == 0)
            self.assert_escaped(bodies)
            everything = "\n".join(bodies.values())
            fields = {f"{type(obj).__name__}.{name}" for obj, name in values}
            shown = {
                f"{type(obj).__name__}.{name}"
                for (obj, name), value in values.items()
                if escape(value) in everything
            }
            never_shown = (fields if never_shown is None else never_shown) - shown
        self.assertEqual(never_shown - set(NOT_SHOWN), set(), "No page shows these, escaped")

    def test_history_sections_show_old_and_new_payloads_escaped(self):
        self.fill(self.rounds[0])
        self.fill(self.rounds[1])
        self.client.force_login(self.staff)
        for obj in (self.review, self.recommendation, self.plan, self.action):
            with self.subTest(page=type(obj).__name__):
                page = self.client.get(obj.get_absolute_url()).content.decode()

                changes = re.findall(r"<del>(.*?)</del>.*?<ins>(.*?)</ins>", page, re.S)
                self.assertTrue(any(escaped(old) and escaped(new) for old, new in changes))
                self.assertEqual(markup_problems(page), [])

    def test_hostile_addresses_are_escaped_on_every_page(self):
        query = "?" + urlencode(
            {name: ALL_PAYLOADS[n % len(ALL_PAYLOADS)] for n, name in enumerate(ADDRESS_PARAMETERS)}
        )
        self.assert_escaped(self.fetch_pages(query=query))

    def test_references_to_recommendations_are_linked_inside_escaped_text(self):
        self.recommendation.text = (
            '<script>alert("xss-ref")</script> see recommendations 1 and 1(i) '
            "\"><img src=x onerror=alert('xss-ref')> and recommendation 1"
        )
        self.recommendation.save(amending=True)
        self.client.force_login(self.staff)

        page = self.client.get(self.review.get_absolute_url()).content.decode()

        self.assertEqual(markup_problems(page), [])
        self.assertIn("&lt;script&gt;alert(&quot;xss-ref&quot;)&lt;/script&gt;", page)
        self.assertIn(f'<a class="govuk-link" href="{self.sub_item.get_absolute_url()}">', page)


def squashed(text):
    """Text without any white space: a PDF breaks lines where it likes."""
    return re.sub(r"\s+", "", text)


def pdf_text(content):
    """The PDF's text. A character no installed font has (the full-width "＜") is drawn as
    a blank box, and pypdf then reads that run of text as two-byte codes: NULs between the
    letters, which are dropped here."""
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages).replace("\x00", "")


# Payloads whose characters the letter's fonts have (so they come back out of the PDF).
DRAWN_PAYLOADS = [payload for payload in XSS_PAYLOADS if max(map(ord, payload)) < 0x2000]


class Listener:
    """A port on 127.0.0.1 that counts the connections made to it, answering none (each is
    closed at once, so a client that does connect fails quickly instead of waiting)."""

    def __enter__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.server.settimeout(0.05)
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.count = 0
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()
        return self

    def _accept(self):
        while self.running:
            try:
                connection, _ = self.server.accept()
            except (TimeoutError, OSError):
                continue
            self.count += 1
            connection.close()

    def connections(self):
        time.sleep(0.1)  # a connection already made is accepted within 0.05 s
        return self.count

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.server.close()


class HostileDocumentsTests(HostileWorld):
    """The letter and the report as PDFs, and the downloads, with payloads in every field."""

    def setUp(self):
        self.fill(self.rounds[0])
        self.client.force_login(self.staff)

    def get(self, url):
        started = work_time()
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.elapsed = work_time() - started
        return response.getvalue() if response.streaming else response.content

    def ask_for_the_network(self, url):
        """Some of the texts ask for things from ``url``, and the letterhead's logo is an SVG
        that does too; the other texts keep their payloads."""
        markup = " ".join(network_payloads(url))
        Review.objects.filter(pk=self.review.pk).update(letter_conclusion=markup)
        Recommendation.objects.filter(pk=self.sub_item.pk).update(text=markup)
        Finding.objects.filter(review=self.review, scope_question=None).update(text=markup)
        Action.objects.filter(pk=self.action.pk).update(title=markup[:250], how=markup)
        ProgressUpdate.objects.filter(action=self.action).update(narrative=markup)
        svg = (
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
            ' width="100" height="40">'
            f'<image xlink:href="{url}/logo.png" width="10" height="10"/>'
            f"<style>@import url({url}/logo.css);</style>"
            '<rect width="100" height="40" fill="navy"/></svg>'
        )
        self.other_council.logo.save("logo.svg", ContentFile(svg.encode()))

    def test_letters_and_report_show_the_payloads_as_text_and_fetch_nothing(self):
        with Listener() as listener:
            self.ask_for_the_network(listener.url)
            for url, field in (
                (reverse("reviews:letter_pdf", args=[self.review.pk]), "letter_opening"),
                (reverse("public_letter_pdf", args=[self.review.pk]), "letter_opening"),
                (reverse("improvement_plans:report_pdf", args=[self.plan.pk]), "title"),
            ):
                with self.subTest(url=url):
                    text = squashed(pdf_text(self.get(url)))

                    self.assertLess(self.elapsed, 5)
                    self.assertEqual(listener.connections(), 0)
                    self.assertIn(squashed(network_payloads(listener.url)[0]), text)
                    number = self.rounds[0][self.review, field].split(" ", 1)[0]
                    self.assertIn(number, text)  # the field is in the document
                    for payload in DRAWN_PAYLOADS:
                        self.assertIn(squashed(payload), text)

    def test_the_renderer_itself_refuses_the_network_when_markup_gets_through(self):
        """The second lock: were user text ever to reach the PDF as markup, the URL fetcher
        would still fetch nothing."""
        root = finders.find("letter/letter.css").rsplit("/", 1)[0]
        with Listener() as listener:
            html = "<p>Letter</p>" + " ".join(network_payloads(listener.url))
            HTML(string=html, url_fetcher=LockedURLFetcher(root=root)).write_pdf()

            self.assertEqual(listener.connections(), 0)
            # Without the fetcher the same document does reach the port: the check is real.
            HTML(string=f'<img src="{listener.url}/img.png">').write_pdf()
            self.assertGreater(listener.connections(), 0)


def workbook_cells(content):
    """Every cell of every sheet, read back as Excel would load it."""
    workbook = load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


def csv_cells(content):
    text = content.decode("utf-8-sig")
    return [value for row in csv.reader(io.StringIO(text)) for value in row]


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def line_feeds(text):
    """XML reads a carriage return back as a line feed: the same line break."""
    return text.replace("\r", "\n")


class HostileDownloadsTests(HostileWorld):
    """Spreadsheets give text back as the same text, and never as a formula."""

    def setUp(self):
        self.fill(self.rounds[0])
        self.second_action = Action.objects.get(plan=self.plan, number=2)
        # Where each formula goes: a field, and the text it is in.
        (
            self.title,
            self.owner,
            self.how,
            self.expected,
            area,
            milestone,
            self.sub_item_text,
            self.second_owner,
        ) = FORMULA_PAYLOADS
        Action.objects.filter(pk=self.action.pk).update(
            title=self.title, owner_name=self.owner, how=self.how, expected_evidence=self.expected
        )
        Action.objects.filter(pk=self.second_action.pk).update(owner_name=self.second_owner)
        ImprovementArea.objects.filter(pk=self.action.area_id).update(title=area)
        Milestone.objects.filter(action=self.action).update(text=milestone)
        Recommendation.objects.filter(pk=self.sub_item.pk).update(text=self.sub_item_text)
        self.client.force_login(self.staff)

    def exports(self):
        """(address, formulas that fill a cell, payload texts that fill a cell) per download."""
        values = self.rounds[0]
        council, plan = values[self.council, "name"], values[self.plan, "title"]
        second = [values[self.second_action, name] for name in ("title", "how")]
        review = values[self.review, "title"]
        recommendation = values[self.recommendation, "text"]
        action_formulas = [self.owner, self.second_owner]
        plan_formulas = [self.title, self.how, self.expected, *action_formulas]
        actions, recommendations = (
            reverse("improvement_plans:actions"),
            reverse("recommendations:list"),
        )
        return [
            (reverse("improvement_plans:export", args=[self.plan.pk]), plan_formulas, second),
            (
                reverse("improvement_plans:report_xlsx", args=[self.plan.pk]),
                [self.title, *action_formulas],
                [council, plan, second[0]],
            ),
            (actions + "?export=xlsx", action_formulas, [council, plan]),
            (actions + "?export=csv", action_formulas, [council, plan]),
            (actions + "?export=plan-layout", plan_formulas, [council, plan, *second]),
            (
                recommendations + "?export=xlsx",
                [self.sub_item_text],
                [council, review, recommendation],
            ),
            (
                recommendations + "?export=csv",
                [self.sub_item_text],
                [council, review, recommendation],
            ),
        ]

    def download(self, url):
        started = work_time()
        response = self.client.get(url)
        elapsed = work_time() - started
        self.assertEqual(response.status_code, 200, url)
        self.assertLess(elapsed, 5, url)
        return response.content

    def test_workbooks_hold_formulas_as_text_and_payloads_unchanged(self):
        for url, formulas, payloads in self.exports():
            if "csv" in url:
                continue
            with self.subTest(url=url):
                cells = workbook_cells(self.download(url))
                texts = {
                    line_feeds(cell.value): cell for cell in cells if isinstance(cell.value, str)
                }

                self.assertEqual([cell.coordinate for cell in cells if cell.data_type == "f"], [])
                for formula in map(line_feeds, formulas):
                    self.assertIn(formula, texts)
                    self.assertEqual(texts[formula].data_type, "s")
                for payload in payloads:
                    self.assertIn(payload, texts)

    def test_csv_files_start_formulas_with_an_apostrophe_and_keep_payloads(self):
        for url, formulas, payloads in self.exports():
            if "csv" not in url:
                continue
            with self.subTest(url=url):
                cells = csv_cells(self.download(url))

                self.assertEqual([cell for cell in cells if cell.startswith(FORMULA_START)], [])
                for formula in formulas:
                    self.assertIn("'" + formula, cells)
                for payload in payloads:
                    self.assertIn(payload, cells)


# Characters XML 1.0 cannot hold (control characters, the non-characters U+FFFE and U+FFFF),
# put in text that starts like a formula. (No NUL, which PostgreSQL refuses, and no lone
# surrogate, which no form or database lets through.)
NOT_XML_CHARACTERS = "\x01\x08\x0b\x0c\x1f\ufffe\uffff"
ACTION_TITLE = (
    '=HYPERLINK("http://127.0.0.1:9/a?"&A1,"Staff\ufffe the\x0b front\x0c door\x01")\uffff'
)
RECOMMENDATION_TEXT = '=HYPERLINK("http://127.0.0.1:9/r?"&A1,"Shorten\ufffe the\x0b list\x08")\x1f'
PLAN_TITLE = "Adult\ufffe social care\x0b plan"
CLEAN_ACTION_TITLE = '=HYPERLINK("http://127.0.0.1:9/a?"&A1,"Staff the front door")'
CLEAN_RECOMMENDATION_TEXT = '=HYPERLINK("http://127.0.0.1:9/r?"&A1,"Shorten the list")'
CLEAN_PLAN_TITLE = "Adult social care plan"


class NotXmlCharactersInDownloadsTests(TestCase):
    """Text holding characters XML cannot hold downloads from every spreadsheet (issue 19,
    point 7) as the same text without them, and a formula in it stays text."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user()
        review = make_review()
        make_membership(cls.editor, Role.COUNCIL_EDITOR, review.host_council)
        recommendation = make_recommendation(review=review, text=RECOMMENDATION_TEXT)
        cls.plan = make_plan(review=review, title=PLAN_TITLE)
        make_action(plan=cls.plan, title=ACTION_TITLE, recommendations=[recommendation])

    def setUp(self):
        self.client.force_login(self.editor)

    def downloads(self):
        """(address, the cleaned texts it holds in cells) for every spreadsheet download."""
        plan_export = reverse("improvement_plans:export", args=[self.plan.pk])
        report = reverse("improvement_plans:report_xlsx", args=[self.plan.pk])
        actions = reverse("improvement_plans:actions")
        recommendations = reverse("recommendations:list")
        every_text = [CLEAN_ACTION_TITLE, CLEAN_RECOMMENDATION_TEXT, CLEAN_PLAN_TITLE]
        # The list shows the action's number before its title.
        listed_action = f"Action 1: {CLEAN_ACTION_TITLE}"
        return [
            (plan_export, [CLEAN_ACTION_TITLE, CLEAN_RECOMMENDATION_TEXT]),
            (report, every_text),
            (report + "?copy=public", every_text),
            (actions + "?export=xlsx", [listed_action, CLEAN_PLAN_TITLE]),
            (actions + "?export=plan-layout", every_text),
            (actions + "?export=csv", [listed_action, CLEAN_PLAN_TITLE]),
            (recommendations + "?export=xlsx", [CLEAN_RECOMMENDATION_TEXT]),
            (recommendations + "?export=csv", [CLEAN_RECOMMENDATION_TEXT]),
        ]

    def download(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response.content

    def assert_clean(self, texts):
        for text in texts:
            self.assertEqual([c for c in text if c in NOT_XML_CHARACTERS], [], repr(text))

    def test_workbooks_hold_the_text_without_the_characters_and_formulas_as_text(self):
        for url, expected in self.downloads():
            if "csv" in url:
                continue
            with self.subTest(url=url):
                content = self.download(url)
                cells = workbook_cells(content)
                texts = {cell.value: cell for cell in cells if isinstance(cell.value, str)}
                properties = load_workbook(io.BytesIO(content)).properties

                self.assert_clean([*texts, properties.title or ""])
                self.assertEqual([cell.coordinate for cell in cells if cell.data_type == "f"], [])
                for text in expected:
                    self.assertIn(text, texts)
                    self.assertEqual(texts[text].data_type, "s")

    def test_csv_files_hold_the_text_without_the_characters(self):
        for url, expected in self.downloads():
            if "csv" not in url:
                continue
            with self.subTest(url=url):
                cells = csv_cells(self.download(url))

                self.assert_clean(cells)
                for text in expected:
                    self.assertIn("'" + text if text.startswith("=") else text, cells)


def png_bytes():
    """A real 1 × 1 PNG, built by hand: signature, IHDR, IDAT and IEND chunks."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x00\x00\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert('xss')</script></body></html>"
SVG_DRAWING = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(\'xss\')">'
    b"<script>alert('xss')</script></svg>"
)
NOT_A = "The file is called .{} but is not {}: check it and upload it again"
NOT_TAKEN = "The file must be a PDF, Word document, Excel workbook or image"


def media_files():
    from django.conf import settings

    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


def field_error(response, name):
    """The error message shown next to a field."""
    match = re.search(rf'id="id_{name}_error">(.*?)</p>', response.content.decode(), re.S)
    if not match:
        return ""
    text = unescape(re.sub(r"<[^>]+>", " ", match.group(1)))
    return " ".join(text.replace("Error:", "").split())


class HostileUploadTests(TestCase):
    """Evidence files that lie about what they are, or are too big, are refused next to the
    field within a second, and nothing is saved: no update, no evidence, no file."""

    @classmethod
    def setUpTestData(cls):
        council = make_council()
        cls.editor = make_user()
        make_membership(cls.editor, Role.COUNCIL_EDITOR, council)
        cls.action = make_action(plan=make_plan(council=council))

    def setUp(self):
        self.client.force_login(self.editor)
        # The timings are of a running site: the first request of a process loads the code.
        self.client.get(reverse("improvement_plans:update", args=[self.action.pk]))

    def upload(self, name, content):
        before = media_files()
        data = {
            "status": ActionStatus.AT_RISK,
            "rag": Rag.AMBER,
            "percent_complete": "40",
            "narrative": "Half the teams audited",
            "evidence_description": "Audit report",
            "evidence_file": SimpleUploadedFile(name, content),
        }
        started = work_time()
        response = self.client.post(
            reverse("improvement_plans:update", args=[self.action.pk]), data
        )
        self.elapsed = work_time() - started
        self.new_files = media_files() - before
        return response

    def assert_refused(self, name, content, message):
        response = self.upload(name, content)

        self.assertEqual(response.status_code, 200)
        self.assertEqual(field_error(response, "evidence_file"), message)
        self.assertLess(self.elapsed, 1)
        self.assertFalse(ProgressUpdate.objects.exists())
        self.assertFalse(Evidence.objects.exists())
        self.assertEqual(self.new_files, set())

    def test_a_program_called_pdf(self):
        program = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 4096
        self.assert_refused("audit.pdf", program, NOT_A.format("pdf", "a PDF"))

    def test_a_web_page_behind_a_png_signature(self):
        self.assert_refused(
            "chart.png", b"\x89PNG\r\n\x1a\n" + HTML_PAGE, NOT_A.format("png", "a PNG image")
        )

    def test_a_web_page_behind_a_whole_png_header(self):
        self.assert_refused(
            "chart.png", png_bytes()[:33] + HTML_PAGE, NOT_A.format("png", "a PNG image")
        )

    def test_a_web_page_behind_a_jpeg_or_gif_signature(self):
        for name, start, what in (
            ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
            ("photo.jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
            ("chart.gif", b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        ):
            with self.subTest(name=name):
                extension = name.rsplit(".", 1)[1]
                self.assert_refused(name, start + HTML_PAGE, NOT_A.format(extension, what))

    def test_an_svg_drawing(self):
        self.assert_refused("chart.svg", SVG_DRAWING, NOT_TAKEN)

    def test_an_svg_drawing_called_png(self):
        self.assert_refused("chart.png", SVG_DRAWING, NOT_A.format("png", "a PNG image"))

    def test_a_web_page(self):
        for name in ("report.html", "report.htm", "report.pdf.html"):
            with self.subTest(name=name):
                self.assert_refused(name, HTML_PAGE, NOT_TAKEN)

    def test_a_file_over_10_mb(self):
        content = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024)
        self.assert_refused("big.pdf", content, "The file must be smaller than 10 MB")

    def test_a_real_png_is_kept(self):
        response = self.upload("chart.png", png_bytes())

        self.assertRedirects(response, self.action.get_absolute_url())
        self.assertLess(self.elapsed, 1)
        with Evidence.objects.get().file.open("rb") as stored:
            self.assertEqual(stored.read(), png_bytes())


def deflate(data):
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def zip_bytes(entries):
    """A zip file written by hand, so an entry's sizes can say anything: ``entries`` are
    (name, deflated data, CRC-32, size once inflated as the file states it)."""
    out, central = io.BytesIO(), []
    for name, data, crc, size in entries:
        offset, encoded = out.tell(), name.encode()
        out.write(
            struct.pack(
                "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0
            )
        )
        out.write(encoded + data)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0x21,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    start = out.tell()
    out.write(b"".join(central))
    count = len(central)
    out.write(
        struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, out.tell() - start, start, 0)
    )
    return out.getvalue()


SHEET = "xl/worksheets/sheet1.xml"
SHEET_START = (
    b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
    b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_END = b"</sheetData></worksheet>"


SHARED_STRINGS = (
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" '
    'uniqueCount="2"><si><t>Action</t></si><si><t>TEXT</t></si></sst>'
)
SHEET_WITH_TEXT = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="inlineStr"><is><t>TEXT</t></is></c>'
    "</row></sheetData></worksheet>"
)


def workbook_parts():
    """The parts of a small, sound .xlsx whose one sheet reads its text from shared strings,
    as Excel's own files do."""
    workbook = Workbook()
    workbook.active.append(["Action"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="/xl/sharedStrings.xml" Id="rId9"/>'
        b"</Relationships>",
    )
    parts[SHEET] = SHEET_WITH_TEXT.replace("TEXT", "Audit case files").encode()
    parts["xl/sharedStrings.xml"] = SHARED_STRINGS.replace("TEXT", "Audit case files").encode()
    return parts


def xlsx_with(replaced=None, entries=()):
    """A sound workbook with some parts replaced by other text, or by ``entries`` written as
    they are (deflated data and the sizes to claim)."""
    parts = workbook_parts() | (replaced or {})
    written = {entry[0] for entry in entries}
    sound = [
        (name, deflate(data), zlib.crc32(data), len(data))
        for name, data in parts.items()
        if name not in written
    ]
    return zip_bytes(sound + list(entries))


def bomb_entry(megabytes, *, claimed=None):
    """A sheet that inflates to ``megabytes`` of XML (blank space between its tags) from a
    few kilobytes: the same deflated megabyte repeated, each one complete in itself. It says
    it inflates to ``claimed`` bytes (by default the truth). The checksum is left at 0: a
    reader must refuse it before inflating far enough to check."""

    def flushed(data, mode=zlib.Z_FULL_FLUSH):
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        return compressor.compress(data) + compressor.flush(mode)

    megabyte = b" " * (1 << 20)
    data = flushed(SHEET_START) + flushed(megabyte) * megabytes + flushed(SHEET_END, zlib.Z_FINISH)
    size = len(SHEET_START) + megabytes * len(megabyte) + len(SHEET_END)
    return SHEET, data, 0, size if claimed is None else claimed


def billion_laughs(root):
    entities = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    return (
        f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">{entities}]>'
        + root.replace("TEXT", "&lol9;")
    ).encode()


def external_entity(url, root):
    return (
        f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY ext SYSTEM "{url}">]>'
        + root.replace("TEXT", "&ext;")
    ).encode()


class HostileImportTests(TestCase):
    """Spreadsheets that are damaged, not spreadsheets at all, or built to exhaust the server
    are refused within a second with a message, by both importers, and nothing is saved."""

    @classmethod
    def setUpTestData(cls):
        cls.region = make_region()
        council = make_council(region=cls.region)
        cls.lead = make_user()
        make_membership(cls.lead, Role.REGIONAL_LEAD, cls.region)
        cls.editor = make_user()
        make_membership(cls.editor, Role.COUNCIL_EDITOR, council)
        cls.plan = make_plan(council=council)
        make_action(plan=cls.plan)

    def importers(self):
        return [
            (self.editor, reverse("improvement_plans:import", args=[self.plan.pk])),
            (self.lead, reverse("regional:import_readings", args=[self.region.slug])),
        ]

    def saved(self):
        return (
            Action.objects.count(),
            ProgressUpdate.objects.count(),
            Milestone.objects.count(),
            Reading.objects.count(),
        )

    def assert_refused(self, content, *messages, name="plan.xlsx"):
        for user, url in self.importers():
            with self.subTest(url=url):
                self.client.force_login(user)
                self.client.get(url)  # the first request of a process loads the code
                saved, files = self.saved(), media_files()
                started = work_time()
                response = self.client.post(
                    url, {"step": "preview", "file": SimpleUploadedFile(name, content)}
                )
                elapsed = work_time() - started

                self.assertEqual(response.status_code, 200)
                page = unescape(response.content.decode())
                self.assertTrue(any(message in page for message in messages))
                self.assertIn("Nothing has been saved", page)
                self.assertLess(elapsed, 1)
                self.assertEqual(self.saved(), saved)
                self.assertEqual(media_files(), files)

    def test_a_sound_workbook_is_opened(self):
        """The control: the same workbook undamaged is opened (and read for its columns)."""
        for user, url in self.importers():
            with self.subTest(url=url):
                self.client.force_login(user)
                response = self.client.post(
                    url, {"step": "preview", "file": SimpleUploadedFile("plan.xlsx", xlsx_with())}
                )
                self.assertNotContains(response, "could not be")
                self.assertNotContains(response, "damaged")

    def test_a_truncated_workbook(self):
        content = xlsx_with()
        self.assert_refused(content[: len(content) // 2], "damaged")

    def test_files_that_are_not_workbooks(self):
        for content in (HTML_PAGE, b"Action,Owner\nAudit,Head\n", b"MZ\x90\x00" + b"\x00" * 512):
            with self.subTest(content=content[:10]):
                self.assert_refused(content, "not an Excel workbook")

    def test_a_zip_bomb(self):
        self.assert_refused(xlsx_with(entries=[bomb_entry(3 * 1024)]), "more than 50 MB")

    def test_a_zip_bomb_that_claims_to_be_small(self):
        self.assert_refused(
            xlsx_with(entries=[bomb_entry(3 * 1024, claimed=40_000)]), "could not be"
        )

    def test_a_small_zip_bomb(self):
        self.assert_refused(xlsx_with(entries=[bomb_entry(20)]), "zip bomb")

    def test_an_xml_entity_bomb(self):
        for part, root in (
            ("xl/sharedStrings.xml", SHARED_STRINGS),
            (SHEET, SHEET_WITH_TEXT),
        ):
            with self.subTest(part=part):
                self.assert_refused(xlsx_with({part: billion_laughs(root)}), "could not be")

    def test_an_external_entity_fetches_nothing(self):
        with Listener() as listener:
            for url in (f"{listener.url}/entity", "file:///etc/passwd"):
                for part, root in (
                    ("xl/sharedStrings.xml", SHARED_STRINGS),
                    (SHEET, SHEET_WITH_TEXT),
                ):
                    with self.subTest(url=url, part=part):
                        self.assert_refused(
                            xlsx_with({part: external_entity(url, root)}), "could not be"
                        )
            self.assertEqual(listener.connections(), 0)


def pasted_letter(count, *, sub_items_every, sub_items):
    """A letter's list of ``count`` numbered recommendations, each wrapped over two lines as
    a PDF pastes it, every ``sub_items_every``th with ``sub_items`` sub-items."""
    lines = ["The team recommends that the council:", ""]
    for number in range(1, count + 1):
        lines += [
            f"{number}. Review the arrangements for safeguarding adults in area {number}",
            "and report the findings to the board within six months.",
        ]
        if number % sub_items_every == 0:
            lines[-1] = lines[-1].removesuffix(".") + ":"
            lines += [
                f"{marker} report on area {number}, part {marker.rstrip(')')}"
                for marker in ["i)", "ii)", "iii)", "iv)"][:sub_items]
            ]
        lines.append("")
    return "\n".join(lines)


class HostilePasteTests(TestCase):
    """Pasting a whole letter: read, previewed and added as a browser sends it (URL-encoded,
    within Django's limits on a request's fields and size)."""

    @classmethod
    def setUpTestData(cls):
        cls.staff = make_user(is_staff=True, is_superuser=True)
        cls.review = make_review(status=Review.Status.DRAFTING)

    def setUp(self):
        self.client.force_login(self.staff)
        self.url = reverse("recommendations:paste", args=[self.review.pk])
        self.client.get(self.url)  # the first request of a process loads the code

    def post(self, fields):
        started = work_time()
        response = self.client.post(
            self.url,
            urlencode(fields, doseq=True),
            content_type="application/x-www-form-urlencoded",
        )
        self.elapsed = work_time() - started
        return response

    def preview_and_add(self, text):
        preview = self.post({"text": text, "action": "preview"})
        self.assertEqual(preview.status_code, 200)
        self.assertLess(self.elapsed, 3)
        fields = form_data(preview.content, having="rows-TOTAL_FORMS")
        added = self.post(fields | {"action": "add"})
        self.assertRedirects(added, self.review.get_absolute_url() + "#recommendations")
        self.assertLess(self.elapsed, 5)

    def assert_refused(self, text, message):
        response = self.post({"text": text, "action": "preview"})

        self.assertEqual(response.status_code, 200)
        self.assertLess(self.elapsed, 1)
        self.assertEqual(field_error(response, "text"), message)
        self.assertNotContains(response, "Check them before they are added")
        self.assertFalse(Recommendation.objects.exists())

    def test_a_letter_of_200_recommendations_with_sub_items(self):
        self.preview_and_add(pasted_letter(200, sub_items_every=10, sub_items=2))

        top = Recommendation.objects.filter(review=self.review, parent=None).order_by("number")
        self.assertEqual(list(top.values_list("number", flat=True)), list(range(1, 201)))
        self.assertEqual(
            top.get(number=199).text,
            "Review the arrangements for safeguarding adults in area 199 and report the "
            "findings to the board within six months.",
        )
        sub_items = Recommendation.objects.filter(parent__review=self.review, parent__number=30)
        self.assertEqual(
            list(sub_items.order_by("number").values_list("number", "text")),
            [(1, "report on area 30, part i"), (2, "report on area 30, part ii")],
        )
        self.assertEqual(Recommendation.objects.count(), 240)

    def test_a_letter_too_big_to_check_at_once_is_refused_before_the_preview(self):
        """Where requests may carry only Django's default 1,000 fields, 300 rows (1,200 fields
        to add) are refused with what to do rather than a "Bad Request" after checking them."""
        with self.settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=1000):
            self.assert_refused(
                pasted_letter(200, sub_items_every=4, sub_items=2),
                "The text holds 300 recommendations and sub-items, more than can be checked at "
                f"once. Paste at most {max_pasted_rows()} at a time: part of the letter, then "
                "the rest",
            )

    def test_the_same_letter_goes_through_with_the_projects_field_limit(self):
        self.preview_and_add(pasted_letter(200, sub_items_every=4, sub_items=2))

        self.assertEqual(Recommendation.objects.count(), 300)

    def test_a_megabyte_of_text_is_refused_with_a_message(self):
        paragraph = (
            "The council should continue with its planned appointments of senior posts "
            "within the social care and inclusion directorate, and report on them.\n\n"
        )
        text = (paragraph * (2**20 // len(paragraph) + 1))[: 2**20]

        self.assert_refused(
            text,
            f"The text is too long to check at once ({len(text.strip()):,} characters). Paste at "
            f"most {max_pasted_characters():,} characters at a time: part of the letter, then "
            "the rest",
        )

    def test_a_megabyte_in_one_line_is_refused_with_a_message(self):
        self.assert_refused(
            "<script>alert('xss')</script>" * (2**20 // 29 + 1),
            f"The text is too long to check at once ({29 * (2**20 // 29 + 1):,} characters). "
            f"Paste at most {max_pasted_characters():,} characters at a time: part of the "
            "letter, then the rest",
        )

    def test_a_recommendation_of_200_kb_is_added_whole(self):
        text = "1. " + " ".join(["Improve the safeguarding pathway."] * 6000)

        self.preview_and_add(text)

        self.assertEqual(Recommendation.objects.get().text, text.removeprefix("1. "))
