"""The pure extraction, table-driven: what is read, and what is left empty."""

import datetime as dt
from decimal import Decimal

import pytest

from reading.extraction import L111_8_AL2, L111_8_AL3, amount_kind, amounts_in, extract
from reading.extraction.text import fold

DIRECTORY = [
    (1, "Intrum", ""),
    (2, "EOS France", ""),
    (3, "Cabot Financial France", ""),
]

LETTER = """INTRUM
12 allée des Tilleuls
CS 80023
69800 Saint-Priest Cedex
Tél. 09 70 00 00 00

Madame Sophie MARTIN
12 rue des Lilas
75011 Paris

Saint-Priest, le 1er mars 2025
Réf. dossier : 123456789
Objet : Mise en demeure de payer

Madame,
Nous intervenons en qualité de société de recouvrement amiable pour le compte
de notre client SFR, dont le siège social est situé 16 rue des Platanes,
75015 Paris, au titre de votre contrat.
Principal ........ 1 234,56 €
Intérêts de retard 34,90 €
Frais de recouvrement 50,00 €
Total dû 1 319,46 €
Merci de régler par virement ou par chèque avant le 30/04/2025.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Total 1 234,56 €", [Decimal("1234.56")]),
        ("Total 1.234,56 EUR", [Decimal("1234.56")]),
        ("Total 1 234,56 euros", [Decimal("1234.56")]),
        ("Total 1\u202f234,56\u00a0€", [Decimal("1234.56")]),
        ("Facture 2023 120,00 €", []),  # a year glued to it: not sure, not read
        ("Versement -50,00 €", [Decimal("-50.00")]),
        ("Payé 434.90 €", [Decimal("434.90")]),
        ("Dossier 2019 et 1234", []),
        ("Réf. 1.234", []),
    ],
    ids=[
        "spaces",
        "dots-eur",
        "euros",
        "narrow-nbsp",
        "glued-year",
        "negative",
        "dot-decimal",
        "no-cents",
        "ref",
    ],
)
def test_french_amounts_are_parsed_never_guessed(
    text: str, expected: list[Decimal]
) -> None:
    assert [money.value for money in amounts_in(text)] == expected


def test_fold_keeps_positions() -> None:
    text = "Créancier : Évry-Courcouronnes"
    assert len(fold(text)) == len(text)
    assert fold(text) == "creancier : evry-courcouronnes"


def test_a_full_letter() -> None:
    data = extract(LETTER, DIRECTORY).as_dict()
    assert data["agency"] == "Intrum"
    assert data["agency_id"] == 1
    assert (
        data["agency_address"]
        == "12 allée des Tilleuls\nCS 80023\n69800 Saint-Priest Cedex"
    )
    assert data["reference"] == "123456789"
    assert data["letter_date"] == "2025-03-01"
    assert data["creditor"] == "SFR"
    assert data["creditor_address"] == "16 rue des Platanes\n75015 Paris"
    assert data["agency_role"] == "mandate"
    assert data["letter_kind"] == "mise_en_demeure"
    assert data["total"] == "1319.46"
    assert [
        (line["label"], line["amount"], line["kind"]) for line in data["lines"]
    ] == [
        ("Principal", "1234.56", "principal"),
        ("Intérêts de retard", "34.90", "interest"),
        ("Frais de recouvrement", "50.00", "fees"),
    ]
    assert data["fees_article_reproduced"] is False
    assert set(data["mentions"]) == {
        "collector_identity",
        "creditor_identity",
        "debt_details",
        "payment_terms",
    }


def test_each_value_carries_its_line_and_confidence() -> None:
    evidence = extract(LETTER, DIRECTORY).as_dict()["evidence"]
    assert evidence["letter_date"] == {
        "line": 11,
        "text": "Saint-Priest, le 1er mars 2025",
        "confidence": 0.9,
    }
    assert evidence["total"]["text"] == "Total dû 1 319,46 €"
    assert evidence["lines"][0]["line"] == 19
    assert evidence["mentions"]["payment_terms"]["line"] == 23


@pytest.mark.parametrize(
    ("wording", "role"),
    [
        ("Nous agissons pour le compte de la société Orange.", "mandate"),
        ("Mandatés par Cofidis, nous vous écrivons.", "mandate"),
        ("Votre créance nous a été cédée par Cofidis.", "purchase"),
        ("En qualité de cessionnaire, nous vous demandons de payer.", "purchase"),
        ("Nous sommes propriétaire de la créance.", "purchase"),
        ("Votre dossier reste impayé.", None),
        ("Pour le compte de X, cessionnaire de la créance.", None),  # both: unsure
    ],
)
def test_agency_role_from_wording(wording: str, role: str | None) -> None:
    assert extract(wording).as_dict()["agency_role"] == role


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Objet : Mise en demeure\nVeuillez régler votre dette.", "mise_en_demeure"),
        ("DERNIER AVIS AVANT POURSUITES\nréglez la créance", "relance"),
        ("Objet : Relance\nMerci de régler", "relance"),
        ("COMMANDEMENT DE PAYER\nAu nom du peuple", "commandement"),
        (
            "SIGNIFICATION D'UNE ORDONNANCE PORTANT INJONCTION DE PAYER\nActe",
            "injonction_signifiee",
        ),
        ("ASSIGNATION\ndevant le tribunal judiciaire", "assignation"),
        ("Nous vous mettons en demeure de régler sous huit jours.", "mise_en_demeure"),
        (
            "Objet : Relance\nÀ défaut, nous engagerons une procédure d'injonction de payer.",
            "relance",
        ),
        ("Merci de régler votre créance par virement.", "relance"),
        ("Bonjour, voici la recette du gâteau.", None),
    ],
)
def test_kind_of_letter(text: str, kind: str | None) -> None:
    assert extract(text).as_dict()["letter_kind"] == kind


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Saint-Priest, le 12 mars 2025", dt.date(2025, 3, 12)),
        ("Le 05/11/2024", dt.date(2024, 11, 5)),
        ("Date : 08/07/2025", dt.date(2025, 7, 8)),
        ("Fait à Lyon le 1er août 2025", dt.date(2025, 8, 1)),
        ("Nantes, le ler avril 2025", dt.date(2025, 4, 1)),  # OCR's « 1er »
        ("À régler avant le 30/04/2025", None),
        ("Contrat du 12/03/2019", None),
        ("Lyon, le 31/02/2025", None),
    ],
)
def test_letter_date_never_a_due_date(line: str, expected: dt.date | None) -> None:
    date = extract(line).as_dict()["letter_date"]
    assert date == (expected.isoformat() if expected else None)


@pytest.mark.parametrize(
    ("label", "amount", "kind"),
    [
        ("Capital restant dû", "100.00", "principal"),
        ("Intérêts contractuels", "10.00", "interest"),
        ("Frais de dossier", "10.00", "fees"),
        ("Clause pénale", "10.00", "penalties"),
        ("Indemnité forfaitaire", "40.00", "penalties"),
        ("Versements reçus", "-20.00", "other"),
        ("Divers", "5.00", None),
    ],
)
def test_amount_kind_is_an_amount_kinds_code_or_none(
    label: str, amount: str, kind: str | None
) -> None:
    assert amount_kind(label, Decimal(amount)) == kind


def test_l111_8_reproduced_even_with_a_few_ocr_errors() -> None:
    noisy = (L111_8_AL2 + " " + L111_8_AL3).replace("exécutoire", "exécut0ire")
    noisy = noisy.replace("créancier", "creancicr", 1).replace("mauvaise", "mauvalse")
    draft = extract(noisy)
    assert draft.fees_article_reproduced
    assert "fees_article" in draft.as_dict()["mentions"]


@pytest.mark.parametrize(
    "text",
    [
        L111_8_AL2,  # the 3rd alinéa is missing
        "Conformément à l'article L111-8 du CPCE, des frais peuvent vous être réclamés.",
        "",
    ],
)
def test_l111_8_not_reproduced(text: str) -> None:
    assert extract(text).fees_article_reproduced is False


def test_nothing_useful_in_a_blank_or_unrelated_text() -> None:
    assert extract("").is_empty
    assert extract("Liste de courses\nPain\nLait\n").is_empty


def test_a_letterhead_outside_the_directory() -> None:
    text = "SCP Martel & Roux, Commissaires de justice\n4 rue de la Paix\n13001 Marseille\n"
    data = extract(text, DIRECTORY).as_dict()
    assert data["agency"] == "SCP Martel & Roux"
    assert data["agency_id"] is None
    assert data["agency_address"] == "4 rue de la Paix\n13001 Marseille"


def test_footer_address_and_two_column_header() -> None:
    text = (
        "EOS France Dossier n° 62397604\n"
        "8 rue du Moulin Date : 08/07/2025\n"
        "CS 70412\n75009 Paris\n"
    )
    data = extract(text, DIRECTORY).as_dict()
    assert data["agency_address"] == "8 rue du Moulin\nCS 70412\n75009 Paris"
    assert data["reference"] == "62397604"
    assert data["letter_date"] == "2025-07-08"
    footer = (
        "CABOT\nLe service\n"
        "Cabot Financial France – 15 rue Pasteur – 92300 Levallois-Perret – RCS 1"
    )
    assert extract(footer, DIRECTORY).as_dict()["agency_address"] == (
        "15 rue Pasteur\n92300 Levallois-Perret"
    )


@pytest.mark.parametrize(
    "footer",
    [
        "Intrum — 12 allée des Tilleuls — CS 80023 — 69800 Saint-Priest Cedex — RCS 412",
        "Intrum - 12 allée des Tilleuls - CS 80023 - 69800 Saint-Priest Cedex -",
        "Intrum | 12 allée des Tilleuls | CS 80023 | 69800 Saint-Priest Cedex",
    ],
    ids=["em-dashes", "spaced-hyphens", "bars"],
)
def test_footer_separators_as_ocr_reads_them(footer: str) -> None:
    text = f"INTRUM\nSociété de recouvrement\n\n{footer}"
    assert extract(text, DIRECTORY).as_dict()["agency_address"] == (
        "12 allée des Tilleuls\nCS 80023\n69800 Saint-Priest Cedex"
    )


def test_a_sentence_wrapped_before_its_amount_is_not_a_table_line() -> None:
    text = (
        "Malgré nos courriers, nous vous demandons de régler la somme de 6 479,91 €\n"
        "Factures impayées 6 472,99 €\nFrais de recouvrement 6,92 €\nTotal dû 6 479,91 €"
    )
    lines = extract(text).as_dict()["lines"]
    assert [line["label"] for line in lines] == [
        "Factures impayées",
        "Frais de recouvrement",
    ]


def test_a_letterhead_name_on_two_lines_keeps_its_address() -> None:
    text = "SCP Martel & Roux, Commissaires de\njustice associés\n4 rue de la Paix\n13001 Marseille"
    assert (
        extract(text).as_dict()["agency_address"] == "4 rue de la Paix\n13001 Marseille"
    )


@pytest.mark.parametrize(
    "label",
    [
        "Total dû",
        "TOTAL À PAYER",
        "Montant total réclamé",
        "Solde restant dû",
        "Somme totale due",
        "Net à payer",
    ],
)
def test_total_labels(label: str) -> None:
    text = f"Principal 100,00 €\nFrais de dossier 20,00 €\n{label} 120,00 €"
    data = extract(text).as_dict()
    assert data["total"] == "120.00"
    assert len(data["lines"]) == 2
