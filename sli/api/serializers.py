"""What each API record holds: the fields the pages show, with stable identifiers (a council by
its slug, everything else by its number) and a link to the record's page."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from councils.models import Council
from improvement_plans.models import Action, ImprovementPlan, ProgressUpdate, Rag
from recommendations.models import ImplementationState, Recommendation
from reviews.models import Review


@extend_schema_field(OpenApiTypes.URI)
class PageUrlField(serializers.Field):
    """The absolute address of the record's page on the site."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


class CouncilSerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    region_name = serializers.CharField(source="region.name", read_only=True)
    page_url = PageUrlField()

    class Meta:
        model = Council
        fields = ["slug", "name", "kind", "region", "region_name", "page_url"]


class ReviewSerializer(serializers.ModelSerializer):
    council = serializers.SlugRelatedField(source="host_council", slug_field="slug", read_only=True)
    page_url = PageUrlField()

    class Meta:
        model = Review
        fields = [
            "id",
            "council",
            "kind",
            "title",
            "status",
            "visit_start",
            "visit_end",
            "letter_date",
            "progress_review_date",
            "issued_at",
            "published_at",
            "page_url",
        ]


class RecommendationSerializer(serializers.ModelSerializer):
    council = serializers.SlugRelatedField(
        source="review.host_council", slug_field="slug", read_only=True
    )
    label = serializers.CharField(read_only=True, help_text="The number people use: “16(ii)”.")
    implementation_state = serializers.ChoiceField(
        choices=ImplementationState.choices,
        read_only=True,
        help_text="How far the plans' actions have put it into effect.",
    )
    action_count = serializers.IntegerField(read_only=True, help_text="Live actions answering it.")
    completed_action_count = serializers.IntegerField(read_only=True)
    overdue_action_count = serializers.IntegerField(read_only=True)
    page_url = PageUrlField()

    class Meta:
        model = Recommendation
        fields = [
            "id",
            "review",
            "council",
            "label",
            "number",
            "parent",
            "text",
            "page_reference",
            "response",
            "response_reason",
            "exempt",
            "implementation_state",
            "action_count",
            "completed_action_count",
            "overdue_action_count",
            "page_url",
        ]


class PlanSerializer(serializers.ModelSerializer):
    council = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    reviews = serializers.SerializerMethodField(help_text="The reviews it answers.")
    action_count = serializers.IntegerField(read_only=True)
    completed_action_count = serializers.IntegerField(read_only=True)
    overdue_action_count = serializers.IntegerField(read_only=True)
    page_url = PageUrlField()

    class Meta:
        model = ImprovementPlan
        fields = [
            "id",
            "council",
            "title",
            "version_date",
            "status",
            "published_at",
            "reviews",
            "action_count",
            "completed_action_count",
            "overdue_action_count",
            "page_url",
        ]

    def get_reviews(self, plan) -> list[int]:
        return [review.pk for review in plan.visible_reviews]


class ActionSerializer(serializers.ModelSerializer):
    council = serializers.SlugRelatedField(source="plan.council", slug_field="slug", read_only=True)
    area = serializers.IntegerField(
        source="area.number", read_only=True, allow_null=True, help_text="Improvement area number."
    )
    recommendations = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    recommendation_labels = serializers.SerializerMethodField()
    owner = serializers.SerializerMethodField()
    derived_rag = serializers.SerializerMethodField(
        help_text="What the dates say: percent complete against the time elapsed."
    )
    is_overdue = serializers.BooleanField(source="is_overdue_flag", read_only=True)
    has_missed_milestone = serializers.BooleanField(read_only=True)
    is_rag_contradicted = serializers.BooleanField(
        read_only=True, help_text="Rated green by the council while overdue or a milestone missed."
    )
    latest_update_date = serializers.DateField(read_only=True, allow_null=True)
    page_url = PageUrlField()

    class Meta:
        model = Action
        fields = [
            "id",
            "plan",
            "council",
            "number",
            "title",
            "area",
            "recommendations",
            "recommendation_labels",
            "how",
            "expected_evidence",
            "owner",
            "measure_description",
            "measure_baseline",
            "measure_target",
            "measure_unit",
            "start_date",
            "due_date",
            "original_due_date",
            "status",
            "rag",
            "derived_rag",
            "percent_complete",
            "is_overdue",
            "has_missed_milestone",
            "is_rag_contradicted",
            "exempt",
            "verified_at",
            "latest_update_date",
            "page_url",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_recommendation_labels(self, action):
        return [recommendation.label for recommendation in action.recommendations.all()]

    def get_owner(self, action) -> str:
        if action.owner_name:
            return action.owner_name
        user = action.owner_user
        return (user.get_full_name() or user.get_username()) if user else ""

    @extend_schema_field(serializers.ChoiceField(choices=[*Rag.choices, ("", "None")]))
    def get_derived_rag(self, action):
        return action.derived_rag(self.context["today"])


class ProgressUpdateSerializer(serializers.ModelSerializer):
    plan = serializers.IntegerField(source="action.plan_id", read_only=True)
    page_url = PageUrlField()

    class Meta:
        model = ProgressUpdate
        fields = [
            "id",
            "action",
            "plan",
            "date",
            "status",
            "rag",
            "percent_complete",
            "narrative",
            "measure_reading",
            "completion_evidence",
            "created_at",
            "page_url",
        ]


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
