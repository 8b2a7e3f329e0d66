"""How alike two pieces of wording are: the words that carry meaning, compared as sets.

A recommendation from a safeguarding adults review ("Review the training of staff in making
safeguarding personal") and an action already in the plan ("Safeguarding training for all
staff") say the same thing in different orders, tenses and numbers. Each text is cut to its
content words (stop words dropped, plurals and endings trimmed to a rough stem) and two texts
are compared by the cosine of their word sets: the shared words over the geometric mean of the
two sets' sizes. It is symmetric, 1 for the same words in any order or case, 0 for texts with
no content word in common, and a short title inside a long recommendation scores between the
two (unlike the overlap coefficient, where a one-word title inside anything scores 1).
"""

import math
import re
from collections import defaultdict
from itertools import combinations

# Words that say nothing about what is to be done, in the register of plans and letters.
STOP_WORDS = frozenset(
    """
    a about above after again all also am an and any are as at be been before being below
    between both but by can could did do does doing done down during each either etc few for
    from further had has have having he her here hers him his how i if in into is it its itself
    just may me might more most must my no nor not now of off on once only or other our ours out
    over own same shall she should so some such than that the their theirs them then there
    these they this those through to too under until up upon us very was we were what when
    where which while who whom why will with within without would yet you your
    council councils ensure ensures ensuring including include needs need new further
    recommendation recommendations action actions board should consider considers
    """.split()
)

# Endings trimmed, longest first, so that "training", "trained" and "trains" meet at "train".
_ENDINGS = ("ations", "ation", "ings", "ing", "ies", "ed", "s")
_WORD = re.compile(r"[a-z0-9]+")

# Below this the wording is not offered as alike: measured so that two texts sharing two
# content words of four or five each (cosine 0.4–0.5) are offered, one word in common is not.
THRESHOLD = 0.35
# Two content words in common at least: one shared word ("safeguarding") is a theme, not a match.
MIN_SHARED = 2


def stem(word):
    """A rough stem: the word without a common English ending, keeping at least three letters
    ("training" → "train", "assessments" → "assessment", "policies" → "policy")."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            # "policies" and "policy" meet at "policy".
            word = word[: -len(ending)] + ("y" if ending == "ies" else "")
            break
    # "discharges", "discharged" and "discharge" meet at "discharg".
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    # "referred" and "refer", "planning" and "plan": a doubled last letter is one.
    if len(word) > 3 and word[-1] == word[-2]:
        word = word[:-1]
    return word


def content_words(text):
    """The set of stems of the words that carry meaning in ``text``."""
    return frozenset(
        stem(word)
        for word in _WORD.findall((text or "").lower())
        if word not in STOP_WORDS and len(word) > 2 and not word.isdigit()
    )


def word_similarity(a, b):
    """The cosine of two sets of content words, from 0 (nothing shared) to 1 (the same)."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def similarity(text, other):
    """How alike two texts' wording is, from 0 to 1 (see the module's note)."""
    return word_similarity(content_words(text), content_words(other))


def is_alike(a, b, threshold=THRESHOLD):
    """Whether two sets of content words are alike enough to be offered as a match."""
    return len(a & b) >= MIN_SHARED and word_similarity(a, b) >= threshold


def most_alike(text, candidates, *, wording=str, threshold=THRESHOLD, limit=5):
    """The candidates whose wording (``wording(candidate)``) is alike to ``text``, most alike
    first, as (score, candidate); at most ``limit``."""
    words = content_words(text)
    scored = []
    for order, candidate in enumerate(candidates):
        theirs = content_words(wording(candidate))
        if is_alike(words, theirs, threshold):
            scored.append((word_similarity(words, theirs), order, candidate))
    scored.sort(key=lambda row: (-row[0], row[1]))
    return [(score, candidate) for score, _, candidate in scored[:limit]]


def alike_pairs(items, *, wording=str, group=None, threshold=THRESHOLD):
    """Pairs of ``items`` whose wording is alike, most alike first, as (score, first, second)
    in the items' order; with ``group``, only pairs whose groups differ (recommendations of
    different sources). Only items sharing a word are compared, through an index of words."""
    words = [content_words(wording(item)) for item in items]
    index = defaultdict(list)
    for position, item_words in enumerate(words):
        for word in item_words:
            index[word].append(position)
    candidates = set()
    for positions in index.values():
        candidates.update(combinations(positions, 2))
    pairs = []
    for i, j in candidates:
        if group is not None and group(items[i]) == group(items[j]):
            continue
        if is_alike(words[i], words[j], threshold):
            pairs.append((word_similarity(words[i], words[j]), i, j))
    pairs.sort(key=lambda row: (-row[0], row[1], row[2]))
    return [(score, items[i], items[j]) for score, i, j in pairs]
