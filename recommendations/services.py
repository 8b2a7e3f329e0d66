import itertools
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max

from recommendations.models import Amendment, Recommendation
from reviews.models import Finding, ScopeQuestion
from sli.lib.concurrency import Conflict, EditConflict, save_if_current

NEW_QUESTION = "new"  # a group's choice: add the question found in the text


def amend_recommendation(*, recommendation, text, reason, by):
    """Correct the text of an issued recommendation, keeping the old text and the reason."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Enter the reason for the amendment"})
    with transaction.atomic():
        locked = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        if locked.text == text:
            raise ValidationError({"text": "Change the text to record an amendment"})
        amendment = Amendment.objects.create(
            recommendation=locked,
            previous_text=locked.text,
            new_text=text,
            reason=reason,
            made_by=by,
        )
        locked.text = text
        locked._change_reason = f"Amendment: {reason}"
        locked.save(amending=True)
    recommendation.refresh_from_db()
    return amendment


def recommend_areas_for_improvement(*, review):
    """Make each area for improvement of a CQC report that is not yet a recommendation one,
    tagged to its quality statement and numbered after the review's others. Appending keeps
    every existing number, so a published report's areas may be added too. Returns them."""
    with transaction.atomic():
        # Only the findings are locked: the joins that find those without a recommendation and
        # order them by statement are outer joins, which PostgreSQL will not lock.
        areas = (
            Finding.objects.select_for_update(of=("self",))
            .filter(
                review=review,
                kind=Finding.Kind.AREA_FOR_IMPROVEMENT,
                recommendations__isnull=True,
            )
            .order_by("quality_statement__number", "order", "pk")
        )
        last = (
            Recommendation.objects.filter(review=review, parent=None).aggregate(n=Max("number"))[
                "n"
            ]
            or 0
        )
        made = []
        for number, area in enumerate(areas, start=last + 1):
            recommendation = Recommendation.objects.create(
                review=review, number=number, text=area.text, finding=area
            )
            if area.quality_statement_id:
                recommendation.quality_statements.set([area.quality_statement_id])
            made.append(recommendation)
        return made


def save_responses(*, forms):
    """Save the council's responses from ``forms`` (valid ResponseForms, one for each
    recommendation answered): all of them, or none when any of their recommendations was
    saved by someone else since the page was opened. Returns those Conflicts."""
    conflicted = []
    try:
        with transaction.atomic():
            for form in forms:
                try:
                    save_if_current(form, form.save)
                except EditConflict:
                    conflicted.append(form)
            if conflicted:
                raise EditConflict  # undoes the rows already saved
    except EditConflict:
        return [Conflict(form) for form in conflicted]
    return []


# Numbers are shifted out of the way before they are rewritten, so that the unique
# constraints on (review, number) and (parent, number) hold after every single UPDATE.
_OUT_OF_THE_WAY = 10_000


def _require_draft(review):
    if review.is_issued:
        raise ValidationError(
            "The letter has been issued: recommendation numbers are fixed. "
            "Correct a recommendation with a recorded amendment."
        )


def add_recommendation(*, review, parent=None, number=None, **fields):
    """Insert a recommendation (or a sub-item of ``parent``) at ``number``, moving later
    ones down one; without a number it goes at the end."""
    recommendation = Recommendation(review=review, parent=parent, **fields)
    return place_recommendation(recommendation, number)


def save_recommendation(*, form, number):
    """Save a recommendation from its form, at the number asked for (or where it was), with
    the quality statements it answers."""
    recommendation = form.save(commit=False)
    # None when no framework offers any statement (the form then asks nothing).
    statements = form.cleaned_data.get("quality_statements")
    is_new = recommendation.pk is None
    with transaction.atomic():
        if not is_new and statements is not None:
            # Set before saving, so that the one history record of this edit holds them.
            recommendation.skip_history_when_saving = True
            recommendation.quality_statements.set(statements)
            del recommendation.skip_history_when_saving
        if form.review.is_issued:
            recommendation.save()
        else:
            recommendation.review = form.review
            recommendation = place_recommendation(recommendation, number or recommendation.number)
        if is_new and statements:
            # Its statements are a change recorded after its creation (as an action's are).
            recommendation.quality_statements.set(statements)
    return recommendation


