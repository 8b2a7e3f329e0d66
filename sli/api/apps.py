from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "sli.api"
    label = "api"
    verbose_name = "API"
