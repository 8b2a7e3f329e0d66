"""The risk assessment's level of concern, saved with the CQC assessment it cites."""

from django.db import transaction
from django.utils import timezone

from regional.models import CqcCitation
from regional.risk.forms import KEEP, LATEST, NONE


def save_concern(*, form, latest, by):
    """Save the level of concern and its reasons (a valid ``ConcernForm``) and what it cites
    of the CQC: a copy of ``latest`` as it is now, the copy kept with the statements chosen,
    or nothing."""
    assessment = form.instance
    cite = form.cleaned_data.get("cite", NONE)
    numbers = set(form.cleaned_data.get("statements") or [])
    with transaction.atomic():
        form.save()
        citation = form.citation
        if cite == NONE:
            if citation:
                citation.delete()
        elif cite == LATEST:
            fields = CqcCitation.snapshot(latest, numbers)
            CqcCitation.objects.update_or_create(
                assessment=assessment,
                defaults={**fields, "cited_by": by, "cited_at": timezone.now()},
            )
        elif cite == KEEP and set(citation.cited_numbers) != numbers:
            citation.with_cited(numbers).save()
    return assessment
