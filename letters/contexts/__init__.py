"""Context builders: from a letter's input to its typed, frozen context.

One module per letter kind; ``common`` holds the input and the shared parts.
Builders make no query: ``letters.compose.letter_input`` gathers the input.
"""

from .common import (
    Contact,
    LetterContext,
    LetterInput,
    Owner,
    agency_address_lines,
    sender,
)
from .contestation import contestation
from .fees import frais
from .harassment import harcelement
from .limitation import prescription
from .payment import echeancier, plan, quittance, suggested_monthly

__all__ = [
    "Contact",
    "LetterContext",
    "LetterInput",
    "Owner",
    "agency_address_lines",
    "contestation",
    "echeancier",
    "frais",
    "harcelement",
    "plan",
    "prescription",
    "quittance",
    "sender",
    "suggested_monthly",
]
