"""Checks on a collection letter, one module per topic: mandatory mentions
(``mentions``), amounts and fees (``fees``), who owns the debt and the proofs
(``ownership``), harassment and scam signs (``conduct``), urgent court
procedures (``procedures``); ``base`` holds what they share.

Pure functions: no Django, no clock (``today`` is passed in). Each check returns
a list of :class:`Finding` carrying its legal basis (``dossiers.law.references``)
and the letter slugs that answer it. User-facing strings are plain French with
the legal term in brackets; where the law reference marks a point as uncertain
the finding has ``uncertain=True`` and says « à vérifier ». Each finding's text
stays next to its rule.
"""

from .base import (
    AGENCY_ROLES,
    SEVERITY_RANK,
    CheckInputError,
    Choice,
    FeeCategory,
    Finding,
    Severity,
    require_code,
    require_codes,
)
from .conduct import (
    CONTACT_CONDUCT,
    HARASSMENT_SIGNS,
    SCAM_SIGNS,
    WARNING_SIGNS,
    check_warning_signs,
)
from .fees import (
    AMOUNT_KINDS,
    FLAT_INDEMNITY_B2B,
    AmountLine,
    check_amounts,
    contested_fee_lines,
    fee_category,
    is_collection_fee,
    payable_total,
)
from .mentions import R124_4_MENTIONS, check_mentions
from .ownership import DOCUMENTS, RECOGNITION, check_documents, check_ownership
from .procedures import LETTER_KINDS, check_letter_kind, opposition_last_day

__all__ = [
    "AGENCY_ROLES",
    "AMOUNT_KINDS",
    "CONTACT_CONDUCT",
    "DOCUMENTS",
    "FLAT_INDEMNITY_B2B",
    "HARASSMENT_SIGNS",
    "LETTER_KINDS",
    "R124_4_MENTIONS",
    "RECOGNITION",
    "SCAM_SIGNS",
    "SEVERITY_RANK",
    "WARNING_SIGNS",
    "AmountLine",
    "CheckInputError",
    "Choice",
    "FeeCategory",
    "Finding",
    "Severity",
    "check_amounts",
    "check_documents",
    "check_letter_kind",
    "check_mentions",
    "check_ownership",
    "check_warning_signs",
    "contested_fee_lines",
    "fee_category",
    "is_collection_fee",
    "opposition_last_day",
    "payable_total",
    "require_code",
    "require_codes",
]
