"""The report-text reader, tested as properties over invented reports (tests/corpus/cqc/):
every statement's heading found once whatever its form and place, its score read, the areas
kept apart, no heading or score line left in any paragraph, and stray text placed nowhere."""

import random
from pathlib import Path

from django.test import SimpleTestCase

from reviews.cqc import scoring
from reviews.cqc.reader import read_report, simplified

# In a folder of their own: the recommendations corpus (tests/corpus/*.txt) has a format of
# its own that these reports do not follow.
CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "cqc"
THEMES = {
    "Working with people": [
        "Assessing needs",
        "Supporting people to live healthier lives",
        "Equity in experience and outcomes",
    ],
    "Providing support": [
        "Care provision, integration and continuity",
        "Partnerships and communities",
    ],
    "Ensuring safety within the system": [
        "Safe systems, pathways and transitions",
        "Safeguarding",
    ],
    "Leadership": [
        "Governance, management and sustainability",
        "Learning, improvement and innovation",
    ],
}
NAMES = [name for names in THEMES.values() for name in names]

HEADINGS = (
    lambda n, name: name,
    lambda n, name: f"Quality statement: {name}",
    lambda n, name: f"{n}. {name}",
    lambda n, name: name.upper(),
    lambda n, name: f"Quality statement {n} – {name}",
    lambda n, name: f"{n}) {name.upper()}",
)
SCORES = (
    lambda s: f"Score: {s}",
    lambda s: f"Score {s} of 4",
    lambda s: f"{s} - {scoring.SCORE_WORDS[s]}",
    lambda s: f"Quality statement score: {s}",
)
STRENGTH_MARKS = ("Areas of strength", "Strengths", "Key strengths", "AREAS OF STRENGTH")
IMPROVEMENT_MARKS = ("Areas for improvement", "Areas for development", "AREAS FOR IMPROVEMENT")
STRAY = (
    "INVENTED REPORT about a made-up council.",
    "Overall rating: Good",
    "Page 3 of 24",
)


def invented_report(seed):
    """A report with random heading forms, order, missing statements and stray text, and
    what it holds: {name: (score, strengths, improvements)}."""
    chance = random.Random(seed)
    names = NAMES[:]
    chance.shuffle(names)
    kept = [name for name in names if chance.random() > 0.2] or names[:1]
    lines = [chance.choice(STRAY), "", "Some words of introduction, under no statement.", ""]
    truth = {}
    for name in kept:
        number = NAMES.index(name) + 1
        score = chance.randint(1, 4)
        strengths = [f"Strength {k} of {name}, invented." for k in range(chance.randint(0, 3))]
        improvements = [
            f"Improvement {k} of {name}, invented." for k in range(chance.randint(0, 3))
        ]
        truth[name] = (score, strengths, improvements)
        lines += [chance.choice(HEADINGS)(number, name), chance.choice(SCORES)(score), ""]
        lines += [f"A paragraph of what the CQC found about {name.lower()},", "over two lines.", ""]
        if chance.random() < 0.3:
            plain = f"The CQC wrote this area of {name} without a bullet."
            lines += ["Areas for improvement", plain, ""]
            truth[name] = (score, strengths, [plain, *improvements])
        sections = [(STRENGTH_MARKS, strengths), (IMPROVEMENT_MARKS, improvements)]
        chance.shuffle(sections)
        for marks, texts in sections:
            if texts:
                lines += [chance.choice(marks)]
                lines += [f"{chance.choice('•-*')} {text}" for text in texts]
                lines += [""]
    return "\n".join(lines), truth


class ReaderPropertyTests(SimpleTestCase):
    def test_invented_reports_of_every_shape(self):
        for seed in range(200):
            text, truth = invented_report(seed)
            with self.subTest(seed=seed):
                report = read_report(text, NAMES, list(THEMES))
                read = report.by_name()
                self.assertEqual(set(read), set(truth))
                self.assertEqual(len(report.statements), len(read))
                self.assertEqual(set(report.missing), set(NAMES) - set(truth))
                for name, (score, strengths, improvements) in truth.items():
                    self.assertEqual(read[name].score, score, name)
                    self.assertEqual(read[name].strengths, strengths, name)
                    self.assertEqual(read[name].improvements, improvements, name)
                    self.assertEqual(len(read[name].narrative), 1)
                # The text before the first heading belongs to no statement.
                self.assertTrue(report.unplaced)
                if seed % 2:
                    ending = read_report(
                        text + "\n\nAbout this report\nStray closing words.", NAMES
                    )
                    self.assertIn("Stray closing words.", ending.unplaced)
                self.assert_no_heading_or_score_left(report)

    def assert_no_heading_or_score_left(self, report):
        headings = {simplified(name) for name in NAMES}
        for statement in report.statements:
            for text in statement.strengths + statement.improvements + statement.narrative:
                self.assertNotIn(simplified(text), headings)
                self.assertFalse(text.lower().startswith("score"), text)

    def test_the_invented_corpus(self):
        paths = sorted(CORPUS.glob("invented_*.txt"))
        self.assertGreaterEqual(len(paths), 2)
        for path in paths:
            with self.subTest(report=path.name):
                text = path.read_text(encoding="utf-8")
                self.assertIn("INVENTED", text)
                report = read_report(text, NAMES, list(THEMES))
                self.assertEqual([s.name for s in report.statements], NAMES)
                self.assertEqual(report.missing, [])
                for statement in report.statements:
                    self.assertIn(statement.score, {1, 2, 3, 4}, statement.name)
                self.assert_no_heading_or_score_left(report)
                # Every bullet under an areas heading is read as an area, once.
                bullets = [
                    line.lstrip("•- ").strip()
                    for line in text.splitlines()
                    if line.startswith(("• ", "- "))
                ]
                areas = [t for s in report.statements for t in s.strengths + s.improvements]
                self.assertEqual(sorted(areas), sorted(bullets))

    def test_a_statement_whose_heading_comes_again_keeps_one_section(self):
        text = (
            "Safeguarding\nScore: 3\nAreas of strength\n• Quick screening.\n\nSAFEGUARDING\n• More."
        )
        report = read_report(text, NAMES)
        self.assertEqual(len(report.statements), 1)
        self.assertEqual(report.repeated, ["Safeguarding"])
        self.assertEqual(report.statements[0].narrative, ["More."])

    def test_a_number_in_a_paragraph_is_not_a_score(self):
        text = "Assessing needs\nScore: 2\n3 people in 4 waited more than a month."
        statement = read_report(text, NAMES).statements[0]
        self.assertEqual(statement.score, 2)
        self.assertEqual(statement.narrative, ["3 people in 4 waited more than a month."])
