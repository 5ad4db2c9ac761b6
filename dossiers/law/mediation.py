"""Consumer mediation (reference §8.3): which sector's mediator to suggest.

The mediator is the *creditor's* (the professional of the contract); its name
and address must appear on its contract, invoices or website (C. consom.
L616-1 [M]). The sectors below are those the reference names as often met
[S]: the product suggests one from the nature of the debt and always says to
check it on the creditor's documents. Pure: no Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, NamedTuple


class Sector(NamedTuple):
    label: str
    natures: tuple[str, ...]
    """Natures of debt (``prescription.NATURES``) whose creditor is usually here."""


SECTORS: Final[Mapping[str, Sector]] = MappingProxyType(
    {
        "telecom": Sector(
            "Communications électroniques (téléphone, internet)", ("telecom",)
        ),
        "energy": Sector("Électricité et gaz", ()),
        "water": Sector("Eau", ()),
        "credit": Sector("Crédit à la consommation", ("consumer_credit",)),
        "bank": Sector("Banque", ("overdraft", "real_estate_loan")),
        "other": Sector("Autre secteur", ()),
    }
)
"""Sector code → label and the natures of debt it usually covers."""

CHECK_ON_INVOICES: Final = (
    "Vérifiez le nom et l'adresse du médiateur sur vos factures, votre contrat ou le "
    "site du créancier (à vérifier) : c'est celui du créancier d'origine."
)


def sector_for(nature: str) -> str | None:
    """The sector whose mediator is usually the creditor's, for this nature."""
    return next((code for code, s in SECTORS.items() if nature in s.natures), None)
