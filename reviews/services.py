from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from councils.models import Membership
from reviews.models import Finding, Review


def create_review(*, form, by, lead=None):
    """Save a new review and make ``lead`` (or its creator) its lead."""
    with transaction.atomic():
        review = form.save()
        Membership.objects.get_or_create(
            user=lead or by, role=Membership.Role.REVIEW_LEAD, review=review
        )
    return review


def move_review(*, review, status, by):
    """Move the review to its next stage; issuing records who issued it and when, and from
    then on its recommendation numbers and texts are fixed."""
    if status not in dict(review.next_statuses()):
        raise ValidationError(
            f"A review at “{review.get_status_display()}” cannot move to that stage"
        )
    with transaction.atomic():
        review = Review.objects.select_for_update().get(pk=review.pk)
        review.status = status
        if status == Review.Status.ISSUED:
            review.issued_at = timezone.now()
            review.issued_by = by
            review.letter_date = review.letter_date or timezone.localdate()
        review.save()
    return review


def add_findings(*, review, kind, scope_question, texts):
    """Append findings, in the order given, after the review's existing ones."""
    with transaction.atomic():
        last = Finding.objects.filter(review=review).aggregate(last=Max("order"))["last"] or 0
        return Finding.objects.bulk_create(
            Finding(review=review, kind=kind, scope_question=scope_question, text=text, order=n)
            for n, text in enumerate(texts, start=last + 1)
        )


def add_pasted_findings(*, review, findings):
    """Append pasted findings, each (kind, scope question, text), in the order given."""
    with transaction.atomic():
        last = Finding.objects.filter(review=review).aggregate(last=Max("order"))["last"] or 0
        return Finding.objects.bulk_create(
            Finding(review=review, kind=kind, scope_question=question, text=text, order=n)
            for n, (kind, question, text) in enumerate(findings, start=last + 1)
        )


def add_finding(*, review, kind, scope_question, text):
    return add_findings(review=review, kind=kind, scope_question=scope_question, texts=[text])[0]
