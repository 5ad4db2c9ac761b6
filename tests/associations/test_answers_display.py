"""The debtor's answers in the admin: the wizard's questions and the labels of
her choices, never a stored code (issue 19, item 3)."""

import pytest

from associations.display import answers_rows
from dossiers.answers import Answers
from dossiers.forms import CourrierForm, PrescriptionForm
from dossiers.law.checks import AMOUNT_KINDS
from dossiers.law.findings import RESPONSE_TITLES
from dossiers.law.prescription import EVENT_KINDS, NATURES

ANSWERS = {
    "courrier": {
        "agency_id": 7,
        "agency_name": "Intrum",
        "agency_address": "97 allée Borodine\n69800 Saint-Priest",
        "letter_date": "2026-11-20",
        "channel": "recommande",
        "letter_kind": "mise_en_demeure",
        "agency_role": "mandate",
    },
    "montants": {
        "total_claimed": "1318.40",
        "is_consumer": True,
        "lines": [{"label": "Frais", "kind": "fees", "amount": "70.00"}],
    },
    "prescription": {
        "nature": "telecom",
        "start": "2025-01-15",
        "acceleration": None,
        "events": [{"kind": "formal_notice", "on": "2026-11-20", "end": None}],
    },
    "reponse": {"letters": ["contestation", "prescription"]},
    "coordonnees": {"first_name": "Sophie", "save_to_profile": False},
}


@pytest.fixture
def rows(db) -> dict[str, dict[str, str]]:
    return {
        title: dict(items) for title, items in answers_rows(Answers.from_json(ANSWERS))
    }


def test_questions_are_the_wizard_s_labels(rows) -> None:
    courrier = rows["Le courrier"]
    assert courrier[str(CourrierForm.base_fields["agency"].label)] == (
        "Intrum (choisie dans l'annuaire)"
    )
    assert courrier["Date du courrier"] == "20 novembre 2026"
    assert courrier["Comment l'avez-vous reçu ?"] == "Lettre recommandée"
    assert "agency_id" not in courrier
    assert str(CourrierForm.base_fields["agency_name"].label) not in courrier


def test_amounts_rows_and_yes_no(rows) -> None:
    montants = rows["Les montants"]
    assert montants["Montant total réclamé (€)"] == "1\u00a0318,40\u00a0€"
    consumer = str(next(k for k in montants if k.startswith("Cette dette vient-elle")))
    assert montants[consumer] == "Oui"
    assert montants["Ligne 1"].split("\n") == [
        "Intitulé de la ligne : Frais",
        f"Nature de la ligne : {AMOUNT_KINDS['fees'].label}",
        "Montant (€) : 70,00\u00a0€",
    ]


def test_events_read_as_sentences_not_codes(rows) -> None:
    prescription = rows["La prescription"]
    label = str(PrescriptionForm.base_fields["nature"].label)
    assert prescription[label] == NATURES["telecom"].label
    event = prescription["Événement 1"]
    assert event == (
        f"Ce qui s'est passé : {EVENT_KINDS['formal_notice'].label}\n"
        "Date : 20 novembre 2026"
    )
    assert "formal_notice" not in event
    assert prescription["Date de la déchéance du terme (crédits et prêts)"] == "—"


def test_chosen_letters_by_their_titles_and_booleans(rows) -> None:
    letters = rows["Ma réponse"]["Les lettres que vous voulez préparer"]
    assert letters == (
        f"{RESPONSE_TITLES['contestation']} ; {RESPONSE_TITLES['prescription']}"
    )
    assert (
        rows["Mes coordonnées"][
            "Enregistrer ces coordonnées dans mon compte pour mes prochains dossiers"
        ]
        == "non"
    )


def test_no_query_for_the_directory(db, django_assert_num_queries) -> None:
    """The directory's name is in the answers: no query per field or row."""
    with django_assert_num_queries(0):
        answers_rows(Answers.from_json(ANSWERS))
