from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords


class RegionQuerySet(models.QuerySet):
    def visible_to(self, user):

        return scoped(
            self,
            user,
            Q(pk__in=led_regions(user))
            | Q(pk__in=Council.objects.visible_to(user).values("region")),
        )

    def editable_by(self, user):

        return scoped(self, user, NOTHING)

    def led_by(self, user):
        """Regions whose programme the user runs: their regional lead (or a site admin)."""

        return scoped(self, user, Q(pk__in=led_regions(user)))


class Region(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("councils:region", args=[self.slug])

    def is_led_by(self, user):
        """The user runs this region's programme (its regional lead, or a site admin)."""
        return Region.objects.led_by(user).filter(pk=self.pk).exists()


class CouncilQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Councils the user belongs to, those in regions they lead, and hosts of their reviews."""
        hosts_of_their_reviews = memberships(user, Membership.REVIEW_ROLES).values(
            "review__host_council"
        )
        return scoped(
            self,
            user,
            in_councils(user, "pk") | in_led_regions(user, "") | Q(pk__in=hosts_of_their_reviews),
        )

    def editable_by(self, user):

        return scoped(self, user, NOTHING)

    def hosts_plannable_by(self, user):
        """Councils where this user may plan a review: those of the regions they lead."""

        return scoped(self, user, in_led_regions(user, ""))

    def for_editor_or_lead(self, user):
        """Councils the user edits, and those of the regions they lead: who fill in a
        council's self-assessments, record its practice and discuss its risk assessment."""

        editor = [Membership.Role.COUNCIL_EDITOR]
        return scoped(self, user, in_councils(user, "pk", editor) | in_led_regions(user, ""))

    def for_people_or_lead(self, user):
        """Councils where the user holds a council role, and those of the regions they lead:
        who read the council's own records that may hold personal data (its evidence)."""

        return scoped(self, user, in_councils(user, "pk") | in_led_regions(user, ""))

    def for_editor(self, user):
        """Councils this user edits: they manage its people and plans."""

        return scoped(self, user, in_councils(user, "pk", [Membership.Role.COUNCIL_EDITOR]))

    def without_editor(self):
        """Councils where nobody (with an account still on) holds the editor role."""
        editors = Membership.objects.filter(
            role=Membership.Role.COUNCIL_EDITOR, user__is_active=True
        ).values("council")
        return self.exclude(pk__in=editors)

    def people_visible_to(self, user):
        """Councils whose people (who holds which council role) the user may list: those they
        edit, and those of the regions they lead."""

        return scoped(
            self,
            user,
            in_councils(user, "pk", [Membership.Role.COUNCIL_EDITOR]) | in_led_regions(user, ""),
        )

    def first_editor_invitable_by(self, user):
        """Councils without an editor in the regions the user leads: the lead invites the
        first, who then invites colleagues."""

        return scoped(self.without_editor(), user, in_led_regions(user, ""))

    def invitable_by(self, user):
        """Councils where the user may give someone a council role."""
        return self.for_editor(user) | self.first_editor_invitable_by(user)


class Council(models.Model):
    class Kind(models.TextChoices):
        COUNTY = "county", "County council"
        METROPOLITAN_BOROUGH = "metropolitan_borough", "Metropolitan borough"
        UNITARY = "unitary", "Unitary authority"
        LONDON_BOROUGH = "london_borough", "London borough"

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=150, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="councils")
    address = models.TextField(blank=True, help_text="Postal address, as printed on letters.")
    logo = models.FileField(upload_to="council-logos/", blank=True)

    objects = CouncilQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("councils:detail", args=[self.slug])

    def roles_invitable_by(self, user):
        """The council roles ``user`` may give here: both for its editors, only the editor's
        for a regional lead inviting the first editor, none otherwise."""
        if Council.objects.for_editor(user).filter(pk=self.pk).exists():
            return list(Membership.COUNCIL_ROLES)
        if Council.objects.invitable_by(user).filter(pk=self.pk).exists():
            return [Membership.Role.COUNCIL_EDITOR]
        return []


class MembershipQuerySet(models.QuerySet):
    def editable_by(self, user):
        """A council's editors manage who holds its council roles; the rest is for admins."""

        return scoped(
            self.filter(role__in=Membership.COUNCIL_ROLES),
            user,
            in_councils(user, "council", [Membership.Role.COUNCIL_EDITOR]),
        )

    def visible_to(self, user):
        """Council roles, listed to the council's editors and to its region's lead."""

        return scoped(
            self.filter(role__in=Membership.COUNCIL_ROLES),
            user,
            Q(council__in=Council.objects.people_visible_to(user).values("pk")),
        )


