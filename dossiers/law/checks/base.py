"""What every check shares: findings, code tables, input errors.

Pure: no Django, no clock. See the package docstring.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Final, Literal, NamedTuple

Severity = Literal["urgent", "important", "info"]
FeeCategory = Literal["collection", "flat_indemnity", "damages", "penalty", "bank"]

SEVERITY_RANK: Final[Mapping[str, int]] = MappingProxyType(
    {"urgent": 0, "important": 1, "info": 2}
)
"""Sort key of a severity: urgent first."""


class CheckInputError(ValueError):
    """Unknown code or invalid amount given to a check; French message."""


class Choice(NamedTuple):
    """A code's French label and help text, for building form choices."""

    label: str
    help: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One conclusion of the checks, with its reason and legal basis.

    ``responses`` are letter slugs (``contestation``, ``frais``…); ``amount`` is
    the sum concerned (e.g. fees contested) and ``due`` a deadline, if any.
    """

    code: str
    severity: Severity
    title: str
    explanation: str
    basis: tuple[str, ...] = ()
    uncertain: bool = False
    responses: tuple[str, ...] = ()
    amount: Decimal | None = None
    due: dt.date | None = None


def code_table(items: Iterable[tuple[str, str, str]]) -> Mapping[str, Choice]:
    return MappingProxyType({code: Choice(label, hlp) for code, label, hlp in items})


AGENCY_ROLES: Final = code_table(
    [
        (
            "mandate",
            "Elle réclame pour le compte du créancier (mandat)",
            "Le courrier dit agir « pour le compte de » ou « mandaté par » le "
            "créancier.",
        ),
        (
            "purchase",
            "Elle dit avoir racheté la dette (cession de créance)",
            "Le courrier dit que la créance lui a été « cédée » ou qu'elle l'a "
            "« acquise ».",
        ),
        ("unknown", "Je ne sais pas", "Le courrier ne le dit pas clairement."),
    ]
)
"""What the agency says about its role."""


def require_code(code: str, allowed: Mapping[str, Choice], what: str) -> str:
    """Return ``code`` if it is one of ``allowed``, else raise ``CheckInputError``."""
    if code not in allowed:
        raise CheckInputError(f"{what} : valeur inconnue « {code} ».")
    return code


def require_codes(
    codes: Iterable[str], allowed: Mapping[str, Choice], what: str
) -> frozenset[str]:
    """Check a set of codes against ``allowed``."""
    return frozenset(require_code(code, allowed, what) for code in codes)


def labels_of(codes: Iterable[str], table: Mapping[str, Choice]) -> str:
    return " ; ".join(table[code].label for code in table if code in set(codes))
