from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in


class SliConfig(AppConfig):
    name = "sli"
    verbose_name = "Sector-led improvement manager"

    def ready(self):
        # Imported here: the module reads models, which are not loaded when this one is.
        from sli.two_factor.state import start_second_step

        user_logged_in.connect(start_second_step, dispatch_uid="sli-second-step")
