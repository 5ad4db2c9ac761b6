"""What was read, as a draft of her answers (``dossiers.drafts``).

The result of a reading job (the ``read_letter --json`` keys plus ``agency_id``,
``mentions`` and ``evidence``) becomes the typed answers of « Le courrier »,
« Les montants » and the R124-4 mentions of « Vérifications », each value with
the line of the letter it was read on. Values left empty by the reader stay
empty here.
"""

import logging
from typing import Any

from dossiers.answers import Answers, Courrier, Montants, Verifications
from dossiers.drafts import Draft, Evidence

from .services import latest_draft

logger = logging.getLogger(__name__)

COURRIER_FIELDS = {
    # draft key → (answer field, form field)
    "agency": ("agency_name", "agency_name"),
    "agency_address": ("agency_address", "agency_address"),
    "reference": ("agency_reference", "agency_reference"),
    "letter_date": ("letter_date", "letter_date"),
    "creditor": ("creditor_name", "creditor_name"),
    "creditor_address": ("creditor_address", "creditor_address"),
    "agency_role": ("agency_role", "agency_role"),
    "letter_kind": ("letter_kind", "letter_kind"),
}


Found = dict[tuple[str, str], Evidence]


def _evidence(found: Any) -> Evidence | None:
    if not isinstance(found, dict) or not found.get("text"):
        return None
    return Evidence(str(found["text"]), float(found.get("confidence") or 1.0))


def _courrier(
    result: dict[str, Any],
) -> tuple[Courrier, Found]:
    read = {
        answer: result[key]
        for key, (answer, _) in COURRIER_FIELDS.items()
        if result.get(key) not in (None, "")
    }
    if result.get("agency_id"):
        read["agency_id"] = result["agency_id"]
    evidence_of = result.get("evidence") or {}
    evidence = {
        ("courrier", form_field): found
        for key, (_, form_field) in COURRIER_FIELDS.items()
        if key in evidence_of and (found := _evidence(evidence_of[key]))
    }
    if ("courrier", "agency_name") in evidence and read.get("agency_id"):
        evidence[("courrier", "agency")] = evidence.pop(("courrier", "agency_name"))
    return Courrier.from_json(read), evidence


def _montants(
    result: dict[str, Any],
) -> tuple[Montants | None, Found]:
    rows = [
        {
            "label": line.get("label", ""),
            "kind": line.get("kind") or "",
            "amount": line.get("amount"),
        }
        for line in result.get("lines") or ()
        if isinstance(line, dict) and line.get("amount") is not None
    ]
    if not rows and result.get("total") is None:
        return None, {}
    montants = Montants.from_json({"total_claimed": result.get("total"), "lines": rows})
    evidence_of = result.get("evidence") or {}
    evidence: Found = {}
    if found := _evidence(evidence_of.get("total")):
        evidence[("montants", "total_claimed")] = found
    read_lines = [
        found.text
        for item in evidence_of.get("lines") or ()
        if (found := _evidence(item))
    ]
    if read_lines:
        evidence[("montants", "lines")] = Evidence(" / ".join(read_lines))
    return montants, evidence


def _mentions(
    result: dict[str, Any],
) -> tuple[Verifications | None, Found]:
    mentions = [str(code) for code in result.get("mentions") or ()]
    if not mentions:
        return None, {}
    spotted = (result.get("evidence") or {}).get("mentions") or {}
    texts = [found.text for code in mentions if (found := _evidence(spotted.get(code)))]
    evidence = {("verifications", "mentions"): Evidence(" / ".join(texts) or "")}
    return Verifications(mentions=frozenset(mentions)), evidence


def draft_of(result: dict[str, Any]) -> Draft:
    courrier, evidence = _courrier(result)
    montants, found = _montants(result)
    evidence |= found
    verifications, found = _mentions(result)
    evidence |= found
    answers = Answers(courrier=courrier, montants=montants, verifications=verifications)
    return Draft(answers=answers, evidence=_kept(answers, evidence))


def _kept(answers: Answers, evidence: Found) -> Found:
    """Evidence only beside a value the typed answers kept (one they refused,
    such as a date they cannot parse, leaves its field empty and unmarked)."""

    def kept(step: str, name: str) -> bool:
        values = getattr(answers, step)
        return bool(getattr(values, "agency_id" if name == "agency" else name, None))

    return {key: found for key, found in evidence.items() if kept(*key)}


def provide(dossier: Any) -> Draft | None:
    """``dossiers.drafts`` provider: the draft of the dossier's latest reading."""
    result = latest_draft(dossier)
    if not result:
        return None
    try:
        return draft_of(result)
    except (ValueError, TypeError, ArithmeticError, AttributeError):
        # a stored reading the typed answers refuse: she types them herself
        logger.exception("Reading job of dossier %s gives no usable draft", dossier.pk)
        return None
