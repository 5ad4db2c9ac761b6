"""What « Le courrier » knows reaches the estimate (issue 18, item 16), the
telecom nature is suggested for an operator (item 12), and « je n'ai pas
vérifié » is an answer for the R124-4 mentions (item 13). Client tests through
the wizard, expectations from the reference (§1.5 point 2, §1.6, §1.9, §4.3)."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from dossiers.assessment import assess_dossier
from dossiers.models import Dossier

from .wizard_data import post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def seen_on(monkeypatch: pytest.MonkeyPatch):
    def set_day(day: dt.date) -> None:
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)

    return set_day


def step(client: Client, dossier: Dossier, name: str, **changes: object):
    return client.post(
        f"/dossiers/{dossier.pk}/modifier/{name}/", post_data(name, **changes)
    )


def started(client: Client, **courrier: object) -> Dossier:
    response = client.post(
        "/dossiers/nouveau/courrier/", post_data("courrier", **courrier)
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    return Dossier.objects.latest("id")


def telecom_prescription(start: str) -> dict[str, object]:
    return {
        "prescription-nature": "telecom",
        "prescription-start": start,
        "prescription-events-TOTAL_FORMS": "0",
    }


def test_a_signified_injonction_keeps_a_telecom_debt_alive(
    debtor_client: Client, seen_on
) -> None:
    """Invoice due 15/09/2025, injonction signified on 01/09/2026 (entered in
    « Le courrier »), seen on 01/10/2026: the signification interrupted L34-2's
    year (2241); not barred, and no limitation letter."""
    seen_on(dt.date(2026, 10, 1))
    dossier = started(
        debtor_client,
        **{
            "courrier-letter_kind": "injonction_signifiee",
            "courrier-signification_date": "2026-09-01",
            "courrier-letter_date": "2026-08-20",
            "courrier-received_date": "2026-09-01",
            "courrier-creditor_name": "Bouygues Telecom",
        },
    )
    for name in ("montants", "verifications"):
        assert step(debtor_client, dossier, name).status_code == 302
    response = step(
        debtor_client, dossier, "prescription", **telecom_prescription("2025-09-15")
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assessment = assess_dossier(dossier, today=dt.date(2026, 10, 1))
    assert assessment.estimate is not None
    assert assessment.estimate.status == "not_barred"
    assert assessment.estimate.last_day is None
    codes = [f.code for f in assessment.result.findings]
    assert "limitation_barred" not in codes
    assert codes[0] == "injonction_opposition"
    prescription = next(
        r for r in assessment.result.responses if r.slug == "prescription"
    )
    assert not prescription.available
    page = debtor_client.get(f"/dossiers/{dossier.pk}/").content.decode()
    assert "La dette semble prescrite" not in page


def test_a_declared_title_with_a_commandement_is_a_verifier(
    debtor_client: Client, seen_on
) -> None:
    """A court title gives ten years to enforce (L111-4): « prescrite » on the
    original nature would be wrong; its date unknown, the estimate is « à
    vérifier », the limitation letter is not offered, and the commandement's
    month runs from its date."""
    seen_on(dt.date(2026, 10, 1))
    dossier = started(
        debtor_client,
        **{
            "courrier-letter_kind": "commandement",
            "courrier-signification_date": "2026-09-25",
            "courrier-letter_date": "2026-09-25",
            "courrier-received_date": "2026-09-25",
        },
    )
    assert step(debtor_client, dossier, "montants").status_code == 302
    title = {"verifications-has_court_title": "yes"}
    assert step(debtor_client, dossier, "verifications", **title).status_code == 302
    response = step(
        debtor_client, dossier, "prescription", **telecom_prescription("2023-01-15")
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assessment = assess_dossier(dossier, today=dt.date(2026, 10, 1))
    assert assessment.estimate.status == "uncertain"
    assert "court_title_declared" in {w.code for w in assessment.estimate.warnings}
    prescription = next(
        r for r in assessment.result.responses if r.slug == "prescription"
    )
    assert not prescription.available
    [deadline] = [d for d in assessment.deadlines if d.code == "commandement"]
    assert deadline.due == dt.date(2026, 10, 26)
    [finding] = [f for f in assessment.result.findings if f.code == "enforcement_act"]
    assert finding.due == dt.date(2026, 10, 26)


def test_an_operator_creditor_preselects_the_telecom_nature(
    debtor_client: Client, seen_on
) -> None:
    """An SFR bill due 15/03/2025 prescribes in one year (L34-2): barred since
    16 March 2026 — not « jusqu'au 15 mars 2027 » under the consumer nature."""
    seen_on(dt.date(2026, 11, 26))
    dossier = started(debtor_client, **{"courrier-creditor_name": "SFR"})
    for name in ("montants", "verifications"):
        assert step(debtor_client, dossier, name).status_code == 302
    page = debtor_client.get(f"/dossiers/{dossier.pk}/modifier/prescription/")
    form = page.context["wizard"]["form"]
    assert form.initial["nature"] == "telecom"
    assert "Votre créancier, SFR, est un opérateur" in page.content.decode()
    consumer = {
        "prescription-nature": "consumer_service",
        "prescription-start": "2025-03-15",
        "prescription-events-TOTAL_FORMS": "0",
    }
    refused = step(debtor_client, dossier, "prescription", **consumer)
    assert refused.status_code == 200
    errors = refused.context["wizard"]["form"].errors["not_telecom_services"]
    assert "SFR est un opérateur" in errors[0]
    ok = step(
        debtor_client, dossier, "prescription", **telecom_prescription("2025-03-15")
    )
    assert ok.status_code == 302
    dossier.refresh_from_db()
    estimate = assess_dossier(dossier, today=dt.date(2026, 11, 26)).estimate
    assert estimate.status == "barred"
    assert estimate.barred_from == dt.date(2026, 3, 16)


