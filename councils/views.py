from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from councils.access import require, visible_or_404
from councils.forms import AddPersonForm
from councils.models import Council, Membership
from councils.services import InvitationNotSent, add_person

INVITATION_NOT_SENT = (
    " We could not send their invitation email: ask them to choose “Forgotten your password?” "
    "on the sign-in page and enter this email address."
)


def people(request, slug):
    council = visible_or_404(Council.objects, request.user, slug=slug)
    require(Council.objects.people_visible_to(request.user), council)
    if request.method == "POST":
        require(Council.objects.invitable_by(request.user), council)
    roles = council.roles_invitable_by(request.user)
    form = AddPersonForm(request.POST or None, council=council, roles=roles) if roles else None
    if request.method == "POST" and form.is_valid():
        invited = form.cleaned_data["user"] is None
        try:
            membership = add_person(
                council=council, by=request.user, request=request, **form.cleaned_data
            )
        except InvitationNotSent as unsent:
            membership, outcome = unsent.membership, INVITATION_NOT_SENT
        else:
            outcome = " They have been sent an invitation by email." if invited else ""
        messages.success(
            request,
            f"{membership.user.get_full_name() or membership.user.email} is now a "
            f"{membership.get_role_display().lower()} for {council}." + outcome,
        )
        return redirect("councils:people", slug=council.slug)
    memberships = Membership.objects.visible_to(request.user).filter(council=council)
    context = {
        "council": council,
        "memberships": memberships.select_related("user"),
        "form": form,
        "can_remove": Council.objects.for_editor(request.user).filter(pk=council.pk).exists(),
    }
    return render(request, "councils/people.html", context)


@require_POST
def remove_person(request, slug, pk):
    council = visible_or_404(Council.objects, request.user, slug=slug)
    require(Council.objects.for_editor(request.user), council)
    membership = get_object_or_404(
        Membership.objects.editable_by(request.user).select_related("user"),
        council=council,
        pk=pk,
    )
    editors = Membership.objects.filter(council=council, role=Membership.Role.COUNCIL_EDITOR)
    if membership.role == Membership.Role.COUNCIL_EDITOR and editors.count() == 1:
        messages.error(request, f"{council} needs at least one editor: add another first.")
    else:
        membership.delete()
        messages.success(
            request,
            f"{membership.user.get_full_name() or membership.user.get_username()} is no "
            f"longer a {membership.get_role_display().lower()} for {council}.",
        )
    return redirect("councils:people", slug=council.slug)