def place_recommendation(recommendation, number):
    """Save ``recommendation`` at ``number`` among its siblings (the review's top level, or
    its parent's sub-items), closing the gap it leaves if it moved between them."""
    review = recommendation.review
    _require_draft(review)
    with transaction.atomic():
        previous_parent = None
        if recommendation.pk:
            previous_parent = (
                Recommendation.objects.filter(pk=recommendation.pk)
                .values_list("parent_id", flat=True)
                .get()
            )
            Recommendation.objects.filter(pk=recommendation.pk).update(number=_OUT_OF_THE_WAY * 2)
            if previous_parent != recommendation.parent_id:
                _renumber_group(_siblings(review, previous_parent, excluding=recommendation))
        siblings = _siblings(review, recommendation.parent_id, excluding=recommendation)
        position = len(siblings) if not number else max(0, min(number - 1, len(siblings)))
        _renumber_group(siblings, skip=position + 1)
        recommendation.number = position + 1
        recommendation.save()
    return recommendation


def _siblings(review, parent_id, *, excluding):
    return list(
        Recommendation.objects.filter(review=review, parent=parent_id)
        .exclude(pk=excluding.pk)
        .order_by("number")
    )


def move_recommendation(*, recommendation, up):
    """Swap a recommendation with the one above (or below) it, renumbering both."""
    review = recommendation.review
    _require_draft(review)
    with transaction.atomic():
        siblings = list(
            Recommendation.objects.select_for_update()
            .filter(review=review, parent=recommendation.parent_id)
            .order_by("number")
        )
        index = next(i for i, item in enumerate(siblings) if item.pk == recommendation.pk)
        other = index - 1 if up else index + 1
        if 0 <= other < len(siblings):
            siblings[index], siblings[other] = siblings[other], siblings[index]
            _renumber_group(siblings)


def delete_recommendation(*, recommendation):
    review = recommendation.review
    _require_draft(review)
    with transaction.atomic():
        parent_id = recommendation.parent_id
        recommendation.delete()
        _renumber_group(
            list(Recommendation.objects.filter(review=review, parent=parent_id).order_by("number"))
        )


def _renumber_group(siblings, skip=None):
    """Give ``siblings`` (all of one review's top level, or one parent's sub-items) the numbers
    1, 2, 3… in list order, leaving out ``skip`` (the place kept for one being moved in).
    Renumbering is bookkeeping of a draft, so it bypasses the per-object history."""
    targets = zip(siblings, (n for n in itertools.count(1) if n != skip), strict=False)
    changes = [(item.pk, number) for item, number in targets if item.number != number]
    if not changes:
        return
    Recommendation.objects.filter(pk__in=[pk for pk, _ in changes]).update(
        number=F("number") + _OUT_OF_THE_WAY
    )
    for pk, number in changes:
        Recommendation.objects.filter(pk=pk).update(number=number)


def add_pasted(*, review, rows, groups=(), scope_question=None, focus_area=None):
    """Add the rows confirmed on the paste preview: recommendations first, in number order,
    then their sub-items, each under the scope question its group answers (added first if the
    preview asked for a new one), else ``scope_question``. Returns how many were added."""
    rows = sorted(rows, key=lambda row: (row["label"][1] is not None, row["label"]))
    with transaction.atomic():
        questions = _scope_questions_of(review, groups)
        parents = {
            item.number: item for item in Recommendation.objects.filter(review=review, parent=None)
        }
        for row in rows:
            number, sub_number = row["label"]
            group = row.get("group")
            common = {
                "scope_question": questions.get(group) or scope_question,
                "focus_area": focus_area,
                "reference": row.get("reference", ""),
                "page_reference": row.get("page_reference", ""),
            }
            if sub_number is None:
                parents[number] = add_recommendation(
                    review=review, number=number, text=row["text"], **common
                )
            else:
                # "16(b)" as the letter wrote it follows its parent if the parent moved.
                common["reference"] = _PLAIN_SUB_REFERENCE.sub(str(number), common["reference"])
                add_recommendation(
                    review=review,
                    parent=parents[number],
                    number=sub_number,
                    text=row["text"],
                    **common,
                )
    return len(rows)


_PLAIN_SUB_REFERENCE = re.compile(r"^\d+(?=\(\w+\)$)")


def _scope_questions_of(review, groups):
    """Group index → the scope question chosen for it, adding those asked for as new."""
    chosen = {}
    taken = set(ScopeQuestion.objects.filter(review=review).values_list("number", flat=True))
    for index, group in enumerate(groups):
        question = group.get("scope_question")
        if question == NEW_QUESTION:
            number = group.get("number")
            if not number or number in taken:
                number = max(taken, default=0) + 1
            question = ScopeQuestion.objects.create(
                review=review, number=number, text=group["heading"]
            )
            taken.add(number)
        chosen[index] = question
    return chosen
