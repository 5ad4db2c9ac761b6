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
from .mediation import mediateur
from .offers import delais, reglement
from .opposition import opposition
from .payment import echeancier, plan, quittance, suggested_monthly
from .reponse import reponse
from .reports import plainte, signalement

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
    "reponse",
    "mediateur",
    "delais",
    "reglement",
    "opposition",
    "plainte",
    "signalement",
    "sender",
    "suggested_monthly",
]
