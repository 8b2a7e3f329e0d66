from django.apps import AppConfig


class SliConfig(AppConfig):
    name = "sli"
    verbose_name = "Sector-led improvement manager"

    def ready(self):
        # Imported here: the audit imports models, which are not ready when apps are listed.
        from sli.audit import listen

        listen()
