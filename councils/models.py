from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse


class RegionQuerySet(models.QuerySet):
    def visible_to(self, user):
        from councils.access import led_regions, scoped

        return scoped(
            self,
            user,
            Q(pk__in=led_regions(user))
            | Q(pk__in=Council.objects.visible_to(user).values("region")),
        )

    def editable_by(self, user):
        from councils.access import NOTHING, scoped

        return scoped(self, user, NOTHING)

    def led_by(self, user):
        """Regions whose programme the user runs: their regional lead (or a site admin)."""
        from councils.access import led_regions, scoped

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
        from councils.access import in_councils, in_led_regions, in_reviews, scoped
        from reviews.models import Review

        hosts_of_their_reviews = Review.objects.filter(in_reviews(user, "pk")).values(
            "host_council"
        )
        return scoped(
            self,
            user,
            in_councils(user, "pk") | in_led_regions(user, "") | Q(pk__in=hosts_of_their_reviews),
        )

    def editable_by(self, user):
        from councils.access import NOTHING, scoped

        return scoped(self, user, NOTHING)

    def hosts_plannable_by(self, user):
        """Councils where this user may plan a review: those of the regions they lead."""
        from councils.access import in_led_regions, scoped

        return scoped(self, user, in_led_regions(user, ""))

    def for_editor_or_lead(self, user):
        """Councils the user edits, and those of the regions they lead: who fill in a
        council's self-assessments, record its practice and discuss its risk assessment."""
        from councils.access import in_councils, in_led_regions, scoped

        editor = [Membership.Role.COUNCIL_EDITOR]
        return scoped(self, user, in_councils(user, "pk", editor) | in_led_regions(user, ""))

    def for_editor(self, user):
        """Councils this user edits: they manage its people and plans."""
        from councils.access import in_councils, scoped

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
        from councils.access import in_councils, in_led_regions, scoped

        return scoped(
            self,
            user,
            in_councils(user, "pk", [Membership.Role.COUNCIL_EDITOR]) | in_led_regions(user, ""),
        )

    def first_editor_invitable_by(self, user):
        """Councils without an editor in the regions the user leads: the lead invites the
        first, who then invites colleagues."""
        from councils.access import in_led_regions, scoped

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
        from councils.access import in_councils, scoped

        return scoped(
            self.filter(role__in=Membership.COUNCIL_ROLES),
            user,
            in_councils(user, "council", [Membership.Role.COUNCIL_EDITOR]),
        )

    def visible_to(self, user):
        """Council roles, listed to the council's editors and to its region's lead."""
        from councils.access import scoped

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
