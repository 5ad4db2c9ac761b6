"""Electronic-communications operators, to suggest the telecom nature of a debt.

An unpaid phone or internet bill prescribes in one year (CPCE (postes) L34-2,
reference §1.6), not in the two years of consumer debts (L218-2): picking
« abonnement » among the consumer examples would give her a year too many. When
the creditor is an operator, the wizard preselects the telecom nature and she
confirms; equipment (an unreturned box, a phone paid in instalments) stays
under L218-2, which the nature's own warning says.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

OPERATORS: Final = (
    ("SFR", r"sfr"),
    ("RED by SFR", r"red(?: by sfr)?"),
    ("Orange", r"orange(?! bank)"),
    ("Sosh", r"sosh"),
    ("Bouygues Telecom", r"bouygues(?: telecom)?"),
    ("B&You", r"b ?(?:&|and|et) ?you"),
    ("Free", r"free(?: mobile| telecom)?"),
    ("Numericable", r"numericable"),
    ("La Poste Mobile", r"la poste (?:mobile|telecom)"),
    ("Coriolis Telecom", r"coriolis"),
    ("Prixtel", r"prixtel"),
    ("NRJ Mobile", r"nrj mobile"),
    ("Auchan Telecom", r"auchan telecom"),
    ("Cdiscount Mobile", r"cdiscount mobile"),
    ("Lebara", r"lebara"),
    ("Lycamobile", r"lycamobile"),
    ("Syma Mobile", r"syma"),
    ("Virgin Mobile", r"virgin mobile"),
)
"""Operators (name, pattern on the folded name): those of the issue and the
other French brands a collection letter names most often."""

_PATTERNS: Final = tuple(
    (name, re.compile(rf"(?:^|[^a-z0-9&]){pattern}(?:$|[^a-z0-9&])"))
    for name, pattern in OPERATORS
)


def telecom_operator(*names: str) -> str | None:
    """The operator named in one of ``names`` (creditor, agency), or None."""
    for raw in names:
        folded = _fold(raw)
        for name, pattern in _PATTERNS:
            if pattern.search(folded):
                return name
    return None


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("’", "'").split())
