from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.db.models import Count
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from councils.access import is_site_admin
from councils.models import Region
from improvement_plans.councils_seen import council_ids_seen_by
from improvement_plans.models import ImprovementPlan
from reviews.models import Review
from sli.home import home_sections
from sli.lib.page_cache import render_with_part


def home(request):
    return render_with_part(
        request,
        "home.html",
        {},
        "includes/home/content.html",
        lambda: _home_context(request),
        councils=council_ids_seen_by(request.user),
    )


def _home_context(request):
    regions = Region.objects.visible_to(request.user).annotate(council_count=Count("councils"))
    recent_reviews = (
        Review.objects.visible_to(request.user)
        .select_related("host_council")
        .order_by("-visit_start")[:10]
    )
    context = {
        "regions": regions,
        "recent_reviews": recent_reviews,
        "can_read_audit": is_site_admin(request.user),
        # Whom someone without a role can ask (read only when the page says so).
        "administrators": get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .order_by("last_name", "first_name", "username")[:3],
    }
    return context | home_sections(request.user)


@login_not_required
def accessibility(request):
    return render(request, "accessibility.html")


@login_not_required
def public_index(request):
    reviews = (
        Review.objects.published()
        .select_related("host_council")
        .order_by("host_council__name", "-letter_date")
    )
    plans = ImprovementPlan.objects.published().select_related("council")
    return render(request, "public/index.html", {"reviews": reviews, "plans": plans})


def permission_denied(request, exception):
    """The 403 page: why, in plain words, who to ask and the way back.

    The code refuses with a sentence meant for people (``require`` says "You can see this but
    not change it."); a refusal without one gets a general reason.
    """
    return render(
        request,
        "403.html",
        {"reason": str(exception), "back_url": previous_page(request)},
        status=403,
    )


def csrf_failure(request, reason=""):
    """A form sent with a missing or stale security token: usually a page left open too long.

    ``reason`` is for developers and is already logged by the CSRF middleware; people are told
    what to do instead.
    """
    return render(request, "403_csrf.html", {"back_url": previous_page(request)}, status=403)


def previous_page(request):
    """The page the person came from, if it is on this site and is not this refusal again.

    Only a path is returned, so a forged Referer cannot turn the link into one to another site.
    Forms post to their own address, so after a POST that address leads back to the form;
    after a GET it would only be refused again.
    """
    referrer = request.headers.get("referer", "")
    if not url_has_allowed_host_and_scheme(
        referrer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    parts = urlsplit(referrer)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if request.method == "GET" and path == request.get_full_path():
        return None
    # A path like //elsewhere.example or /\\elsewhere.example would leave the site again.
    return path if url_has_allowed_host_and_scheme(path, None) else None
