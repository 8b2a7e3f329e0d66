"""An executive summary no longer silently drops the general findings from the letter: the
lead chooses whether the letter has the executive summary and the findings or the summary
only, the preview says what the letter includes, and the PDF follows the choice."""

import importlib

from django.apps import apps
from django.test import TestCase

from councils.models import Membership
from reviews.models import Finding, Review
from reviews.pdf import render_letter_pdf
from tests.base import editor_of, lead_of
from tests.factories import (
    make_council,
    make_finding,
    make_recommendation,
    make_review,
    make_scope_question,
)
from tests.html_forms import form_data
from tests.reviews.test_letter_pdf import read

Role = Membership.Role
Summary = Review.LetterSummary
GENERAL = "The council knows its communities well."
GENERAL_AREA = "Carers are not always offered an assessment."
SCOPED = "Safeguarding is well led."
EXECUTIVE = "Walsall is on a sound footing."


class LetterSummaryTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.council = make_council()
        cls.review = make_review(
            host_council=cls.council,
            status=Review.Status.DRAFTING,
            letter_executive_summary=EXECUTIVE,
        )
        question = make_scope_question(review=cls.review, text="How well are people safe?")
        make_finding(review=cls.review, text=GENERAL)
        make_finding(review=cls.review, text=GENERAL_AREA, kind=Finding.Kind.AREA_FOR_CONSIDERATION)
        make_finding(review=cls.review, scope_question=question, text=SCOPED)
        make_recommendation(review=cls.review, text="Offer every carer an assessment.")
        make_recommendation(review=cls.review, text="Sell the named site.", exempt=True)
        cls.lead = lead_of(cls.review)
        cls.editor = editor_of(cls.council)  # reads the draft letter, may not change it
        cls.preview = f"/reviews/{cls.review.pk}/letter/"
        cls.edit = f"/reviews/{cls.review.pk}/letter/edit/"

    def setUp(self):
        self.client.force_login(self.lead)

    def choose(self, choice, **fields):
        Review.objects.filter(pk=self.review.pk).update(letter_summary=choice, **fields)

    def letter_html(self):
        response = self.client.get(self.preview)
        self.assertEqual(response.status_code, 200)
        page = response.content.decode()
        return page[page.index('<article class="sli-letter"') :]

    def contents(self):
        page = self.client.get(self.preview).content.decode()
        start = page.index('id="letter-contents"')
        return " ".join(page[start : page.index("</section>", start)].split())


class LetterSummaryTests(LetterSummaryTestCase):
    def test_by_default_the_letter_has_the_executive_summary_and_the_findings(self):
        self.assertEqual(
            Review.objects.get(pk=self.review.pk).letter_summary, Summary.SUMMARY_AND_FINDINGS
        )
        letter = self.letter_html()

        for text in (EXECUTIVE, GENERAL, GENERAL_AREA, SCOPED):
            self.assertIn(text, letter)
        self.assertLess(letter.index(EXECUTIVE), letter.index(GENERAL))
        self.assertIn(
            "Summary: the executive summary and the 2 general findings (under no scope question).",
            self.contents(),
        )

    def test_the_executive_summary_only_leaves_the_general_findings_out_and_says_so(self):
        self.choose(Summary.SUMMARY_ONLY)
        letter = self.letter_html()

        self.assertIn(EXECUTIVE, letter)
        self.assertIn(SCOPED, letter)
        self.assertNotIn(GENERAL, letter)
        self.assertNotIn(GENERAL_AREA, letter)
        self.assertIn(
            "Summary: the executive summary only: the 2 general findings (under no scope "
            "question) are left out.",
            self.contents(),
        )

    def test_without_an_executive_summary_the_findings_are_the_summary_whatever_the_choice(self):
        self.choose(Summary.SUMMARY_ONLY, letter_executive_summary="")
        letter = self.letter_html()

        self.assertIn(GENERAL, letter)
        self.assertIn("as no executive summary is written", self.contents())

    def test_the_preview_counts_what_else_the_letter_holds(self):
        contents = self.contents()

        self.assertIn("Findings under the scope questions: 1.", contents)
        self.assertIn(
            "Recommendations: 2, of which 1 exempt (left out of the public copy).", contents
        )

    def test_the_lead_is_offered_the_choice_and_a_reader_is_not(self):
        link = f'href="{self.edit}#id_letter_summary_0"'
        self.assertContains(self.client.get(self.preview), link)
        self.client.force_login(self.editor)
        self.assertNotContains(self.client.get(self.preview), link)

    def test_the_pdf_follows_the_choice(self):
        _, _, both = read(render_letter_pdf(Review.objects.get(pk=self.review.pk)))
        self.choose(Summary.SUMMARY_ONLY)
        _, _, only = read(render_letter_pdf(Review.objects.get(pk=self.review.pk)))

        self.assertIn(GENERAL, both)
        self.assertNotIn(GENERAL, only)
        for text in (EXECUTIVE, SCOPED):
            self.assertIn(text, both)
            self.assertIn(text, only)


class LetterFormTests(LetterSummaryTestCase):
    def form_data(self, **changes):
        return {**form_data(self.client.get(self.edit).content), **changes}

    def test_the_lead_chooses_on_the_letter_form(self):
        page = self.client.get(self.edit)
        self.assertContains(page, "With an executive summary, the letter includes")
        self.assertContains(page, "The executive summary only")

        response = self.client.post(self.edit, self.form_data(letter_summary=Summary.SUMMARY_ONLY))

        self.assertRedirects(response, self.preview)
        self.assertEqual(Review.objects.get(pk=self.review.pk).letter_summary, Summary.SUMMARY_ONLY)

    def test_a_reader_may_not_change_it(self):
        data = self.form_data(letter_summary=Summary.SUMMARY_ONLY)
        self.client.force_login(self.editor)

        self.assertEqual(self.client.post(self.edit, data).status_code, 403)
        self.assertEqual(
            Review.objects.get(pk=self.review.pk).letter_summary, Summary.SUMMARY_AND_FINDINGS
        )

    def test_an_outsider_gets_not_found(self):
        outsider = editor_of(make_council())
        self.client.force_login(outsider)

        self.assertEqual(self.client.get(self.preview).status_code, 404)
        self.assertEqual(
            self.client.post(self.edit, {"letter_summary": Summary.SUMMARY_ONLY}).status_code, 404
        )


class IssuedLettersKeptTests(TestCase):
    def test_letters_issued_with_an_executive_summary_keep_reading_as_issued(self):
        migration = importlib.import_module("reviews.migrations.0009_review_letter_summary")
        issued = make_review(status=Review.Status.ISSUED, letter_executive_summary=EXECUTIVE)
        issued_without = make_review(status=Review.Status.CLOSED)
        draft = make_review(status=Review.Status.DRAFTING, letter_executive_summary=EXECUTIVE)

        migration.keep_issued_letters_as_issued(apps, None)

        chosen = dict(Review.objects.values_list("pk", "letter_summary"))
        self.assertEqual(chosen[issued.pk], Summary.SUMMARY_ONLY)
        self.assertEqual(chosen[issued_without.pk], Summary.SUMMARY_AND_FINDINGS)
        self.assertEqual(chosen[draft.pk], Summary.SUMMARY_AND_FINDINGS)
