from django.apps import AppConfig


class ImprovementPlansConfig(AppConfig):
    name = "improvement_plans"
    verbose_name = "Improvement plans"
