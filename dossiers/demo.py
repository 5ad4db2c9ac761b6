"""Demo accounts and dossiers for `manage.py seed_demo` (idempotent).

Sophie's dossier is filled through the real step forms, exactly as the wizard
would: an Intrum-style letter for a consumer credit whose forclusion is
acquired, collection fees claimed and two R124-4 mentions missing.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from accounts.models import User

from . import services
from .models import Dossier, TimelineDirection, TimelineKind
from .steps import STEPS

SOPHIE = "sophie@example.org"
MARC = "marc@example.org"
VOLUNTEER = "benevole@example.org"
COORDINATOR = "coordination@example.org"
ADMIN = "admin@example.org"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: str


@dataclass(frozen=True)
class DemoPeople:
    sophie: User
    marc: User
    volunteer: User
    coordinator: User
    admin: User
    sophie_dossier: Dossier
    marc_dossier: Dossier


DEMO_ACCOUNTS = (
    DemoAccount(SOPHIE, "débitrice, dossier complet partagé avec Association Démo"),
    DemoAccount(MARC, "débiteur, dossier non partagé"),
    DemoAccount(VOLUNTEER, "bénévole d'Association Démo (/admin/)"),
    DemoAccount(COORDINATOR, "coordinatrice d'Association Démo (/admin/)"),
    DemoAccount(ADMIN, "administrateur (/admin/)"),
)

SOPHIE_ANSWERS: dict[str, dict[str, Any]] = {
    "courrier": {
        "agency_name": "Intrum",
        "agency_address": "97 allée Borodine\nCS 80004\n69800 Saint-Priest",
        "agency_reference": "INT-4471-2026",
        "letter_date": "2026-10-12",
        "received_date": "2026-10-15",
        "channel": "courrier",
        "letter_kind": "relance",
        "creditor_name": "Cetelem (BNP Paribas Personal Finance)",
        "creditor_address": "1 boulevard Haussmann\n75009 Paris",
        "agency_role": "mandate",
    },
    "montants": {
        "total_claimed": "2 486,90",
        "is_consumer": "yes",
        "lines": [
            ("Capital restant dû", "principal", "2 140,00"),
            ("Intérêts de retard", "interest", "186,90"),
            ("Frais de recouvrement", "fees", "120,00"),
            ("Frais de dossier", "fees", "40,00"),
        ],
    },
    "verifications": {
        "mentions_checked": "checked",
        "mentions": ["collector_identity", "creditor_identity", "payment_terms"],
        "documents": [],
        "recognises": "partly",
        "warning_signs": ["repeated_calls", "night_or_sunday_calls"],
        "has_court_title": "no",
        "payment_considered": "no",
    },
    "prescription": {
        "nature": "consumer_credit",
        "start": "2022-11-05",
        "acceleration": "",
        "events": [("partial_payment", "2023-01-20", "")],
    },
}

MARC_ANSWERS: dict[str, dict[str, Any]] = {
    "courrier": {
        "agency_name": "iQera",
        "agency_address": "4 rue Pablo Neruda\n92300 Levallois-Perret",
        "agency_reference": "IQ-99812",
        "letter_date": "2026-11-02",
        "received_date": "2026-11-06",
        "channel": "courrier",
        "letter_kind": "mise_en_demeure",
        "creditor_name": "SFR",
        "agency_role": "purchase",
    },
}


def _raw(step: str, answers: dict[str, Any]) -> MultiValueDict:
    """The POST a browser would send for ``answers`` on ``step``."""
    data = MultiValueDict({"questionnaire-current_step": [step]})
    for name, value in answers.items():
        if name in {"lines", "events"}:
            _raw_rows(data, f"{step}-{name}", value)
        elif isinstance(value, list):
            data.setlist(f"{step}-{name}", value)
        else:
            data[f"{step}-{name}"] = value
    return data


def _raw_rows(data: MultiValueDict, prefix: str, rows: list[tuple[str, ...]]) -> None:
    fields = (
        ("label", "kind", "amount")
        if prefix.endswith("lines")
        else ("kind", "on", "end")
    )
    data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
    data[f"{prefix}-INITIAL_FORMS"] = "0"
    for index, row in enumerate(rows):
        for field, value in zip(fields, row, strict=True):
            data[f"{prefix}-{index}-{field}"] = value


def fill(dossier: Dossier, answers: dict[str, dict[str, Any]]) -> None:
    """Save each step through its real form, as the wizard does."""
    for step, values in answers.items():
        kwargs = {"dossier": dossier} if step == "courrier" else {}
        form = STEPS[step].form(data=_raw(step, values), prefix=step, **kwargs)
        if not form.is_valid():
            raise ValueError(f"Demo step {step} is invalid: {form.errors.as_json()}")
        services.dossier_save_step(
            dossier=dossier, answers=form.answers(), raw=form.step_data()
        )


def _user(email: str, password: str, **fields: object) -> User:
    user, _ = User.objects.get_or_create(email=email, defaults=fields)
    for name, value in fields.items():
        setattr(user, name, value)
    user.set_password(password)
    user.save()
    return user


def _dossier(
    owner: User, answers: dict[str, dict[str, Any]], *, complete: bool
) -> Dossier:
    dossier = Dossier.objects.filter(owner=owner).order_by("id").first()
    if dossier is None:
        dossier = services.dossier_create(owner=owner)
    fill(dossier, answers)
    if complete:
        services.dossier_complete(dossier=dossier, today=timezone.localdate())
    return dossier


def seed(password: str) -> DemoPeople:
    """Create or refresh the demo people and their dossiers."""
    sophie = _user(
        SOPHIE,
        password,
        first_name="Sophie",
        last_name="Martin",
        address="12 rue des Lilas",
        postal_code="69003",
        city="Lyon",
    )
    marc = _user(
        MARC,
        password,
        first_name="Marc",
        last_name="Dubois",
        address="4 place du Marché",
        postal_code="59000",
        city="Lille",
    )
    volunteer = _user(
        VOLUNTEER, password, first_name="Bénédicte", last_name="Vol", is_staff=True
    )
    coordinator = _user(
        COORDINATOR, password, first_name="Claire", last_name="Coord", is_staff=True
    )
    admin = _user(ADMIN, password, first_name="Admin", is_staff=True, is_superuser=True)
    return DemoPeople(
        sophie=sophie,
        marc=marc,
        volunteer=volunteer,
        coordinator=coordinator,
        admin=admin,
        sophie_dossier=_dossier(sophie, SOPHIE_ANSWERS, complete=True),
        marc_dossier=_dossier(marc, MARC_ANSWERS, complete=False),
    )


@dataclass(frozen=True)
class DemoEvent:
    kind: str
    days_after_receipt: int
    at: dt.time | None
    direction: str
    who: str
    content: str
    conduct: tuple[str, ...] = ()


SOPHIE_TIMELINE = (
    DemoEvent(
        TimelineKind.CALL,
        5,
        dt.time(21, 40),
        TimelineDirection.FROM_AGENCY,
        "appel masqué",
        "Un conseiller d'Intrum exige un paiement immédiat par carte et annonce une "
        "saisie sur salaire « dès la semaine prochaine ».",
        ("immediate_payment", "seizure_threat"),
    ),
    DemoEvent(
        TimelineKind.CALL,
        8,
        dt.time(22, 15),
        TimelineDirection.FROM_AGENCY,
        "appel masqué",
        "Nouvel appel : menace de prévenir mon employeur si je ne paie pas ce soir.",
        ("third_party_threat",),
    ),
)
"""Sophie's story: two calls at night after her letter (which « Le courrier »
puts in the timeline by itself). The letters demo adds
the registered letter sent and its avis de réception (kept in step by
``letters.services.sync_timeline``)."""


def seed_timeline(dossier: Dossier) -> None:
    """Add Sophie's demo events once (idempotent: matched on kind, day and time)."""
    received = dt.date.fromisoformat(SOPHIE_ANSWERS["courrier"]["received_date"])
    today = timezone.localdate()
    for item in SOPHIE_TIMELINE:
        day = min(received + dt.timedelta(days=item.days_after_receipt), today)
        if dossier.timeline_events.filter(
            kind=item.kind, occurred_on=day, occurred_at_time=item.at, source=""
        ).exists():
            continue
        services.timeline_add(
            dossier=dossier,
            kind=item.kind,
            occurred_on=day,
            occurred_at_time=item.at,
            direction=item.direction,
            who=item.who,
            content=item.content,
            conduct=item.conduct,
        )
