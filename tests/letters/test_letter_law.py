"""The letters as the law reference writes them (issue 18): rendered to real PDFs
and read back with pypdf, one situation per test.

* §7 (b), §1.2: the limitation letter of a partly barred debt invokes the
  barred parts only, with dates and amounts, states no date to come and
  acknowledges nothing else; it cites the period and why nothing interrupted
  it, never 2247 or 2249-2251 (item 2, 3);
* §2.3: a payment after the period revives nothing (item 3);
* §4.1, §4.6, §6.2, §7 (a)-(e): each letter cites what applies to the dossier
  (items 4, 6, 9, 14, 17);
* §2.2: free text acknowledging the debt never reaches a contesting letter
  (item 11); §7 (c): the plan page and the letter show one schedule (item 15).
"""

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client

from dossiers import services as dossier_services
from dossiers.assessment import assess_dossier
from dossiers.law import references as refs
from dossiers.law.citations import NEVER_IN_A_LETTER
from dossiers.models import Dossier
from letters import compose, rendering, services
from letters.catalog import LETTERS
from letters.models import Letter

from .conftest import answers, fill, pdf_text

pytestmark = pytest.mark.django_db

LOAN_DAY = dt.date(2023, 3, 20)
TODAY = dt.date(2026, 11, 26)
NO_STEPS = {"events": [], "start": ""}
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def courrier_on(day: dt.date) -> dict[str, str]:
    iso = (day - dt.timedelta(days=5)).isoformat()
    return {"letter_date": iso, "received_date": iso}


def render(dossier: Dossier, slug: str, today: dt.date = TODAY, **options: Any):
    assessment = assess_dossier(dossier, today=today)
    data = compose.letter_input(
        dossier=dossier, assessment=assessment, today=today, options=dict(options)
    )
    context, html = compose.build(LETTERS[slug], data)
    pdf = rendering.render_pdf(html, meta=rendering.PdfMeta(title=slug, author="x"))
    return context, pdf_text(pdf), assessment


def body(text: str) -> str:
    """The letter between the salutation and « Textes cités »."""
    return text.split("Madame, Monsieur,", 1)[1].split("Textes cités", 1)[0]


def dates_in(text: str) -> list[dt.date]:
    found = re.findall(rf"(\d{{1,2}})(?:er)? ({'|'.join(MONTHS)}) (\d{{4}})", text)
    return [dt.date(int(y), MONTHS.index(m) + 1, int(d)) for d, m, y in found]


@pytest.fixture
def loan(dossier: Dossier) -> Dossier:
    """The loan of issue 18: first unpaid 10/01/2021 to 10/04/2021, 450 € each,
    déchéance du terme 20/04/2021, capital 9 000 €; seen on 20/03/2023."""
    return fill(
        dossier,
        answers(
            courrier=courrier_on(LOAN_DAY),
            prescription={
                **NO_STEPS,
                "nature": "real_estate_loan",
                "first_unpaid": "2021-01-10",
                "last_unpaid": "2021-04-10",
                "periodicity": "monthly",
                "instalment_amount": "450",
                "acceleration": "2021-04-20",
                "capital_amount": "9000",
            },
        ),
    )


def test_the_limitation_letter_of_a_partly_barred_loan(loan: Dossier) -> None:
    context, text, assessment = render(loan, "prescription", today=LOAN_DAY)
    assert assessment.estimate.status == "partly_barred"
    letter = body(text)
    assert "prescription acquise pour une partie des sommes réclamées" in text
    assert (
        "En application de l'article L218-2 du code de la consommation, l'action en "
        "paiement se prescrit par deux ans." in letter
    )
    assert "Les sommes suivantes sont donc prescrites :" in letter
    for line in (
        "l'échéance du 10 janvier 2021 (450,00 €), dont le délai a expiré le 10 "
        "janvier 2023",
        "l'échéance du 10 février 2021 (450,00 €), dont le délai a expiré le 10 "
        "février 2023",
        "l'échéance du 10 mars 2021 (450,00 €), dont le délai a expiré le 10 mars 2023",
        "Soit 1 350,00 € au total.",
        "J'invoque donc expressément la prescription de l'action en paiement de ces "
        "sommes. Cette lettre ne vaut reconnaissance d'aucune des autres sommes que "
        "vous réclamez.",
    ):
        assert line in letter, line
    # Nothing about the sums still claimable: no date to come, no capital.
    assert [day for day in dates_in(letter) if day > LOAN_DAY] == []
    assert "10 avril 2021" not in letter
    assert "capital" not in letter
    assert "clôturer ce dossier" not in letter
    assert context.basis == (
        refs.L218_2,
        refs.INSTALMENTS_2016,
        refs.FORMAL_NOTICE_2022,
        refs.L121_6,
    )


