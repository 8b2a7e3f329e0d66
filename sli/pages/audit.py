"""The administrators' audit: who signed in when and how (a password or their council
account), the attempts that failed, and who gave or took away which role. Sign-ins come from
SignInEvent (recorded by sli/audit.py); role changes from the memberships' history."""

import django_filters
import django_tables2 as tables
from django.db.models import Q
from django.shortcuts import render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import format_html

from councils.access import require_site_admin
from councils.models import Membership, SignInEvent
from sli.lib.filters import DayFilter, ListFilterSet
from sli.lib.tables import Table, configure

ONLY_ADMINS = "Only site administrators can read the audit of sign-ins and roles."
CHANGES = {"+": "Given", "-": "Removed", "~": "Changed"}


def person(user, fallback=""):
    if user is None:
        return fallback
    name = user.get_full_name()
    return format_html("{} ({})", name, user.get_username()) if name else user.get_username()


class WhenColumn(tables.Column):
    def render(self, value):
        return format_date(timezone.localtime(value), "j M Y, H:i:s")


class AuditFilter(ListFilterSet):
    person = django_filters.CharFilter(label="Username or e-mail address", method="filter_person")

    def filter_person(self, queryset, name, value):
        return queryset.filter(self.person_matches(value.strip()))


class SignInFilter(AuditFilter):
    since = DayFilter(label="On or after", field_name="at", lookup_expr="date__gte")
    until = DayFilter(label="On or before", field_name="at", lookup_expr="date__lte")
    outcome = django_filters.ChoiceFilter(
        label="Outcome", choices=SignInEvent.Outcome.choices, empty_label="Any"
    )
    method = django_filters.ChoiceFilter(
        label="Way in", choices=SignInEvent.Method.choices, empty_label="Either"
    )

    class Meta:
        model = SignInEvent
        fields = []

    def person_matches(self, value):
        # Failures for a name without an account are matched by what was typed.
        return (
            Q(username__iexact=value)
            | Q(user__username__iexact=value)
            | Q(user__email__iexact=value)
        )


class RoleChangeFilter(AuditFilter):
    since = DayFilter(label="On or after", field_name="history_date", lookup_expr="date__gte")
    until = DayFilter(label="On or before", field_name="history_date", lookup_expr="date__lte")
    change = django_filters.ChoiceFilter(
        label="Change",
        field_name="history_type",
        choices=list(CHANGES.items()),
        empty_label="Any",
    )

    class Meta:
        model = Membership.history.model
        fields = []

    def person_matches(self, value):
        """The person whose role it is, or the person who changed it."""
        return (
            Q(user__username__iexact=value)
            | Q(user__email__iexact=value)
            | Q(history_user__username__iexact=value)
            | Q(history_user__email__iexact=value)
        )


class SignInTable(Table):
    at = WhenColumn("When", orderable=False)
    user = tables.Column("Who", empty_values=(), orderable=False)
    method = tables.Column("Way in", orderable=False)
    outcome = tables.Column("Outcome", orderable=False)
    reason = tables.Column("Why it failed", default="", orderable=False)
    ip_address = tables.Column("Address", default="", orderable=False)

    empty_text = "No sign-ins match these filters."

    class Meta(Table.Meta):
        pass

    def render_user(self, record):
        return person(record.user, record.username or "Not known")

    def render_outcome(self, record):
        colour = {"signed_in": "green", "failed": "orange", "locked_out": "red"}[record.outcome]
        return format_html(
            '<strong class="govuk-tag govuk-tag--{}">{}</strong>',
            colour,
            record.get_outcome_display(),
        )


class RoleChangeTable(Table):
    history_date = WhenColumn("When", orderable=False)
    history_type = tables.Column("Change", orderable=False)
    user = tables.Column("Whose role", empty_values=(), orderable=False)
    role = tables.Column("Role", orderable=False)
    scope = tables.Column("For", empty_values=(), orderable=False)
    history_user = tables.Column("By", empty_values=(), orderable=False)

    empty_text = "No role changes match these filters."

    class Meta(Table.Meta):
        pass

    def render_history_type(self, record):
        return CHANGES[record.history_type]

    def render_user(self, record):
        return person(record.user, "An account since deleted")

    def render_role(self, record):
        return record.get_role_display()

    def render_scope(self, record):
        scope = record.council or record.review or record.region
        return getattr(scope, "title", None) or str(scope or "")

    def render_history_user(self, record):
        # Changes made outside a request (the demo loader, a shell) have nobody to name.
        return person(record.history_user, "The system")


def audit_page(request, *, filters, table, what, template):
    require_site_admin(request.user, ONLY_ADMINS)
    table = table(filters.qs if filters.is_valid() else filters.queryset.none())
    configure(table, request)
    count = table.paginator.count
    table.caption = f"{count} {what}{pluralize(count)}"
    return render(request, template, {"filter": filters, "table": table})


def sign_ins(request):
    events = SignInEvent.objects.visible_to(request.user).select_related("user")
    return audit_page(
        request,
        filters=SignInFilter(request.GET, queryset=events, request=request),
        table=SignInTable,
        what="sign-in attempt",
        template="audit/sign_ins.html",
    )


def role_changes(request):
    changes = Membership.history.select_related(
        "user", "history_user", "council", "review", "region"
    ).order_by("-history_date", "-history_id")
    return audit_page(
        request,
        filters=RoleChangeFilter(request.GET, queryset=changes, request=request),
        table=RoleChangeTable,
        what="role change",
        template="audit/role_changes.html",
    )
