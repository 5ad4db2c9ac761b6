"""What every letter is built from, and the parts every letter shares.

A context builder takes a :class:`LetterInput` (typed answers, the owner's
details, the timeline facts, the assessment, ``today``) and returns a typed,
frozen context: it makes no query. ``letters.compose.letter_input`` gathers the
input (the only place that reads the database); templates lay the values out.
"""

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from dossiers.addresses import without_name
from dossiers.answers import (
    Answers,
    Coordonnees,
    Courrier,
    Montants,
    Prescription,
    Verifications,
)
from dossiers.assessment import DossierAssessment, amount_lines, payable_amount
from dossiers.law.acknowledgment import Acknowledgment, acknowledgments
from dossiers.law.checks import (
    R124_4_MENTIONS,
    AmountLine,
    contested_fee_lines,
    fee_category,
)
from dossiers.law.citations import LetterSituation
from dossiers.law.dates import format_date
from dossiers.law.instalments import DebtPart
from dossiers.law.money import format_euros

NO_ACKNOWLEDGMENT = "La présente ne vaut pas reconnaissance de dette."


@dataclass(frozen=True)
class Owner:
    """The debtor's account details (her profile), the fallback of « Mes coordonnées »."""

    email: str
    first_name: str = ""
    last_name: str = ""
    address: str = ""
    postal_code: str = ""
    city: str = ""


@dataclass(frozen=True)
class Contact:
    """One contact from the agency in the timeline (call, SMS, e-mail, visit)."""

    kind: str
    kind_label: str
    occurred_on: dt.date
    occurred_at_time: dt.time | None = None
    who: str = ""
    content: str = ""
    """Her own notes: never copied into a letter (they could acknowledge the debt)."""
    conduct: tuple[str, ...] = ()
    """What the agency demanded or threatened (``CONTACT_CONDUCT`` codes)."""


@dataclass(frozen=True)
class LetterInput:
    """What a context builder needs; ``today`` is injected, never read."""

    answers: Answers
    owner: Owner
    assessment: DossierAssessment
    today: dt.date
    agency_name: str = ""
    agency_reference: str = ""
    contacts: tuple[Contact, ...] = ()
    personal_text: str = ""
    monthly: Decimal | None = None
    first_due: dt.date | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    """The letter's options, as its form cleaned them (``Letter.options``)."""
    done: tuple[str, ...] = ()
    """What she already did, oldest first: « le 3 novembre 2026 : lettre … envoyée »."""
    title: str = ""
    """The letter's title, from the catalog (set by ``compose.build``)."""


@dataclass(frozen=True)
class Sender:
    name: str
    address_lines: tuple[str, ...]
    town: str
    city: str
    phone: str


@dataclass(frozen=True)
class Recipient:
    name: str
    address_lines: tuple[str, ...]
    creditor: str
    creditor_address_lines: tuple[str, ...]


@dataclass(frozen=True)
class References:
    agency_reference: str
    letter_date: str


@dataclass(frozen=True, kw_only=True)
class LetterContext:
    """The parts every letter shares (layout blocks, metadata)."""

    title: str
    object_line: str
    sender: Sender
    recipient: Recipient
    refs: References
    place: str
    date_text: str
    total_text: str
    personal_text: str
    no_acknowledgment: str = ""
    enclosures: tuple[str, ...] = ()
    basis: tuple[str, ...] = ()

    def as_record(self) -> dict[str, Any]:
        """What the letter was built from, JSON-safe (kept with the version)."""
        facts = _jsonable(dataclasses.asdict(self))
        facts.pop("personal_text", None)
        return facts


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, dt.date | dt.time | Decimal):
        return str(value)
    return value


def text_lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def sender(data: LetterInput) -> Sender:
    """From the wizard's « Mes coordonnées », else from her profile."""
    coords, owner = data.answers.get(Coordonnees), data.owner
    first = coords.first_name or owner.first_name
    last = coords.last_name or owner.last_name
    city = coords.city or owner.city
    return Sender(
        name=f"{first} {last}".strip() or owner.email,
        address_lines=text_lines(coords.address or owner.address),
        town=f"{coords.postal_code or owner.postal_code} {city}".strip(),
        city=city,
        phone=coords.phone,
    )


def agency_address_lines(answers: Answers, name: str = "") -> tuple[str, ...]:
    """The agency's postal address as the recipient block prints it (without a
    first line that only repeats its name, printed above it)."""
    courrier = answers.get(Courrier)
    lines = list(text_lines(courrier.agency_address))
    return tuple(without_name(lines, name or courrier.agency_name))


def recipient(data: LetterInput) -> Recipient:
    courrier = data.answers.get(Courrier)
    name = data.agency_name or courrier.agency_name
    creditor_lines = list(text_lines(courrier.creditor_address))
    return Recipient(
        name=name,
        address_lines=agency_address_lines(data.answers, name),
        creditor=courrier.creditor_name,
        creditor_address_lines=tuple(
            without_name(creditor_lines, courrier.creditor_name)
        ),
    )


def references(data: LetterInput) -> References:
    letter_date = data.answers.get(Courrier).letter_date
    return References(
        agency_reference=data.agency_reference,
        letter_date=format_date(letter_date) if letter_date else "",
    )


def total_claimed(data: LetterInput) -> Decimal | None:
    return data.answers.get(Montants).total_claimed


def common(data: LetterInput, *, object_line: str) -> dict[str, Any]:
    """The shared fields of a letter's context (see :class:`LetterContext`)."""
    who = sender(data)
    total = total_claimed(data)
    return {
        "title": data.title,
        "object_line": object_line,
        "sender": who,
        "recipient": recipient(data),
        "refs": references(data),
        "place": who.city,
        "date_text": format_date(data.today),
        "total_text": format_euros(total) if total is not None else "",
        "personal_text": data.personal_text,
    }


