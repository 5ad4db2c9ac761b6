"""The triage's input: what the wizard collects that the rules need.

Pure: no Django. Codes are checked on creation (``FactsError``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from .budget import Budget
from .checks import (
    AGENCY_ROLES,
    DOCUMENTS,
    LETTER_KINDS,
    R124_4_MENTIONS,
    RECOGNITION,
    WARNING_SIGNS,
    AmountLine,
    require_code,
    require_codes,
)
from .limitation_findings import FactsError, LimitationView


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the wizard collects that the rules need.

    Codes: ``letter_kind`` in ``LETTER_KINDS``, ``agency_role`` in
    ``AGENCY_ROLES``, ``recognises`` in ``RECOGNITION``, ``documents_received``
    in ``DOCUMENTS``, ``warning_signs`` in ``WARNING_SIGNS``,
    ``mentions_present`` in ``R124_4_MENTIONS`` (``None``: not checked yet);
    ``recognises`` is ``None`` while the checks step is not answered (no
    finding about the proofs then: nothing was said about them).
    """

    letter_kind: str = "relance"
    letter_date: dt.date | None = None
    received_on: dt.date | None = None
    signification_date: dt.date | None = None
    agency_role: str = "unknown"
    is_consumer: bool = True
    has_court_title: bool = False
    amount_lines: tuple[AmountLine, ...] = ()
    total_claimed: Decimal | None = None
    mentions_present: frozenset[str] | None = None
    documents_received: frozenset[str] = field(default_factory=frozenset)
    recognises: str | None = "unknown"
    warning_signs: frozenset[str] = field(default_factory=frozenset)
    limitation: LimitationView | None = None
    budget: Budget | None = None
    considers_payment: bool = False
    surendettement_admissible: bool = False
    alsace_moselle: bool = False
    """She lives in Moselle, Bas-Rhin or Haut-Rhin: two more holidays (CPC 642)."""
    sender_is_commissaire: bool = False
    """The letter comes from a commissaire de justice acting amicably."""

    def __post_init__(self) -> None:
        try:
            self._check_codes()
        except ValueError as exc:
            raise FactsError(str(exc)) from exc
        if (
            self.letter_date is not None
            and self.received_on is not None
            and self.received_on < self.letter_date
        ):
            raise FactsError(
                "Le courrier ne peut pas avoir été reçu avant d'avoir été écrit."
            )

    def _check_codes(self) -> None:
        require_code(self.letter_kind, LETTER_KINDS, "Type de courrier")
        require_code(self.agency_role, AGENCY_ROLES, "Rôle de l'agence")
        if self.recognises is not None:
            require_code(self.recognises, RECOGNITION, "Reconnaissance de la dette")
        require_codes(self.documents_received, DOCUMENTS, "Document")
        require_codes(self.warning_signs, WARNING_SIGNS, "Signe d'alerte")
        if self.mentions_present is not None:
            require_codes(self.mentions_present, R124_4_MENTIONS, "Mention")
