"""The CQC's scoring rules: percentage, band and what moves the rating."""

import itertools
import random

from django.test import SimpleTestCase

from reviews.cqc import scoring

NAMES = [f"Statement {n}" for n in range(1, 10)]


class BandExamplesTests(SimpleTestCase):
    def test_the_cqcs_examples(self):
        self.assertEqual(scoring.percentage(27, 9), 75)
        self.assertEqual(scoring.rating_of([3] * 9), scoring.GOOD)
        self.assertEqual(scoring.percentage(23, 9), 64)
        self.assertEqual(scoring.band(64), scoring.GOOD)
        self.assertEqual(scoring.percentage(22, 9), 61)
        self.assertEqual(scoring.band(61), scoring.REQUIRES_IMPROVEMENT)

    def test_the_bands_edges(self):
        for percent, rating in [
            (25, scoring.INADEQUATE),
            (38, scoring.INADEQUATE),
            (39, scoring.REQUIRES_IMPROVEMENT),
            (62, scoring.REQUIRES_IMPROVEMENT),
            (63, scoring.GOOD),
            (87, scoring.GOOD),
            (88, scoring.OUTSTANDING),
            (100, scoring.OUTSTANDING),
        ]:
            with self.subTest(percent=percent):
                self.assertEqual(scoring.band(percent), rating)

    def test_the_lowest_and_highest_scores(self):
        self.assertEqual(scoring.percentage(9, 9), 25)
        self.assertEqual(scoring.percentage(36, 9), 100)

    def test_scores_in_the_cqcs_words(self):
        self.assertEqual(scoring.score_sentence(2), "Score 2 of 4: evidence shows some shortfalls")
        self.assertEqual(
            scoring.score_sentence(4), "Score 4 of 4: evidence shows an exceptional standard"
        )

    def test_one_more_point_on_assessing_needs(self):
        scores = dict.fromkeys(NAMES[:8], 3)
        scores.update({"Assessing needs": 1, NAMES[0]: 2, NAMES[1]: 2, NAMES[2]: 2})
        self.assertEqual(sum(scores.values()), 22)
        move = scoring.move_up(scores)
        self.assertEqual((move.rating, move.points), (scoring.GOOD, 1))
        self.assertEqual(move.statements[0], "Assessing needs")
        self.assertEqual(
            scoring.move_sentence(move),
            "One more point on any of the 9 statements scored below 4 (for example Assessing "
            "needs) moves the council to Good",
        )

    def test_few_statements_that_can_rise_are_named(self):
        scores = dict.fromkeys(NAMES[:7], 4)
        scores.update({"Assessing needs": 1, "Safeguarding": 2})
        move = scoring.move_up(scores)
        self.assertEqual(move.statements, ("Assessing needs", "Safeguarding"))
        # 31 of 36 is 86%, Good; 32 is 89%, Outstanding.
        self.assertEqual(
            scoring.move_sentence(move),
            "One more point on Assessing needs or Safeguarding moves the council to Outstanding",
        )
        scores["Safeguarding"] = 1
        self.assertEqual(
            scoring.move_sentence(scoring.move_up(scores)),
            "2 more points across Assessing needs and Safeguarding move the council to Outstanding",
        )
        down = scoring.move_sentence(scoring.move_down(scores), up=False)
        # 30 of 36 is 83%, Good; 22 is 61%, Requires improvement.
        self.assertEqual(down, "8 points fewer move the council to Requires improvement")


def all_scores():
    return itertools.product(range(1, 5), repeat=9)


class ScoringPropertyTests(SimpleTestCase):
    """Over every one of the 4^9 score combinations (the percentage, band and moves depend only
    on the total, which is checked for every combination), and a sample checked in full."""

    def test_percentage_and_band_for_every_combination(self):
        seen = {}
        for scores in all_scores():
            total = sum(scores)
            percent = scoring.percentage(total, 9)
            self.assertLessEqual(abs(percent - total * 100 / 36), 0.5)
            rating = scoring.rating_of(list(scores))
            self.assertEqual(seen.setdefault(total, rating), rating)
        ratings = [seen[total] for total in sorted(seen)]
        # The bands follow one another as the total rises, each reached.
        self.assertEqual(
            [r for r, _ in itertools.groupby(ratings)],
            [
                scoring.INADEQUATE,
                scoring.REQUIRES_IMPROVEMENT,
                scoring.GOOD,
                scoring.OUTSTANDING,
            ],
        )

    def test_what_moves_it_is_the_least_that_does(self):
        sample = random.Random(2026).sample(list(all_scores()), 3000)
        for scores in sample:
            named = dict(zip(NAMES, scores, strict=True))
            rating = scoring.rating_of(list(scores))
            for move, step, limit in (
                (scoring.move_up(named), 1, 4),
                (scoring.move_down(named), -1, 1),
            ):
                with self.subTest(scores=scores, step=step):
                    total = sum(scores)
                    if move is None:
                        end = scoring.OUTSTANDING if step > 0 else scoring.INADEQUATE
                        self.assertEqual(rating, end)
                        continue
                    self.assertNotEqual(move.rating, rating)
                    after = scoring.band(scoring.percentage(total + step * move.points, 9))
                    self.assertEqual(after, move.rating)
                    if move.points > 1:
                        before = total + step * (move.points - 1)
                        self.assertEqual(scoring.band(scoring.percentage(before, 9)), rating)
                    # The statements named are those that can still move that way, and
                    # they have room for the points.
                    movable = {n for n, s in named.items() if s != limit}
                    self.assertEqual(set(move.statements), movable)
                    self.assertGreaterEqual(
                        sum(abs(limit - named[n]) for n in move.statements), move.points
                    )
                    # The next band is one step away, never two.
                    ratings = list(scoring.RATINGS)
                    self.assertEqual(ratings.index(move.rating) - ratings.index(rating), step)
