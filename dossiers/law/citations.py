"""What the debtor's own letters cite, letter by letter and situation by situation.

Two lists must not be confused (issue 18, item 3):

* **the engine's basis** — every rule the estimate applied, shown to her with
  its explanation (interruptions, renunciation risk, the judge who may not
  raise prescription…);
* **the articles her letter invokes** — only what the letter argues, for this
  dossier: the period's article(s) and why nothing interrupted it, the fee
  rules that protect *her* (a consumer, a debtor without a court title), the
  collector's rules only when the agency acts under a mandate (reference
  §4.1), the criminal texts only for the facts she has.

A letter never invokes C. civ. 2247 (the judge's office), 2249 (no restitution),
2250-2251 (renunciation): they are about her, not arguments against the
collector, and naming them hands the collector an idea (§2.3, §7 (b)).

Pure: a :class:`LetterSituation` in, references out (each once, in the order a
letter cites them). The letters of ``letters/contexts`` build their « Textes
cités » and their conditional sentences from these functions; a letter that
combines several grounds can call them one after the other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

from dossiers.law import references as refs
from dossiers.law.prescription import NATURES
from dossiers.law.references import Ref

NEVER_IN_A_LETTER: Final = frozenset(
    {refs.CIV_2247, refs.CIV_2249, refs.CIV_2250, refs.CIV_2251}
)
"""References a debtor's letter never invokes (they belong to the explanation)."""


@dataclass(frozen=True, slots=True)
class LetterSituation:
    """What decides a letter's citations.

    ``nature``: the engine's code of the debt; ``limitation_kind``:
    ``prescription``/``forclusion``; ``by_parts``: an instalment debt estimated
    per instalment; ``late_payment``: she paid or acknowledged after the period
    (of a barred part) had run out; ``mentions_missing``: R124-4 mentions she
    checked and found missing; ``contacts_recorded``: calls, SMS or e-mails of
    the agency in her timeline or ticked as repeated calls;
    ``seizure_threatened``: a seizure was threatened; ``fee_categories``: the
    kinds of fee contested (``dossiers.law.checks.fees``);
    ``documents_received``: codes of ``dossiers.law.checks.DOCUMENTS``.
    """

    nature: str = ""
    limitation_kind: str | None = None
    by_parts: bool = False
    late_payment: bool = False
    is_consumer: bool = True
    agency_role: str = "unknown"
    has_court_title: bool = False
    mentions_missing: bool = False
    contacts_recorded: bool = False
    seizure_threatened: bool = False
    fake_document: bool = False
    fee_categories: frozenset[str] = field(default_factory=frozenset)
    documents_received: frozenset[str] = field(default_factory=frozenset)

    @property
    def mandate(self) -> bool:
        """The R124 rules bind a collector acting for a creditor only (§4.1)."""
        return self.agency_role == "mandate"

    @property
    def forclusion(self) -> bool:
        return self.limitation_kind == "forclusion"


def period_refs(nature: str) -> tuple[Ref, ...]:
    """The rule of the debt's period: its article(s) and the decision that sets
    it, as the engine's nature table gives them."""
    spec = NATURES.get(nature)
    return tuple(spec.refs) if spec is not None else ()


def limitation_articles(situation: LetterSituation) -> tuple[Ref, ...]:
    """The limitation letter (§7 (b)): the period, why nothing interrupted it."""
    cited = list(period_refs(situation.nature))
    if situation.by_parts:
        cited.append(refs.INSTALMENTS_2016)
    if situation.forclusion:
        cited += [refs.CIV_2241, refs.CIV_2244]
    cited.append(refs.FORMAL_NOTICE_2022)
    if situation.late_payment and not situation.forclusion:
        cited.append(refs.LATE_PAYMENT_2021)
    cited.append(refs.L121_6)
    return _unique(cited)


