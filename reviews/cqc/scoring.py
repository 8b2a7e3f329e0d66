"""The CQC's scoring rules for a local authority assessment, as pure functions.

Each of the nine quality statements is scored 1 to 4. The overall percentage is the sum of the
scores over the most they could be (36 for nine statements), rounded to a whole number as the
CQC publishes it (23 of 36 is 64%), and the band of that percentage is the rating.
"""

from dataclasses import dataclass

LOWEST, HIGHEST = 1, 4

# A score in the CQC's words: "Score 2 of 4: evidence shows some shortfalls".
SCORE_WORDS = {
    1: "Evidence shows significant shortfalls",
    2: "Evidence shows some shortfalls",
    3: "Evidence shows a good standard",
    4: "Evidence shows an exceptional standard",
}

INADEQUATE = "inadequate"
REQUIRES_IMPROVEMENT = "requires_improvement"
GOOD = "good"
OUTSTANDING = "outstanding"
RATING_NAMES = {
    INADEQUATE: "Inadequate",
    REQUIRES_IMPROVEMENT: "Requires improvement",
    GOOD: "Good",
    OUTSTANDING: "Outstanding",
}
# The lowest whole percentage of each band, lowest band first: 25–38% Inadequate, 39–62%
# Requires improvement, 63–87% Good, 88% and over Outstanding.
BANDS = ((25, INADEQUATE), (39, REQUIRES_IMPROVEMENT), (63, GOOD), (88, OUTSTANDING))
RATINGS = tuple(rating for _, rating in BANDS)


def score_phrase(score):
    """What the evidence shows, in the CQC's words: "some shortfalls"."""
    return SCORE_WORDS[score].removeprefix("Evidence shows ")


def score_words(score):
    """The score and the CQC's words, as a heat map's cell says it: "2 – some shortfalls"."""
    return f"{score} – {score_phrase(score)}"


def score_sentence(score):
    return f"Score {score} of {HIGHEST}: {SCORE_WORDS[score][0].lower()}{SCORE_WORDS[score][1:]}"


def percentage(total, statements):
    """The whole percentage of ``total`` over the most ``statements`` scores could be,
    rounded half up (23 of 36 is 63.9%, published as 64%)."""
    most = HIGHEST * statements
    return (200 * total + most) // (2 * most)


def band(percent):
    """The rating of a whole percentage."""
    rating = INADEQUATE
    for lowest, name in BANDS:
        if percent >= lowest:
            rating = name
    return rating


def rating_of(scores):
    """The rating of a full set of scores (a list of ints)."""
    return band(percentage(sum(scores), len(scores)))


@dataclass(frozen=True)
class Move:
    """What moves the rating: ``points`` more (or fewer) in all, on ``statements`` (the names
    that can still move that way, lowest score first), reach ``rating``."""

    rating: str
    points: int
    statements: tuple

    @property
    def rating_name(self):
        return RATING_NAMES[self.rating]


def move_up(scores):
    """The fewest more points, on ``scores`` ({statement name: score}), that raise the rating,
    or None at the top band or when no score can rise far enough."""
    return _move(scores, +1)


def move_down(scores):
    """The fewest points fewer that lower the rating, or None at the bottom band."""
    return _move(scores, -1)


def _move(scores, step):
    count, total = len(scores), sum(scores.values())
    now = RATINGS.index(band(percentage(total, count)))
    limit = HIGHEST if step > 0 else LOWEST
    room = sum(abs(limit - score) for score in scores.values())
    for points in range(1, room + 1):
        after = RATINGS.index(band(percentage(total + step * points, count)))
        if after != now:
            movable = sorted(
                (name for name, score in scores.items() if score != limit),
                key=lambda name: (scores[name] * step, list(scores).index(name)),
            )
            return Move(RATINGS[after], points, tuple(movable))
    return None


# How many statements a sentence names before it says "any of the … statements".
NAMED = 3


def move_sentence(move, *, up=True, subject="the council"):
    """The move in words: "One more point on Assessing needs moves the council to Good"."""
    if move is None:
        return ""
    if not up:
        names = "any statement"
    elif len(move.statements) <= NAMED:
        names = _either(move.statements)
    else:
        limit = HIGHEST
        names = (
            f"any of the {len(move.statements)} statements scored below {limit} (for example "
            f"{move.statements[0]})"
        )
    if move.points == 1:
        amount = "One more point" if up else "One point less"
        return f"{amount} on {names} moves {subject} to {move.rating_name}"
    amount = f"{move.points} more points" if up else f"{move.points} points fewer"
    where = f" across {_any(move.statements)}" if up else ""
    return f"{amount}{where} move {subject} to {move.rating_name}"


def _either(names):
    names = list(names)
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} or {names[-1]}"


def _any(names):
    names = list(names)
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} and {names[-1]}"
