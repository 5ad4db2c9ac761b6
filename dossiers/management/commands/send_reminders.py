"""E-mail the deadlines due within 7 days and within 1 day (cron, hourly).

Idempotent and safe with several processes: each reminder is a ``ReminderSent``
row under a unique constraint, created in the same transaction as the e-mail is
sent; a concurrent run that loses the race gets an IntegrityError and skips it.
If sending fails, the transaction rolls back and the next run retries.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandParser
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.models import User
from dossiers import access
from dossiers.assessment import assess_dossier
from dossiers.models import Dossier, ReminderSent

WINDOWS = (1, 7)
"""Days before a deadline when a reminder goes out (the tightest one wins)."""


@dataclass(frozen=True)
class Due:
    dossier: Dossier
    code: str
    due: dt.date
    window: int

    def key(self, user: User) -> dict[str, Any]:
        return {
            "user": user,
            "dossier": self.dossier,
            "code": self.code,
            "due": self.due,
            "window": self.window,
        }


def window_for(due: dt.date, today: dt.date) -> int | None:
    """The smallest reminder window containing ``due`` (None when none does)."""
    days = (due - today).days
    return next((w for w in WINDOWS if 0 <= days <= w), None)


def dues_for(user: User, today: dt.date) -> Iterator[Due]:
    dossiers = access.dossiers_for_owner(user)
    for dossier in dossiers:
        for deadline in assess_dossier(dossier, today=today).deadlines:
            window = window_for(deadline.due, today)
            if window is not None and not deadline.overdue:
                yield Due(dossier, deadline.code, deadline.due, window)


class Command(BaseCommand):
    help = "E-mail the deadlines due within 7 days and 1 day to users who opted in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what would be sent; send and record nothing.",
        )

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        today = timezone.localdate()
        users = User.objects.filter(reminders_opt_in=True, is_active=True)
        sent = 0
        for user in users.exclude(email="").iterator():
            dues = list(dues_for(user, today))
            if dry_run:
                pending = [d for d in dues if not _already_sent(d, user)]
                for due in pending:
                    self.stdout.write(
                        f"[dry-run] {user.email}: dossier {due.dossier.pk} "
                        f"{due.code} {due.due:%Y-%m-%d} (J-{due.window})"
                    )
                continue
            sent += self.remind(user, dues, today)
        if not dry_run:
            self.stdout.write(f"{sent} e-mail(s) de rappel envoyé(s).")

    def remind(self, user: User, dues: list[Due], today: dt.date) -> int:
        """Record then send one e-mail for the user's new reminders."""
        if not dues:
            return 0
        with transaction.atomic():
            fresh = [due for due in dues if _claim(due, user)]
            if not fresh:
                return 0
            _send(user, fresh, today)
        return 1


def _already_sent(due: Due, user: User) -> bool:
    return ReminderSent.objects.filter(**due.key(user)).exists()


def _claim(due: Due, user: User) -> bool:
    """Create the reminder row; False if this or another run already did."""
    try:
        with transaction.atomic():
            _, created = ReminderSent.objects.get_or_create(**due.key(user))
    except IntegrityError:
        return False
    return created


def _send(user: User, dues: list[Due], today: dt.date) -> None:
    items = [
        {
            "due": due.due,
            "days": (due.due - today).days,
            "link": settings.SITE_URL + due.dossier.get_absolute_url(),
        }
        for due in sorted(dues, key=lambda d: d.due)
    ]
    context = {"items": items, "site_url": settings.SITE_URL}
    send_mail(
        render_to_string("emails/reminder_subject.txt", context).strip(),
        render_to_string("emails/reminder_body.txt", context),
        None,
        [user.email],
    )