def test_equipment_from_an_operator_stays_under_the_consumer_rule_once_confirmed(
    debtor_client: Client, seen_on
) -> None:
    seen_on(dt.date(2026, 11, 26))
    dossier = started(debtor_client, **{"courrier-creditor_name": "Orange"})
    for name in ("montants", "verifications"):
        assert step(debtor_client, dossier, name).status_code == 302
    response = step(
        debtor_client,
        dossier,
        "prescription",
        **{
            "prescription-nature": "consumer_service",
            "prescription-not_telecom_services": "on",
            "prescription-start": "2025-03-15",
            "prescription-events-TOTAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.answers.prescription.nature == "consumer_service"


@pytest.mark.parametrize(
    ("answer", "mentions", "concluded"),
    [
        ("not_checked", [], False),
        ("checked", [], True),
        ("checked", ["collector_identity", "creditor_identity"], True),
    ],
)
def test_not_checked_is_not_absent(
    debtor_client: Client, answer: str, mentions: list[str], concluded: bool
) -> None:
    dossier = started(debtor_client)
    assert step(debtor_client, dossier, "montants").status_code == 302
    response = step(
        debtor_client,
        dossier,
        "verifications",
        **{
            "verifications-mentions_checked": answer,
            "verifications-mentions": mentions,
        },
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    stored = dossier.answers.verifications.mentions
    assert (stored is None) is (answer == "not_checked")
    codes = {
        f.code
        for f in assess_dossier(dossier, today=timezone.localdate()).result.findings
    }
    assert ("r124_4_missing" in codes) is concluded


def test_the_mentions_question_must_be_answered(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    data = post_data("verifications")
    del data["verifications-mentions_checked"]
    response = debtor_client.post(
        f"/dossiers/{dossier.pk}/modifier/verifications/", data
    )
    assert response.status_code == 200
    assert "mentions_checked" in response.context["wizard"]["form"].errors
    ticked = post_data(
        "verifications", **{"verifications-mentions_checked": "not_checked"}
    )
    response = debtor_client.post(
        f"/dossiers/{dossier.pk}/modifier/verifications/", ticked
    )
    assert "Vous avez coché des mentions" in response.content.decode()
