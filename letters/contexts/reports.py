"""Reports and complaints (reference §8.5): the SignalConso text and the
complaint to the procureur de la République.

SignalConso is an online form: the product prepares the text to paste (facts,
practices, articles, what was already done) and keeps a PDF copy; it sends
nothing itself. The complaint to the procureur is only for offences (repeated
malicious calls, C. pén. 222-16; documents imitating a court act, 433-13).
"""

from dataclasses import dataclass, replace

from dossiers.answers import Verifications
from dossiers.law import references as refs

from .common import LetterContext, LetterInput, Recipient, common, fee_lines, text_lines
from .fees import fee_items
from .harassment import fact_line, sign_facts

PRACTICE_CODES = {
    "harassment": "des pressions et relances insistantes",
    "fake_court_document": "un courrier imitant un acte de justice",
    "scam_payment": "une demande de paiement sur un compte personnel ou par coupon",
    "fees_not_chargeable": "des frais de recouvrement réclamés sans décision de justice",
    "limitation_barred": (
        "une dette trop ancienne (prescrite ou forclose), réclamée comme si elle "
        "était due"
    ),
}
"""Findings the report names, as practices (§6.1, §6.4)."""


@dataclass(frozen=True, kw_only=True)
class ReportContext(LetterContext):
    agency: str
    facts: tuple[str, ...]
    practices: tuple[str, ...]
    fees: tuple[str, ...]
    done: tuple[str, ...]
    articles: tuple[str, ...]
    paste: str
    """The whole text, ready to paste on SignalConso."""


def _report_articles(codes: set[str], is_consumer: bool) -> tuple[str, ...]:
    articles = [refs.L121_6]
    if "fees_not_chargeable" in codes:
        articles.append(refs.L111_8_AL2)
        if is_consumer:
            articles.append(refs.L121_21)
    return tuple(articles)


def signalement(data: LetterInput) -> ReportContext:
    codes = {finding.code for finding in data.assessment.result.findings}
    facts = tuple(fact_line(contact) for contact in data.contacts) + sign_facts(data)
    practices = tuple(text for code, text in PRACTICE_CODES.items() if code in codes)
    fees = fee_items(fee_lines(data)) if "fees_not_chargeable" in codes else ()
    is_consumer = data.answers.montants is None or data.answers.montants.is_consumer
    articles = _report_articles(codes, is_consumer)
    fields = common(data, object_line="Signalement à la DGCCRF (SignalConso)")
    context = ReportContext(
        **fields,
        agency=data.agency_name,
        facts=facts,
        practices=practices,
        fees=fees,
        done=data.done,
        articles=articles,
        paste="",
        basis=articles,
    )
    return _with_paste(context)


def _with_paste(context: ReportContext) -> ReportContext:
    lines = [
        f"Je signale les pratiques de la société de recouvrement {context.agency}"
        + (
            f" (dossier n° {context.refs.agency_reference})"
            if context.refs.agency_reference
            else ""
        )
        + f", qui me réclame {context.total_text or 'une somme'}.",
    ]
    if context.practices:
        lines.append("Pratiques : " + " ; ".join(context.practices) + ".")
    if context.fees:
        lines.append("Frais réclamés : " + " ; ".join(context.fees) + ".")
    if context.facts:
        lines.append("Faits : " + " ; ".join(context.facts) + ".")
    if context.done:
        lines.append("Démarches déjà faites : " + " ; ".join(context.done) + ".")
    lines.append("Textes : " + " ; ".join(context.articles) + ".")
    if context.personal_text:
        lines.append(context.personal_text)
    return replace(context, paste="\n\n".join(lines))


@dataclass(frozen=True, kw_only=True)
class ComplaintContext(LetterContext):
    agency: str
    facts: tuple[str, ...]
    repeated_calls: bool
    fake_document: bool
    tribunal: str


def plainte(data: LetterInput) -> ComplaintContext:
    options = data.options
    signs = data.answers.get(Verifications).warning_signs
    fields = common(
        data, object_line=f"Plainte contre la société {data.agency_name}".strip()
    )
    tribunal = str(options.get("tribunal", ""))
    fields["recipient"] = Recipient(
        name="Madame, Monsieur le Procureur de la République",
        address_lines=(tribunal, *text_lines(str(options.get("tribunal_address", "")))),
        creditor="",
        creditor_address_lines=(),
    )
    repeated, fake = "repeated_calls" in signs, "fake_court_document" in signs
    basis = [refs.PEN_222_16] if repeated else []
    if fake:
        basis.append(refs.PEN_433_13)
    return ComplaintContext(
        **fields,
        agency=data.agency_name,
        facts=tuple(fact_line(contact) for contact in data.contacts) + sign_facts(data),
        repeated_calls=repeated,
        fake_document=fake,
        tribunal=tribunal,
        basis=tuple(basis),
        enclosures=(
            "Relevé des appels et messages reçus",
            "Copie des courriers de la société",
        ),
    )
