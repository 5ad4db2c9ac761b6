"""Caveats layered on an estimate once its clocks are computed.

* A consumer credit whose first incident falls on or after 20 November 2026 may
  come under Directive (EU) 2023/2225, whose French transposition is not
  verified (reference §1.5 point 5, §9): a warning, never a rule.
* A court title she declares without its signification date: the ten years to
  enforce it (CPCE L111-4, reference §1.9) may run, so a period that looks over
  on the original nature is « à vérifier » (issue 18, item 16).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from typing import Final, TypeVar

from dossiers.law import references as src
from dossiers.law.prescription.model import Claim, Estimate, LawWarning, Status

_T = TypeVar("_T")

CREDIT_DIRECTIVE_APPLIES: Final = date(2026, 11, 20)
"""Directive (EU) 2023/2225 applies from this day."""


def with_directive(result: Estimate, claim: Claim) -> Estimate:
    """A credit whose first incident falls after 20 November 2026 may come
    under the new consumer-credit directive: « à vérifier », never a rule."""
    if result.kind != "forclusion" or claim.start < CREDIT_DIRECTIVE_APPLIES:
        return result
    warning = LawWarning(
        "credit_directive_2026",
        "La directive européenne (UE) 2023/2225 sur le crédit aux consommateurs "
        "s'applique aux crédits conclus à partir du 20 novembre 2026 et change les "
        "crédits concernés (montants, types de crédit). Sa transposition en France "
        "n'a pas été vérifiée : si votre crédit a été conclu depuis cette date, "
        "la règle appliquée ici est à vérifier.",
    )
    return dataclasses.replace(
        result,
        basis=_unique([*result.basis, src.CREDIT_DIRECTIVE_2023]),
        warnings=_unique([*result.warnings, warning]),
    )


def with_court_title(result: Estimate, claim: Claim) -> Estimate:
    """A declared court title without its date: ten years to enforce may run
    (CPCE L111-4), so « barred » on the original nature is only « à vérifier »."""
    if not claim.court_title or result.enforcement:
        return result
    warning = LawWarning(
        "court_title_declared",
        "Vous indiquez qu'une décision de justice (titre exécutoire) existe pour "
        "cette dette. Le créancier a alors dix ans, à partir de sa signification, "
        "pour la faire exécuter (saisies) : le délai calculé ici sur la nature de "
        "la dette d'origine ne suffit pas. Indiquez la signification du jugement "
        "parmi les événements, ou faites vérifier la date de la décision.",
    )
    status = result.status
    sentences = list(result.explanation)
    if status in (Status.BARRED, Status.PARTLY_BARRED):
        status = Status.UNCERTAIN
        sentences.append(
            "Une décision de justice existe : la dette peut encore être exécutée "
            "pendant dix ans à partir de sa signification (à vérifier)."
        )
    return dataclasses.replace(
        result,
        status=status,
        basis=_unique([*result.basis, src.L111_4]),
        explanation=sentences,
        warnings=_unique([*result.warnings, warning]),
    )


def _unique(items: Iterable[_T]) -> list[_T]:
    return list(dict.fromkeys(items))
