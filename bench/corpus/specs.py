"""Letters the reader's corpus is made of: drawn from a seed, with their answers.

Every name, address and reference is invented test data (the agencies' names are
those of the directory, their addresses are not theirs).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

AGENCIES = (
    (
        "Intrum",
        "INTRUM",
        "12 allée des Tilleuls",
        "CS 80023",
        "69800 Saint-Priest Cedex",
    ),
    ("iQera", "iQera", "45 avenue de la République", "", "59110 La Madeleine"),
    ("EOS France", "EOS France", "8 rue du Moulin", "CS 70412", "75009 Paris"),
    ("KRUK", "KRUK", "3 place du Marché", "", "44000 Nantes"),
    (
        "MCS et Associés",
        "MCS et Associés",
        "27 boulevard Carnot",
        "BP 214",
        "06000 Nice",
    ),
    (
        "Cabot Financial France",
        "Cabot Financial France",
        "15 rue Pasteur",
        "",
        "92300 Levallois-Perret",
    ),
    (
        "Hoist Finance",
        "Hoist Finance",
        "61 avenue Jean Jaurès",
        "CS 30011",
        "59000 Lille",
    ),
)
STUDIES = (
    (
        "SCP Martel & Roux",
        "SCP Martel & Roux, Commissaires de justice associés",
        "4 rue de la Paix",
        "",
        "13001 Marseille",
    ),
    (
        "SELARL Huissiers Réunis",
        "SELARL Huissiers Réunis, Commissaires de justice",
        "18 quai Voltaire",
        "",
        "33000 Bordeaux",
    ),
)
CREDITORS = (
    ("SFR", "16 rue des Platanes", "75015 Paris"),
    ("Cofidis", "61 avenue Halley", "59650 Villeneuve-d'Ascq"),
    ("Orange", "111 quai du Président Roosevelt", "92130 Issy-les-Moulineaux"),
    ("Sofinco", "1 rue Victor Basch", "91300 Massy"),
    ("Bouygues Telecom", "37 rue Boissière", "75016 Paris"),
    ("Oney Bank", "40 avenue de Flandre", "59170 Croix"),
    ("Franfinance", "53 rue du Port", "92000 Nanterre"),
    ("Engie", "1 place Samuel de Champlain", "92400 Courbevoie"),
    ("Free Mobile", "8 rue de la Ville l'Évêque", "75008 Paris"),
    ("Carrefour Banque", "1 place Copernic", "91080 Évry-Courcouronnes"),
)
DEBTORS = (
    ("Madame Sophie MARTIN", "12 rue des Lilas", "75011 Paris"),
    ("Monsieur Marc DUBOIS", "5 impasse des Vignes", "31000 Toulouse"),
    ("Madame Awa DIALLO", "Résidence Les Pins, bât. B", "93200 Saint-Denis"),
    ("Monsieur Karim BENALI", "27 avenue Foch", "67000 Strasbourg"),
)
MONTHS = (
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
)
PRINCIPAL = (
    "Principal",
    "Capital restant dû",
    "Montant de la créance",
    "Factures impayées",
    "Échéances impayées",
)
ACCESSORIES = (
    ("interest", ("Intérêts de retard", "Intérêts contractuels", "Intérêts")),
    ("fees", ("Frais de recouvrement", "Frais de dossier", "Frais de relance")),
    ("penalties", ("Clause pénale", "Indemnité forfaitaire", "Pénalités de retard")),
)
TOTAL_LABELS = (
    "Total dû",
    "TOTAL À PAYER",
    "Montant total réclamé",
    "Solde restant dû",
    "Somme totale due",
)


ACTS = frozenset({"commandement", "injonction_signifiee", "assignation"})
"""Kinds delivered by a commissaire de justice rather than an agency."""


@dataclass
class LetterSpec:
    """One letter to render, and what the reader should find on it."""

    ident: str
    layout: str
    issuer: tuple[str, str, str, str, str]
    debtor: tuple[str, str, str]
    creditor: tuple[str, str, str]
    reference: str
    date: dt.date
    date_style: str
    kind: str
    role: str  # mandate / purchase / none
    creditor_style: str  # phrase / label / none-address
    lines: list[tuple[str, str, Decimal]]
    total_label: str
    money_style: str
    l111_8: str  # full / none / cited
    two_pages: bool
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def total(self) -> Decimal:
        return sum((amount for _k, _l, amount in self.lines), Decimal(0))

    def expected(self) -> dict[str, Any]:
        """The ``read_letter --json`` answer a perfect reader gives."""
        name, _head, street, box, town = self.issuer
        with_address = self.creditor_style != "no-address"
        return {
            "agency": name,
            "agency_address": "\n".join(p for p in (street, box, town) if p),
            "reference": self.reference,
            "letter_date": self.date.isoformat(),
            "creditor": self.creditor[0],
            "creditor_address": "\n".join(self.creditor[1:]) if with_address else None,
            "agency_role": None if self.role == "none" else self.role,
            "letter_kind": self.kind,
            "total": f"{self.total:.2f}",
            "lines": [
                {"label": label, "amount": f"{amount:.2f}"}
                for _k, label, amount in self.lines
            ],
            "fees_article_reproduced": self.l111_8 == "full",
        }


def money(amount: Decimal, style: str) -> str:
    """``amount`` as a French letter writes it, in one of three styles."""
    sign = "-" if amount < 0 else ""
    whole, cents = f"{abs(amount):.2f}".split(".")
    groups = f"{int(whole):,}"
    if style == "dot-eur":
        return f"{sign}{groups.replace(',', '.')},{cents} EUR"
    if style == "euros":
        return f"{sign}{groups.replace(',', ' ')},{cents} euros"
    narrow, nbsp = "\u202f", "\u00a0"
    return f"{sign}{groups.replace(',', narrow)},{cents}{nbsp}€"


def letter_date(day: dt.date, style: str) -> str:
    if style == "numeric":
        return f"{day:%d/%m/%Y}"
    return f"{'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]} {day.year}"


def _amounts(rng: random.Random) -> list[tuple[str, str, Decimal]]:
    principal = Decimal(rng.choice((rng.randint(80, 900), rng.randint(1000, 9800))))
    principal += Decimal(rng.randint(0, 99)) / 100
    lines = [("principal", rng.choice(PRINCIPAL), principal)]
    for kind, labels in ACCESSORIES:
        if rng.random() < 0.6:
            value = Decimal(rng.randint(500, 15000)) / 100
            lines.append((kind, rng.choice(labels), value))
    if rng.random() < 0.2:
        lines.append(("other", "Versements reçus", -Decimal(rng.randint(20, 200))))
    return lines


def draw(rng: random.Random, index: int) -> LetterSpec:
    kind = rng.choices(
        (
            "relance",
            "mise_en_demeure",
            "commandement",
            "injonction_signifiee",
            "assignation",
        ),
        weights=(40, 36, 8, 8, 8),
    )[0]
    issuer = rng.choice(STUDIES if kind in ACTS else AGENCIES)
    role = rng.choices(("mandate", "purchase", "none"), weights=(50, 35, 15))[0]
    creditor_style = rng.choice(("phrase", "label")) if role == "mandate" else "label"
    if role == "purchase" and rng.random() < 0.5:
        creditor_style = "no-address"
    reference = rng.choice(("{d}", "RC-{d}", "{d}/{y}", "DOS{d}")).format(
        d=rng.randint(1000000, 99999999), y=rng.randint(2019, 2025)
    )
    return LetterSpec(
        ident=f"letter-{index:03d}",
        layout=rng.choice(("classic", "banner", "grid")),
        issuer=issuer,
        debtor=rng.choice(DEBTORS),
        creditor=rng.choice(CREDITORS),
        reference=reference,
        date=dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 330)),
        date_style=rng.choice(("words", "numeric")),
        kind=kind,
        role=role,
        creditor_style=creditor_style,
        lines=_amounts(rng),
        total_label=rng.choice(TOTAL_LABELS),
        money_style=rng.choice(("nbsp-euro", "dot-eur", "euros")),
        l111_8=rng.choices(("full", "none", "cited"), weights=(50, 30, 20))[0],
        two_pages=rng.random() < 0.25,
        options={
            "payment": rng.choice(("virement", "cheque", "online")),
            "tone": rng.randint(0, 2),
        },
    )


def corpus(seed: int = 2026, count: int = 30) -> list[LetterSpec]:
    """``count`` letters drawn from ``seed``: the same seed, the same letters."""
    rng = random.Random(seed)
    return [draw(rng, index) for index in range(count)]