@pytest.fixture
def late_payment(dossier: Dossier) -> Dossier:
    """A consumer debt due 10/01/2021 (L218-2: barred from 11/01/2023), a
    payment of hers on 03/03/2024, after the period."""
    return fill(
        dossier,
        answers(
            prescription={
                "nature": "consumer_service",
                "start": "2021-01-10",
                "events": [("partial_payment", "2024-03-03", "")],
            },
        ),
    )


def test_a_barred_debt_with_a_late_payment(late_payment: Dossier) -> None:
    """The engine's basis tells her of 2249-2251 (its explanation); her letter
    invokes none of them, and says the late payment revived nothing."""
    context, text, assessment = render(late_payment, "prescription")
    engine = set(assessment.estimate.basis)
    assert {refs.CIV_2247, refs.CIV_2249, refs.CIV_2250, refs.CIV_2251} <= engine
    assert not NEVER_IN_A_LETTER & set(context.basis)
    for cite in ("2247", "2249", "2250", "2251"):
        assert cite not in text
    letter = body(text)
    assert "Le point de départ du délai est le 10 janvier 2021." in letter
    assert "Ce délai a expiré le 10 janvier 2023." in letter
    assert (
        "Le versement du 3 mars 2024, effectué après l'expiration de ce délai, ne "
        "l'a pas interrompu et ne vous permet pas d'en réclamer le solde (Cass. 1re "
        "civ., 19 mai 2021, n° 19-26.253)." in letter
    )
    assert (
        "J'invoque donc expressément la prescription de l'action en paiement de "
        "cette dette." in letter
    )
    assert context.basis == (
        refs.L218_2,
        refs.FORMAL_NOTICE_2022,
        refs.LATE_PAYMENT_2021,
        refs.L121_6,
    )
    assert letter.count("19 mai 2021") == 1


def test_citations_read_as_french_legal_prose(dossier: Dossier) -> None:
    fill(
        dossier,
        answers(
            prescription={"nature": "telecom", "start": "2024-03-15", "events": []}
        ),
    )
    _, text, _ = render(dossier, "prescription")
    letter = body(text)
    assert (
        "En application de l'article L34-2 du code des postes et des communications "
        "électroniques, l'action en paiement se prescrit par un an." in letter
    )
    assert "Le point de départ du délai est le 15 mars 2024." in letter
    assert "se situe au" not in letter
    assert "art." not in letter  # short forms only in « Textes cités »
    assert "Textes cités : C. postes et comm. électr., art. L34-2" in text


@pytest.mark.parametrize(
    ("changes", "present", "absent"),
    [
        pytest.param(
            {
                "courrier": {"agency_role": "purchase", "creditor_name": "SFR"},
                "prescription": {
                    "nature": "telecom",
                    "start": "2026-03-15",
                    "events": [],
                },
            },
            ["la copie du contrat d'abonnement", "C. civ., art. 1324", "L121-21"],
            ["offre de crédit", "R124", "règlement"],
            id="buyer-telecom-consumer",
        ),
        pytest.param(
            {"montants": {"is_consumer": "no"}},
            ["R124-4", "R124-3", "L111-8, al. 2", "offre de crédit"],
            ["L121-21", "consommateur"],
            id="mandate-professional",
        ),
        pytest.param(
            {"verifications": {"has_court_title": "yes"}},
            ["C. civ., art. 1353"],
            ["L111-8", "L121-21"],
            id="court-title",
        ),
        pytest.param(
            {"verifications": {"recognises": "yes"}},
            ["Je vous demande de justifier votre créance."],
            ["Avant tout règlement"],
            id="barred-recognised-no-reglement",
        ),
    ],
)
def test_the_contestation_cites_what_applies_to_the_dossier(
    dossier: Dossier, changes: dict, present: list[str], absent: list[str]
) -> None:
    fill(dossier, answers(**changes))
    _, text, _ = render(dossier, "contestation")
    for needle in present:
        assert needle in text, needle
    for needle in absent:
        assert needle not in text, needle


