from django.apps import AppConfig

from sli.lib.storage import files_go_with_their_records


class ImprovementPlansConfig(AppConfig):
    name = "improvement_plans"
    verbose_name = "Improvement plans"

    def ready(self):
        files_go_with_their_records(self.get_model("Evidence"), self.get_model("EvidenceItem"))
