"""Create the demo accounts and dossiers (idempotent)."""

import os
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from intrum_assistant import demo


class Command(BaseCommand):
    help = "Create or refresh the demo accounts and dossiers, and print the logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (the demo passwords are public).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG is off: demo accounts have public passwords. "
                "Use --force if you really want them here."
            )
        password = os.environ.get("DEMO_PASSWORD") or settings.DEMO_DEFAULT_PASSWORD
        accounts = demo.seed(password)
        self.stdout.write(self.style.SUCCESS("Demo data ready. Logins:"))
        for account in accounts:
            self.stdout.write(f"  {account.email:<28} {account.role}")
        shown = "(from DEMO_PASSWORD)" if os.environ.get("DEMO_PASSWORD") else password
        self.stdout.write(f"  password for every account: {shown}")
