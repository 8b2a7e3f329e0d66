"""The good-practice directory and the matching tool.

The directory holds two kinds of item, shown side by side:

- the **strengths of issued reviews**, straight from their findings. A strength is tagged
  with the focus areas of the recommendations made under the same scope question; when there
  are none (no scope question, or its recommendations carry no focus area) it takes the focus
  areas the review was asked to look at. Drafts never appear; an issued letter's strengths
  are the region's once the council publishes it, and until then only the host council's,
  its review team's and the regional lead's.
- **notable practice** a council has entered itself (``PracticeEntry``).

Both are read by the region's people (those with a council role there, and its regional
lead; not a review team, which reads only its own review); nothing here is public. Each item
is loaded with a fixed number of queries however many councils or reviews the region has.

The matcher takes a council's open recommendations and the areas for consideration of its
reviews still in progress, and suggests other councils' items that share the focus area and
significant words, ranked, each with its reason written out, as the Walsall letter does by
hand ("Herefordshire have an integrated workforce plan ... which could be looked at").
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Exists, OuterRef, Q

from councils.access import scoped, their_regions
from councils.models import Council
from improvement_plans.implementation import with_implementation_state
from recommendations.models import ImplementationState, Recommendation
from regional.models import PracticeEntry
from reviews.models import Finding, FocusArea, Review

# The role to contact about a review's strength when the letter's addressee gives none: the
# letter goes to the council's director of adult social services.
DEFAULT_CONTACT_ROLE = "Director of Adult Social Services"
SUGGESTIONS_PER_NEED = 5
MIN_SHARED_WORDS = 2


@dataclass
class PracticeItem:
    source: str  # "strength" or "entry"
    pk: int
    council: Council
    title: str
    text: str
    contact_role: str
    url: str
    focus_areas: list = field(default_factory=list)
    review: Review | None = None
    stems: dict = field(default_factory=dict, repr=False)

    @property
    def source_label(self):
        return "Review strength" if self.source == "strength" else "Council entry"


# --- Scoping --------------------------------------------------------------------------------


def strengths_visible_to(user):
    """Strengths of published letters hosted in the user's regions, and of issued letters
    the user may read already: until a letter is published its findings belong to the host
    council, its review team and the regional lead."""
    return scoped(
        Finding.objects.filter(
            kind=Finding.Kind.STRENGTH, review__status__in=Review.ISSUED_STATUSES
        ),
        user,
        Q(
            review__published_at__isnull=False,
            review__host_council__region__in=their_regions(user),
        )
        | Q(review__in=Review.objects.content_visible_to(user).values("pk")),
    )


# --- Search ---------------------------------------------------------------------------------


def _search(queryset, words, fields):
    """Rows matching every word: PostgreSQL's full-text search (English stemming) when it is
    the database, otherwise each word somewhere in one of ``fields``."""
    words = words.strip()
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        vector = SearchVector(*fields, config="english")
        query = SearchQuery(words, config="english", search_type="plain")
        return queryset.annotate(search=vector).filter(search=query)
    for word in words.split():
        condition = Q()
        for name in fields:
            condition |= Q(**{f"{name}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


def _strengths_in_area(queryset, focus_area):
    """The tagging rule of the module docstring, as a filter."""
    recommendations = Recommendation.objects.filter(scope_question=OuterRef("scope_question"))
    tagged_by_question = Exists(recommendations.filter(focus_area=focus_area))
    question_has_areas = Exists(recommendations.filter(focus_area__isnull=False))
    review_in_area = Exists(
        Review.focus_areas.through.objects.filter(review=OuterRef("review"), focusarea=focus_area)
    )
    return queryset.filter(tagged_by_question | (~question_has_areas & review_in_area))


# --- The directory --------------------------------------------------------------------------


def directory(user, *, region=None, focus_area=None, words="", exclude_council=None):
    """Every item of the directory the user may read, best known first: by council, then
    entries before strengths. Five queries, whatever the size of the region."""
    strengths = strengths_visible_to(user).select_related(
        "review", "review__host_council", "scope_question"
    )
    entries = PracticeEntry.objects.visible_to(user).select_related("council", "focus_area")
    if region is not None:
        strengths = strengths.filter(review__host_council__region=region)
        entries = entries.filter(council__region=region)
    if exclude_council is not None:
        strengths = strengths.exclude(review__host_council=exclude_council)
        entries = entries.exclude(council=exclude_council)
    if focus_area is not None:
        strengths = _strengths_in_area(strengths, focus_area)
        entries = entries.filter(focus_area=focus_area)
    strengths = _search(strengths, words, ["text"])
    entries = _search(entries, words, ["title", "description", "contact_role"])

    strengths = list(strengths.order_by())
    areas = {area.pk: area for area in FocusArea.objects.all()}
    tag = focus_area_tagger({finding.review_id for finding in strengths}, areas)
    items = [
        PracticeItem(
            source="entry",
            pk=entry.pk,
            council=entry.council,
            title=entry.title,
            text=entry.description,
            contact_role=entry.contact_role,
            url=entry.get_absolute_url(),
            focus_areas=[entry.focus_area] if entry.focus_area else [],
        )
        for entry in entries.order_by()
    ]
    items += [
        PracticeItem(
            source="strength",
            pk=finding.pk,
            council=finding.review.host_council,
            title=f"Strength found by the {finding.review.title}",
            text=finding.text,
            contact_role=contact_role_of(finding.review),
            url=finding.get_absolute_url(),
            focus_areas=tag(finding),
            review=finding.review,
        )
        for finding in strengths
    ]
    items.sort(key=lambda item: (item.council.name, item.source != "entry", -item.pk))
    return items


def focus_area_tagger(review_ids, areas):
    """A function giving a finding's focus areas (the rule of the module docstring), built
    with two queries for all the findings of ``review_ids``."""
    by_question = defaultdict(set)
    for question_id, area_id in (
        Recommendation.objects.filter(
            review__in=review_ids, scope_question__isnull=False, focus_area__isnull=False
        )
        .order_by()
        .values_list("scope_question_id", "focus_area_id")
        .distinct()
    ):
        by_question[question_id].add(area_id)
    by_review = defaultdict(set)
    for review_id, area_id in Review.focus_areas.through.objects.filter(
        review__in=review_ids
    ).values_list("review_id", "focusarea_id"):
        by_review[review_id].add(area_id)

    def tag(finding):
        ids = by_question.get(finding.scope_question_id) or by_review.get(finding.review_id, ())
        return sorted((areas[pk] for pk in ids), key=lambda area: area.number)

    return tag


def contact_role_of(review):
    """The letter's addressee is "Name, Role"; the role is whom to contact."""
    _, _, role = review.letter_addressee.partition(",")
    return role.strip() or DEFAULT_CONTACT_ROLE


