"""Checks on a collection letter: mandatory mentions, amounts and fees, who owns
the debt, proofs received, warning signs and urgent court procedures.

Pure functions: no Django, no clock (``today`` is passed in). Each check returns
a list of :class:`Finding` carrying its legal basis (see ``refs``) and the letter
slugs that answer it. User-facing strings are plain French with the legal term
in brackets; where the law reference marks a point as uncertain the finding has
``uncertain=True`` and says "à vérifier".
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Final, Literal, NamedTuple

from . import refs
from .dates import one_month_after
from .schedule import format_date, format_euros

Severity = Literal["urgent", "important", "info"]
FeeCategory = Literal["collection", "flat_indemnity", "damages", "penalty", "bank"]

SEVERITY_RANK: Final[Mapping[str, int]] = MappingProxyType(
    {"urgent": 0, "important": 1, "info": 2}
)
"""Sort key of a severity: urgent first."""

MAX_AMOUNT: Final = Decimal("10000000")
FLAT_INDEMNITY_B2B: Final = Decimal("40")
"""Flat collection indemnity between professionals (C. com. D441-5)."""


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


def _choices(items: Iterable[tuple[str, str, str]]) -> Mapping[str, Choice]:
    return MappingProxyType({code: Choice(label, hlp) for code, label, hlp in items})


R124_4_MENTIONS: Final = _choices(
    [
        (
            "collector_identity",
            "Nom et adresse de l'agence, et le fait qu'elle fait du recouvrement "
            "amiable",
            "1° : le nom (ou la raison sociale) et l'adresse de l'agence, avec "
            "l'indication qu'elle exerce une activité de recouvrement amiable.",
        ),
        (
            "creditor_identity",
            "Nom et adresse du créancier (celui à qui la dette est due)",
            "2° : le nom (ou la raison sociale) et l'adresse du créancier.",
        ),
        (
            "debt_details",
            "Origine et détail de la somme : principal, intérêts et autres "
            "accessoires, séparés",
            "3° : le fondement et le montant de la somme due, en distinguant "
            "principal, intérêts et autres accessoires.",
        ),
        (
            "payment_terms",
            "Demande de payer et façons de payer (modalités de paiement)",
            "4° : l'indication d'avoir à payer et les modalités de paiement.",
        ),
        (
            "fees_article",
            "Texte de l'article L111-8 sur les frais de recouvrement recopié",
            "5° : le courrier recopie les alinéas de l'article L111-8 : « Les frais "
            "de recouvrement entrepris sans titre exécutoire restent à la charge du "
            "créancier… ».",
        ),
    ]
)
"""The five mandatory mentions of CPCE R124-4, in the order of the article."""

LETTER_KINDS: Final = _choices(
    [
        ("relance", "Relance amiable", "Un courrier qui vous demande de payer."),
        (
            "mise_en_demeure",
            "Mise en demeure",
            "Un courrier intitulé « mise en demeure », souvent en recommandé.",
        ),
        (
            "injonction_signifiee",
            "Injonction de payer signifiée",
            "Une ordonnance d'un juge, remise par un commissaire de justice "
            "(ex-huissier) : le délai pour réagir est court.",
        ),
        (
            "commandement",
            "Acte de commissaire de justice / commandement de payer",
            "Un acte remis par un commissaire de justice, par exemple un "
            "commandement de payer avant une saisie.",
        ),
        (
            "assignation",
            "Assignation (convocation au tribunal)",
            "Un acte qui vous convoque à une audience devant un tribunal.",
        ),
        ("autre", "Autre", "Un autre type de courrier."),
    ]
)
"""Kinds of letter received."""

AGENCY_ROLES: Final = _choices(
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

RECOGNITION: Final = _choices(
    [
        ("yes", "Oui", "Vous reconnaissez devoir cette somme."),
        ("partly", "En partie", "Vous devez une partie, mais pas tout."),
        ("no", "Non", "Vous ne devez pas cette somme."),
        ("unknown", "Je ne sais pas", "Vous ne reconnaissez pas cette dette."),
    ]
)
"""Does the debtor recognise the debt?"""

DOCUMENTS: Final = _choices(
    [
        (
            "contract",
            "Contrat signé (offre de crédit, bon de commande…)",
            "Le document que vous avez signé avec le créancier d'origine.",
        ),
        ("invoices", "Factures", "Les factures qui correspondent à la dette."),
        (
            "statement",
            "Décompte détaillé",
            "Le détail de la somme : principal, intérêts, frais.",
        ),
        (
            "payment_history",
            "Historique des paiements",
            "Les paiements faits et la date du premier impayé.",
        ),
        (
            "mandate_or_deed",
            "Mandat du créancier ou acte de cession de la dette",
            "La preuve que l'agence peut réclamer cette dette.",
        ),
    ]
)
"""Documents the debtor may have received."""

WARNING_SIGNS: Final = _choices(
    [
        (
            "repeated_calls",
            "Appels répétés",
            "Plusieurs appels par jour ou par semaine, messages insistants.",
        ),
        (
            "seizure_threats",
            "Menaces de saisie, d'« huissier » ou de poursuites",
            "Par exemple « saisie sur salaire dans 48 heures ».",
        ),
        (
            "contact_third_parties",
            "Contacts avec votre employeur, votre famille ou vos voisins",
            "L'agence a parlé de votre dette à d'autres personnes.",
        ),
        (
            "night_or_sunday_calls",
            "Appels le soir, la nuit ou le dimanche",
            "Des appels à des heures ou des jours inhabituels.",
        ),
        (
            "fake_court_document",
            "Document qui imite un acte de justice",
            "Un courrier qui ressemble à un jugement ou à un acte officiel sans "
            "en être un.",
        ),
        (
            "personal_account_or_voucher",
            "Paiement demandé sur un compte personnel ou par coupon",
            "Virement vers le compte d'un particulier, coupon PCS, Transcash, "
            "carte cadeau…",
        ),
    ]
)
"""Warning signs of harassment or of a scam."""

AMOUNT_KINDS: Final = _choices(
    [
        ("principal", "Principal", "La somme due au départ (capital, factures)."),
        ("interest", "Intérêts", "Intérêts contractuels ou de retard."),
        ("fees", "Frais", "Frais de recouvrement, de dossier, de relance…"),
        ("penalties", "Pénalités", "Pénalités, clause pénale, indemnités."),
        ("other", "Autre", "Autre ligne (un versement déjà fait peut être négatif)."),
    ]
)
"""Kinds of amount line; only ``other`` may be negative (payments deducted)."""

HARASSMENT_SIGNS: Final = frozenset(
    {
        "repeated_calls",
        "seizure_threats",
        "contact_third_parties",
        "night_or_sunday_calls",
    }
)
SCAM_SIGNS: Final = frozenset({"fake_court_document", "personal_account_or_voucher"})


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


def _labels(codes: Iterable[str], table: Mapping[str, Choice]) -> str:
    return " ; ".join(table[code].label for code in table if code in set(codes))


# --- R124-4 mentions ---------------------------------------------------------


def check_mentions(present: frozenset[str], *, agency_role: str) -> list[Finding]:
    """Check the five R124-4 mentions against the agency's role.

    They bind a person collecting *for a creditor* (R124-1); a buyer collecting
    its own claim is not bound (Que Choisir, [S]); when the role is unknown the
    conclusion is "à vérifier".
    """
    present = require_codes(present, R124_4_MENTIONS, "Mention obligatoire")
    role = require_code(agency_role, AGENCY_ROLES, "Rôle de l'agence")
    missing = [code for code in R124_4_MENTIONS if code not in present]
    if role == "purchase":
        return [_mentions_not_applicable()]
    if not missing:
        return []
    if role == "mandate":
        return [_mentions_missing(missing)]
    return [_mentions_missing_role_unknown(missing)]


def _missing_text(missing: Sequence[str]) -> str:
    return "Il manque : " + _labels(missing, R124_4_MENTIONS) + "."


def _mentions_missing(missing: Sequence[str]) -> Finding:
    return Finding(
        code="r124_4_missing",
        severity="important",
        title="Le courrier est irrégulier : des mentions obligatoires manquent",
        explanation=(
            f"{_missing_text(missing)} Une agence qui réclame une dette pour le "
            "compte d'un créancier doit faire figurer ces mentions dans son "
            "courrier (mentions obligatoires). Les oublier est une infraction "
            "(contravention de 5e classe). Cela ne fait pas disparaître la dette ; "
            "les autres conséquences ne sont pas tranchées (à vérifier). "
            "Demandez les justificatifs avant tout paiement."
        ),
        basis=(refs.R124_4, refs.R124_7),
        responses=("contestation",),
    )


def _mentions_missing_role_unknown(missing: Sequence[str]) -> Finding:
    return Finding(
        code="r124_4_missing_role_unknown",
        severity="important",
        title="Des mentions obligatoires manquent peut-être (à vérifier)",
        explanation=(
            f"{_missing_text(missing)} Si l'agence réclame pour le compte du "
            "créancier, ces mentions sont obligatoires et leur absence est une "
            "infraction. Si elle a racheté la dette, elles ne s'imposent pas. "
            "Demandez-lui à quel titre elle agit : à vérifier."
        ),
        basis=(refs.R124_4, refs.R124_7, refs.R124_1),
        uncertain=True,
        responses=("contestation",),
    )


def _mentions_not_applicable() -> Finding:
    return Finding(
        code="r124_4_not_applicable",
        severity="info",
        title="Mentions obligatoires : non applicables si la dette a été rachetée",
        explanation=(
            "L'agence dit avoir racheté la dette et la réclame pour elle-même : la "
            "liste des mentions obligatoires des agences de recouvrement ne "
            "s'applique pas. Les autres règles restent valables : pas de frais de "
            "recouvrement à votre charge, prescription, preuve du rachat."
        ),
        basis=(refs.R124_1, refs.R124_4),
    )


# --- Amounts and fees --------------------------------------------------------


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
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise CheckInputError(f"{what} : montant invalide.")
    amount = Decimal(value)
    if not amount.is_finite() or abs(amount) > MAX_AMOUNT:
        raise CheckInputError(f"{what} : montant invalide.")
    if amount != amount.quantize(Decimal("0.01")):
        raise CheckInputError(f"{what} : indiquez un montant au centime près.")
    if amount < 0 and not allow_negative:
        raise CheckInputError(f"{what} : le montant ne peut pas être négatif.")
    return amount


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


# --- Ownership and proofs ----------------------------------------------------


def check_ownership(agency_role: str) -> list[Finding]:
    """Debt bought, or role unknown: ask the deed of sale and its notification."""
    role = require_code(agency_role, AGENCY_ROLES, "Rôle de l'agence")
    if role == "purchase":
        return [_debt_sold()]
    if role == "unknown":
        return [_owner_unknown()]
    return []


def _debt_sold() -> Finding:
    return Finding(
        code="debt_sold",
        severity="important",
        title="Dette rachetée : demandez la preuve du rachat",
        explanation=(
            "L'agence dit avoir racheté la dette (cession de créance). Ce rachat "
            "ne compte à votre égard que s'il vous a été notifié. Demandez l'acte "
            "de cession, la liste qui montre que votre dette en fait partie, et la "
            "preuve de la notification. Vous gardez contre le racheteur les mêmes "
            "moyens de défense que contre le créancier d'origine, y compris la "
            "prescription."
        ),
        basis=(refs.CIV_1324,),
        responses=("contestation",),
    )


def _owner_unknown() -> Finding:
    return Finding(
        code="owner_unknown",
        severity="important",
        title="On ne sait pas pour qui l'agence réclame (à vérifier)",
        explanation=(
            "Le courrier ne dit pas clairement si l'agence agit pour le créancier "
            "(mandat) ou si elle a racheté la dette. Demandez-lui le mandat du "
            "créancier, ou l'acte de cession et la preuve qu'il vous a été "
            "notifié. Vos droits en dépendent : à vérifier."
        ),
        basis=(refs.CIV_1324, refs.R124_3),
        uncertain=True,
        responses=("contestation",),
    )


_ESSENTIAL_DOCUMENTS: Final = frozenset({"statement"})
_CONTRACT_OR_INVOICES: Final = frozenset({"contract", "invoices"})


def check_documents(received: frozenset[str], recognises: str) -> list[Finding]:
    """Debt not (fully) recognised, or proofs missing: the creditor must prove it."""
    received = require_codes(received, DOCUMENTS, "Document")
    answer = require_code(recognises, RECOGNITION, "Reconnaissance de la dette")
    missing = [code for code in DOCUMENTS if code not in received]
    if answer != "yes":
        return [_not_recognised(answer, missing)]
    if _essentials_missing(received):
        return [_documents_missing(missing)]
    return []


def _essentials_missing(received: frozenset[str]) -> bool:
    return not (received >= _ESSENTIAL_DOCUMENTS and _CONTRACT_OR_INVOICES & received)


_NOT_RECOGNISED: Final[Mapping[str, tuple[str, str, str]]] = MappingProxyType(
    {
        "no": (
            "debt_contested",
            "Vous contestez la dette : c'est au créancier de la prouver",
            "Vous dites ne pas devoir cette somme.",
        ),
        "partly": (
            "debt_partly_contested",
            "Vous contestez une partie de la dette : elle doit être prouvée",
            "Vous reconnaissez une partie seulement de la somme.",
        ),
        "unknown": (
            "debt_unclear",
            "Vous ne reconnaissez pas cette dette : demandez les preuves",
            "Vous ne savez pas à quoi correspond cette somme.",
        ),
    }
)


def _missing_documents_text(missing: Sequence[str]) -> str:
    if not missing:
        return ""
    return f" Documents non reçus : {_labels(missing, DOCUMENTS)}."


def _not_recognised(answer: str, missing: Sequence[str]) -> Finding:
    code, title, situation = _NOT_RECOGNISED[answer]
    return Finding(
        code=code,
        severity="important",
        title=title,
        explanation=(
            f"{situation} C'est à celui qui réclame une somme de prouver qu'elle "
            "est due (charge de la preuve). Contestez par écrit et demandez les "
            "justificatifs ; ne payez rien avant de les avoir reçus."
            f"{_missing_documents_text(missing)}"
        ),
        basis=(refs.CIV_1353,),
        responses=("contestation",),
    )


def _documents_missing(missing: Sequence[str]) -> Finding:
    return Finding(
        code="documents_missing",
        severity="important",
        title="Des justificatifs manquent",
        explanation=(
            "Même si vous reconnaissez la dette, vérifiez son montant sur pièces : "
            "c'est au créancier de le prouver (charge de la preuve). Demandez les "
            f"justificatifs avant de payer.{_missing_documents_text(missing)}"
        ),
        basis=(refs.CIV_1353,),
        responses=("contestation",),
    )


# --- Warning signs -----------------------------------------------------------

_HARASSMENT_TEXT: Final[Mapping[str, str]] = MappingProxyType(
    {
        "repeated_calls": (
            "Des appels malveillants répétés sont un délit ; des sollicitations "
            "répétées et insistantes sont une pratique commerciale agressive."
        ),
        "seizure_threats": (
            "Une agence de recouvrement ne peut rien saisir : une saisie exige une "
            "décision de justice (titre exécutoire) et un commissaire de justice. "
            "Menacer d'une action impossible est une pratique agressive."
        ),
        "contact_third_parties": (
            "Parler de votre dette à votre employeur ou à vos proches peut "
            "constituer une pression (pratique agressive) et poser un problème "
            "d'usage de vos données personnelles (CNIL) : à faire valoir dans la "
            "plainte."
        ),
        "night_or_sunday_calls": (
            "Aucune règle d'horaires d'appel propre au recouvrement n'a été "
            "trouvée, mais le moment et l'insistance des appels comptent pour "
            "qualifier une pratique agressive."
        ),
    }
)


def check_warning_signs(signs: frozenset[str]) -> list[Finding]:
    """Harassment signs (L121-6, C. pén. 222-16) and scam signs."""
    signs = require_codes(signs, WARNING_SIGNS, "Signe d'alerte")
    findings = []
    if "personal_account_or_voucher" in signs:
        findings.append(_scam_payment())
    if "fake_court_document" in signs:
        findings.append(_fake_court_document())
    harassment = [code for code in WARNING_SIGNS if code in signs & HARASSMENT_SIGNS]
    if harassment:
        findings.append(_harassment(harassment))
    return findings


def _harassment(signs: Sequence[str]) -> Finding:
    basis = [refs.L121_6, refs.L132_11]
    if {"repeated_calls", "night_or_sunday_calls"} & set(signs):
        basis.append(refs.PEN_222_16)
    if "seizure_threats" in signs:
        basis.append(refs.L111_2)
    details = " ".join(_HARASSMENT_TEXT[code] for code in signs)
    return Finding(
        code="harassment",
        severity="important",
        title="Pratiques abusives : vous pouvez exiger qu'elles cessent",
        explanation=(
            f"{details} Demandez par écrit que l'agence ne vous contacte plus que "
            "par courrier. Notez les dates, heures et moyens de chaque contact. "
            "Vous pouvez signaler ces faits sur SignalConso, au procureur de la "
            "République, et à la CNIL pour vos données."
        ),
        basis=tuple(basis),
        responses=("harcelement",),
    )


def _scam_payment() -> Finding:
    return Finding(
        code="scam_payment",
        severity="urgent",
        title="Risque d'escroquerie : ne payez pas",
        explanation=(
            "Une agence de recouvrement encaisse l'argent sur un compte bancaire "
            "ouvert pour cela, à son nom. Un paiement demandé vers le compte d'un "
            "particulier ou par coupon (PCS, Transcash, carte cadeau) est un signe "
            "d'escroquerie. Ne payez pas. Vérifiez l'agence par vous-même : "
            "cherchez ses coordonnées officielles (pas celles du courrier) et "
            "contactez le créancier d'origine."
        ),
        basis=(refs.R124_2,),
    )


def _fake_court_document() -> Finding:
    return Finding(
        code="fake_court_document",
        severity="important",
        title="Document qui imite un acte de justice",
        explanation=(
            "Utiliser un document qui ressemble à un acte de justice pour créer la "
            "confusion est un délit. Un vrai acte est remis par un commissaire de "
            "justice. Vérifiez auprès du greffe du tribunal ou d'un commissaire de "
            "justice dont vous trouvez les coordonnées vous-même. Ne payez pas "
            "avant d'avoir vérifié, et signalez-le (SignalConso, procureur)."
        ),
        basis=(refs.PEN_433_13,),
        responses=("harcelement",),
    )


# --- Urgent procedures -------------------------------------------------------


def opposition_last_day(signification_date: dt.date) -> dt.date:
    """Last day to oppose an injonction de payer: one month after signification.

    Same day number one month later, clamped to the end of a shorter month
    (CPC 641). The CPC 642 extension (weekend, holiday) is not applied: this is
    the safe date.
    """
    return one_month_after(signification_date)


def check_letter_kind(
    kind: str, *, signification_date: dt.date | None, today: dt.date
) -> list[Finding]:
    """Urgent guidance for court procedures (injonction, commandement, assignation)."""
    letter = require_code(kind, LETTER_KINDS, "Type de courrier")
    if letter == "injonction_signifiee":
        return [_injonction(signification_date, today)]
    if letter == "commandement":
        return [_enforcement_act()]
    if letter == "assignation":
        return [_court_summons()]
    if letter == "mise_en_demeure":
        return [_mise_en_demeure()]
    return []


_OPPOSITION_HOW: Final = (
    "Faites opposition au greffe du tribunal qui a rendu l'ordonnance (lettre "
    "recommandée avec avis de réception, ou déclaration au greffe ; formulaire "
    "Cerfa 15602). Un courrier à l'agence ne suffit pas. Sans opposition, "
    "l'ordonnance a les effets d'un jugement et peut être exécutée (saisies). "
    "L'opposition vous permet de faire valoir la prescription, de contester les "
    "montants et de demander des délais. Contactez vite une association ou un "
    "avocat."
)


def _injonction(signified: dt.date | None, today: dt.date) -> Finding:
    if signified is None:
        return _injonction_without_date()
    if signified > today:
        raise CheckInputError(
            "La date de signification ne peut pas être dans le futur."
        )
    last = opposition_last_day(signified)
    overdue = today > last
    return Finding(
        code="injonction_opposition",
        severity="urgent",
        title=f"URGENT : opposition à faire au plus tard le {format_date(last)}",
        explanation=_injonction_text(signified, last, overdue),
        basis=(refs.CPC_1416, refs.CPC_641, refs.CPC_1422),
        uncertain=overdue or last.weekday() >= 5,
        due=last,
    )


def _injonction_text(signified: dt.date, last: dt.date, overdue: bool) -> str:
    text = (
        f"L'ordonnance vous a été signifiée le {format_date(signified)} : vous avez "
        f"un mois, soit jusqu'au {format_date(last)} inclus. {_OPPOSITION_HOW}"
    )
    if last.weekday() >= 5:
        text += (
            " Ce jour tombe un week-end : le délai peut être prolongé au premier "
            "jour ouvrable suivant (CPC 642), mais n'attendez pas : à vérifier."
        )
    if overdue:
        text += (
            " Ce délai semble dépassé. Si l'acte n'a pas été remis à vous-même "
            "(en personne), l'opposition peut rester possible un mois après le "
            "premier acte remis en personne ou la première saisie : à vérifier "
            "d'urgence avec une association ou un avocat."
        )
    return text


def _injonction_without_date() -> Finding:
    return Finding(
        code="injonction_opposition",
        severity="urgent",
        title="URGENT : injonction de payer, le délai d'opposition est d'un mois",
        explanation=(
            "Indiquez la date de signification écrite sur l'acte du commissaire de "
            "justice : vous avez un mois à partir de cette date pour faire "
            f"opposition (date à vérifier sur l'acte). {_OPPOSITION_HOW}"
        ),
        basis=(refs.CPC_1416, refs.CPC_1422),
        uncertain=True,
    )


def _enforcement_act() -> Finding:
    return Finding(
        code="enforcement_act",
        severity="urgent",
        title="URGENT : acte de commissaire de justice",
        explanation=(
            "Un commissaire de justice ne peut saisir que s'il existe une décision "
            "de justice ou un autre titre exécutoire : lisez l'acte pour savoir "
            "lequel. Les délais sont courts : par exemple, un commandement de payer "
            "avant une saisie sur salaire vous laisse un mois pour payer, trouver "
            "un accord ou contester devant le juge de l'exécution. Pour les autres "
            "actes, le délai est à vérifier sur l'acte. Ne l'ignorez pas : "
            "contactez vite une association ou un avocat."
        ),
        basis=(refs.L111_2, refs.WAGE_SEIZURE_2025),
        uncertain=True,
    )


def _court_summons() -> Finding:
    return Finding(
        code="court_summons",
        severity="urgent",
        title="URGENT : vous êtes convoqué au tribunal (assignation)",
        explanation=(
            "Allez à l'audience indiquée sur l'acte, ou faites-vous représenter. "
            "Le juge ne peut pas soulever la prescription à votre place : c'est à "
            "vous de l'invoquer, ce qui est possible à tout moment du procès. Vous "
            "pouvez aussi contester les montants et demander des délais de "
            "paiement (deux ans au plus). Contactez vite une association ou un "
            "avocat."
        ),
        basis=(refs.CIV_2247, refs.CIV_2248, refs.CIV_1343_5),
    )


def _mise_en_demeure() -> Finding:
    return Finding(
        code="mise_en_demeure",
        severity="info",
        title="Une mise en demeure n'est pas une décision de justice",
        explanation=(
            "Une mise en demeure, même en recommandé, n'interrompt pas la "
            "prescription et ne permet aucune saisie. Elle fait courir les intérêts "
            "au taux légal."
        ),
        basis=(refs.CASS_2022_MISE_EN_DEMEURE, refs.CIV_1344_1),
    )
