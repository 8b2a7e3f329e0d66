from django.db import transaction
from django.db.models import Max

from councils.models import Council
from improvement_plans.evidence_library.models import EvidenceItem, ProgressEvidenceCategories


def add_evidence_item(*, form, council, by):
    """Save a new item from its form, numbered after the council's last (E1, E2 …)."""
    with transaction.atomic():
        # One number each, however many editors add at once: the council's row is the lock.
        list(Council.objects.select_for_update().filter(pk=council.pk).values_list("pk"))
        last = EvidenceItem.objects.filter(council=council).aggregate(last=Max("number"))["last"]
        item = form.save(commit=False)
        item.council = council
        item.number = (last or 0) + 1
        item.added_by = by
        item.save()
        form.save_m2m()
    return item


def categorise_evidence(*, evidence, categories):
    """Record the evidence categories of a progress update's evidence (none: not
    categorised)."""
    with transaction.atomic():
        record, _ = ProgressEvidenceCategories.objects.get_or_create(evidence=evidence)
        record.categories.set(categories)
    return record