# --- What several letters read --------------------------------------------------------


def agency_role(data: LetterInput) -> str:
    """``mandate``, ``purchase`` or ``unknown`` (« Le courrier » step)."""
    return data.answers.get(Courrier).agency_role or "unknown"


def is_consumer(data: LetterInput) -> bool:
    """Whether the debt comes from her private life (yes until she says otherwise)."""
    return data.answers.get(Montants).is_consumer


def has_court_title(data: LetterInput) -> bool:
    return data.answers.get(Verifications).has_court_title == "yes"


def fee_lines(data: LetterInput) -> list[AmountLine]:
    """The lines a letter contests (fees, penalties, damages without a court
    title; never a professional's €40 flat indemnity): what the fee letter
    lists and what the payment letters leave out."""
    return contested_fee_lines(
        amount_lines(data.answers.montants),
        is_consumer=is_consumer(data),
        has_court_title=has_court_title(data),
    )


def debt_without_fees(data: LetterInput) -> Decimal | None:
    """The total claimed minus the contested fees (the budget's sum too)."""
    return payable_amount(data.answers)


# --- What decides the articles a letter invokes ------------------------------------

CONTACT_KINDS_FOR_222_16 = frozenset({"call", "sms", "email"})


def barred_parts(data: LetterInput) -> tuple[DebtPart, ...]:
    return tuple(part for part in data.assessment.parts if part.barred)


def expiry_of_barred(data: LetterInput) -> dt.date | None:
    """The first day a barred sum's period was over (its last day)."""
    estimate = data.assessment.estimate
    if estimate is None:
        return None
    days = [part.last_day for part in barred_parts(data) if part.last_day]
    if estimate.status == "partly_barred" and days:
        return min(days)
    return estimate.last_day if estimate.status == "barred" else None


def late_payments(data: LetterInput) -> tuple[dt.date, ...]:
    """Her payments after a barred period had run out (a payment revives
    nothing, reference §2.3; an acknowledgment is not mentioned: it could be
    read as a renunciation, and the letter does not raise the point)."""
    expired = expiry_of_barred(data)
    if expired is None:
        return ()
    events = data.answers.get(Prescription).events
    return tuple(
        sorted(
            row.on
            for row in events
            if row.kind == "partial_payment" and row.on is not None and row.on > expired
        )
    )


def mentions_missing(data: LetterInput) -> tuple[str, ...]:
    """R124-4 mentions she checked and found missing (none when not checked)."""
    present = data.answers.get(Verifications).mentions
    if present is None:
        return ()
    return tuple(code for code in R124_4_MENTIONS if code not in present)


def missing_mention_numbers(data: LetterInput) -> str:
    """``la mention 3°`` or ``les mentions 3° et 5°``: the R124-4 mentions
    missing, by their number in the article."""
    order = list(R124_4_MENTIONS)
    numbers = [f"{order.index(code) + 1}°" for code in mentions_missing(data)]
    if len(numbers) == 1:
        return f"la mention {numbers[0]}"
    return f"les mentions {', '.join(numbers[:-1])} et {numbers[-1]}"


def letter_situation(data: LetterInput) -> LetterSituation:
    """The facts that decide what a letter invokes (``dossiers.law.citations``)."""
    estimate = data.assessment.estimate
    checks = data.answers.get(Verifications)
    signs = checks.warning_signs
    conduct = {code for contact in data.contacts for code in contact.conduct}
    return LetterSituation(
        nature=estimate.nature if estimate else data.answers.get(Prescription).nature,
        limitation_kind=estimate.kind if estimate else None,
        by_parts=estimate is not None
        and estimate.kind == "prescription"
        and bool(data.assessment.parts),
        late_payment=bool(late_payments(data)),
        is_consumer=is_consumer(data),
        agency_role=agency_role(data),
        has_court_title=has_court_title(data),
        mentions_missing=bool(mentions_missing(data)),
        contacts_recorded=bool(
            {"repeated_calls", "night_or_sunday_calls"} & signs
            or any(c.kind in CONTACT_KINDS_FOR_222_16 for c in data.contacts)
        ),
        seizure_threatened="seizure_threats" in signs or "seizure_threat" in conduct,
        fake_document="fake_court_document" in signs,
        fee_categories=frozenset(
            category
            for line in fee_lines(data)
            if (category := fee_category(line.label, line.kind)) is not None
        ),
        documents_received=checks.documents,
    )


# --- Free text in a letter: no acknowledgment ------------------------------------


def free_texts(data: LetterInput) -> list[tuple[str, str]]:
    """(where, text) of what she typed that the letter prints as she wrote it,
    beyond names and addresses: the personal paragraph, the amount labels
    (the fee letter quotes them) and the callers she named in the timeline."""
    texts = [("Paragraphe personnel", data.personal_text)]
    texts += [
        (f"Intitulé « {line.label} » (étape « Les montants »)", line.label)
        for line in amount_lines(data.answers.montants)
    ]
    texts += [
        (f"« Qui » de l'événement du {format_date(c.occurred_on)} (chronologie)", c.who)
        for c in data.contacts
    ]
    return [(where, text) for where, text in texts if text]


def acknowledging_texts(data: LetterInput) -> list[tuple[str, Acknowledgment]]:
    """Each free text of the letter that acknowledges the debt, with why."""
    return [
        (where, found)
        for where, text in free_texts(data)
        for found in acknowledgments(text)
    ]
