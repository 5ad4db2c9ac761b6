"""Activity figures of one association over a period, for coordinators.

What is counted (dates inclusive, in the site's time zone):

- *dossiers partagés*: consents given to the association during the period;
- *dossiers consultés*: distinct dossiers opened by its members (access log);
- *dossiers clos*: dossiers shared with it whose review (its own, one per
  association) went to « clos » during the period (last change of the review);
- *montant réclamé*: sum of the amounts claimed in the dossiers shared during
  the period;
- *montant contesté*: for those same dossiers, the whole claim when the
  limitation estimate says "prescrite ou forclose", otherwise the collection
  fees lines (kind « frais ») the debtor entered — a deliberately simple,
  explainable figure, not the sum of every finding;
- *lettres envoyées*: letters marked as sent during the period, when the
  letters app is installed;
- *suivi*: current review status of the dossiers actively shared with it.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db.models import Count, QuerySet
from django.utils import timezone

from dossiers.answers import Montants
from dossiers.models import Dossier

from .models import AccessLog, Association, Review, Share


@dataclass(frozen=True)
class Activity:
    association: Association
    start: dt.date
    end: dt.date
    shared: int
    opened: int
    closed: int
    claimed: Decimal
    contested: Decimal
    letters_sent: int | None
    by_status: tuple[tuple[str, int], ...]

    def rows(self) -> list[tuple[str, str]]:
        """(French label, value) pairs, for the page and the CSV alike."""
        rows = [
            ("Association", self.association.name),
            ("Du", self.start.isoformat()),
            ("Au", self.end.isoformat()),
            ("Dossiers partagés", str(self.shared)),
            ("Dossiers consultés", str(self.opened)),
            ("Dossiers clos", str(self.closed)),
            ("Montant réclamé (€)", f"{self.claimed:.2f}".replace(".", ",")),
            ("Montant contesté (€)", f"{self.contested:.2f}".replace(".", ",")),
        ]
        if self.letters_sent is not None:
            rows.append(("Lettres envoyées", str(self.letters_sent)))
        rows += [(f"Suivi : {label}", str(n)) for label, n in self.by_status]
        return rows


def bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Aware datetimes [start 00:00, end + 1 day 00:00) in the current zone."""
    zone = timezone.get_current_timezone()
    first = dt.datetime.combine(start, dt.time.min, tzinfo=zone)
    last = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return first, last


def activity(association: Association, start: dt.date, end: dt.date) -> Activity:
    """The figures of ``association`` from ``start`` to ``end`` (inclusive)."""
    since, until = bounds(start, end)
    period_shares = Share.objects.filter(
        association=association, consented_at__gte=since, consented_at__lt=until
    )
    ever = Dossier.objects.filter(shares__association=association).values("pk")
    dossiers = list(
        Dossier.objects.filter(pk__in=period_shares.values("dossier")).only(
            "total_claimed", "limitation_status", "answers"
        )
    )
    return Activity(
        association=association,
        start=start,
        end=end,
        shared=period_shares.count(),
        opened=_opened(association, since, until),
        closed=Review.objects.filter(
            association=association,
            dossier__in=ever,
            status=Review.Status.CLOSED,
            updated_at__gte=since,
            updated_at__lt=until,
        ).count(),
        claimed=sum((d.total_claimed or Decimal(0) for d in dossiers), Decimal(0)),
        contested=sum((contested_amount(d) for d in dossiers), Decimal(0)),
        letters_sent=_letters_sent(ever, start, end),
        by_status=_by_status(association),
    )


def _opened(association: Association, since: dt.datetime, until: dt.datetime) -> int:
    logs = AccessLog.objects.filter(
        user__memberships__association=association,
        dossier__shares__association=association,
        opened_at__gte=since,
        opened_at__lt=until,
    )
    return logs.values("dossier").distinct().count()


def contested_amount(dossier: Dossier) -> Decimal:
    """The whole claim if barred, else the fees lines (see the module doc)."""
    if dossier.limitation_status == "barred":
        return dossier.total_claimed or Decimal(0)
    lines = dossier.answers.get(Montants).lines
    return sum((row.amount for row in lines if row.kind == "fees"), Decimal(0))


def _letters_sent(dossiers: QuerySet[Any], start: dt.date, end: dt.date) -> int | None:
    if not apps.is_installed("letters"):
        return None
    try:
        letter = apps.get_model("letters", "Letter")
    except LookupError:
        return None
    return letter.objects.filter(
        dossier__in=dossiers, sent_on__gte=start, sent_on__lte=end
    ).count()


def _by_status(association: Association) -> tuple[tuple[str, int], ...]:
    active = Share.objects.filter(association=association, revoked_at=None)
    counts = dict(
        Review.objects.filter(
            association=association, dossier__in=active.values("dossier")
        )
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return tuple(
        (label, counts.get(value, 0)) for value, label in Review.Status.choices
    )