# --- Words ----------------------------------------------------------------------------------

STOP_WORDS = frozenset(
    """
    a about above across after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers him his how however i if in into is it its
    itself just least less made make many may more most much must my no nor not now of off on
    once only or other our ours out over own same she should so some such than that the their
    them then there these they this those through to too under until up upon very was we were
    what when where whether which while who whom why will with within without would you your
    able already currently felt heard new number place including overall particularly well
    whilst yet per via
    council councils team peer challenge adult adults social care people person service
    services ensure consider consideration need needs good positive strong example examples
    improve improvement improvements development develop developing support work working
    practice clear use used further level area areas way key local
    significant opportunity opportunities relation focus progress evident evidence reported
    appear appeared time times whether around number range
    west east north south midlands region regional
    """.split()
)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def stem(word):
    """A small British-English stemmer: enough to match "plans" with "plan" and "trained"
    with "training"."""
    for suffix, replacement, shortest in (
        ("ies", "y", 5),
        ("sses", "ss", 5),
        ("ing", "", 6),
        ("ed", "", 5),
        ("s", "", 4),
    ):
        if word.endswith(suffix) and len(word) >= shortest:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            return word[: -len(suffix)] + replacement
    return word


def significant_words(text):
    """The stems of the text's significant words, each with the shortest form seen."""
    found = {}
    for word in _WORD.findall(text.lower().replace("’", "'")):
        word = word.removesuffix("'s")
        if len(word) < 3 or word in STOP_WORDS:
            continue
        root = stem(word)
        if root in STOP_WORDS:
            continue
        if root not in found or len(word) < len(found[root]):
            found[root] = word
    return found


# --- The matcher ----------------------------------------------------------------------------


