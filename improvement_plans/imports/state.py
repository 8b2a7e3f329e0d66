"""What is in the plan now, read once for an import."""

from django.db.models import OuterRef, Prefetch, Subquery

from improvement_plans.models import Action, ImprovementArea, Milestone, ProgressUpdate
from recommendations.models import Recommendation


class PlanState:
    """The plan's areas, actions (with recommendations, milestones and latest update) and the
    recommendations its reviews make, in a fixed number of queries."""

    def __init__(self, plan):
        latest = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by(
            "-date", "-created_at", "-pk"
        )
        actions = (
            Action.objects.filter(plan=plan)
            .select_related("area")
            .prefetch_related(
                Prefetch("recommendations", queryset=Recommendation.objects.only("pk")),
                Prefetch("milestones", queryset=Milestone.objects.order_by("due_date", "pk")),
            )
            .annotate(
                latest_narrative=Subquery(latest.values("narrative")[:1]),
                latest_update_date=Subquery(latest.values("date")[:1]),
            )
        )
        self.actions = {action.number: action for action in actions}
        self.areas = {area.number: area for area in ImprovementArea.objects.filter(plan=plan)}
        self.area_answering = {}  # recommendation id → number of the area that answers it
        links = ImprovementArea.recommendations.through.objects.filter(
            improvementarea__plan=plan
        ).order_by("improvementarea__number")
        for recommendation_id, number in links.values_list(
            "recommendation_id", "improvementarea__number"
        ):
            self.area_answering.setdefault(recommendation_id, number)
        self.recommendations = {}
        self.top_level_numbers = set()
        self.has_sub_items = False
        self.texts = {}  # recommendation id → its wording
        self.parents = {}  # sub-item id → its recommendation's id
        self.with_sub_items = set()  # labels of recommendations that have sub-items
        candidates = Recommendation.objects.filter(review__in=plan.reviews.all()).select_related(
            "parent"
        )
        for recommendation in candidates:
            self.recommendations.setdefault(recommendation.label.lower(), []).append(
                recommendation.pk
            )
            self.texts[recommendation.pk] = recommendation.text
            if recommendation.parent_id:
                self.has_sub_items = True
                self.parents[recommendation.pk] = recommendation.parent_id
                self.with_sub_items.add(str(recommendation.parent.number))
            else:
                self.top_level_numbers.add(recommendation.number)
        self.labels = {pk: label for label, pks in self.recommendations.items() for pk in pks}

    def area_for(self, recommendation_id, answering=None):
        """The number of the improvement area answering a recommendation, or its parent's."""
        answering = self.area_answering if answering is None else answering
        for pk in (recommendation_id, self.parents.get(recommendation_id)):
            if pk in answering:
                return answering[pk]
        return None

    def numbers_hint(self):
        numbers = sorted(self.top_level_numbers)
        ranges = []
        for number in numbers:
            if ranges and number == ranges[-1][1] + 1:
                ranges[-1][1] = number
            else:
                ranges.append([number, number])
        text = ", ".join(
            str(first) if first == last else f"{first}–{last}" for first, last in ranges
        )
        if self.has_sub_items:
            text += " (or a sub-item such as 16(ii))"
        return text
