from django.core.exceptions import ValidationError
from django.db import transaction

from recommendations.models import Amendment, Recommendation


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
