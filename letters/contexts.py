"""Context builders: from a dossier and its assessment to a letter's content.

Each builder returns plain values (strings, dates, amounts already formatted the
French way); templates only lay them out. Content follows the law reference §7.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import F

from dossiers.addresses import without_name
from dossiers.assessment import (
    DossierAssessment,
    amount_lines,
    as_date,
    as_decimal,
    consumer_debt,
)
from dossiers.law import refs
from dossiers.law.checks import DOCUMENTS, WARNING_SIGNS, AmountLine, fee_category
from dossiers.law.prescription import NATURES
from dossiers.law.schedule import (
    Instalment,
    ScheduleInputError,
    add_months,
    format_date,
    format_euros,
    payment_schedule,
)
from dossiers.models import Dossier, TimelineDirection, TimelineEvent, TimelineKind

from . import facts

Context = dict[str, Any]

NO_ACKNOWLEDGMENT = "La présente ne vaut pas reconnaissance de dette."


@dataclass(frozen=True)
class LetterInput:
    """What a context builder needs; ``today`` is injected, never read."""

    dossier: Dossier
    assessment: DossierAssessment
    today: dt.date
    personal_text: str = ""
    monthly: Decimal | None = None
    first_due: dt.date | None = None


# --- Common parts -------------------------------------------------------------


def _answers(data: LetterInput, step: str) -> dict[str, Any]:
    return (data.dossier.answers or {}).get(step) or {}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def sender(data: LetterInput) -> Context:
    """From the wizard's coordonnees step, else from the user's profile."""
    coords = _answers(data, "coordonnees")
    owner = data.dossier.owner
    first = coords.get("first_name") or owner.first_name
    last = coords.get("last_name") or owner.last_name
    address = coords.get("address") or owner.address
    postal = coords.get("postal_code") or owner.postal_code
    city = coords.get("city") or owner.city
    return {
        "name": f"{first} {last}".strip() or owner.email,
        "address_lines": _lines(address),
        "town": f"{postal} {city}".strip(),
        "city": city,
        "phone": coords.get("phone", ""),
    }


def agency_address_lines(dossier: Dossier) -> list[str]:
    """The agency's postal address as the recipient block prints it."""
    courrier = (dossier.answers or {}).get("courrier") or {}
    name = dossier.agency_name or courrier.get("agency_name") or ""
    return without_name(_lines(courrier.get("agency_address", "")), name)


def recipient(data: LetterInput) -> Context:
    courrier = _answers(data, "courrier")
    return {
        "name": data.dossier.agency_name or courrier.get("agency_name") or "",
        "address_lines": agency_address_lines(data.dossier),
        "creditor": courrier.get("creditor_name", ""),
        "creditor_address_lines": without_name(
            _lines(courrier.get("creditor_address", "")),
            courrier.get("creditor_name", ""),
        ),
    }


def references(data: LetterInput) -> Context:
    courrier = _answers(data, "courrier")
    letter_date = as_date(courrier.get("letter_date"))
    return {
        "agency_reference": data.dossier.agency_reference,
        "letter_date": format_date(letter_date) if letter_date else "",
    }


def total_claimed(data: LetterInput) -> Decimal | None:
    return as_decimal(_answers(data, "montants").get("total_claimed"))


def common(data: LetterInput, *, title: str, object_line: str) -> Context:
    """The parts every letter shares (layout blocks, metadata)."""
    who = sender(data)
    total = total_claimed(data)
    return {
        "title": title,
        "object_line": object_line,
        "sender": who,
        "recipient": recipient(data),
        "refs": references(data),
        "place": who["city"],
        "date_text": format_date(data.today),
        "total_text": format_euros(total) if total is not None else "",
        "personal_text": data.personal_text,
        "no_acknowledgment": "",
        "enclosures": [],
        "basis": [],
    }


# --- Amounts and fees ---------------------------------------------------------


def _lines_of(data: LetterInput) -> tuple[AmountLine, ...]:
    try:
        return amount_lines(_answers(data, "montants"))
    except (KeyError, TypeError):
        return ()


def fee_lines(data: LetterInput) -> list[AmountLine]:
    """Lines that are collection fees, penalties or damages."""
    return [
        line
        for line in _lines_of(data)
        if fee_category(line.label, line.kind) is not None
    ]


