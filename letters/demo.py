"""Demo: Sophie's forclosed credit gets a generated, sent and received
« Réponse complète » (idempotent: one version, regenerated only if missing)."""

import datetime as dt

from django.utils import timezone

from dossiers.demo import DemoPeople

from . import services
from .catalog import LETTERS
from .models import LetterVersion

DEMO_REGISTERED_NUMBER = "1A 234 567 8901 2"


def seed(people: DemoPeople) -> None:
    dossier = people.sophie_dossier
    letter = services.letter_get_or_create(dossier=dossier, kind="reponse")
    today = timezone.localdate()
    if not letter.versions.exists():
        # Prepared (dated and generated) the day before it left.
        prepared = today - dt.timedelta(days=7)
        version = services.letter_generate(
            letter=letter, spec=LETTERS["reponse"], today=prepared
        )
        LetterVersion.objects.filter(pk=version.pk).update(
            created_at=version.created_at - dt.timedelta(days=7)
        )
    services.letter_mark_sent(
        letter=letter,
        sent_on=today - dt.timedelta(days=6),
        registered_number=DEMO_REGISTERED_NUMBER,
        ar_received_on=today - dt.timedelta(days=3),
    )
