"""Events after the last day: nothing revives the debt (2250-2251, 2249, 2247).

A payment or acknowledgment after expiry does not restart the period; the
debtor is warned of the risk of a tacit renunciation; a court claim or an
enforcement act after expiry must be contested.
"""

from __future__ import annotations

from dossiers.law import references as src
from dossiers.law.prescription.model import Event
from dossiers.law.prescription.state import DEBTOR_ACTS, Clock, Trace, fr, phrase


def after_expiry(clock: Clock, event: Event, trace: Trace) -> None:
    """Record an event dated after the last day: it changes nothing."""
    assert clock.last_day is not None
    subject, debt = phrase(event), "la dette"
    if trace.scope:
        subject = f"{trace.scope} : {subject[0].lower()}{subject[1:]}"
        debt = "cette somme"
    trace.say(
        f"{subject} a eu lieu après la fin du délai (le {fr(clock.last_day)}) : "
        f"cela ne fait pas revivre {debt}."
    )
    if event.kind in DEBTOR_ACTS or event.kind == "rescheduling":
        _late_debtor_act(clock, event, trace)
    elif event.kind == "court_claim":
        _late_court_claim(clock, trace)
    elif event.kind == "enforcement_act":
        trace.warn(
            "enforcement_after_expiry",
            "Un acte d'exécution fait après la fin du délai peut être contesté "
            "devant le juge de l'exécution : faites-vous conseiller rapidement.",
        )


def _late_debtor_act(clock: Clock, event: Event, trace: Trace) -> None:
    if clock.forclusion and event.kind == "rescheduling":
        trace.uncertain = True
        trace.warn(
            "rescheduling_after_expiry",
            "Un accord de rééchelonnement conclu après la forclusion : son effet "
            "n'est pas tranché par nos sources (à vérifier).",
        )
    elif clock.forclusion:
        trace.warn(
            "forclusion_not_revived",
            "Un paiement ou une reconnaissance après la forclusion ne fait pas "
            "revivre l'action du prêteur ; selon la doctrine, on ne peut pas "
            "renoncer à une forclusion (à vérifier).",
        )
    else:
        _warn_renunciation(event, trace)


def _warn_renunciation(event: Event, trace: Trace) -> None:
    trace.cite(src.CIV_2250, src.CIV_2251)
    trace.warn(
        "renunciation_risk",
        "Après la fin du délai, un paiement ou une reconnaissance ne relance pas "
        "le délai. Mais une reconnaissance claire de la dette pourrait être vue "
        "comme une renonciation à la prescription : n'en faites plus et ne "
        "payez plus sans conseil.",
    )
    if event.kind == "partial_payment":
        trace.cite(src.CIV_2249)
        trace.say(
            "Ce qui a déjà été payé ne peut pas être réclamé en retour au seul "
            "motif que la dette était prescrite."
        )


def _late_court_claim(clock: Clock, trace: Trace) -> None:
    if clock.forclusion:
        message = (
            "Le prêteur a agi en justice après la forclusion : le juge doit en "
            "principe la relever lui-même, mais invoquez-la aussi."
        )
    else:
        trace.cite(src.CIV_2247)
        message = (
            "Le créancier a agi en justice après la fin du délai : invoquez la "
            "prescription devant le juge, il ne peut pas la relever lui-même."
        )
    trace.warn("court_claim_after_expiry", message)
