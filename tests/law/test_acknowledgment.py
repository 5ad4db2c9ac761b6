"""Free text that acknowledges the debt (issue 18, item 11; reference §2.2-2.3):
« je reconnais », « je dois », « je promets / je m'engage à payer », an amount
offered, a request for delays — but not what contests the debt."""

import pytest

from dossiers.law.acknowledgment import acknowledgments


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        pytest.param(
            "J'ai reconnu devoir la somme et j'ai promis de payer 50 € par mois",
            "J'ai reconnu devoir la somme et j'ai promis de payer 50 € par mois",
            id="the-call-note-of-the-issue",
        ),
        pytest.param(
            "Je reconnais devoir 300 €.", "Je reconnais devoir 300 €", id="reconnais"
        ),
        pytest.param("je RECONNAIS la dette", "je RECONNAIS la dette", id="case"),
        pytest.param(
            "La somme que je dois est ancienne.", "je dois est ancienne", id="je-dois"
        ),
        pytest.param(
            "Je vous dois 120 euros", "Je vous dois 120 euros", id="je-vous-dois"
        ),
        pytest.param(
            "Je promets de rembourser", "Je promets de rembourser", id="promets"
        ),
        pytest.param(
            "Je m’engage à régler le solde",
            "Je m’engage à régler le solde",
            id="engage",
        ),
        pytest.param(
            "Je vous propose de verser 30 euros.",
            "Je vous propose de verser 30 euros",
            id="offer",
        ),
        pytest.param(
            "Je peux payer 20 €/mois", "Je peux payer 20 €/mois", id="can-pay"
        ),
        pytest.param(
            "Mon budget : 40 € par mois.", "40 € par mois", id="amount-per-month"
        ),
        pytest.param(
            "Je vous demande un échéancier.", "Je vous demande un échéancier", id="plan"
        ),
        pytest.param(
            "Je sollicite des délais de paiement",
            "Je sollicite des délais de paiement",
            id="delays",
        ),
        pytest.param("Ma dette date de 2019.", "Ma dette", id="ma-dette"),
    ],
)
def test_acknowledging_phrases_are_found(text: str, phrase: str) -> None:
    [found] = acknowledgments(text)
    assert found.phrase == phrase
    assert "relance le délai de prescription" in found.explanation
    assert "renonciation" in found.explanation


@pytest.mark.parametrize(
    "text",
    [
        "Je ne reconnais pas cette dette.",
        "Je ne reconnais devoir aucune somme.",
        "Je ne dois rien.",
        "Je dois vous dire que je conteste ces frais.",
        "Je reconnais avoir reçu votre courrier du 12 octobre.",
        "Vous m'avez proposé un échéancier que je refuse.",
        "Les mensualités de 2021 sont prescrites.",
        "Je ne peux pas payer une dette que je conteste.",
        "",
    ],
)
def test_contesting_sentences_are_not_acknowledgments(text: str) -> None:
    assert acknowledgments(text) == []


def test_each_phrase_once_in_reading_order() -> None:
    found = acknowledgments("Je vous propose 30 € par mois. Je reconnais la dette.")
    assert [item.phrase for item in found] == ["30 € par mois", "Je reconnais la dette"]
