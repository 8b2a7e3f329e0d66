from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from sli.lib.qr import qr_data_url
from sli.two_factor import state
from sli.two_factor.forms import CodeForm, SetUpForm

NEW_CODES = "new_recovery_codes"
NEXT = "two_factor_next"


def next_page(request):
    """Where the person was going when the code was asked for (a page of this site only)."""
    target = request.GET.get("next") or request.session.get(NEXT, "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def code(request):
    if not state.is_pending(request):
        return redirect(next_page(request))
    if not state.has_two_factor(request.user):
        return redirect("two_factor_setup")
    form = CodeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        target = next_page(request)
        state.complete(request, form.device)
        if form.used_recovery_code:
            left = state.recovery_codes_left(request.user)
            messages.warning(
                request,
                f"You used a recovery code: it will not work again. You have {left} left. "
                "Get new ones from your account if you are running out.",
            )
        return redirect(target)
    return render(request, "two_factor/code.html", {"form": form})


def set_up(request):
    pending = state.is_pending(request)
    if state.has_two_factor(request.user):
        # Someone who has given only a password may not add a second authenticator.
        return redirect("two_factor_code" if pending else "two_factor")
    if pending and "next" in request.GET:
        request.session[NEXT] = next_page(request)
    device = state.unconfirmed_authenticator(request.user)
    form = SetUpForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        request.session[NEW_CODES] = state.enrol(request, device)
        return redirect("two_factor_recovery_codes")
    context = {
        "form": form,
        "pending": pending,
        "required": state.is_required(request.user),
        "qr_code": qr_data_url(device.config_url),
        "key": device_key(device),
    }
    return render(request, "two_factor/set_up.html", context)


def device_key(device):
    """The secret as an app asks for it when typed: base32, in groups of four."""
    key = device.config_url.split("secret=")[1].split("&")[0]
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def recovery_codes(request):
    user = request.user
    if request.method == "POST" and state.has_two_factor(user):
        request.session[NEW_CODES] = state.make_recovery_codes(user)
        return redirect("two_factor_recovery_codes")
    context = {
        # Shown once: taken out of the session as they are shown.
        "codes": request.session.pop(NEW_CODES, None),
        "has_two_factor": state.has_two_factor(user),
        "left": state.recovery_codes_left(user),
        "next": request.session.pop(NEXT, None) or resolve_url(settings.LOGIN_REDIRECT_URL),
    }
    return render(request, "two_factor/recovery_codes.html", context)


def overview(request):
    user = request.user
    context = {
        "authenticator": state.authenticator(user),
        "required": state.is_required(user),
        "left": state.recovery_codes_left(user),
    }
    return render(request, "two_factor/overview.html", context)


@require_POST
def turn_off(request):
    if state.is_required(request.user):
        messages.error(
            request,
            "Site administrators and regional leads must use two-factor authentication: it "
            "cannot be turned off.",
        )
    else:
        state.turn_off(request.user)
        messages.success(request, "Two-factor authentication is off.")
    return redirect("two_factor")