class Membership(models.Model):
    """A role a user holds for one council, one review or one region."""

    class Role(models.TextChoices):
        COUNCIL_EDITOR = "council_editor", "Council editor"
        COUNCIL_VIEWER = "council_viewer", "Council viewer"
        REVIEW_LEAD = "review_lead", "Review lead"
        REVIEW_TEAM = "review_team", "Review team member"
        REGIONAL_LEAD = "regional_lead", "Regional lead"

    COUNCIL_ROLES = (Role.COUNCIL_EDITOR, Role.COUNCIL_VIEWER)
    # What each council role may do, as invitations and the People page put it.
    COUNCIL_ROLE_DUTIES = {
        Role.COUNCIL_EDITOR: "responds to recommendations and updates the improvement plan",
        Role.COUNCIL_VIEWER: "reads everything, changes nothing",
    }
    REVIEW_ROLES = (Role.REVIEW_LEAD, Role.REVIEW_TEAM)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    council = models.ForeignKey(
        Council, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    review = models.ForeignKey(
        "reviews.Review",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )

    objects = MembershipQuerySet.as_manager()
    # Who gave or took away which role, and when: read by the administrators' audit.
    history = HistoricalRecords()

    class Meta:
        ordering = ["user", "role"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        role__in=["council_editor", "council_viewer"],
                        council__isnull=False,
                        review__isnull=True,
                        region__isnull=True,
                    )
                    | Q(
                        role__in=["review_lead", "review_team"],
                        council__isnull=True,
                        review__isnull=False,
                        region__isnull=True,
                    )
                    | Q(
                        role="regional_lead",
                        council__isnull=True,
                        review__isnull=True,
                        region__isnull=False,
                    )
                ),
                name="membership_scope_matches_role",
                violation_error_message=(
                    "A council role needs a council, a review role a review, "
                    "and a regional lead a region."
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "council"],
                condition=Q(council__isnull=False),
                name="membership_unique_per_council",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "review"],
                condition=Q(review__isnull=False),
                name="membership_unique_per_review",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "region"],
                condition=Q(region__isnull=False),
                name="membership_unique_per_region",
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.get_role_display()} for {self.scope}"

    def get_absolute_url(self):
        return self.scope.get_absolute_url()

    @property
    def scope(self):
        return self.council or self.review or self.region


class SignInEventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The sign-in audit is for site administrators."""
        return scoped(self, user, NOTHING)


class SignInEvent(models.Model):
    """One attempt to sign in, either way in, and what came of it: the audit of sign-ins.

    Written once and never changed (the admin shows it read-only), so it keeps no history of
    its own. ``username`` is what was typed, or the e-mail address the identity provider gave,
    so that failures for names without an account are kept too."""

    class Method(models.TextChoices):
        PASSWORD = "password", "Password"
        SSO = "sso", "Council account"

    class Outcome(models.TextChoices):
        SIGNED_IN = "signed_in", "Signed in"
        FAILED = "failed", "Failed"
        LOCKED_OUT = "locked_out", "Locked out"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sign_in_events",
    )
    username = models.CharField(max_length=254, blank=True)
    method = models.CharField(max_length=10, choices=Method.choices)
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    reason = models.CharField(max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    objects = SignInEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["user", "at"], name="sign_in_by_user_at")]

    def __str__(self):
        return f"{self.get_outcome_display()}: {self.username} by {self.get_method_display()}"


# Who may see and change what: the conditions every scoped QuerySet is built from. They
# live beside Membership, which they read; councils.access offers them with the view helpers.

NOTHING = Q(pk__in=[])


def is_site_admin(user):
    return user.is_active and (user.is_staff or user.is_superuser)


def memberships(user, roles):
    """The user's live memberships with one of ``roles``."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user, user__is_active=True, role__in=roles)


def in_councils(user, council_path, roles=None):
    """The object's council is one where the user holds one of ``roles`` (any council role
    by default)."""
    roles = Membership.COUNCIL_ROLES if roles is None else roles
    return Q(**{f"{council_path}__in": memberships(user, roles).values("council")})


def led_regions(user):
    return memberships(user, [Membership.Role.REGIONAL_LEAD]).values("region")


def their_regions(user):
    """The regions whose people the user is among: where they hold a council role, and those
    they lead. A review team is not among them: it reads its review, its host council and the
    plans answering the review, not the regional programme."""
    councils = memberships(user, Membership.COUNCIL_ROLES).values("council")
    return Region.objects.filter(Q(pk__in=led_regions(user)) | Q(councils__in=councils)).values(
        "pk"
    )


def in_led_regions(user, council_path):
    """The object's council is in a region the user leads ("" when the object is a council)."""
    path = f"{council_path}__region__in" if council_path else "region__in"
    return Q(**{path: led_regions(user)})


def in_reviews(user, review_path, roles=None):
    """The object belongs to a review whose team the user is on (with one of ``roles``, any
    review role by default)."""
    roles = Membership.REVIEW_ROLES if roles is None else roles
    return Q(**{f"{review_path}__in": memberships(user, roles).values("review")})


def scoped(queryset, user, condition):
    """Filter ``queryset`` to ``condition`` for ``user``: all for site admins, none for guests."""
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if is_site_admin(user):
        return queryset
    return queryset.filter(condition)
