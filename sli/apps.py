from django.apps import AppConfig


class SliConfig(AppConfig):
    name = "sli"
    verbose_name = "Sector-led improvement manager"
