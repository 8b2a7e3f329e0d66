"""The task worker, for real, in a test: ``manage.py db_worker --batch`` runs every task queued
in the database, then returns."""

import signal
from io import StringIO

from django.core.management import call_command


def run_worker():
    """Run every queued task, then return, leaving the test process's signal handlers as they
    were (the worker sets its own, to stop gracefully)."""
    signals = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)
    handlers = {sig: signal.getsignal(sig) for sig in signals}
    try:
        call_command(
            "db_worker",
            "--batch",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0",
            verbosity=0,
            stdout=StringIO(),
        )
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
