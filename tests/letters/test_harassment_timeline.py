"""The harassment letter takes its facts from the timeline (and the wizard's signs):
structured fields only — date, time, channel, who, what was demanded or
threatened — never her notes (issue 18, item 11)."""

import datetime as dt
import re

from django.utils import timezone

from dossiers import services as dossier_services
from dossiers.law.checks import WARNING_SIGNS
from dossiers.models import Dossier
from letters import services
from letters.catalog import LETTERS
from letters.compose import timeline_facts

from .conftest import pdf_text

TODAY = timezone.localdate()
CALL_1 = TODAY - dt.timedelta(days=9)
CALL_2 = TODAY - dt.timedelta(days=6)


def _add(dossier: Dossier, kind: str, day: dt.date, **fields: object) -> None:
    dossier_services.timeline_add(
        dossier=dossier,
        kind=kind,
        occurred_on=day,
        **fields,  # type: ignore[arg-type]
    )


def _story(dossier: Dossier) -> None:
    _add(
        dossier,
        "call",
        CALL_2,
        occurred_at_time=dt.time(22, 15),
        direction="from_agency",
        who="appel masqué",
        content="Menace de prévenir mon employeur.",
        conduct=["third_party_threat"],
    )
    _add(
        dossier,
        "call",
        CALL_1,
        occurred_at_time=dt.time(21, 40),
        direction="from_agency",
        who="appel masqué",
        content="J'ai reconnu devoir la somme et j'ai promis de payer 50 € par mois",
        conduct=["immediate_payment", "seizure_threat"],
    )
    _add(dossier, "sms", CALL_2, content="Payez aujourd'hui ou huissier demain.")
    # Not contacts from the agency: left out of the letter.
    _add(dossier, "call", CALL_2, direction="to_agency", content="J'ai rappelé.")
    _add(dossier, "letter_received", CALL_1, content="Relance écrite.")
    _add(dossier, "payment", CALL_1, content="Versement de 10 €.")


def test_facts_are_dated_contacts_oldest_first(barred_dossier: Dossier) -> None:
    _story(barred_dossier)
    facts = timeline_facts(barred_dossier)
    assert len(facts) == 3
    first = facts[0]
    assert first.startswith(f"le {CALL_1.day}")
    # The time, then why it was unreasonable (« (le soir, après 20 heures) »).
    assert re.search(r"à 21 h 40 \([^)]*soir[^)]*\) : appel téléphonique", first)
    assert first.endswith(
        ": appel téléphonique (appel masqué) — exigence d'un paiement "
        "immédiat et menace de saisie ou d'intervention d'un commissaire de justice"
    )
    assert re.search(r"à 22 h 15 \([^)]*soir[^)]*\) : appel", facts[1])
    assert facts[1].endswith(
        ": appel téléphonique (appel masqué) — menace d'informer mon "
        "employeur ou mes proches"
    )
    assert facts[2].endswith(": SMS")
    text = " ".join(facts)
    for note in ("reconnu", "promis", "Payez", "J'ai rappelé", "Relance", "Versement"):
        assert note not in text


def test_harassment_pdf_reads_back_the_timeline(barred_dossier: Dossier) -> None:
    _story(barred_dossier)
    letter = services.letter_get_or_create(dossier=barred_dossier, kind="harcelement")
    version = services.letter_generate(letter=letter, spec=LETTERS["harcelement"])
    text = pdf_text(version.pdf.open("rb").read())
    assert re.search(r"21 h 40 \([^)]*\) : appel téléphonique \(appel masqué\)", text)
    assert "22 h 15" in text
    assert "exigence d'un paiement immédiat" in text
    assert "SMS" in text
    # The two calls at night, and the SMS if CALL_2 was a Sunday.
    assert "de ces contacts ont eu lieu un dimanche, avant 8 heures ou après" in text
    assert "à 21 h 40 (le soir, après 20 heures)" in text.replace(
        "(un dimanche, le soir", "(le soir"
    )
    signs = barred_dossier.answers.to_json()["verifications"]["warning_signs"]
    for code in signs:  # inside the sentence: no capital
        assert WARNING_SIGNS[code].label.lower() in text.lower()
    assert "appels répétés" in text
    # Her notes never reach the letter, right under « ne vaut pas reconnaissance ».
    assert "La présente ne vaut pas reconnaissance de dette." in text
    assert "reconnu devoir" not in text
    assert "50 € par mois" not in text
    assert "J'ai rappelé" not in text
    assert "recommandée" in text
    assert "INT-4471-2026" in text
    # The facts are kept with the version.
    assert any("21 h 40" in fact for fact in version.facts["timeline"])


def test_without_timeline_the_signs_still_speak(barred_dossier: Dossier) -> None:
    letter = services.letter_get_or_create(dossier=barred_dossier, kind="harcelement")
    version = services.letter_generate(letter=letter, spec=LETTERS["harcelement"])
    text = pdf_text(version.pdf.open("rb").read())
    assert "avant 8 heures" not in text
    assert WARNING_SIGNS["repeated_calls"].label.lower() in text