def test_the_fee_letter_on_a_barred_debt_asks_no_corrected_statement(
    barred_dossier: Dossier,
) -> None:
    _, text, assessment = render(barred_dossier, "frais")
    assert assessment.estimate.status == "barred"
    assert "décompte rectifié" not in text
    assert "Ces frais ne sont, en tout état de cause, pas dus." in text
    assert "1231-6" not in text  # no damages claimed


def test_the_fee_letter_with_a_court_title_leaves_execution_costs_alone(
    payable_dossier: Dossier,
) -> None:
    fill(
        payable_dossier,
        answers(
            verifications={"has_court_title": "yes", "recognises": "yes"},
            montants={
                "total_claimed": "1 300,00",
                "lines": [
                    ("Capital", "principal", "1 234,56"),
                    ("Frais d'acte", "fees", "65,44"),
                ],
            },
            prescription={
                "nature": "consumer_credit",
                "start": "2026-06-05",
                "events": [],
            },
        ),
    )
    context, text, _ = render(payable_dossier, "frais")
    assert context.basis == (refs.L111_8_AL1, refs.L111_8_AL2)
    assert "les frais de l'exécution forcée peuvent être à ma charge" in text
    assert "L121-21" not in text
    assert "décompte rectifié" not in text


def test_the_fee_letter_says_the_40_euros_are_between_professionals(
    dossier: Dossier,
) -> None:
    fill(
        dossier,
        answers(
            montants={
                "total_claimed": "1 040,00",
                "lines": [
                    ("Capital", "principal", "1 000,00"),
                    ("Indemnité forfaitaire de recouvrement", "fees", "40,00"),
                ],
            }
        ),
    )
    _, text, _ = render(dossier, "frais")
    assert "n'est due qu'entre professionnels" in text
    assert "articles L441-10 et D441-5 du code de commerce" in text


@pytest.mark.parametrize(
    ("courrier", "mentions", "present", "absent"),
    [
        pytest.param(
            {"agency_role": "purchase"},
            ["collector_identity"],
            [],
            ["R124", "222-16"],
            id="buyer-no-calls",
        ),
        pytest.param(
            {"agency_role": "mandate"},
            ["collector_identity", "creditor_identity", "payment_terms"],
            [
                "article R124-4 du code des procédures civiles d'exécution",
                "Cette omission est punie d'une amende (article R124-7",
            ],
            ["222-16"],
            id="mandate-mentions-missing-r124-7-penalty",
        ),
    ],
)
def test_the_harassment_letter_cites_what_the_facts_support(
    dossier: Dossier,
    courrier: dict,
    mentions: list[str],
    present: list[str],
    absent: list[str],
) -> None:
    fill(
        dossier,
        answers(
            courrier=courrier,
            verifications={
                "mentions": mentions,
                "warning_signs": ["contact_third_parties"],
            },
        ),
    )
    _, text, _ = render(dossier, "harcelement")
    for needle in present:
        assert needle in text, needle
    for needle in absent:
        assert needle not in text, needle


@pytest.mark.parametrize(
    ("role", "receipt"),
    [("mandate", True), ("purchase", False)],
    ids=["mandate", "buyer"],
)
def test_the_plan_letter_cites_only_what_it_uses(
    payable_dossier: Dossier, role: str, receipt: bool
) -> None:
    fill(payable_dossier, answers(courrier={"agency_role": role}))
    _, text, _ = render(payable_dossier, "echeancier", monthly="100")
    assert "1343-5" not in text
    assert "intérêt supplémentaire" not in text
    assert (
        "aucun frais de recouvrement ne sera ajouté (article L111-8, alinéa 2" in text
    )
    assert "renoncer aux intérêts de retard" in text
    assert ("R124-6" in text) is receipt


# --- Free text that would acknowledge the debt (item 11) ----------------------------

NOTE = "J'ai reconnu devoir la somme et j'ai promis de payer 50 € par mois"


def test_the_personal_paragraph_is_refused_beside_the_field(
    debtor_client: Client, barred_dossier: Dossier
) -> None:
    url = f"/dossiers/{barred_dossier.pk}/lettres/prescription/"
    response = debtor_client.post(url, {"personal_text": NOTE, "action": "generate"})
    assert response.status_code == 200
    errors = response.context["form"].errors["personal_text"]
    assert NOTE in errors[0]
    assert "relance le délai de prescription" in errors[0]
    assert not Letter.objects.filter(dossier=barred_dossier).exists()


