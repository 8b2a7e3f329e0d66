from django.apps import AppConfig

from sli.lib.storage import files_go_with_their_records


class CouncilsConfig(AppConfig):
    name = "councils"
    verbose_name = "Regions and councils"

    def ready(self):
        files_go_with_their_records(self.get_model("Council"))
