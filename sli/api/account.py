"""The account page: a way to the password change, and the person's API tokens (made, shown
once, revoked)."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from councils.access import require, visible_or_404
from sli.api.models import ApiToken


class NewTokenForm(forms.Form):
    name = forms.CharField(
        label="What is the token for?",
        max_length=100,
        help_text="For example, “Power BI performance report”. Only you see it.",
        error_messages={"required": "Enter what the token is for"},
    )


def account_page(request, form=None, status=200):
    tokens = ApiToken.objects.filter(user=request.user)
    context = {"tokens": tokens, "form": form or NewTokenForm()}
    return render(request, "api/account.html", context, status=status)


def account(request):
    return account_page(request)


@require_POST
@never_cache  # the token is shown once: no cache may keep the page that shows it
def new_token(request):
    form = NewTokenForm(request.POST)
    if not form.is_valid():
        return account_page(request, form)
    record, token = ApiToken.create_for(user=request.user, name=form.cleaned_data["name"])
    return render(request, "api/token_created.html", {"record": record, "token": token})


@require_POST
def revoke_token(request, pk):
    token = visible_or_404(ApiToken.objects, request.user, pk=pk)
    require(ApiToken.objects.editable_by(request.user), token)
    token.delete()
    messages.success(request, f"The token “{token.name}” is revoked: it no longer works.")
    return redirect("account")