def debt_without_fees(data: LetterInput) -> Decimal | None:
    """The total claimed minus contestable fees (fees stay due with a court title)."""
    total = total_claimed(data)
    if total is None:
        return None
    if _answers(data, "verifications").get("has_court_title") == "yes":
        return total
    fees = sum((line.amount for line in fee_lines(data)), Decimal(0))
    return max(total - fees, Decimal(0))


def _fee_items(lines: list[AmountLine]) -> list[str]:
    return [f"« {line.label.strip()} » : {format_euros(line.amount)}" for line in lines]


# --- Contestation ---------------------------------------------------------------


def _agency_role(data: LetterInput) -> str:
    """``mandate``, ``purchase`` or ``unknown`` (« Le courrier » step)."""
    return _answers(data, "courrier").get("agency_role") or "unknown"


def _requested_documents(data: LetterInput) -> list[str]:
    role = _agency_role(data)
    received = set(_answers(data, "verifications").get("documents") or ())
    items = [
        "la copie du contrat signé (offre de crédit, bon de commande ou contrat)",
        "les factures correspondant à la somme réclamée",
        "un décompte détaillé distinguant le principal, les intérêts et les "
        "accessoires (CPCE, art. R124-4, 3°)",
        "l'historique des paiements et la date du premier incident de paiement "
        "non régularisé",
    ]
    keys = ("contract", "invoices", "statement", "payment_history")
    wanted = [
        item for key, item in zip(keys, items, strict=True) if key not in received
    ]
    if "mandate_or_deed" not in received:
        wanted.append(_ownership_request(role))
    return wanted or [
        "tout document justifiant le montant exact de la créance",
    ]


def _ownership_request(role: str) -> str:
    if role == "purchase":
        return (
            "l'acte de cession de créance et l'annexe identifiant ma dette, ainsi que "
            "la preuve que cette cession m'a été notifiée (C. civ., art. 1324)"
        )
    return (
        "le mandat ou la convention vous autorisant à recouvrer cette créance pour "
        "le compte du créancier (CPCE, art. R124-3)"
    )


def contestation(data: LetterInput) -> Context:
    ctx = common(
        data,
        title="Contestation et demande de justificatifs",
        object_line="Contestation de la créance et demande de justificatifs",
    )
    missing, mentions_role = facts.missing_mentions(
        _answers(data, "verifications"),
        (finding.code for finding in data.assessment.result.findings),
    )
    ctx.update(
        no_acknowledgment=NO_ACKNOWLEDGMENT,
        contest_sentence=_contest_sentence(data),
        creditor=recipient(data)["creditor"],
        agency_role=_agency_role(data),
        documents=_requested_documents(data),
        received=[DOCUMENTS[c].label for c in _received(data) if c in DOCUMENTS],
        missing_mentions=missing,
        mentions_role=mentions_role,
        basis=[
            refs.CIV_1353,
            *((refs.R124_4, refs.R124_7) if missing else (refs.R124_4_3,)),
            refs.L111_8_AL2,
            refs.L121_21,
        ],
        enclosures=["Copie de votre courrier"],
    )
    return ctx


CONTEST_SENTENCES = {
    "no": "Je conteste cette créance, dans son principe comme dans son montant.",
    "partly": "Je conteste le montant de cette créance tel que vous le réclamez.",
    "yes": "Avant tout règlement, je vous demande de justifier votre créance.",
}
"""What she said in « Vérifications » (recognises the debt?) sets how far the
letter goes; anything else: she does not recognise it as it stands."""


def _contest_sentence(data: LetterInput) -> str:
    recognises = _answers(data, "verifications").get("recognises", "unknown")
    return CONTEST_SENTENCES.get(
        recognises, "Je ne reconnais pas cette créance en l'état de vos explications."
    )


def _received(data: LetterInput) -> list[str]:
    return list(_answers(data, "verifications").get("documents") or ())


# --- Prescription / forclusion -----------------------------------------------------


INTERRUPTING_ACTS = {
    # C. civ. 2240 (acknowledgment), 2241 (court action), 2244 (enforcement).
    "prescription": "action en justice signifiée, mesure d'exécution, "
    "reconnaissance de ma part",
    # A forclusion is interrupted only by a court action or an enforcement
    # measure (C. civ. 2241, 2244), never by an acknowledgment (reference §1.5).
    "forclusion": "action en justice signifiée, mesure conservatoire ou "
    "d'exécution forcée",
}


