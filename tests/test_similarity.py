"""The wording similarity that offers "already addressed by Action 12" and duplicates, tested
as properties over generated texts rather than on one example."""

import random
import string
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from sli.lib.similarity import (
    MIN_SHARED,
    STOP_WORDS,
    THRESHOLD,
    alike_pairs,
    content_words,
    is_alike,
    most_alike,
    similarity,
)

# Words of plans and letters, none a stop word and none the stem of another.
VOCABULARY = [
    "safeguard",
    "train",
    "staff",
    "carer",
    "assessment",
    "waiting",
    "list",
    "hospital",
    "discharge",
    "advocacy",
    "audit",
    "supervision",
    "transition",
    "housing",
    "complaint",
    "budget",
    "workforce",
    "commission",
    "provider",
    "quality",
    "strategy",
    "prevention",
    "reablement",
    "dementia",
]
STOPS = sorted(STOP_WORDS)

words = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=10)
texts = st.builds(" ".join, st.lists(st.sampled_from(VOCABULARY + STOPS), max_size=14))


def sentence(chosen, rng, *, stops=0, upper=False, punctuation=False):
    """The words in a shuffled order, with stop words sprinkled in, in any case and with
    punctuation between: none of which changes the meaning."""
    tokens = list(chosen) + [rng.choice(STOPS) for _ in range(stops)]
    rng.shuffle(tokens)
    if upper:
        tokens = [token.upper() for token in tokens]
    separator = ", " if punctuation else " "
    return separator.join(tokens) + ("." if punctuation else "")


@given(texts, texts)
def test_similarity_is_symmetric_and_between_0_and_1(a, b):
    score = similarity(a, b)
    assert 0.0 <= score <= 1.0
    assert score == similarity(b, a)


@given(words, st.randoms(use_true_random=False), st.integers(0, 6), st.booleans(), st.booleans())
def test_order_case_punctuation_and_stop_words_change_nothing(chosen, rng, stops, upper, punct):
    plain = " ".join(chosen)
    dressed = sentence(chosen, rng, stops=stops, upper=upper, punctuation=punct)
    assert content_words(dressed) == content_words(plain)
    assert similarity(dressed, plain) == 1.0


@given(words)
def test_plurals_and_endings_meet_their_stem(chosen):
    inflected = " ".join(f"{word}s" for word in chosen)
    assert content_words(inflected) == content_words(" ".join(chosen))
    training = " ".join(f"{word}ing" if word == "train" else word for word in chosen)
    assert content_words(training) == content_words(" ".join(chosen))


@given(st.sets(st.sampled_from(VOCABULARY), min_size=1), st.sets(st.sampled_from(VOCABULARY)))
def test_texts_without_a_content_word_in_common_score_0(a, b):
    b = b - a
    stops = " ".join(STOPS[:5])
    assert similarity(" ".join(a) + " " + stops, " ".join(b) + " " + stops) == 0.0


@given(st.builds(" ".join, st.lists(st.sampled_from(STOPS), max_size=8)), texts)
def test_a_text_of_stop_words_only_is_like_nothing(stops, other):
    assert similarity(stops, other) == 0.0
    assert not is_alike(content_words(stops), content_words(other))


@given(
    st.sets(st.sampled_from(VOCABULARY[:12]), min_size=1),
    st.sets(st.sampled_from(VOCABULARY[:12]), min_size=1),
    st.sampled_from(VOCABULARY[12:]),
)
def test_a_word_added_to_both_never_makes_them_less_alike(a, b, shared):
    before = similarity(" ".join(a), " ".join(b))
    after = similarity(" ".join(a | {shared}), " ".join(b | {shared}))
    assert after >= before


@given(st.sets(st.sampled_from(VOCABULARY), min_size=2, max_size=8))
def test_the_same_words_are_always_alike_and_one_shared_word_never(chosen):
    assert is_alike(content_words(" ".join(chosen)), content_words(" ".join(chosen)))
    one, *rest = sorted(chosen)
    others = [w for w in VOCABULARY if w not in chosen][: len(rest)]
    assert MIN_SHARED > 1
    assert not is_alike(
        content_words(" ".join([one, *rest])), content_words(" ".join([one, *others]))
    )


@given(st.lists(texts, max_size=12), st.integers(1, 3))
@settings(max_examples=60)
def test_pairs_found_through_the_index_are_every_alike_pair(items, groups):
    group = {index: index % groups for index in range(len(items))}
    numbered = list(enumerate(items))
    found = alike_pairs(numbered, wording=lambda item: item[1], group=lambda item: group[item[0]])
    by_brute_force = {
        (i[0], j[0])
        for i, j in combinations(numbered, 2)
        if group[i[0]] != group[j[0]] and is_alike(content_words(i[1]), content_words(j[1]))
    }
    assert {(first[0], second[0]) for _, first, second in found} == by_brute_force
    scores = [score for score, _, _ in found]
    assert scores == sorted(scores, reverse=True)
    assert all(score >= THRESHOLD for score in scores)


@given(texts, st.lists(texts, max_size=10), st.integers(1, 5))
@settings(max_examples=60)
def test_most_alike_is_the_alike_candidates_best_first(text, candidates, limit):
    found = most_alike(text, candidates, limit=limit)
    assert len(found) <= limit
    scores = [score for score, _ in found]
    assert scores == sorted(scores, reverse=True)
    alike = [c for c in candidates if is_alike(content_words(text), content_words(c))]
    assert len(found) == min(limit, len(alike))
    assert all(candidate in alike for _, candidate in found)


def test_a_reworded_recommendation_finds_its_action_among_unrelated_ones():
    """Each action, its title reworded as a recommendation would put it, is found first among
    the others (real wording from plans, not generated)."""
    actions = [
        "Safeguarding training for all staff",
        "Clear the waiting list for carers' assessments",
        "Improve hospital discharge planning with the NHS trust",
        "Publish the market position statement for providers",
        "Set up a transitions panel for young people moving to adult services",
    ]
    reworded = [
        "The board should ensure that staff are trained in safeguarding.",
        "Assessments of carers should be completed without a waiting list.",
        "Discharge planning from hospital should be agreed with the trust.",
        "The council should publish a market position statement for its providers.",
        "Young people's transitions to adult services need a panel.",
    ]
    rng = random.Random(14)
    for expected, text in zip(actions, reworded, strict=True):
        shuffled = actions[:]
        rng.shuffle(shuffled)
        (score, best), *_ = most_alike(text, shuffled)
        assert best == expected, (text, best, score)


def test_unrelated_wording_from_different_areas_is_not_offered():
    rng = random.Random(7)
    letters = string.ascii_lowercase
    gibberish = [" ".join("".join(rng.choices(letters, k=7)) for _ in range(6)) for _ in range(20)]
    assert alike_pairs(gibberish) == []
