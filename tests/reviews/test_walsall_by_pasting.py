"""The Walsall feedback letter (November 2015) entered through the forms, mostly by pasting,
comes out as a PDF that reads like the original."""

import io
import re
from itertools import groupby
from pathlib import Path

from django.test import TestCase
from pypdf import PdfReader

from councils.models import Membership
from recommendations.models import Recommendation
from reviews.models import Finding, Review
from sli.tooling.demo_data import walsall
from tests.base import regional_lead_of
from tests.factories import make_council, make_region
from tests.html_forms import form_data

Role = Membership.Role
DATA = walsall.REVIEW
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def squash(text):
    """Text as a PDF gives it back: one space between words, no line breaks."""
    return re.sub(r"\s+", " ", text).strip()


class WalsallLetterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        region = make_region(name="West Midlands", slug="west-midlands")
        cls.walsall = make_council(name="Walsall Council", slug="walsall", region=region)
        cls.shropshire = make_council(
            name="Shropshire Council",
            slug="shropshire",
            region=region,
            address="Adult Services\nShirehall\nAbbey Foregate\nShrewsbury\nShropshire SY2 6ND",
        )
        cls.regional_lead = regional_lead_of(region)

    def post(self, url, data, expected_status=302):
        response = self.client.post(url, data)
        if response.status_code != expected_status:
            form = response.context.get("form") or response.context.get("formset")
            self.fail(f"{url} answered {response.status_code}: {getattr(form, 'errors', '')}")
        return response

    def plan_the_review(self):
        """The review set up through its forms: letter details, team and scope questions."""
        self.client.force_login(self.regional_lead)
        start, end = DATA["visit_start"], DATA["visit_end"]
        self.post(
            "/reviews/new/",
            {
                "kind": DATA["kind"],
                "host_council": self.walsall.pk,
                "lead_council": self.shropshire.pk,
                "title": DATA["title"],
                "visit_start_0": start.day,
                "visit_start_1": start.month,
                "visit_start_2": start.year,
                "visit_end_0": end.day,
                "visit_end_1": end.month,
                "visit_end_2": end.year,
            },
        )
        review = Review.objects.get()
        url = f"/reviews/{review.pk}"

        letter = {f"letter_{key}": value for key, value in DATA["letter"].items()}
        letter_date = DATA["letter_date"]
        letter.update(
            letter_date_0=letter_date.day,
            letter_date_1=letter_date.month,
            letter_date_2=letter_date.year,
        )
        self.post(f"{url}/letter/edit/", letter)

        team = {"team-TOTAL_FORMS": len(DATA["team"]), "team-INITIAL_FORMS": 0}
        for i, member in enumerate(DATA["team"]):
            team.update(
                {
                    f"team-{i}-name": member["name"],
                    f"team-{i}-role": member["role"],
                    f"team-{i}-organisation": member["organisation"],
                }
            )
        self.post(f"{url}/team/", team)

        scope = {"scope-TOTAL_FORMS": len(DATA["scope_questions"]), "scope-INITIAL_FORMS": 0}
        for i, question in enumerate(DATA["scope_questions"]):
            scope.update(
                {f"scope-{i}-number": question["number"], f"scope-{i}-text": question["text"]}
            )
        self.post(f"{url}/scope/", scope)
        return review

    def enter_the_letter(self):
        review = self.plan_the_review()
        url = f"/reviews/{review.pk}"
        questions = {q.number: q.pk for q in review.scope_questions.all()}

        # Findings, pasted as bullets, a block per scope question and kind.
        def block_key(finding):
            return (finding["scope_question"] or 0, finding["kind"])

        for (number, kind), findings in groupby(DATA["findings"], key=block_key):
            pasted = "\n".join(f"• {finding['text']}" for finding in findings)
            self.post(
                f"{url}/findings/paste/",
                {
                    "kind": kind,
                    "scope_question": questions.get(number, ""),
                    "text": pasted,
                    "action": "add",
                    **{f"keep-{i}": "on" for i in range(40)},
                },
            )

        # Recommendations, pasted as the numbered list of the letter, added as previewed.
        pasted = "\n\n".join(f"{r['number']}. {r['text']}" for r in DATA["recommendations"])
        preview = self.client.post(
            f"/recommendations/paste/{review.pk}/", {"text": pasted, "action": "preview"}
        )
        confirm = form_data(preview.content, having="rows-TOTAL_FORMS") | {"action": "add"}
        self.post(f"/recommendations/paste/{review.pk}/", confirm)

        for stage in ("fieldwork", "drafting", "factual_accuracy", "issued"):
            self.post(f"{url}/stage/", {"status": stage})
        review.refresh_from_db()
        return review

    def test_the_letter_entered_by_pasting_matches_the_original(self):
        review = self.enter_the_letter()

        self.assertEqual(review.status, Review.Status.ISSUED)
        self.assertEqual(review.team.count(), len(DATA["team"]))
        self.assertEqual(
            [squash(f.text) for f in Finding.objects.filter(review=review).order_by("order")],
            [squash(f["text"]) for f in DATA["findings"]],
        )
        recommendations = Recommendation.objects.filter(review=review)
        self.assertEqual(
            [(r.number, squash(r.text)) for r in recommendations],
            [(r["number"], squash(r["text"])) for r in DATA["recommendations"]],
        )

        pdf = self.client.get(f"/reviews/{review.pk}/letter.pdf")
        text = squash(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages))
        for expected in (
            "Shropshire Council",
            "Shirehall",
            "Date: 17 November 2015",
            DATA["letter"]["salutation"],
            DATA["letter"]["signatory_name"],
        ):
            self.assertIn(expected, text)
        positions = []
        for item in DATA["recommendations"]:
            opening = squash(item["text"])[:50]
            self.assertIn(opening, text, f"recommendation {item['number']}")
            positions.append(text.index(f"Recommendation {item['number']} "))
        self.assertEqual(positions, sorted(positions))

    def test_the_letters_whole_section_pasted_as_it_is_gives_its_recommendations(self):
        """The lead pastes the letter's main comments and recommendations, from the three
        questions to "Yours sincerely", and adds what the preview proposes."""
        review = self.plan_the_review()
        section = (CORPUS / "walsall_letter.txt").read_text(encoding="utf-8")
        section = section.partition("\n---\n")[2]
        url = f"/recommendations/paste/{review.pk}/"

        preview = self.client.post(url, {"text": section, "action": "preview"})
        self.post(url, form_data(preview.content, having="rows-TOTAL_FORMS") | {"action": "add"})

        added = Recommendation.objects.filter(review=review).select_related("scope_question")
        self.assertEqual(
            [(r.number, squash(r.text)) for r in added],
            [(r["number"], squash(r["text"])) for r in DATA["recommendations"]],
        )
        # Under the question the letter prints them under (the demo data leaves 6 under none).
        self.assertEqual(
            [r.scope_question.number if r.scope_question else None for r in added],
            [1, 1, 1, 2, 2, 3, None, None],
        )
        self.assertEqual(review.scope_questions.count(), len(DATA["scope_questions"]))

        findings_url = f"/reviews/{review.pk}/findings/paste/"
        preview = self.client.post(findings_url, {"text": section, "action": "preview"})
        self.post(findings_url, form_data(preview.content, having="text") | {"action": "add"})
        findings = Finding.objects.filter(review=review)
        self.assertEqual(findings.filter(kind=Finding.Kind.STRENGTH).count(), 3)
        self.assertEqual(findings.filter(kind=Finding.Kind.AREA_FOR_CONSIDERATION).count(), 12)
        self.assertFalse(findings.filter(scope_question=None).exists())
