"""The sum claimed: breakdown, total, and the fees it may not include
(CPCE L111-8, C. consom. L121-21)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Final

from dossiers.law import references as refs
from dossiers.law.money import cents, format_euros

from .base import (
    AGENCY_ROLES,
    CheckInputError,
    FeeCategory,
    Finding,
    code_table,
    require_code,
)

FLAT_INDEMNITY_B2B: Final = Decimal("40")
"""Flat collection indemnity between professionals (C. com. D441-5)."""

AMOUNT_KINDS: Final = code_table(
    [
        ("principal", "Principal", "La somme due au départ (capital, factures)."),
        ("interest", "Intérêts", "Intérêts contractuels ou de retard."),
        ("fees", "Frais", "Frais de recouvrement, de dossier, de relance…"),
        ("penalties", "Pénalités", "Pénalités, clause pénale, indemnités."),
        ("other", "Autre", "Autre ligne (un versement déjà fait peut être négatif)."),
    ]
)
"""Kinds of amount line; only ``other`` may be negative (payments deducted)."""


@dataclass(frozen=True, slots=True)
class AmountLine:
    """One labelled line of the sum claimed (kind: see ``AMOUNT_KINDS``)."""

    label: str
    kind: str
    amount: Decimal

    def __post_init__(self) -> None:
        require_code(self.kind, AMOUNT_KINDS, "Type de montant")
        if not isinstance(self.label, str) or not self.label.strip():
            raise CheckInputError("Chaque montant doit avoir un libellé.")
        _check_money(self.amount, "Montant", allow_negative=self.kind == "other")


def _check_money(value: object, what: str, *, allow_negative: bool) -> Decimal:
    return cents(
        value,
        what,
        error=CheckInputError,
        allow_negative=allow_negative,
        too_large="montant invalide",
    )


_FEE_PATTERNS: Final[tuple[tuple[FeeCategory, re.Pattern[str]], ...]] = (
    ("damages", re.compile(r"\bdommages?\b")),
    ("flat_indemnity", re.compile(r"\bindemnite forfaitaire\b")),
    ("bank", re.compile(r"\brejets?\b|\bcheques? impayes?\b|\bfrais bancaires\b")),
    ("penalty", re.compile(r"\bpenalites?\b|\bclause penale\b|\bindemnites?\b")),
    ("penalty", re.compile(r"\bmajorations?\b")),
    ("collection", re.compile(r"\bfrais\b|\bhonoraires?\b|\bcouts? de recouvrement\b")),
)
_DEFAULT_CATEGORY: Final[Mapping[str, FeeCategory]] = MappingProxyType(
    {"fees": "collection", "penalties": "penalty"}
)


def _normalise(label: str) -> str:
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_only).split())


def fee_category(label: str, kind: str) -> FeeCategory | None:
    """Classify a line as a kind of fee, or ``None`` if it is not a fee.

    Principal and interest lines are never fees (interest is not a "frais").
    Otherwise the label decides (frais, pénalité, dommages, indemnité
    forfaitaire…); a ``fees`` or ``penalties`` line with another label is still
    a fee.
    """
    require_code(kind, AMOUNT_KINDS, "Type de montant")
    if kind in {"principal", "interest"}:
        return None
    text = _normalise(label)
    for category, pattern in _FEE_PATTERNS:
        if pattern.search(text):
            return category
    return _DEFAULT_CATEGORY.get(kind)


def is_collection_fee(label: str, kind: str) -> bool:
    """True if the line is a fee, penalty or damages rather than the debt itself."""
    return fee_category(label, kind) is not None


def contested_fee_lines(
    lines: Sequence[AmountLine], *, is_consumer: bool, has_court_title: bool
) -> list[AmountLine]:
    """The lines a letter contests and a payment leaves out: fees, penalties and
    damages claimed without a court title (L111-8 al. 2), except the €40 flat
    indemnity a professional owes (C. com. L441-10). With a court title the
    fees may be execution costs (al. 1): none is left out."""
    if has_court_title:
        return []
    return [
        line
        for line, category in _categorised(lines)
        if is_consumer or not _is_b2b_flat((line, category))
    ]


def payable_total(
    lines: Sequence[AmountLine],
    total_claimed: Decimal | None,
    *,
    is_consumer: bool,
    has_court_title: bool,
) -> Decimal | None:
    """The total claimed without the contested fees: the one sum that the budget
    and the payment letters both use (never below zero)."""
    if total_claimed is None:
        return None
    contested = contested_fee_lines(
        lines, is_consumer=is_consumer, has_court_title=has_court_title
    )
    fees = sum((line.amount for line in contested), Decimal(0))
    return max(total_claimed - fees, Decimal(0))


def check_amounts(
    lines: Sequence[AmountLine],
    total_claimed: Decimal | None,
    *,
    is_consumer: bool,
    has_court_title: bool,
    agency_role: str = "unknown",
) -> list[Finding]:
    """Check the breakdown and total of the sum claimed, and the fees in it."""
    role = require_code(agency_role, AGENCY_ROLES, "Rôle de l'agence")
    total = None
    if total_claimed is not None:
        total = _check_money(total_claimed, "Total réclamé", allow_negative=False)
    if not lines and total is None:
        return []
    findings = _breakdown_findings(lines, total, role)
    findings.extend(_fee_findings(lines, is_consumer, has_court_title))
    return findings


def _breakdown_basis(role: str) -> tuple[str, ...]:
    if role == "purchase":
        return (refs.CIV_1353,)
    return (refs.R124_4_3, refs.CIV_1353)


def _breakdown_findings(
    lines: Sequence[AmountLine], total: Decimal | None, role: str
) -> list[Finding]:
    if all(line.kind == "other" for line in lines):
        return [_no_breakdown(role)]
    if total is None:
        return [_total_missing(role)]
    parts = sum((line.amount for line in lines), Decimal(0))
    if parts != total:
        return [_total_mismatch(parts, total, role)]
    return []


def _no_breakdown(role: str) -> Finding:
    return Finding(
        code="no_breakdown",
        severity="important",
        title="Le détail de la somme réclamée manque",
        explanation=(
            "Le courrier ne sépare pas le principal, les intérêts et les frais. "
            "C'est à celui qui réclame de prouver ce qui est dû (charge de la "
            "preuve). Demandez un décompte détaillé avant de payer quoi que ce soit."
        ),
        basis=_breakdown_basis(role),
        responses=("contestation",),
    )


def _total_missing(role: str) -> Finding:
    return Finding(
        code="total_missing",
        severity="important",
        title="Le total réclamé n'est pas indiqué",
        explanation=(
            "Sans montant total, vous ne pouvez pas savoir ce qui vous est "
            "réclamé. Demandez un décompte détaillé."
        ),
        basis=_breakdown_basis(role),
        responses=("contestation",),
    )


def _total_mismatch(parts: Decimal, total: Decimal, role: str) -> Finding:
    gap = total - parts
    return Finding(
        code="total_mismatch",
        severity="important",
        title="Le total ne correspond pas au détail",
        explanation=(
            f"Les lignes du détail font {format_euros(parts)}, mais le total "
            f"réclamé est de {format_euros(total)} (écart : "
            f"{format_euros(abs(gap))}). Demandez un décompte détaillé et exact."
        ),
        basis=_breakdown_basis(role),
        responses=("contestation",),
        amount=abs(gap),
    )


_CERTAIN_FEES: Final = frozenset({"collection", "flat_indemnity", "damages"})


def _categorised(lines: Sequence[AmountLine]) -> list[tuple[AmountLine, FeeCategory]]:
    pairs = []
    for line in lines:
        category = fee_category(line.label, line.kind)
        if category is not None:
            pairs.append((line, category))
    return pairs


def _fee_findings(
    lines: Sequence[AmountLine], is_consumer: bool, has_court_title: bool
) -> list[Finding]:
    fees = _categorised(lines)
    if not fees:
        return []
    if has_court_title:
        return [_fees_with_title(fees)]
    if is_consumer:
        return _consumer_fees(fees)
    return _professional_fees(fees)


def _total(pairs: Sequence[tuple[AmountLine, FeeCategory]]) -> Decimal:
    return sum((line.amount for line, _ in pairs), Decimal(0))


def _listing(pairs: Sequence[tuple[AmountLine, FeeCategory]]) -> str:
    return " ; ".join(
        f"« {line.label.strip()} » {format_euros(line.amount)}" for line, _ in pairs
    )


def _consumer_fees(fees: list[tuple[AmountLine, FeeCategory]]) -> list[Finding]:
    certain = [pair for pair in fees if pair[1] in _CERTAIN_FEES]
    to_check = [pair for pair in fees if pair[1] not in _CERTAIN_FEES]
    findings = []
    if certain:
        findings.append(_fees_not_chargeable(certain))
    if to_check:
        findings.append(_fees_to_check(to_check))
    return findings


def _fees_not_chargeable(pairs: list[tuple[AmountLine, FeeCategory]]) -> Finding:
    categories = {category for _, category in pairs}
    text = [
        f"Lignes concernées : {_listing(pairs)}. Les frais de recouvrement engagés "
        "sans décision de justice (titre exécutoire) restent à la charge du "
        "créancier, même si le contrat dit le contraire ; les réclamer à un "
        "particulier est interdit. Seul un juge peut en mettre une partie à la "
        "charge d'un débiteur de mauvaise foi.",
    ]
    basis = [refs.L111_8_AL2, refs.L121_21, refs.CASS_2010_FEES, refs.L111_8_AL3]
    if "flat_indemnity" in categories:
        text.append(
            "L'indemnité forfaitaire de 40 € ne s'applique qu'entre professionnels, "
            "jamais à un particulier."
        )
        basis.append(refs.L441_10)
    if "damages" in categories:
        text.append(
            "Des dommages et intérêts en plus des intérêts de retard supposent la "
            "mauvaise foi du débiteur et un préjudice distinct du retard : sans "
            "preuve de ces conditions, ils ne sont pas dus."
        )
        basis.append(refs.CIV_1231_6)
    total = _total(pairs)
    text.append(f"Montant à retirer : {format_euros(total)}.")
    return Finding(
        code="fees_not_chargeable",
        severity="important",
        title="Des frais réclamés ne sont pas dus (frais de recouvrement)",
        explanation=" ".join(text),
        basis=tuple(basis),
        responses=("frais",),
        amount=total,
    )


def _fees_to_check(pairs: list[tuple[AmountLine, FeeCategory]]) -> Finding:
    total = _total(pairs)
    return Finding(
        code="fees_to_check",
        severity="important",
        title="Pénalités ou frais à justifier (à vérifier)",
        explanation=(
            f"Lignes concernées : {_listing(pairs)}. S'il s'agit en fait de frais "
            "de recouvrement, ils ne sont pas dus. S'ils sont prévus par votre "
            "contrat ou par la loi (par exemple des frais de rejet de paiement), "
            "ils peuvent l'être : à vérifier. Demandez ce qui les justifie "
            f"({format_euros(total)} en tout)."
        ),
        basis=(refs.L111_8_AL2, refs.L121_21),
        uncertain=True,
        responses=("frais",),
        amount=total,
    )


def _is_b2b_flat(pair: tuple[AmountLine, FeeCategory]) -> bool:
    line, category = pair
    return category == "flat_indemnity" and line.amount <= FLAT_INDEMNITY_B2B


def _professional_fees(fees: list[tuple[AmountLine, FeeCategory]]) -> list[Finding]:
    flat = [pair for pair in fees if _is_b2b_flat(pair)]
    others = [pair for pair in fees if not _is_b2b_flat(pair)]
    findings = []
    if flat:
        findings.append(
            Finding(
                code="flat_indemnity_b2b",
                severity="info",
                title="Indemnité forfaitaire de 40 € entre professionnels",
                explanation=(
                    "Entre professionnels, un retard de paiement rend dû de plein "
                    "droit une indemnité forfaitaire de 40 € pour frais de "
                    "recouvrement."
                ),
                basis=(refs.L441_10,),
                amount=_total(flat),
            )
        )
    if others:
        findings.append(_professional_fees_to_check(others))
    return findings


def _professional_fees_to_check(pairs: list[tuple[AmountLine, FeeCategory]]) -> Finding:
    return Finding(
        code="fees_professional_to_check",
        severity="important",
        title="Frais réclamés à un professionnel (à vérifier)",
        explanation=(
            f"Lignes concernées : {_listing(pairs)}. Les frais de recouvrement "
            "engagés sans décision de justice restent en principe à la charge du "
            "créancier, sauf texte contraire. Entre professionnels, des exceptions "
            "existent : à vérifier. Demandez ce qui les justifie."
        ),
        basis=(refs.L111_8_AL2,),
        uncertain=True,
        responses=("frais",),
        amount=_total(pairs),
    )


def _fees_with_title(pairs: list[tuple[AmountLine, FeeCategory]]) -> Finding:
    return Finding(
        code="fees_with_title_to_check",
        severity="info",
        title="Frais réclamés avec une décision de justice (à vérifier)",
        explanation=(
            f"Lignes concernées : {_listing(pairs)}. Avec une décision de justice "
            "(titre exécutoire), les frais de l'exécution forcée peuvent être à "
            "votre charge, sauf s'ils n'étaient manifestement pas nécessaires. Les "
            "frais de recouvrement amiable restent à la charge du créancier. "
            "Vérifiez que chaque frais figure dans la décision ou correspond à un "
            "acte d'exécution : à vérifier."
        ),
        basis=(refs.L111_8_AL1, refs.L111_8_AL2),
        uncertain=True,
        responses=("frais",),
        amount=_total(pairs),
    )