@dataclass
class Need:
    """An open recommendation or an area for consideration of the council."""

    kind: str  # "recommendation" or "area_for_consideration"
    label: str
    text: str
    url: str
    focus_areas: list
    suggestions: list = field(default_factory=list)


@dataclass
class Suggestion:
    item: PracticeItem
    score: int
    same_areas: list
    words: list

    @property
    def reason(self):
        words = ", ".join(self.words)
        if self.same_areas:
            names = ", ".join(area.name for area in self.same_areas)
            return f"Same focus area ({names}) and words in common: {words}"
        return f"Words in common: {words}"


@dataclass
class CouncilMatch:
    council: Council
    score: int
    needs: int


def open_needs(council, user, *, today=None):
    """The council's open recommendations (issued, not declined, not implemented) and the
    areas for consideration of its reviews not yet closed, as far as the user may read them."""
    answerable = (
        Recommendation.objects.visible_to(user)
        .issued()
        .top_level()
        .filter(review__host_council=council)
        .exclude(response=Recommendation.Response.NOT_ACCEPTED)
    )
    recommendations = (
        with_implementation_state(answerable, today)
        .exclude(implementation_state=ImplementationState.IMPLEMENTED)
        .select_related("focus_area", "review")
    )
    needs = [
        Need(
            kind="recommendation",
            label=f"Recommendation {rec.number} of the {rec.review.title}",
            text=rec.text,
            url=rec.get_absolute_url(),
            focus_areas=[rec.focus_area] if rec.focus_area else [],
        )
        for rec in recommendations
    ]
    areas_for_consideration = list(
        Finding.objects.visible_to(user)
        .filter(
            kind=Finding.Kind.AREA_FOR_CONSIDERATION,
            review__host_council=council,
            review__status__in=[Review.Status.ISSUED, Review.Status.PROGRESS_REVIEW],
        )
        .select_related("review")
    )
    areas = {area.pk: area for area in FocusArea.objects.all()}
    tag = focus_area_tagger({finding.review_id for finding in areas_for_consideration}, areas)
    needs += [
        Need(
            kind="area_for_consideration",
            label=f"Area for consideration from the {finding.review.title}",
            text=finding.text,
            url=finding.get_absolute_url(),
            focus_areas=tag(finding),
        )
        for finding in areas_for_consideration
    ]
    return needs


def score(need_words, need_areas, item):
    """How well ``item`` answers a need: two points for sharing its focus area, one for each
    significant word in common. One word in common is too often chance ("plan"): at least
    two are needed."""
    shared = [root for root in need_words if root in item.stems]  # in the need's order
    if len(shared) < MIN_SHARED_WORDS:
        return None
    item_area_ids = {area.pk for area in item.focus_areas}
    same_areas = [area for area in need_areas if area.pk in item_area_ids]
    points = 2 * bool(same_areas) + len(shared)
    words = [min(need_words[root], item.stems[root], key=len) for root in shared]
    return Suggestion(item=item, score=points, same_areas=same_areas, words=words)


def match(council, user, *, today=None):
    """The council's needs, each with the best suggestions from other councils, and the
    councils to talk to, ranked by their total score. Suggestions come from the whole
    directory the user may read (the regions of the councils they see), not only the
    council's own region."""
    needs = open_needs(council, user, today=today)
    candidates = directory(user, exclude_council=council)
    for item in candidates:
        item.stems = significant_words(f"{item.title} {item.text}")
    # A council's own name in its letters ("transferred to Walsall") says nothing of practice.
    own_name = significant_words(council.name)
    by_council = {}
    for need in needs:
        need_words = significant_words(need.text)
        for root in own_name:
            need_words.pop(root, None)
        suggestions = [
            suggestion
            for item in candidates
            if (suggestion := score(need_words, need.focus_areas, item)) is not None
        ]
        suggestions.sort(key=lambda s: (-s.score, s.item.council.name, s.item.pk))
        need.suggestions = suggestions[:SUGGESTIONS_PER_NEED]
        for suggestion in need.suggestions:
            other = suggestion.item.council
            entry = by_council.setdefault(other.pk, CouncilMatch(other, 0, 0))
            entry.score += suggestion.score
            entry.needs += 1
    ranking = sorted(by_council.values(), key=lambda m: (-m.score, m.council.name))
    return needs, ranking
