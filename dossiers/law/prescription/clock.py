"""One limitation clock: a period that events interrupt, suspend or leave alone.

The engine runs one clock per debt, or one per instalment (plus one for the
capital). Rules follow the law reference, §2-3: "de quantième à quantième"
counting, interruption only on or before the last day (2231), nothing revives an
expired period, forclusion ignores the debtor's acts (2220), 20-year butoir
(2232) except after a court claim, an enforcement act or a judgment.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from dossiers.law import references as src
from dossiers.law.dates import add_months, add_years
from dossiers.law.prescription.expiry import after_expiry
from dossiers.law.prescription.model import Event
from dossiers.law.prescription.state import (
    ACK_REFS,
    BUTOIR_YEARS,
    JUDGMENT_MONTHS,
    MEDIATION_FLOOR_MONTHS,
    Clock,
    Trace,
    fr,
    period_words,
    phrase,
)
from dossiers.law.references import Ref


def apply(clock: Clock, event: Event, trace: Trace) -> None:
    """Apply one event to the clock."""
    if event.kind == "judgment_signified":
        _judgment(clock, event, trace)
    elif event.kind == "formal_notice":
        _formal_notice(event, trace)
    elif clock.expired_at(event.on):
        after_expiry(clock, event, trace)
    else:
        _HANDLERS[event.kind](clock, event, trace)


def _interrupt(
    clock: Clock, event: Event, trace: Trace, refs: tuple[Ref, ...], capped: bool
) -> None:
    trace.cite(*refs, src.CIV_2231)
    candidate = add_months(event.on, clock.months)
    if capped:
        candidate = _butoir(clock, candidate, trace)
    _extend(clock, candidate)
    target = " des sommes encore dans les temps" if trace.scope else ""
    trace.say(
        f"{phrase(event)} a interrompu le délai{target} : un nouveau délai de "
        f"{period_words(clock.months)} a commencé ce jour-là (interruption)."
    )


def _extend(clock: Clock, candidate: date) -> None:
    if clock.last_day is None or candidate > clock.last_day:
        clock.last_day = candidate


def _butoir(clock: Clock, candidate: date, trace: Trace) -> date:
    cap = add_years(clock.origin, BUTOIR_YEARS)
    if candidate <= cap:
        return candidate
    trace.cite(src.CIV_2232)
    trace.warn(
        "butoir_applied",
        "Les reconnaissances de dette et suspensions successives ne peuvent pas "
        f"prolonger le délai au-delà de vingt ans après la naissance de la dette "
        f"(le {fr(clock.origin)}) : le délai est limité au {fr(cap)} (délai "
        "butoir).",
    )
    return cap


def _debtor_act(clock: Clock, event: Event, trace: Trace) -> None:
    if clock.forclusion:
        _forclusion_ignores(event, trace)
    elif clock.pending_court:
        _no_effect_pending(event, trace)
    else:
        _interrupt(clock, event, trace, ACK_REFS[event.kind], not clock.judgment)
        if clock.judgment:
            _warn_judgment_acknowledgment(trace)


def _warn_judgment_acknowledgment(trace: Trace) -> None:
    trace.warn(
        "judgment_acknowledgment",
        "Nous avons considéré qu'un paiement ou une reconnaissance de dette relance "
        "aussi le délai de dix ans pour exécuter un jugement : à vérifier.",
    )


def _forclusion_ignores(event: Event, trace: Trace) -> None:
    trace.cite(src.CIV_2220)
    trace.say(
        f"{phrase(event)} n'a pas interrompu le délai : un délai de forclusion "
        "n'est interrompu que par une action en justice ou un acte d'exécution "
        "forcée."
    )
    if event.kind == "partial_payment":
        _warn_imputation(trace)
    elif event.kind == "surendettement_filing":
        _warn_surendettement(trace)


def _warn_imputation(trace: Trace) -> None:
    trace.warn(
        "check_start_date",
        "Si un paiement a réglé les échéances impayées les plus anciennes, le "
        "premier incident non régularisé peut être plus récent que la date "
        "indiquée, ce qui retarde le point de départ : à vérifier sur le "
        "décompte du prêteur.",
    )


def _warn_surendettement(trace: Trace) -> None:
    trace.cite(src.SURENDETTEMENT_FORCLUSION_2017)
    trace.warn(
        "surendettement_imposed_measures",
        "Le dépôt d'un dossier de surendettement n'interrompt pas la forclusion. "
        "En revanche, votre demande de mesures imposées après l'échec de la phase "
        "amiable (C. consom., art. L733-1) interrompt les délais pour agir "
        "(art. L721-5) : à vérifier si c'est votre cas.",
    )


def _no_effect_pending(event: Event, trace: Trace) -> None:
    trace.say(
        f"{phrase(event)} ne change pas le délai : il reste ouvert tant que la "
        "procédure en justice est en cours."
    )


def _court_claim(clock: Clock, event: Event, trace: Trace) -> None:
    if clock.pending_court:
        _no_effect_pending(event, trace)
        return
    clock.pending_court = True
    clock.suspended = False
    trace.cite(src.CIV_2241, src.CIV_2242)
    trace.say(
        f"{phrase(event)} a interrompu le délai : il reste ouvert tant que la "
        "procédure est en cours."
    )


def _judgment(clock: Clock, event: Event, trace: Trace) -> None:
    if clock.expired_at(event.on):
        _warn_judgment_after_expiry(trace)
    clock.judgment, clock.forclusion = True, False
    clock.pending_court = clock.suspended = False
    clock.months = JUDGMENT_MONTHS
    clock.last_day = add_months(event.on, JUDGMENT_MONTHS)
    trace.cite(src.L111_4)
    trace.say(
        f"{phrase(event)} ouvre un délai de dix ans pour faire exécuter le "
        "jugement (saisies), à compter de cette signification."
    )
    if clock.spec.code != "judgment":
        trace.warn(
            "post_judgment_periodic_sums",
            "Les dix ans valent pour les sommes fixées par le jugement. Les "
            "intérêts échus après le jugement gardent le délai de la dette "
            "d'origine.",
        )


def _warn_judgment_after_expiry(trace: Trace) -> None:
    trace.warn(
        "judgment_after_expiry",
        "Le jugement a été signifié alors que le délai pour agir semblait expiré. "
        "Un jugement peut pourtant être exécuté pendant dix ans : seul un recours "
        "dans les délais (opposition à une injonction de payer dans le mois de la "
        "signification, appel) permet d'invoquer la prescription. Faites-vous "
        "conseiller rapidement (à vérifier).",
    )


def _enforcement(clock: Clock, event: Event, trace: Trace) -> None:
    if clock.pending_court:
        _no_effect_pending(event, trace)
        return
    _interrupt(clock, event, trace, (src.CIV_2244,), capped=False)


def _mediation(clock: Clock, event: Event, trace: Trace) -> None:
    if clock.forclusion:
        _forclusion_ignores(event, trace)
    elif clock.pending_court or clock.suspended:
        _no_effect_pending(event, trace)
    elif event.end is None:
        clock.suspended = True
        trace.cite(src.CIV_2238)
        trace.say(
            f"{phrase(event)} suspend le délai tant qu'elle dure : il reprendra "
            "pour au moins six mois après sa fin."
        )
    else:
        _suspend(clock, event, event.end, trace)


def _suspend(clock: Clock, event: Event, end: date, trace: Trace) -> None:
    assert clock.last_day is not None
    resumed = end + (clock.last_day - event.on)
    floor = add_months(end, MEDIATION_FLOOR_MONTHS)
    trace.cite(src.CIV_2238)
    if resumed > floor:
        trace.warn(
            "suspension_days_uncertain",
            "Après une médiation, le temps qui restait a été compté en jours : "
            "aucune décision ne fixe ce calcul au jour près (à vérifier).",
        )
    _extend(clock, _butoir(clock, max(resumed, floor), trace))
    trace.say(
        f"{phrase(event)} a suspendu le délai jusqu'à sa fin, le {fr(end)} ; il "
        "a repris ensuite pour le temps qui restait, et au moins six mois."
    )


def _rescheduling(clock: Clock, event: Event, trace: Trace) -> None:
    if clock.forclusion:
        _move_forclusion_start(clock, event, trace)
    elif clock.pending_court:
        _no_effect_pending(event, trace)
    else:
        _interrupt(clock, event, trace, (src.CIV_2240,), not clock.judgment)
        if event.end is not None:
            trace.cite(src.CIV_2233)
            _extend(clock, _capped(clock, add_months(event.end, clock.months), trace))
        _warn_rescheduling(trace)


def _capped(clock: Clock, candidate: date, trace: Trace) -> date:
    return candidate if clock.judgment else _butoir(clock, candidate, trace)


def _warn_rescheduling(trace: Trace) -> None:
    trace.warn(
        "rescheduling_check",
        "Nous avons traité l'accord de rééchelonnement comme une reconnaissance de "
        "la dette, et fait courir le délai à partir du premier impayé suivant "
        "l'accord s'il est indiqué : à vérifier.",
    )


def _move_forclusion_start(clock: Clock, event: Event, trace: Trace) -> None:
    clock.reschedulings += 1
    trace.cite(src.R312_35)
    if clock.reschedulings > 1:
        trace.warn(
            "several_reschedulings",
            "Le texte vise le premier incident non régularisé après le premier "
            "réaménagement : avec plusieurs accords, le point de départ est à "
            "vérifier.",
        )
    if event.end is None:
        clock.last_day = None
        trace.say(
            f"{phrase(event)} déplace le point de départ : le délai ne commencera "
            "qu'au premier incident de paiement non régularisé après l'accord."
        )
        return
    _extend(clock, add_months(event.end, clock.months))
    trace.say(
        f"{phrase(event)} déplace le point de départ au premier incident non "
        f"régularisé après l'accord, le {fr(event.end)}."
    )


def _insurer_letter(clock: Clock, event: Event, trace: Trace) -> None:
    applies = clock.spec.code == "insurance_premium" and not clock.judgment
    if applies and not clock.pending_court:
        _interrupt(clock, event, trace, (src.L114_2,), capped=True)
    elif applies:
        _no_effect_pending(event, trace)
    else:
        trace.say(f"{phrase(event)} n'a pas interrompu le délai.")
        trace.warn(
            "insurer_letter_not_applicable",
            "Une lettre recommandée de l'assureur n'interrompt le délai que pour "
            "le paiement d'une prime d'assurance.",
        )


def _formal_notice(event: Event, trace: Trace) -> None:
    trace.cite(src.FORMAL_NOTICE_2022)
    trace.say(
        f"{phrase(event)} n'a pas interrompu le délai : une lettre de relance ou "
        "une mise en demeure, même recommandée, n'interrompt pas la prescription."
    )
    trace.warn(
        "formal_notice_no_effect",
        "Une mise en demeure ou une lettre d'une agence de recouvrement ne relance "
        "pas le délai, même si elle est envoyée en recommandé.",
    )


_HANDLERS: Final = {
    "partial_payment": _debtor_act,
    "acknowledgment": _debtor_act,
    "payment_plan_request": _debtor_act,
    "surendettement_filing": _debtor_act,
    "court_claim": _court_claim,
    "enforcement_act": _enforcement,
    "mediation": _mediation,
    "rescheduling": _rescheduling,
    "insurer_registered_letter": _insurer_letter,
}
