"""Opposition à injonction de payer: the letter to the greffe (reference §8.4 (j)).

Addressed to the director of the greffe of the court named on the ordonnance,
within the month that follows its signification (CPC 1416). The grounds come
from the dossier's findings, in short: they are developed at the hearing.
"""

import datetime as dt
from dataclasses import dataclass

from dossiers.law import references as refs
from dossiers.law.dates import format_date
from dossiers.law.responses import FEE_CODES, UNPROVEN_CODES

from .common import LetterContext, LetterInput, Recipient, common, text_lines

OPPOSITION_GROUNDS = (
    (
        frozenset({"limitation_barred", "limitation_partly_barred"}),
        "la créance{partly} est {word} : le délai pour agir était expiré ({articles})",
    ),
    (
        FEE_CODES,
        "les frais de recouvrement réclamés ne sont pas dus (CPCE, art. L111-8)",
    ),
    (
        UNPROVEN_CODES,
        "le créancier ne justifie pas de la somme réclamée (C. civ., art. 1353)",
    ),
)
"""Finding codes → the ground stated, in short (developed at the hearing)."""


@dataclass(frozen=True, kw_only=True)
class OppositionContext(LetterContext):
    court: str
    order_date_text: str
    order_number: str
    signification_text: str
    creditor: str
    grounds: tuple[str, ...]
    ask_delays: bool


def _date_text(value: object) -> str:
    try:
        return format_date(dt.date.fromisoformat(str(value)))
    except ValueError:
        return ""


def opposition_grounds(data: LetterInput) -> tuple[str, ...]:
    codes = {finding.code for finding in data.assessment.result.findings}
    estimate = data.assessment.estimate
    word = (
        "forclose"
        if estimate is not None and estimate.kind == "forclusion"
        else "prescrite"
    )
    articles = ", ".join(estimate.basis[:2]) if estimate is not None else ""
    stated = [
        text.format(
            partly=" en partie" if "limitation_partly_barred" in codes else "",
            word=word,
            articles=articles or "textes applicables",
        )
        for wanted, text in OPPOSITION_GROUNDS
        if codes & wanted
    ]
    return tuple(stated) or ("je conteste la somme réclamée",)


def opposition(data: LetterInput) -> OppositionContext:
    options = data.options
    barred = data.assessment.estimate is not None and str(
        data.assessment.estimate.status
    ) in {"barred", "partly_barred"}
    ask_delays = bool(options.get("ask_delays")) and not barred
    fields = common(
        data,
        object_line="Opposition à une ordonnance d'injonction de payer",
    )
    fields["recipient"] = Recipient(
        name=str(options.get("court", "")),
        address_lines=(
            "À l'attention du directeur de greffe",
            *text_lines(str(options.get("court_address", ""))),
        ),
        creditor="",
        creditor_address_lines=(),
    )
    basis = [refs.CPC_1416]
    if ask_delays:
        basis.append(refs.CIV_1343_5)
    return OppositionContext(
        **fields,
        court=str(options.get("court", "")),
        order_date_text=_date_text(options.get("order_date")),
        order_number=str(options.get("order_number", "")),
        signification_text=_date_text(options.get("signification_date")),
        creditor=str(options.get("applicant", "")),
        grounds=opposition_grounds(data),
        ask_delays=ask_delays,
        basis=tuple(basis),
        enclosures=(
            "Copie de l'ordonnance d'injonction de payer et de l'acte de signification",
        ),
    )
