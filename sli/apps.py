from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.backends.signals import connection_created

from sli.lib import change_stamp


class SliConfig(AppConfig):
    name = "sli"
    verbose_name = "Sector-led improvement manager"

    def ready(self):
        # Imported here: the audit imports models, which are not ready when apps are listed.
        from sli.audit import listen

        # Imported here: the two-factor step reads models too.
        from sli.two_factor.state import start_second_step

        listen()

        # Imported here: the page reads models. The worker makes its long downloads with it.
        from sli.pages.recommendations import let_the_worker_make_long_downloads

        let_the_worker_make_long_downloads()

        user_logged_in.connect(start_second_step, dispatch_uid="sli-second-step")
        # Every write moves the stamp that cached fragments are keyed on.
        connection_created.connect(change_stamp.install, dispatch_uid="sli-change-stamp")
        change_stamp.install()
