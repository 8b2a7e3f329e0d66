"""The feedback letter as a PDF: opened with pypdf and read back as text."""

import io
import re
import socket
import time
from datetime import UTC, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from PIL import Image
from pypdf import PdfReader

from reviews.models import Finding, Judgement, Review, TeamMember
from reviews.pdf import letter_context, render_letter_pdf, scope_blocks
from sli.lib.pdf import LockedURLFetcher
from tests.base import building_pages
from tests.demo import load_demo_copy
from tests.factories import (
    make_council,
    make_finding,
    make_recommendation,
    make_review,
    make_scope_question,
    make_team_member,
)

SCRIPT = "<script>alert(1)</script>"
BOLD = "<b>bold</b>"
SPECIAL = "“The team’s” budget of £5 million – 2015–16"
WELSH = "Dafydd ap Gwilym"
LABEL = re.compile(r"Recommendation (\d+(?:\([ivxlc]+\))?)")


def read(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    return reader, pages, " ".join(pages)


def images(page):
    return [
        name
        for name, xobject in page["/Resources"].get("/XObject", {}).items()
        if xobject.get_object()["/Subtype"] == "/Image"
    ]


def labels(text):
    return LABEL.findall(text)


def build_letter(*, status=Review.Status.ISSUED, published=True):
    """A peer challenge letter with two scope questions, findings, recommendations with
    sub-items, exempt items (one exempt recommendation, one exempt parent with a sub-item)
    and letter fields with the characters that tend to break PDFs."""
    lead = make_council(
        name="Ceredigion County Council",
        address="Neuadd Cyngor Ceredigion\nPenmorfa\nAberaeron\nSA46 0PA",
    )
    review = make_review(
        title="Adult social care peer challenge, Testshire (March 2024)",
        lead_council=lead,
        status=status,
        published_at=datetime(2024, 5, 1, tzinfo=UTC) if published else None,
        letter_addressee="Jane Smith, Director of Adult Social Services",
        letter_address="Testshire Council\nCounty Hall\nTesttown\nTT1 1TT",
        letter_salutation="Dear Jane",
        letter_reference="Testshire Adult Social Care Peer Challenge – 4-7 March 2024",
        letter_opening=f"I write to give you formal feedback.\n\n{SPECIAL}.",
        letter_team_paragraph=f"I was joined by {WELSH}, Expert by Experience.",
        letter_scope="You asked us to consider two questions.",
        letter_executive_summary="The council knows itself well.\n\nIt has a plan.",
        letter_overview="The Team found many strengths.",
        letter_conclusion=f"A text with {SCRIPT} and {BOLD} in it.",
        letter_signatory_name="Stephen T Chandler",
        letter_signatory_title="Director of Adult Services",
        letter_copy_list="Helen Coombes, West Midlands Peer Challenge Lead\nA N Other",
    )
    make_team_member(review=review, name=WELSH, role=TeamMember.Role.EXPERT_BY_EXPERIENCE)
    safeguarding = make_scope_question(review=review, text="How well are people safeguarded?")
    workforce = make_scope_question(review=review, text="Is the workforce stable?")
    make_finding(review=review, scope_question=safeguarding, text="Strong partnership working.")
    make_finding(
        review=review,
        scope_question=safeguarding,
        kind=Finding.Kind.AREA_FOR_CONSIDERATION,
        text="Waiting lists for assessments are long.",
    )
    make_finding(review=review, scope_question=workforce, text="Staff are proud of their work.")
    make_recommendation(review=review, scope_question=safeguarding, text="Reduce waiting lists.")
    parent = make_recommendation(
        review=review, scope_question=safeguarding, text="Strengthen the front door."
    )
    make_recommendation(parent=parent, text="Publish the referral pathway.")
    make_recommendation(parent=parent, text="Train call handlers.")
    make_recommendation(
        review=review, scope_question=workforce, exempt=True, text="Restructure the exempt team."
    )
    make_recommendation(review=review, scope_question=workforce, text="Plan the workforce.")
    exempt_parent = make_recommendation(review=review, exempt=True, text="Sell the exempt site.")
    make_recommendation(parent=exempt_parent, text="Consult on the exempt sale.")
    make_recommendation(review=review, text="Seek a corporate peer challenge.")
    return review


def build_long_letter(count):
    """A letter with ``count`` recommendations, two sub-items on every fifth."""
    review = make_review(lead_council=make_council(), letter_salutation="Dear Jane")
    questions = [make_scope_question(review=review) for _ in range(4)]
    for question in questions:
        make_finding(review=review, scope_question=question)
        make_finding(
            review=review, scope_question=question, kind=Finding.Kind.AREA_FOR_CONSIDERATION
        )
    for number in range(1, count + 1):
        recommendation = make_recommendation(
            review=review,
            number=number,
            scope_question=questions[min((number - 1) * 4 // count, 3)],
            text=f"Item {number}: the council should do something measurable about it.",
        )
        if number % 5 == 0:
            make_recommendation(parent=recommendation, text=f"First part of item {number}.")
            make_recommendation(parent=recommendation, text=f"Second part of item {number}.")
    return review


def fresh(review):
    return Review.objects.get(pk=review.pk)


class IssuedLetterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.review = build_letter()
        cls.reader, cls.pages, cls.text = read(render_letter_pdf(fresh(cls.review)))
        _, _, cls.public_text = read(render_letter_pdf(fresh(cls.review), public=True))

    def test_recommendations_come_in_number_order_with_their_labels(self):
        self.assertEqual(labels(self.text), ["1", "2", "2(i)", "2(ii)", "3", "4", "5", "5(i)", "6"])
        self.assertIn("Recommendation 2(ii) Train call handlers.", self.text)
        self.assertIn("Recommendation 1 Reduce waiting lists.", self.text)

    def test_layout_reads_like_the_letter(self):
        expected_in_order = [
            "Ceredigion County Council",
            "Neuadd Cyngor Ceredigion",
            "Jane Smith, Director of Adult Social Services",
            "County Hall",
            "Date: 15 April 2024",
            "Dear Jane",
            "Testshire Adult Social Care Peer Challenge – 4-7 March 2024",
            "I write to give you formal feedback.",
            "I was joined by",
            "Scope",
            # pypdf reads list markers ("1.") after the page's text, so only the items here.
            "How well are people safeguarded? Is the workforce stable?",
            "The Team found many strengths.",
            "Summary",
            "1. How well are people safeguarded? Strengths Strong partnership working.",
            "Areas for consideration Waiting lists for assessments are long.",
            "Recommendations Recommendation 1",
            "2. Is the workforce stable? Strengths",
            "Further recommendations Recommendation 5",
            "Conclusions",
            "Yours sincerely",
            "Stephen T Chandler",
            "Director of Adult Services",
            "cc: Helen Coombes, West Midlands Peer Challenge Lead",
            "A N Other",
        ]
        position = 0
        for snippet in expected_in_order:
            found = self.text.find(snippet, position)
            self.assertNotEqual(found, -1, f"{snippet!r} is missing after {position}")
            position = found + len(snippet)

    def test_pages_are_numbered_in_the_footer(self):
        total = len(self.reader.pages)
        for number, page in enumerate(self.pages, start=1):
            self.assertIn(f"Page {number} of {total}", page)
            self.assertIn(self.review.title, page)

    def test_issued_letter_has_no_draft_watermark(self):
        self.assertNotIn("Draft", self.text)

    def test_special_characters_come_back_exactly(self):
        self.assertIn(SPECIAL, self.text)
        self.assertIn(WELSH, self.text)

    def test_markup_in_user_text_is_printed_as_text(self):
        self.assertIn(f"A text with {SCRIPT} and {BOLD} in it.", self.text)

    def test_internal_copy_has_exempt_items_marked(self):
        self.assertIn("Restructure the exempt team.", self.text)
        self.assertIn("Sell the exempt site.", self.text)
        self.assertIn("Consult on the exempt sale.", self.text)
        self.assertIn("Recommendation 3 (exempt information: not for publication)", self.text)

    def test_public_copy_leaves_out_exempt_items_and_keeps_the_numbers(self):
        self.assertEqual(labels(self.public_text), ["1", "2", "2(i)", "2(ii)", "4", "6"])
        for exempt in ("Restructure the exempt", "Sell the exempt", "Consult on the exempt"):
            self.assertNotIn(exempt, self.public_text)
        self.assertNotIn("exempt information", self.public_text)

    def test_pdf_is_tagged_with_title_author_and_language(self):
        catalog = self.reader.trailer["/Root"]
        self.assertIs(bool(catalog["/MarkInfo"]["/Marked"]), True)
        self.assertIn("/StructTreeRoot", catalog)
        self.assertEqual(catalog["/Lang"], "en-GB")
        self.assertEqual(self.reader.metadata.title, self.review.title)
        self.assertEqual(self.reader.metadata.author, "Ceredigion County Council")


class DraftLetterTests(TestCase):
    def test_every_page_of_a_draft_says_draft(self):
        review = build_long_letter(12)
        Review.objects.filter(pk=review.pk).update(status=Review.Status.FACTUAL_ACCURACY)

        reader, pages, _ = read(render_letter_pdf(fresh(review)))

        self.assertGreater(len(pages), 1)
        for page in pages:
            self.assertIn("Draft", page)

    def test_draft_context(self):
        review = make_review(status=Review.Status.DRAFTING)

        self.assertIs(letter_context(review)["is_draft"], True)
        self.assertIs(letter_context(make_review())["is_draft"], False)


class InspectionLetterTests(TestCase):
    def test_cqc_letterhead_judgements_and_capacity_to_improve(self):
        review = make_review(
            kind=Review.Kind.CQC_INSPECTION,
            capacity_to_improve=Review.CapacityToImprove.PROMISING,
            letter_scope="The inspection looked at:\n\n1. Safeguarding adults\n2. Choice",
        )
        make_scope_question(review=review, text="Safeguarding adults")
        Judgement.objects.create(
            review=review,
            outcome_area="Safeguarding adults",
            grade=Judgement.Grade.PERFORMING_WELL,
        )

        reader, _, text = read(render_letter_pdf(fresh(review)))

        self.assertTrue(text.startswith("Care Quality Commission"))
        self.assertEqual(reader.metadata.author, "Care Quality Commission")
        self.assertIn("Outcome area Judgement Safeguarding adults Performing well", text)
        self.assertIn("Capacity to improve: Promising", text)
        # The scope text numbers the questions itself, so they are not listed twice.
        self.assertEqual(text.count("Safeguarding adults"), 2)


class LetterheadLogoTests(TestCase):
    def test_logo_is_drawn_and_a_missing_file_is_left_out(self):
        image = io.BytesIO()
        Image.new("RGB", (120, 40), "navy").save(image, "PNG")
        council = make_council(logo=SimpleUploadedFile("logo.png", image.getvalue()))
        review = make_review(lead_council=council)

        reader, _, _ = read(render_letter_pdf(fresh(review)))
        self.assertEqual(len(images(reader.pages[0])), 1)

        council.logo.storage.delete(council.logo.name)
        reader, _, text = read(render_letter_pdf(fresh(review)))
        self.assertEqual(images(reader.pages[0]), [])
        self.assertTrue(text.startswith(council.name))


class URLFetcherTests(TestCase):
    def setUp(self):
        from django.contrib.staticfiles import finders

        self.stylesheet = finders.find("letter/letter.css")
        self.fetcher = LockedURLFetcher(root=self.stylesheet.rsplit("/", 1)[0])

    def test_refuses_the_network_and_other_files(self):
        for url in (
            "http://127.0.0.1:9/logo.png",
            "https://example.org/logo.png",
            "ftp://example.org/logo.png",
            "file:///etc/passwd",
            "file:///" + self.stylesheet + "/../../../../etc/passwd",
        ):
            with self.subTest(url=url), self.assertRaises(ValueError):
                self.fetcher.fetch(url)

    def test_reads_data_urls_and_the_stylesheet(self):
        self.assertEqual(self.fetcher.fetch("data:text/plain,letter").read(), b"letter")
        self.assertIn(b"@page", self.fetcher.fetch("file://" + self.stylesheet).read())


class NoNetworkTests(TestCase):
    def test_an_svg_logo_pointing_at_the_network_fetches_nothing(self):
        with socket.socket() as server:
            server.bind(("127.0.0.1", 0))
            server.listen()
            server.setblocking(False)
            port = server.getsockname()[1]
            svg = (
                '<svg xmlns="http://www.w3.org/2000/svg" '
                'xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="40">'
                f'<image xlink:href="http://127.0.0.1:{port}/tracker.png" width="10" height="10"/>'
                '<rect width="100" height="40" fill="navy"/></svg>'
            )
            council = make_council(logo=SimpleUploadedFile("logo.svg", svg.encode()))
            review = make_review(
                lead_council=council,
                letter_opening=f'<img src="http://127.0.0.1:{port}/in-text.png">',
            )

            _, _, text = read(render_letter_pdf(fresh(review)))

            with self.assertRaises(BlockingIOError):
                server.accept()
        self.assertIn(f'<img src="http://127.0.0.1:{port}/in-text.png">', text)


class ScopeBlockTests(TestCase):
    def test_numbered_lines_become_a_list(self):
        blocks = scope_blocks("You asked:-\n\n1. First?\n2. Second?\r\n\r\nThank you.")

        self.assertEqual(
            blocks,
            [
                {"paragraph": "You asked:-"},
                {"numbered": [(1, "First?"), (2, "Second?")]},
                {"paragraph": "Thank you."},
            ],
        )


@building_pages
class LetterCostTests(TestCase):
    def test_query_count_does_not_grow_with_recommendations(self):
        small, large = build_long_letter(3), build_long_letter(40)

        counts = []
        for review in (small, large):
            review = fresh(review)
            with CaptureQueriesContext(connection) as queries:
                render_letter_pdf(review)
            counts.append(len(queries))

        self.assertEqual(counts[0], counts[1])
        self.assertLessEqual(counts[1], 10)

    @pytest.mark.slow
    def test_forty_recommendations_render_quickly(self):
        review = fresh(build_long_letter(40))

        started = time.perf_counter()
        pdf = render_letter_pdf(review)
        seconds = time.perf_counter() - started

        reader, _, text = read(pdf)
        print(f"\n40-recommendation letter: {len(reader.pages)} pages in {seconds:.2f} s")
        self.assertLess(seconds, 10)
        expected = []
        for number in range(1, 41):
            expected.append(str(number))
            if number % 5 == 0:
                expected += [f"{number}(i)", f"{number}(ii)"]
        self.assertEqual(labels(text), expected)


class WalsallLetterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo_copy()
        cls.review = Review.objects.get(title__contains="Walsall")

    def test_demo_letter(self):
        started = time.perf_counter()
        pdf = render_letter_pdf(fresh(self.review))
        seconds = time.perf_counter() - started

        reader, pages, text = read(pdf)
        print(f"\nWalsall letter: {len(pages)} pages in {seconds:.2f} s")
        self.assertEqual(labels(text), [str(number) for number in range(1, 9)])
        self.assertTrue(pages[0].startswith("Shropshire Council Adult Services Shirehall"))
        self.assertIn("Date: 17 November 2015", pages[0])
        self.assertIn("Dear Keith", pages[0])
        self.assertIn("Stephen T Chandler", text)
        self.assertEqual(reader.metadata.author, "Shropshire Council")
