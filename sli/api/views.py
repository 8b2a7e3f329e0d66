"""The read API: every endpoint lists what the caller's pages list, through the same
``visible_to(user)`` querysets, so a token opens nothing its person could not open."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import viewsets

from councils.models import Council
from improvement_plans.action_list import listed_actions
from improvement_plans.models import ImprovementPlan, ProgressUpdate
from reviews.models import Review
from sli.api import filters, serializers
from sli.pages.recommendations import listed_recommendations

ERRORS = {
    401: OpenApiResponse(serializers.ErrorSerializer, description="No token, or not a live one."),
    404: OpenApiResponse(
        serializers.ErrorSerializer, description="Not found, or not yours to see."
    ),
}
LIST_ERRORS = {
    **ERRORS,
    400: OpenApiResponse(OpenApiTypes.OBJECT, description="A filter's value is not valid."),
}


SLUG = "[-a-zA-Z0-9_]+"


def documented(serializer, parameters=()):
    return extend_schema_view(
        list=extend_schema(responses={200: serializer(many=True), **LIST_ERRORS}),
        retrieve=extend_schema(responses={200: serializer, **ERRORS}, parameters=parameters),
    )


class ScopedViewSet(viewsets.ReadOnlyModelViewSet):
    """Read-only, scoped to the token's person."""

    @classmethod
    def as_view(cls, actions=None, **initkwargs):
        # API callers sign in with a token on each request, not with the session: the API
        # answers 401 itself rather than sending them to the sign-in page.
        return login_not_required(super().as_view(actions, **initkwargs))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Each answer is one person's: no shared cache may keep it.
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["Authorization"])
        return response

    def get_serializer_context(self):
        return super().get_serializer_context() | {"today": timezone.localdate()}


@documented(
    serializers.CouncilSerializer,
    [OpenApiParameter("slug", str, OpenApiParameter.PATH, required=True, pattern=f"^{SLUG}$")],
)
class CouncilViewSet(ScopedViewSet):
    """Councils: those you belong to, those of the regions you lead, hosts of your reviews."""

    serializer_class = serializers.CouncilSerializer
    filterset_class = filters.CouncilApiFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG

    def get_queryset(self):
        return Council.objects.visible_to(self.request.user).select_related("region")


@documented(serializers.ReviewSerializer)
class ReviewViewSet(ScopedViewSet):
    """Peer challenges, inspections and other reviews (their dates and stage)."""

    serializer_class = serializers.ReviewSerializer
    filterset_class = filters.ReviewApiFilter

    def get_queryset(self):
        return Review.objects.visible_to(self.request.user).select_related("host_council")


@documented(serializers.RecommendationSerializer)
class RecommendationViewSet(ScopedViewSet):
    """Numbered recommendations with how far the plans have put each into effect; a draft
    letter's only for those who may read the draft."""

    serializer_class = serializers.RecommendationSerializer
    filterset_class = filters.RecommendationApiFilter

    def get_queryset(self):
        return listed_recommendations(self.request.user)


@documented(serializers.PlanSerializer)
class PlanViewSet(ScopedViewSet):
    """Improvement plans, with counts of their actions."""

    serializer_class = serializers.PlanSerializer
    filterset_class = filters.PlanApiFilter

    def get_queryset(self):
        user = self.request.user
        return (
            ImprovementPlan.objects.visible_to(user)
            .select_related("council")
            .with_action_summary()
            .prefetch_related(
                Prefetch(
                    "reviews",
                    queryset=Review.objects.visible_to(user).only("pk"),
                    to_attr="visible_reviews",
                )
            )
            .order_by("council__name", "-version_date", "title", "pk")
        )


@documented(serializers.ActionSerializer)
class ActionViewSet(ScopedViewSet):
    """Actions with their status, the council's RAG rating and what the dates say."""

    serializer_class = serializers.ActionSerializer
    filterset_class = filters.ActionApiFilter

    def get_queryset(self):
        return listed_actions(self.request.user).select_related("area")


@documented(serializers.ProgressUpdateSerializer)
class ProgressUpdateViewSet(ScopedViewSet):
    """Progress reported on actions, newest first within each action."""

    serializer_class = serializers.ProgressUpdateSerializer
    filterset_class = filters.ProgressUpdateApiFilter

    def get_queryset(self):
        return ProgressUpdate.objects.visible_to(self.request.user).select_related("action__plan")


ENDPOINTS = [
    ("councils", CouncilViewSet, "council", "slug"),
    ("reviews", ReviewViewSet, "review", "id"),
    ("recommendations", RecommendationViewSet, "recommendation", "id"),
    ("plans", PlanViewSet, "plan", "id"),
    ("actions", ActionViewSet, "action", "id"),
    ("progress-updates", ProgressUpdateViewSet, "progress-update", "id"),
]


@login_not_required
def documentation(request):
    """A page for people: each endpoint, what it lists and its filters (the schema says the
    rest)."""
    endpoints = [
        {
            "path": reverse(f"api:{basename}-list"),
            "lookup": lookup,
            "description": viewset.__doc__.strip(),
            "filters": list(viewset.filterset_class.base_filters),
        }
        for _, viewset, basename, lookup in ENDPOINTS
    ]
    return render(
        request,
        "api/documentation.html",
        {"endpoints": endpoints, "requests_per_hour": settings.API_REQUESTS_PER_HOUR},
    )
