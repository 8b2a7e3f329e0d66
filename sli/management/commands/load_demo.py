from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sli.tooling.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo data: the North West and West Midlands councils, Sefton's 2009 CQC "
        "inspection and improvement plan, Walsall's 2015 peer challenge, and a user per role. "
        "Safe to run again: it changes nothing the second time."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load even though DEBUG is off (the demo users have a published password).",
        )

    def handle(self, *args, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "DEBUG is off, so this looks like a live site: the demo users share a published "
                "password. Use --allow-production to load them anyway."
            )
        users = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"Sign in with any of these users; the password is {DEMO_PASSWORD!r}:")
        width = max(len(username) for username, _ in users)
        for username, description in users:
            self.stdout.write(f"  {username.ljust(width)}  {description}")