def prescription(data: LetterInput) -> Context:
    estimate = data.assessment.estimate
    answers = _answers(data, "prescription")
    spec = NATURES.get(answers.get("nature", ""))
    kind = (estimate.kind if estimate else None) or "prescription"
    start = as_date(answers.get("start"))
    last_day = estimate.last_day if estimate else None
    word = "forclusion" if kind == "forclusion" else "prescription"
    ctx = common(
        data,
        title="Lettre à l'agence : dette prescrite ou forclose",
        object_line=f"Refus de paiement — {word} acquise, clôture du dossier",
    )
    ctx.update(
        no_acknowledgment=NO_ACKNOWLEDGMENT,
        word=word,
        word_adj="forclose" if kind == "forclusion" else "prescrite",
        interrupting_acts=INTERRUPTING_ACTS[word],
        nature=spec.summary if spec else "",
        start_text=format_date(start) if start else "",
        last_day_text=format_date(last_day) if last_day else "",
        articles=list(estimate.basis) if estimate else [],
        basis=list(
            dict.fromkeys(  # each text once, in order
                [
                    *(estimate.basis if estimate else ()),
                    *((refs.CIV_2241, refs.CIV_2244) if word == "forclusion" else ()),
                    refs.CASS_2022_MISE_EN_DEMEURE,
                    refs.L121_6,
                ]
            )
        ),
        enclosures=["Copie de votre courrier"],
    )
    return ctx


# --- Fees -----------------------------------------------------------------------


def frais(data: LetterInput) -> Context:
    lines = fee_lines(data)
    fees_total = sum((line.amount for line in lines), Decimal(0))
    ctx = common(
        data,
        title="Contestation des frais de recouvrement",
        object_line="Contestation des frais de recouvrement réclamés",
    )
    # L121-21 protects consumers only: a professional debt keeps L111-8 al. 2.
    is_consumer = consumer_debt(data.dossier.answers or {})
    consumer_basis = [refs.L121_21, refs.CASS_2010_FEES] if is_consumer else []
    ctx.update(
        no_acknowledgment=NO_ACKNOWLEDGMENT,
        fee_items=_fee_items(lines),
        fees_total_text=format_euros(fees_total),
        is_consumer=is_consumer,
        basis=[refs.L111_8_AL2, *consumer_basis, refs.CIV_1231_6],
        enclosures=["Copie de votre courrier"],
    )
    return ctx


# --- Harassment -------------------------------------------------------------------


CONTACT_KINDS: tuple[str, ...] = (
    TimelineKind.CALL,
    TimelineKind.SMS,
    TimelineKind.EMAIL,
    TimelineKind.VISIT,
)
CHANNELS = {
    TimelineKind.CALL: "appel téléphonique",
    TimelineKind.SMS: "SMS",
    TimelineKind.EMAIL: "e-mail",
    TimelineKind.VISIT: "visite à domicile",
}
OLDEST_FIRST = ("occurred_on", F("occurred_at_time").asc(nulls_last=True), "id")
"""Chronological order; an event without a time comes last in its day."""
FACT_CONTENT_MAX = 300
"""Characters of an event's content quoted in the letter (the rest is elided)."""


def contact_events(dossier: Dossier) -> list[TimelineEvent]:
    """Calls, SMS, e-mails and visits from the agency, oldest first (1 query)."""
    return list(
        dossier.timeline_events.filter(kind__in=CONTACT_KINDS)
        .exclude(direction=TimelineDirection.TO_AGENCY)
        .order_by(*OLDEST_FIRST)
    )


def fact_line(event: TimelineEvent) -> str:
    """``le 20 octobre 2026 à 21 h 40 : appel téléphonique (appel masqué) — « … »``."""
    when = f"le {format_date(event.occurred_on)}"
    if event.occurred_at_time is not None:
        at = event.occurred_at_time
        when += f" à {at.hour} h {at.minute:02d}"
    text = f"{when} : {CHANNELS.get(event.kind, event.get_kind_display())}"
    if event.who:
        text += f" ({event.who})"
    content = " ".join(event.content.split())
    if content:
        if len(content) > FACT_CONTENT_MAX:
            content = content[: FACT_CONTENT_MAX - 1].rstrip() + "…"
        text += f" — « {content} »"
    return text


