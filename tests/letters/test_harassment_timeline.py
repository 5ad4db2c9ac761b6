"""The harassment letter takes its facts from the timeline (and the wizard's signs)."""

import datetime as dt

from django.utils import timezone

from dossiers import services as dossier_services
from dossiers.law.checks import WARNING_SIGNS
from dossiers.models import Dossier
from letters import services
from letters.catalog import LETTERS
from letters.compose import timeline_facts
from letters.contexts.harassment import FACT_CONTENT_MAX

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
    )
    _add(
        dossier,
        "call",
        CALL_1,
        occurred_at_time=dt.time(21, 40),
        direction="from_agency",
        who="appel masqué",
        content="Exige un paiement immédiat par carte.",
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
    assert "à 21 h 40 : appel téléphonique (appel masqué)" in first
    assert "« Exige un paiement immédiat par carte. »" in first
    assert "à 22 h 15" in facts[1]
    assert ": SMS — « Payez aujourd'hui" in facts[2]
    text = " ".join(facts)
    assert "J'ai rappelé" not in text
    assert "Relance écrite" not in text
    assert "Versement" not in text


def test_long_content_is_elided(barred_dossier: Dossier) -> None:
    _add(barred_dossier, "email", CALL_1, content="mot " * 600)
    (fact,) = timeline_facts(barred_dossier)
    assert fact.endswith("… »")
    assert len(fact) < FACT_CONTENT_MAX + 80


def test_harassment_pdf_reads_back_the_timeline(barred_dossier: Dossier) -> None:
    _story(barred_dossier)
    letter = services.letter_get_or_create(dossier=barred_dossier, kind="harcelement")
    version = services.letter_generate(letter=letter, spec=LETTERS["harcelement"])
    text = pdf_text(version.pdf.open("rb").read())
    assert "21 h 40 : appel téléphonique (appel masqué)" in text
    assert "22 h 15" in text
    assert "Exige un paiement immédiat par carte." in text
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