def contestation_articles(situation: LetterSituation) -> tuple[Ref, ...]:
    """The contestation (§7 (a)): burden of proof; the collector's rules only
    under a mandate; the fee rules that protect this debtor."""
    cited: list[Ref] = [refs.CIV_1353]
    received = situation.documents_received
    if situation.mandate and "statement" not in received:
        cited.append(refs.R124_4_3)
    if "mandate_or_deed" not in received:
        cited += _ownership(situation.agency_role)
    cited += _amicable_fees(situation)
    return _unique(cited)


def _ownership(role: str) -> list[Ref]:
    if role == "mandate":
        return [refs.R124_3]
    if role == "purchase":
        return [refs.CIV_1324]
    return [
        refs.R124_3,
        refs.CIV_1324,
    ]  # asked « si vous agissez pour… / si vous avez racheté… »


def _amicable_fees(situation: LetterSituation) -> list[Ref]:
    """No fee for amicable collection without a court title (L111-8 al. 2); the
    consumer-code prohibition for a consumer only (L121-21, §4.6)."""
    if situation.has_court_title:
        return []
    if situation.is_consumer:
        return [refs.L111_8_AL2, refs.L121_21]
    return [refs.L111_8_AL2]


def fees_articles(situation: LetterSituation) -> tuple[Ref, ...]:
    """The fee letter (§4.6, §7 (d))."""
    if situation.has_court_title:
        # Execution costs may be hers (al. 1); amicable fees stay the creditor's.
        cited = [refs.L111_8_AL1, refs.L111_8_AL2]
    else:
        cited = _amicable_fees(situation)
        if situation.is_consumer:
            cited.append(refs.CASS_2010_FEES)
        cited.append(refs.L111_8_AL3)
    if "flat_indemnity" in situation.fee_categories and situation.is_consumer:
        cited.append(refs.L441_10)  # « only between professionals »
    if "damages" in situation.fee_categories:
        cited.append(refs.CIV_1231_6)
    return _unique(cited)


def harassment_articles(situation: LetterSituation) -> tuple[Ref, ...]:
    """The harassment letter (§6, §7 (e))."""
    cited = [refs.L121_6, refs.L132_11]
    if situation.contacts_recorded:
        cited.append(refs.PEN_222_16)
    if situation.seizure_threatened and not situation.has_court_title:
        cited.append(refs.L111_2)
    if situation.fake_document:
        cited.append(refs.PEN_433_13)
    if situation.mandate and situation.mentions_missing:
        cited += [refs.R124_4, refs.R124_7]  # the mentions, then the penalty
    return _unique(cited)


def plan_articles(situation: LetterSituation) -> tuple[Ref, ...]:
    """The payment plan (§7 (c)): no fee added (L111-8 al. 2 — fees, not
    interest: legal interest runs from the mise en demeure, C. civ. 1344-1); a
    receipt for each payment under R124-6 only from a mandated collector."""
    cited = [] if situation.has_court_title else [refs.L111_8_AL2]
    if situation.mandate:
        cited.append(refs.R124_6)
    return _unique(cited)


def receipt_articles(
    situation: LetterSituation, *, fees_excluded: bool
) -> tuple[Ref, ...]:
    """Payment in full against a receipt (§7, R124-6 for a mandated collector)."""
    cited = [refs.R124_6] if situation.mandate else []
    if fees_excluded:
        cited.append(refs.L111_8_AL2)
    return _unique(cited)


LETTER_ARTICLES: Final[Mapping[str, Callable[[LetterSituation], tuple[Ref, ...]]]] = (
    MappingProxyType(
        {
            "prescription": limitation_articles,
            "contestation": contestation_articles,
            "frais": fees_articles,
            "harcelement": harassment_articles,
            "echeancier": plan_articles,
        }
    )
)
"""Letter slug → the function giving the articles it may invoke."""


def _unique(items: Iterable[Ref]) -> tuple[Ref, ...]:
    kept = tuple(dict.fromkeys(items))
    assert not NEVER_IN_A_LETTER & set(kept)
    return kept