def test_an_acknowledging_note_blocks_every_contesting_letter(
    barred_dossier: Dossier, payable_dossier: Dossier
) -> None:
    for slug in ("prescription", "contestation", "harcelement", "frais"):
        letter = Letter.objects.create(
            dossier=barred_dossier, kind=slug, personal_text=NOTE
        )
        with pytest.raises(compose.LetterBlocked) as blocked:
            services.letter_generate(letter=letter, spec=LETTERS[slug], today=TODAY)
        assert "Paragraphe personnel" in blocked.value.problems[0]
    plan = Letter.objects.create(
        dossier=payable_dossier, kind="echeancier", personal_text=NOTE
    )
    assert services.letter_generate(
        letter=plan, spec=LETTERS["echeancier"], today=TODAY
    )


def test_a_timeline_who_that_acknowledges_blocks_the_harassment_letter(
    debtor_client: Client, barred_dossier: Dossier
) -> None:
    dossier_services.timeline_add(
        dossier=barred_dossier,
        kind="call",
        occurred_on=TODAY,
        direction="from_agency",
        who="moi : je reconnais devoir la somme",
        conduct=["immediate_payment"],
    )
    url = f"/dossiers/{barred_dossier.pk}/lettres/harcelement/"
    page = debtor_client.get(url).content.decode()
    assert "À réécrire avant de générer la lettre" in page
    response = debtor_client.post(f"{url}generer/", follow=True)
    assert "je reconnais devoir la somme" in response.content.decode()
    assert not Letter.objects.get(
        dossier=barred_dossier, kind="harcelement"
    ).versions.exists()


# --- One computation of a plan (item 15) ------------------------------------------

SITUATION = {
    "monthly_income": "2 000",
    "fixed_charges": "900",
    "other_debt_payments": "0",
    "dependants": "0",
    "surendettement_admissible": "no",
}


def test_the_plan_page_and_its_letter_show_one_schedule(
    debtor_client: Client, payable_dossier: Dossier
) -> None:
    fill(
        payable_dossier,
        answers(
            montants={
                "total_claimed": "2 150,00",
                "lines": [
                    ("Capital", "principal", "2 070,00"),
                    ("Frais de recouvrement", "fees", "80,00"),
                ],
            },
            verifications={"recognises": "yes", "payment_considered": "yes"},
            situation=SITUATION,
            prescription={
                "nature": "consumer_credit",
                "start": "2026-06-05",
                "events": [],
            },
        ),
    )
    assessment = assess_dossier(payable_dossier, today=TODAY)
    assert assessment.budget.debt_total.normalize() == 2070  # fees contested: left out
    context, text, _ = render(payable_dossier, "echeancier")
    months = assessment.budget.months_needed
    assert context.count == months
    assert f"Total {context.plan_total_text}".replace("\u00a0", " ") in text
    page = debtor_client.get(f"/dossiers/{payable_dossier.pk}/lettres/echeancier/")
    html = page.content.decode().replace("\u00a0", " ")
    assert f"Il faudrait {months} mois pour payer 2 070,00 €" in html
    assert f"Votre lettre propose {context.count} mensualité" in html
    assert "soit 2 070,00 €, hors les frais et pénalités contestés" in html


def test_the_combined_letter_of_a_partly_barred_loan_says_what_the_limitation_letter_says(
    loan: Dossier,
) -> None:
    """« Réponse complète » carries the limitation letter's own sentences: the
    period's article, the barred instalments only, nothing about the rest."""
    _, text, assessment = render(loan, "reponse", today=LOAN_DAY)
    assert assessment.estimate.status == "partly_barred"
    letter = body(text)
    assert "prescription acquise pour une partie des sommes" in text
    assert "l'article L218-2 du code de la consommation" in letter
    assert "Les sommes suivantes sont donc prescrites :" in letter
    assert "Soit 1 350,00 € au total." in letter
    assert "Cette lettre ne vaut reconnaissance d'aucune des autres sommes" in letter
    assert [day for day in dates_in(letter) if day > LOAN_DAY] == []
    assert "clôturer ce dossier" not in letter
    assert "()" not in letter


def test_the_combined_letter_of_a_barred_credit_names_its_period_and_acts(
    barred_dossier: Dossier,
) -> None:
    _, text, _ = render(barred_dossier, "reponse")
    letter = body(text)
    assert "Sur la forclusion." in letter
    assert "R312-35" in letter.split("À titre subsidiaire")[0]
    assert "Aucun acte interruptif (action en justice signifiée" in letter
    assert letter.count("L121-6") == 1  # said once, with the practices
    assert "()" not in letter
    assert "application de des" not in letter
