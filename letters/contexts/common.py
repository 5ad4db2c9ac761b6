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
from dossiers.answers import Answers, Coordonnees, Courrier, Montants, Verifications
from dossiers.assessment import DossierAssessment, amount_lines
from dossiers.law.checks import AmountLine, fee_category
from dossiers.law.dates import format_date
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
    """Lines that are collection fees, penalties or damages."""
    return [
        line
        for line in amount_lines(data.answers.montants)
        if fee_category(line.label, line.kind) is not None
    ]


def debt_without_fees(data: LetterInput) -> Decimal | None:
    """The total claimed minus contestable fees (fees stay due with a court title)."""
    total = total_claimed(data)
    if total is None:
        return None
    if has_court_title(data):
        return total
    fees = sum((line.amount for line in fee_lines(data)), Decimal(0))
    return max(total - fees, Decimal(0))
