"""API tokens: one per system a person connects, named by them, shown once and kept hashed.

A token is 32 random bytes, so a plain SHA-256 of it is enough to find and check it (a slow
password hash would only slow every API call); the database never holds the token itself.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from councils.access import scoped

PREFIX = "sli_"
# The start of a token shown on the account page, so people can tell their tokens apart.
SHOWN_CHARACTERS = 8
# last_used_at is written at most this often, so a busy script does not write on every call.
LAST_USED_RESOLUTION_SECONDS = 60


def digest_of(token):
    return hashlib.sha256(token.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A person's own tokens (a site administrator sees everyone's)."""
        return scoped(self, user, Q(user=user))

    def editable_by(self, user):
        return self.visible_to(user)

    def matching(self, token):
        """The live token with this text, with its user, if any (one indexed look-up)."""
        return self.filter(digest=digest_of(token), user__is_active=True).select_related("user")


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(
        max_length=100, help_text="What the token is for, e.g. “Power BI performance report”."
    )
    start = models.CharField(max_length=SHOWN_CHARACTERS + len(PREFIX))
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["last_used_at"])

    class Meta:
        ordering = ["user", "-created_at"]
        verbose_name = "API token"

    def __str__(self):
        return f"{self.name} ({self.start}…)"

    @classmethod
    def create_for(cls, *, user, name):
        """A new token for ``user``: the saved record and the token's text, which is never
        stored and so can be shown only now."""
        token = PREFIX + secrets.token_urlsafe(32)
        record = cls.objects.create(
            user=user,
            name=name,
            start=token[: len(PREFIX) + SHOWN_CHARACTERS],
            digest=digest_of(token),
        )
        return record, token

    def mark_used(self, now=None):
        now = now or timezone.now()
        last = self.last_used_at
        if last is None or (now - last).total_seconds() >= LAST_USED_RESOLUTION_SECONDS:
            # An update, not save(): the history records changes people make, not each call.
            ApiToken.objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now
