"""Wizard behaviour: persistence, conditions, tampering, hostile input."""

import datetime as dt
import html

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dossiers import services
from dossiers.answers import Answers, Montants
from dossiers.assessment import assess_answers
from dossiers.models import Dossier
from dossiers.steps import STEPS
from dossiers.wizard import STEP_GONE_MESSAGE, DossierWizard
from tests import factories
from tests.factories import logged_in

from .wizard_data import CREDIT_PAYMENT, P, post_data

pytestmark = pytest.mark.django_db


def step_url(dossier: Dossier, step: str) -> str:
    return f"/dossiers/{dossier.pk}/modifier/{step}/"


def started(client: Client) -> Dossier:
    client.post("/dossiers/nouveau/courrier/", post_data("courrier"))
    return Dossier.objects.latest("id")


def body(response) -> str:
    return response.content.decode()


# -- persistence -------------------------------------------------------------


def test_each_valid_step_is_saved_at_once(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    debtor_client.post(step_url(dossier, "montants"), post_data("montants"))
    dossier.refresh_from_db()
    assert dossier.answers.to_json()["montants"]["total_claimed"] == "1318.40"
    assert [r["label"] for r in dossier.answers.to_json()["montants"]["lines"]] == [
        "Capital restant dû",
        "Intérêts",
        "Frais de recouvrement",
    ]
    assert dossier.current_step == "verifications"


def test_resume_after_logout_goes_to_the_next_unanswered_step(debtor, dossier) -> None:
    client = logged_in(debtor)
    fresh = started(client)
    client.post(step_url(fresh, "montants"), post_data("montants"))
    client.logout()
    client = logged_in(debtor)  # a new browser: no session at all
    response = client.get(f"/dossiers/{fresh.pk}/modifier/")
    assert response["Location"] == step_url(fresh, "verifications")
    page = body(client.get(step_url(fresh, "montants")))
    assert "Capital restant dû" in page  # what she typed is shown again


def test_two_dossiers_in_two_tabs_never_mix(debtor_client: Client) -> None:
    first = started(debtor_client)
    second_data = post_data("courrier", **{"courrier-agency_name": "EOS France"})
    debtor_client.post("/dossiers/nouveau/courrier/", second_data)
    second = Dossier.objects.latest("id")
    debtor_client.post(step_url(first, "montants"), post_data("montants"))
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.answers.to_json()["courrier"]["agency_name"] == "Intrum Justitia"
    assert second.answers.to_json()["courrier"]["agency_name"] == "EOS France"
    assert "montants" in first.answers
    assert "montants" not in second.answers


def test_only_declared_fields_are_stored(debtor_client: Client) -> None:
    junk = {"courrier-evil": "x" * 50_000, "csrfmiddlewaretoken": "abc", "other": "1"}
    debtor_client.post("/dossiers/nouveau/courrier/", post_data("courrier", **junk))
    dossier = Dossier.objects.latest("id")
    stored = dossier.wizard_data["courrier"]
    assert "courrier-evil" not in stored
    assert "csrfmiddlewaretoken" not in stored
    assert all(key.startswith("courrier-") for key in stored)
    assert len(str(dossier.wizard_data)) < 3_000


def test_replaying_done_does_nothing_twice(debtor_client: Client) -> None:
    from .test_wizard_flow import finish

    dossier = started(debtor_client)
    finish(debtor_client, dossier)
    debtor_client.get(step_url(dossier, "termine"))
    dossier.refresh_from_db()
    completed = dossier.completed_at
    response = debtor_client.get(step_url(dossier, "termine"))
    dossier.refresh_from_db()
    assert response.status_code == 302
    assert dossier.completed_at == completed
    assert Dossier.objects.filter(owner=dossier.owner).count() == 1


def test_done_with_a_missing_step_sends_back_to_it(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    response = debtor_client.get(step_url(dossier, "termine"))
    assert response["Location"] == step_url(dossier, "montants")
    dossier.refresh_from_db()
    assert dossier.completed_at is None


# -- conditions ----------------------------------------------------------------


class FakeWizard:
    """The state a step condition reads (``dossiers.steps.StepState``)."""

    def __init__(self, answers: dict) -> None:
        self.dossier = Dossier(answers=answers)
        self.answers = self.dossier.answers

    def assessment(self):
        return assess_answers(self.answers, today=timezone.localdate())


def payment_considered(wizard: FakeWizard) -> bool:
    return STEPS["situation"].condition(wizard)  # type: ignore[misc, arg-type]


@pytest.mark.parametrize(
    ("answer", "shown"),
    [("yes", True), ("no", False), (None, False)],
    ids=["payment-considered", "payment-refused", "not-answered-yet"],
)
def test_situation_step_only_when_payment_considered(answer, shown) -> None:
    answers = {"verifications": {"payment_considered": answer}} if answer else {}
    assert payment_considered(FakeWizard(answers)) is shown  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("prescription", "shown"),
    [
        ({"nature": "telecom", "start": "2020-01-15", "events": []}, False),
        ({"nature": "consumer_credit", "start": "RECENT", "events": []}, True),
        ({"nature": "public_debt", "start": "2020-01-15", "events": []}, True),
        ({"nature": "telecom", "start": None, "events": []}, True),
    ],
    ids=["barred", "not-barred", "uncertain", "start-unknown"],
)
def test_situation_step_skipped_when_the_debt_seems_barred(prescription, shown) -> None:
    if (
        prescription["start"] == "RECENT"
    ):  # a month ago, whatever the day the suite runs
        recent = timezone.localdate() - dt.timedelta(days=30)
        prescription = {**prescription, "start": recent.isoformat()}
    answers = {
        "verifications": {"payment_considered": "yes"},
        "prescription": prescription,
    }
    assert payment_considered(FakeWizard(answers)) is shown  # type: ignore[arg-type]


def test_skipped_situation_answers_are_ignored() -> None:
    from dossiers.assessment import facts_from, run_budget

    answers = {
        "montants": {"total_claimed": "500.00", "lines": []},
        "verifications": {"payment_considered": "no"},
        "situation": {
            "monthly_income": "1500",
            "fixed_charges": "900",
            "dependants": 1,
            "surendettement_admissible": "yes",
        },
    }
    typed = Answers.from_json(answers)
    assert run_budget(typed) is None
    assert facts_from(typed, None, None).surendettement_admissible is False


def test_situation_answers_are_ignored_once_the_debt_seems_barred() -> None:
    """Same rule as the step's condition: answers given before the debt turned
    out barred no longer feed the budget or the facts."""
    from dossiers.assessment import facts_from, run_budget

    situation = {
        "monthly_income": "1500",
        "fixed_charges": "900",
        "dependants": 1,
        "surendettement_admissible": "yes",
    }
    answers = {
        "montants": {"total_claimed": "500.00", "lines": []},
        "verifications": {"payment_considered": "yes"},
        "prescription": {"nature": "telecom", "start": "2020-01-15", "events": []},
        "situation": situation,
    }
    typed = Answers.from_json(answers)
    assert run_budget(typed) is not None  # the rule alone does not know
    assert run_budget(typed, barred=True) is None
    barred = assess_answers(typed, today=timezone.localdate())
    assert barred.estimate is not None
    assert barred.estimate.status == "barred"
    assert barred.budget is None
    assert facts_from(typed, None, None).surendettement_admissible is True
    assert payment_considered(FakeWizard(answers)) is False  # type: ignore[arg-type]


def test_condition_reads_only_earlier_steps() -> None:
    steps = [name for name, _ in DossierWizard.form_list]
    assert steps.index("verifications") < steps.index("situation")
    assert steps.index("prescription") < steps.index("situation")


def declined_payment(client: Client) -> Dossier:
    """A dossier up to « Vérifications », answered « je ne paierai pas »."""
    dossier = started(client)
    client.post(step_url(dossier, "montants"), post_data("montants"))
    no_pay = post_data("verifications", **{"verifications-payment_considered": "no"})
    client.post(step_url(dossier, "verifications"), no_pay)
    return dossier


def test_situation_is_skipped_in_the_flow_when_no_payment(
    debtor_client: Client,
) -> None:
    dossier = declined_payment(debtor_client)
    response = debtor_client.post(
        step_url(dossier, "prescription"), post_data("prescription")
    )
    assert response["Location"] == step_url(dossier, "reponse")


# -- tampering -------------------------------------------------------------------


def test_unknown_step_in_url_is_404(debtor_client: Client, dossier: Dossier) -> None:
    assert debtor_client.get(step_url(dossier, "nimporte")).status_code == 404
    assert (
        debtor_client.post(step_url(dossier, "nimporte"), {P: "nimporte"}).status_code
        == 404
    )


def test_tampered_current_step_is_400(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    data = post_data("montants")
    data[P] = "9"
    assert debtor_client.post(step_url(dossier, "montants"), data).status_code == 400
    data[P] = "coordonnees"
    assert debtor_client.post(step_url(dossier, "montants"), data).status_code == 400


def test_tampered_goto_step_is_400(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    data = {**post_data("montants"), "wizard_goto_step": "../../admin"}
    assert debtor_client.post(step_url(dossier, "montants"), data).status_code == 400


def test_missing_management_form_is_400(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    assert debtor_client.post(step_url(dossier, "montants"), {}).status_code == 400


def test_tampered_formset_count_does_not_crash(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    data = post_data("montants", **{"montants-lines-TOTAL_FORMS": "100000000"})
    assert debtor_client.post(step_url(dossier, "montants"), data).status_code in {
        200,
        302,
    }
    data = post_data("montants", **{"montants-lines-TOTAL_FORMS": "abc"})
    assert debtor_client.post(step_url(dossier, "montants"), data).status_code == 200


def test_new_dossier_later_steps_redirect_to_first(debtor_client: Client) -> None:
    response = debtor_client.get("/dossiers/nouveau/montants/")
    assert response["Location"] == "/dossiers/nouveau/courrier/"


def test_other_users_dossier_id_in_wizard_is_404(other_client: Client, dossier) -> None:
    data = post_data("courrier")
    assert other_client.post(step_url(dossier, "courrier"), data).status_code == 404
    dossier.refresh_from_db()
    assert dossier.answers == Answers()


# -- add a row without JavaScript ---------------------------------------------------


def test_add_row_button_adds_a_row_and_saves_nothing(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    data = {**post_data("montants"), "wizard_add_row": "1"}
    response = debtor_client.post(step_url(dossier, "montants"), data)
    assert response.status_code == 200
    assert 'name="montants-lines-3-label"' in body(response)
    dossier.refresh_from_db()
    assert "montants" not in dossier.answers


def test_deleted_rows_are_not_kept(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    data = post_data("montants", **{"montants-lines-1-DELETE": "on"})
    debtor_client.post(step_url(dossier, "montants"), data)
    dossier.refresh_from_db()
    assert [r["label"] for r in dossier.answers.to_json()["montants"]["lines"]] == [
        "Capital restant dû",
        "Frais de recouvrement",
    ]
    # Shown again without the deleted line (not the line with its box ticked).
    page = body(debtor_client.get(step_url(dossier, "montants")))
    assert 'value="Intérêts"' not in page
    assert 'value="Frais de recouvrement"' in page
    assert 'name="montants-lines-TOTAL_FORMS" value="2"' in page


# -- hostile input -------------------------------------------------------------------

HOSTILE_AMOUNTS = [
    ("-50", "ne peut pas être négatif"),
    ("99999999999", "dépasse 10 000 000"),
    ("99999999999999999999", "dépasse 10 000 000"),
    ("12 000 000", "dépasse 10 000 000"),
    ("douze euros", "Saisissez un montant en euros"),
    ("1,2,3", "Saisissez un montant en euros"),
    ("12,345", "2 chiffres après la virgule"),
]


@pytest.mark.parametrize(("value", "message"), HOSTILE_AMOUNTS)
def test_bad_amounts_get_a_french_message(
    debtor_client: Client, value: str, message: str
) -> None:
    dossier = started(debtor_client)
    data = post_data("montants", **{"montants-total_claimed": value})
    response = debtor_client.post(step_url(dossier, "montants"), data)
    assert response.status_code == 200
    assert message in body(response)
    assert 'aria-invalid="true"' in body(response)
    errors = response.context["form"].errors["total_claimed"]
    assert len(errors) == 1, errors  # one message beside the field, not two
    dossier.refresh_from_db()
    assert "courrier" in dossier.answers  # nothing already saved is lost


@pytest.mark.parametrize("kind", ["principal", "interest", "fees", "penalties"])
def test_a_negative_line_other_than_autre_is_refused_beside_it(
    debtor_client: Client, kind: str
) -> None:
    """Only « Autre » takes a deducted payment: elsewhere a minus sign gets a
    message beside the amount, and what she typed on the step stays."""
    dossier = started(debtor_client)
    data = post_data(
        "montants",
        **{"montants-lines-1-kind": kind, "montants-lines-1-amount": "-80,00"},
    )
    response = debtor_client.post(step_url(dossier, "montants"), data)
    assert response.status_code == 200
    label = {"principal": "Principal", "interest": "Intérêts", "fees": "Frais"}
    label["penalties"] = "Pénalités"
    assert response.context["form"].rows.forms[1].errors["amount"] == [
        "Un montant négatif (un versement déjà déduit) se déclare sur une ligne de"
        f" nature « Autre » ; pour « {label[kind]} », indiquez un montant positif."
    ]
    assert "se déclare sur une ligne de nature « Autre »" in html.unescape(
        body(response)
    )
    assert 'value="-80,00"' in body(response)
    dossier.refresh_from_db()
    assert "montants" not in dossier.answers


def test_a_deducted_payment_on_an_autre_line_is_kept(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    data = post_data(
        "montants",
        **{
            "montants-lines-2-label": "Versement du 3 mars",
            "montants-lines-2-kind": "other",
            "montants-lines-2-amount": "-80,00",
        },
    )
    response = debtor_client.post(step_url(dossier, "montants"), data)
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.answers.to_json()["montants"]["lines"][2]["amount"] == "-80.00"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"courrier-letter_date": "2026-02-30"}, "Saisissez une date valide"),
        ({"courrier-letter_date": "2999-01-01"}, "dans le futur"),
        ({"courrier-letter_date": "1850-01-01"}, "trop ancienne"),
        ({"courrier-letter_date": "n'importe quoi"}, "Saisissez une date valide"),
        (
            {
                "courrier-letter_date": "2026-10-05",
                "courrier-received_date": "2026-10-01",
            },
            "avant la date du courrier",
        ),
        ({"courrier-agency_name": ""}, "Indiquez le nom de la société"),
        ({"courrier-letter_kind": "bidon"}, "Sélectionnez un choix valide"),
        ({"courrier-agency": "999999"}, "Sélectionnez un choix valide"),
    ],
    ids=[
        "impossible",
        "future",
        "too-old",
        "letters",
        "received-before",
        "no-agency",
        "bad-choice",
        "bad-agency-id",
    ],
)
def test_bad_letter_data_get_french_messages(
    debtor_client: Client, changes, message
) -> None:
    response = debtor_client.post(
        "/dossiers/nouveau/courrier/", post_data("courrier", **changes)
    )
    assert response.status_code == 200
    assert message in body(response).replace("&#x27;", "'")
    assert not Dossier.objects.exists()


def test_html_in_text_fields_is_shown_escaped(debtor_client: Client) -> None:
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    dossier = started(debtor_client)
    debtor_client.post(
        step_url(dossier, "courrier"),
        post_data(
            "courrier", **{"courrier-agency_name": evil, "courrier-creditor_name": evil}
        ),
    )
    data = post_data("montants", **{"montants-lines-0-label": evil})
    debtor_client.post(step_url(dossier, "montants"), data)
    for url in (
        f"/dossiers/{dossier.pk}/",
        "/dossiers/",
        step_url(dossier, "montants"),
    ):
        page = body(debtor_client.get(url))
        assert "<script>alert" not in page
        assert "&lt;script&gt;" in page


def test_events_before_start_get_a_message(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    data = post_data("prescription", **{"prescription-events-0-on": "2020-01-01"})
    response = debtor_client.post(step_url(dossier, "prescription"), data)
    assert "antérieur au point de départ" in body(response)


def test_event_end_before_start_gets_a_message(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    data = post_data(
        "prescription",
        **{
            "prescription-events-0-kind": "mediation",
            "prescription-events-0-on": "2024-05-01",
            "prescription-events-0-end": "2024-01-01",
        },
    )
    response = debtor_client.post(step_url(dossier, "prescription"), data)
    assert "ne peut pas précéder" in body(response)


def test_huge_text_is_refused_politely(debtor_client: Client) -> None:
    response = debtor_client.post(
        "/dossiers/nouveau/courrier/",
        post_data("courrier", **{"courrier-agency_name": "A" * 5000}),
    )
    assert response.status_code == 200
    assert "200 caractères au plus : vous en avez écrit 5000." in body(response)


def test_debt_natures_show_their_legal_category_apart(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    page = body(debtor_client.get(step_url(dossier, "prescription")))
    assert "[" not in page.split("<main", 1)[1].split("</main>", 1)[0]
    text = html.unescape(page)
    # Issue 18, item 12: « abonnement » only with the telecom exception (L34-2).
    assert (
        "Bien ou service acheté à un professionnel (énergie, eau, travaux, "
        "honoraires, matériel ; un abonnement de téléphone ou d'internet relève "
        "du choix « Opérateur »)" in text
    )
    assert "En droit : dette de consommation." in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"prescription-acceleration": "2020-01-02"},
            "La déchéance du terme ne peut pas précéder le point de départ",
        ),
        (
            {
                "prescription-nature": "overdraft",
                "prescription-acceleration": CREDIT_PAYMENT,
                "prescription-events-TOTAL_FORMS": "0",
            },
            "Il n'y a pas de déchéance du terme pour ce type de dette",
        ),
    ],
)
def test_a_wrong_acceleration_date_is_marked_beside_its_field(
    debtor_client: Client, changes: dict[str, str], message: str
) -> None:
    dossier = started(debtor_client)
    data = post_data("prescription", **changes)
    response = debtor_client.post(step_url(dossier, "prescription"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert message in form.errors["acceleration"][0]
    assert "voyez les messages en rouge sous les questions" in body(response)


def test_an_error_above_the_form_only_is_not_announced_below_the_questions(
    debtor_client: Client, monkeypatch
) -> None:
    from dossiers import assessment
    from dossiers.law.prescription import LawInputError

    def refuse(claim, today):
        raise LawInputError("Ces dates ne vont pas ensemble.")

    monkeypatch.setattr(assessment, "estimate", refuse)
    dossier = started(debtor_client)
    response = debtor_client.post(
        step_url(dossier, "prescription"), post_data("prescription")
    )
    assert response.status_code == 200
    page = html.unescape(body(response))
    assert "Vos réponses sont à corriger :" in page
    assert "Ces dates ne vont pas ensemble." in page
    assert "voyez les messages en rouge" not in page


def test_dossier_page_concludes_nothing_about_proofs_before_the_checks_step(
    debtor_client: Client,
) -> None:
    dossier = started(debtor_client)
    debtor_client.post(step_url(dossier, "montants"), post_data("montants"))
    page = html.unescape(body(debtor_client.get(f"/dossiers/{dossier.pk}/")))
    assert "Vous ne reconnaissez pas cette dette" not in page
    assert "Documents non reçus" not in page
    # Nothing to estimate yet: said once, not in a second, empty box.
    assert page.count("Prescription pas encore estimée") == 1
    assert "Estimation de la prescription" not in page
    debtor_client.post(step_url(dossier, "verifications"), post_data("verifications"))
    dossier.refresh_from_db()
    assert "verifications" in dossier.answers


def test_row_fields_are_not_marked_required_since_a_row_may_stay_empty(
    debtor_client: Client,
) -> None:
    dossier = started(debtor_client)
    page = body(debtor_client.get(step_url(dossier, "montants")))
    rows = page.split('class="rows"', 1)[1]
    main = page.split('class="rows"', 1)[0]
    assert "(obligatoire)" not in rows
    assert "(obligatoire)" in main  # the total claimed still is
    assert "une ligne laissée vide est ignorée" in rows


def test_a_too_long_address_says_so_and_keeps_the_rest(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    data = post_data("coordonnees", **{"coordonnees-address": "B" * 420})
    response = debtor_client.post(step_url(dossier, "coordonnees"), data)
    assert response.status_code == 200
    page = body(response)
    assert "300 caractères au plus : vous en avez écrit 420. Raccourcissez" in page
    assert 'value="Sophie"' in page  # what she typed elsewhere stays


# -- queries ----------------------------------------------------------------------


def _grow(dossier: Dossier, rows: int) -> None:
    lines = [
        {"label": f"Ligne {i}", "kind": "fees", "amount": "1.00"} for i in range(rows)
    ]
    services.dossier_save_step(
        dossier=dossier,
        raw={},
        answers=Montants.from_json({"total_claimed": "10", "lines": lines}),
    )
    for _ in range(min(rows, 5)):
        services.upload_add(dossier=dossier, clean=tiny_upload())


def tiny_upload():
    from dossiers.uploads import CleanFile

    return CleanFile(b"%PDF-1.4 test", "pdf", "application/pdf", "scan.pdf")


def _count(client: Client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["", "modifier/montants/", "modifier/courrier/"])
def test_query_count_is_constant_as_the_dossier_grows(
    debtor_client: Client, debtor, page
) -> None:
    small, big = factories.dossier(owner=debtor), factories.dossier(owner=debtor)
    _grow(small, 1)
    _grow(big, 25)
    counts = [_count(debtor_client, f"/dossiers/{d.pk}/{page}") for d in (small, big)]
    assert counts[0] == counts[1]
    assert counts[0] <= 10


def test_add_row_shows_no_validation_errors(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    data = {
        **post_data("montants", **{"montants-total_claimed": "abc"}),
        "wizard_add_row": "1",
    }
    page = body(debtor_client.post(step_url(dossier, "montants"), data))
    assert 'name="montants-lines-3-label"' in page
    assert "Saisissez un montant en euros" not in page
    assert 'value="abc"' in page  # what she typed is kept


@pytest.mark.parametrize(
    ("start", "next_step"),
    [("2020-01-15", "reponse"), ("RECENT", "situation")],
    ids=["now-barred", "not-barred"],
)
def test_the_next_step_follows_the_answers_being_saved(
    debtor_client: Client, start: str, next_step: str
) -> None:
    """Saving « La prescription » decides at once whether « Ma situation »
    follows: the condition reads the answers of this POST, not the stored ones."""
    recent = (timezone.localdate() - dt.timedelta(days=30)).isoformat()
    barred = "2020-01-15"
    start, stored = (recent, barred) if start == "RECENT" else (start, recent)
    dossier = started(debtor_client)
    debtor_client.post(step_url(dossier, "montants"), post_data("montants"))
    pay = post_data("verifications", **{"verifications-payment_considered": "yes"})
    debtor_client.post(step_url(dossier, "verifications"), pay)
    first = {  # stored first: the opposite verdict
        "prescription-nature": "telecom",
        "prescription-start": stored,
        "prescription-events-TOTAL_FORMS": "0",
    }
    debtor_client.post(
        step_url(dossier, "prescription"), post_data("prescription", **first)
    )
    again = {**first, "prescription-start": start}
    with CaptureQueriesContext(connection) as queries:
        response = debtor_client.post(
            step_url(dossier, "prescription"), post_data("prescription", **again)
        )
    assert response["Location"] == step_url(dossier, next_step)
    dossier.refresh_from_db()
    assert dossier.current_step == next_step
    updates = [
        q["sql"] for q in queries if q["sql"].startswith('UPDATE "dossiers_dossier"')
    ]
    assert len(updates) == 1, updates  # answers and next step in one write


def test_previous_step_saves_what_she_typed(debtor_client: Client) -> None:
    dossier = started(debtor_client)
    debtor_client.post(step_url(dossier, "montants"), post_data("montants"))
    data = post_data("verifications", wizard_goto_step="montants")
    response = debtor_client.post(step_url(dossier, "verifications"), data)
    assert response["Location"] == step_url(dossier, "montants")
    dossier.refresh_from_db()
    assert dossier.answers.to_json()["verifications"]["recognises"] == "partly"


def test_a_stale_tab_on_a_step_ruled_out_goes_on_with_a_message(
    debtor_client: Client,
) -> None:
    """« Ma situation » open in one tab, « je ne paierai pas » saved in another."""
    dossier = declined_payment(debtor_client)
    response = debtor_client.post(
        step_url(dossier, "situation"), post_data("situation")
    )
    assert response.status_code == 302
    assert response["Location"] == step_url(dossier, "prescription")
    page = body(debtor_client.get(response["Location"]))
    assert STEP_GONE_MESSAGE in html.unescape(page)


def test_a_phone_without_digits_is_refused_in_mes_coordonnees(
    debtor_client: Client,
) -> None:
    dossier = started(debtor_client)
    data = post_data("coordonnees", **{"coordonnees-phone": "abc"})
    response = debtor_client.post(step_url(dossier, "coordonnees"), data)
    assert response.status_code == 200
    assert "Indiquez un numéro de téléphone avec des chiffres" in body(response)


def test_step_write_holds_its_transaction_only_for_the_writes(
    debtor_client: Client, dossier: Dossier, monkeypatch
) -> None:
    """On SQLite a transaction holds the database's write lock, which every
    other step POST waits for: the assessment runs before it opens."""
    depth: dict[str, int] = {}
    refresh, save = services._refresh_summary, Dossier.save

    def refresh_spy(dossier, **kwargs) -> None:
        depth["summary"] = len(connection.savepoint_ids)
        refresh(dossier, **kwargs)

    def save_spy(self, *args, **kwargs) -> None:
        if kwargs.get("update_fields"):
            depth["write"] = len(connection.savepoint_ids)
        save(self, *args, **kwargs)

    monkeypatch.setattr(services, "_refresh_summary", refresh_spy)
    monkeypatch.setattr(Dossier, "save", save_spy)
    response = debtor_client.post(
        f"/dossiers/{dossier.pk}/modifier/montants/", post_data("montants")
    )
    assert response.status_code == 302
    assert depth["summary"] < depth["write"]
