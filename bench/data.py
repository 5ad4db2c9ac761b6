"""Bulk data for the in-process items (Django must be set up)."""

import datetime as dt
from decimal import Decimal

from django.test import Client
from django.utils import timezone

from accounts.models import User
from associations import services as assoc_services
from associations.models import Association, Review, Share
from bench.serve import PASSWORD
from dossiers import demo
from dossiers.models import Dossier, TimelineEvent, Upload
from letters.models import Letter, LetterVersion

HOST = "127.0.0.1"


def client_for(user: User) -> Client:
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    return client


def superuser() -> User:
    user = User.objects.filter(email="admin@bench.invalid").first()
    return user or User.objects.create_superuser(
        email="admin@bench.invalid", password=PASSWORD
    )


def volunteer() -> tuple[User, Association]:
    association, _ = Association.objects.get_or_create(name="Bench asso")
    user = User.objects.filter(email="vol@bench.invalid").first()
    if user is None:
        user = User.objects.create_user(email="vol@bench.invalid", password=PASSWORD)
        assoc_services.roles_ensure()
        assoc_services.membership_add(user=user, association=association)
    return user, association


def add_dossiers(count: int, *, share_every: int = 1, batch: int = 5000) -> None:
    """``count`` more dossiers (100 per owner), each ``share_every``-th shared
    with the bench association and given a review (bulk_create)."""
    _, association = volunteer()
    start = Dossier.objects.count()
    now = timezone.now()
    for offset in range(0, count, batch):
        size = min(batch, count - offset)
        first = start + offset
        User.objects.bulk_create(
            User(email=f"d{n}@bench.invalid", password="!", last_name=f"N{n}")
            for n in range(first // 100, (first + size - 1) // 100 + 1)
            if not User.objects.filter(email=f"d{n}@bench.invalid").exists()
        )
        by_email = {
            u.email: u
            for u in User.objects.filter(
                email__in=[
                    f"d{n}@bench.invalid"
                    for n in range(first // 100, (first + size - 1) // 100 + 1)
                ]
            )
        }
        dossiers = Dossier.objects.bulk_create(
            Dossier(
                owner=by_email[f"d{i // 100}@bench.invalid"],
                title=f"Dossier {i}",
                agency_name=("Intrum", "Cabot", "MCS", "iQera")[i % 4],
                agency_reference=f"REF-{i}",
                total_claimed=Decimal(100 + i % 5000),
                limitation_status=("barred", "open", "unknown")[i % 3],
                next_deadline=dt.date(2027, 1, 1) + dt.timedelta(days=i % 300),
            )
            for i in range(first, first + size)
        )
        shared = [d for n, d in enumerate(dossiers, first) if n % share_every == 0]
        Share.objects.bulk_create(
            Share(dossier=d, association=association, consented_at=now) for d in shared
        )
        Review.objects.bulk_create(
            Review(dossier=d, association=association) for d in shared
        )


def busy_dossier(size: int) -> tuple[User, Dossier]:
    """A complete dossier with ``size`` timeline events, uploads and letter
    versions (one letter of each kind up to ``size``)."""
    user = User.objects.create_user(email=f"busy{size}@bench.invalid", password="!")
    dossier = Dossier.objects.create(owner=user)
    demo.fill(dossier, demo.SOPHIE_ANSWERS)
    uploads = Upload.objects.bulk_create(
        Upload(
            dossier=dossier,
            file=f"dossiers/{dossier.pk}/{n:032x}.jpg",
            kind=Upload.Kind.IMAGE,
            content_type="image/jpeg",
            size=1000 + n,
            sha256="0" * 64,
            original_name=f"scan-{n}.jpg",
        )
        for n in range(size)
    )
    TimelineEvent.objects.bulk_create(
        TimelineEvent(
            dossier=dossier,
            kind=TimelineEvent.Kind.CALL
            if n % 2
            else TimelineEvent.Kind.LETTER_RECEIVED,
            occurred_on=dt.date(2026, 1, 1) + dt.timedelta(days=n % 300),
            content=f"Événement {n}",
            attachment=uploads[n],
        )
        for n in range(size)
    )
    kinds = ("contestation", "prescription", "frais", "harcelement")
    letters = Letter.objects.bulk_create(
        Letter(dossier=dossier, kind=kind) for kind in kinds[: max(1, min(4, size))]
    )
    LetterVersion.objects.bulk_create(
        LetterVersion(
            letter=letters[n % len(letters)],
            number=n // len(letters) + 1,
            pdf=f"lettres/{dossier.pk}/{n}.pdf",
            sha256="0" * 64,
            size=10_000,
        )
        for n in range(size)
    )
    return user, dossier