def timeline_facts(dossier: Dossier) -> list[str]:
    """The agency's dated contacts (calls, SMS, e-mails, visits), oldest first."""
    return [fact_line(event) for event in contact_events(dossier)]


def _sign_facts(data: LetterInput) -> list[str]:
    signs = _answers(data, "verifications").get("warning_signs") or ()
    labels = [WARNING_SIGNS[code].label for code in WARNING_SIGNS if code in signs]
    return [label[:1].lower() + label[1:] for label in labels]  # inside a sentence


def _harassment_basis(data: LetterInput) -> list[str]:
    signs = set(_answers(data, "verifications").get("warning_signs") or ())
    basis = [refs.L121_6, refs.L132_11, refs.PEN_222_16]
    if "fake_court_document" in signs:
        basis.append(refs.PEN_433_13)
    if _agency_role(data) == "mandate":
        basis += [refs.R124_4, refs.R124_7]
    return basis


def harcelement(data: LetterInput) -> Context:
    ctx = common(
        data,
        title="Demande de cessation des pratiques abusives",
        object_line="Mise en demeure de cesser des pratiques de recouvrement abusives",
    )
    basis = _harassment_basis(data)
    contacts = contact_events(data.dossier)
    timeline, signs = [fact_line(event) for event in contacts], _sign_facts(data)
    ctx.update(
        no_acknowledgment=NO_ACKNOWLEDGMENT,
        timeline=timeline,
        unreasonable_moments=facts.unreasonable_moments(contacts),
        signs=signs,
        practices=timeline + signs,
        basis=basis,
        fake_document=refs.PEN_433_13 in basis,
        agency_role=_agency_role(data),
        enclosures=["Relevé des appels et messages reçus", "Copie de votre courrier"],
    )
    return ctx


# --- Payment plan and payment in full --------------------------------------------


def default_first_due(today: dt.date) -> dt.date:
    """The 5th of next month: time for the agency to answer the proposal."""
    return add_months(today.replace(day=5), 1)


def suggested_monthly(assessment: DossierAssessment) -> Decimal | None:
    """The budget's sustainable instalment, when a budget exists."""
    budget = assessment.budget
    if budget is None or budget.sustainable_instalment <= 0:
        return None
    return budget.sustainable_instalment


def plan(data: LetterInput) -> tuple[Instalment, ...]:
    """The schedule; raises ScheduleInputError (French) on missing input."""
    total = debt_without_fees(data)
    monthly = data.monthly or suggested_monthly(data.assessment)
    if total is None or total <= 0:
        raise ScheduleInputError("Le montant de la dette n'est pas connu.")
    if monthly is None:
        raise ScheduleInputError("Indiquez le montant de chaque échéance.")
    first = data.first_due or default_first_due(data.today)
    return payment_schedule(total=total, monthly=monthly, first_due=first)


def _rows(instalments: tuple[Instalment, ...]) -> list[Context]:
    return [
        {
            "number": item.number,
            "due_text": format_date(item.due),
            "amount_text": format_euros(item.amount),
        }
        for item in instalments
    ]


def echeancier(data: LetterInput) -> Context:
    instalments = plan(data)
    total = sum((item.amount for item in instalments), Decimal(0))
    budget = data.assessment.budget
    ctx = common(
        data,
        title="Proposition d'échéancier",
        object_line="Proposition d'échéancier de paiement",
    )
    ctx.update(
        rows=_rows(instalments),
        count=len(instalments),
        monthly_text=format_euros(instalments[0].amount),
        last_adjusted_text=(
            format_euros(instalments[-1].amount)
            if instalments[-1].amount != instalments[0].amount
            else ""
        ),
        plan_total_text=format_euros(total),
        first_due_text=format_date(instalments[0].due),
        fees_excluded=bool(fee_lines(data)),
        sustainable=budget is None or budget.plan_sustainable,
        basis=[refs.L111_8_AL2, refs.R124_6, refs.CIV_1343_5],
        enclosures=[],
    )
    return ctx


def quittance(data: LetterInput) -> Context:
    amount = debt_without_fees(data)
    ctx = common(
        data,
        title="Paiement et demande de quittance",
        object_line="Règlement pour solde de tout compte et demande de quittance",
    )
    ctx.update(
        amount_text=format_euros(amount) if amount is not None else "",
        fees_excluded=bool(fee_lines(data)),
        basis=[refs.R124_6, refs.L111_8_AL2],
        enclosures=[],
    )
    return ctx
