"""A dossier filled like Sophie's, with a budget, and helpers to read PDFs."""

import copy
import re
from typing import Any

import pytest

from accounts.models import User
from dossiers import demo
from dossiers.models import Dossier
from tests.factories import coordinates
from tests.pdftext import page_texts


def answers(**overrides: dict[str, Any]) -> dict[str, dict[str, Any]]:
    data = copy.deepcopy(demo.SOPHIE_ANSWERS)
    data["coordonnees"] = coordinates()
    for step, values in overrides.items():
        data[step] = {**data.get(step, {}), **values}
    return data


def fill(dossier: Dossier, data: dict[str, dict[str, Any]]) -> Dossier:
    demo.fill(dossier, {k: v for k, v in data.items() if k != "coordonnees"})
    dossier.refresh_from_db()
    dossier.answers = {**dossier.answers.to_json(), "coordonnees": data["coordonnees"]}
    dossier.save()
    return dossier


@pytest.fixture
def barred_dossier(dossier: Dossier) -> Dossier:
    """Sophie's case: forclosed consumer credit, fees, harassment signs."""
    return fill(dossier, answers())


@pytest.fixture
def payable_dossier(debtor: User) -> Dossier:
    """A recent, recognised debt with a sustainable budget: payment letters offered."""
    dossier = Dossier.objects.create(owner=debtor, title="Payable")
    data = answers(
        montants={
            "total_claimed": "1 234,56",
            "lines": [("Capital restant dû", "principal", "1 234,56")],
        },
        verifications={
            "mentions_checked": "checked",
            "mentions": [
                "collector_identity",
                "creditor_identity",
                "payment_terms",
            ],
            "documents": [
                "contract",
                "invoices",
                "statement",
                "payment_history",
                "mandate_or_deed",
            ],
            "recognises": "yes",
            "warning_signs": [],
            "payment_considered": "yes",
        },
        prescription={"nature": "consumer_credit", "start": "2026-06-05", "events": []},
        situation={
            "monthly_income": "2 000",
            "fixed_charges": "900",
            "other_debt_payments": "0",
            "dependants": "0",
            "surendettement_admissible": "no",
        },
    )
    return fill(dossier, data)


PAGE_FOOTER = re.compile(r"\bPage \d+ / \d+\s*$")
"""The running footer (letter.css, @bottom-right), dropped so that the text
reads on from one page to the next as the letter does."""


def pdf_text(pdf: bytes) -> str:
    text = "\n".join(PAGE_FOOTER.sub("", page) for page in page_texts(pdf))
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    text = re.sub(r"(\w)\u2010\s+(\w)", r"\1\2", text)  # words hyphenated at a line end
    return " ".join(text.split())
