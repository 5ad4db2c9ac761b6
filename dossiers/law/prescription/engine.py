"""The limitation engine: :func:`estimate` and how its answer is phrased."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from dossiers.law import references as src
from dossiers.law.dates import WEEKDAYS_FR, add_months, is_weekend
from dossiers.law.holidays import (
    is_non_working_day,
    next_working_day,
    why_not_working,
)
from dossiers.law.prescription.caveats import with_court_title, with_directive
from dossiers.law.prescription.clock import apply
from dossiers.law.prescription.model import (
    Claim,
    Estimate,
    Part,
    Status,
)
from dossiers.law.prescription.natures import NatureSpec
from dossiers.law.prescription.state import (
    Clock,
    Trace,
    fr,
    last_day_after,
    period_words,
    start_clock,
)
from dossiers.law.prescription.validate import check_claim

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class _Outcome:
    """Result of one clock: status, last day, what was applied."""

    status: Status
    last_day: date | None
    trace: Trace
    judgment: bool
    forclusion: bool


def estimate(claim: Claim, *, today: date) -> Estimate:
    """Estimate whether the creditor may still act on ``claim`` on ``today``.

    Raises :class:`LawInputError` (a ``ValueError``) with a French message for
    bad input. ``today`` is always given by the caller (no clock is read).
    """
    spec = check_claim(claim, today)
    if spec.months is None:
        return _without_rule(claim, spec)
    if spec.kind == "prescription" and (claim.instalments or claim.acceleration):
        result = _by_parts(claim, spec, today)
    else:
        result = _single(claim, spec, today)
    return with_court_title(with_directive(result, claim), claim)


def _without_rule(claim: Claim, spec: NatureSpec) -> Estimate:
    head = Trace()
    head.cite(*spec.refs)
    head.warnings.extend(spec.notes)
    head.say("Nous ne calculons pas de délai pour ce type de dette (à vérifier).")
    return _result(claim, spec, Status.UNCERTAIN, None, head, [])


def _single(claim: Claim, spec: NatureSpec, today: date) -> Estimate:
    head = _head(claim, spec, by_parts=False)
    outcome = _run(claim, spec, claim.start, today)
    conclusion = _conclusion(outcome)
    trace = _merge(head, [outcome.trace])
    parts = [_part(label, due, outcome) for label, due in _pieces(claim)]
    if parts:
        trace.say(
            "Pour un crédit à la consommation, un seul délai court pour toute la "
            "dette, à partir du premier incident de paiement non régularisé."
        )
    trace.sentences.extend(conclusion)
    return _result(
        claim, spec, outcome.status, outcome.last_day, trace, parts, outcome.judgment
    )


def _by_parts(claim: Claim, spec: NatureSpec, today: date) -> Estimate:
    head = _head(claim, spec, by_parts=True)
    head.cite(src.INSTALMENTS_2016)
    head.say(
        "Chaque échéance impayée a son propre délai, qui part de sa date "
        "d'échéance ; le capital restant dû a le sien, qui part de la déchéance "
        "du terme."
    )
    runs = [
        (label, due, _run(claim, spec, due, today, scope=label))
        for label, due in _pieces(claim)
    ]
    trace = _merge(head, [outcome.trace for _, _, outcome in runs])
    parts = [_part(label, due, outcome) for label, due, outcome in runs]
    trace.sentences.extend(_part_sentence(part) for part in parts)
    status, last_day = _overall(parts)
    trace.sentences.extend(_parts_conclusion(status, trace))
    judgment = any(outcome.judgment for _, _, outcome in runs)
    return _result(claim, spec, status, last_day, trace, parts, judgment)


def _pieces(claim: Claim) -> list[tuple[str, date]]:
    pieces = [(f"Échéance du {fr(due)}", due) for due in claim.instalments]
    if claim.acceleration is not None:
        label = f"Capital restant dû (déchéance du terme du {fr(claim.acceleration)})"
        pieces.append((label, claim.acceleration))
    return pieces


def _run(
    claim: Claim, spec: NatureSpec, origin: date, today: date, scope: str = ""
) -> _Outcome:
    trace = Trace(scope=scope)
    clock = start_clock(spec, origin)
    for event in sorted(claim.events, key=lambda event: event.on):
        if event.on >= origin:
            apply(clock, event, trace)
    status, last_day = _conclude(clock, trace, today)
    return _Outcome(status, last_day, trace, clock.judgment, clock.forclusion)


def _conclude(clock: Clock, trace: Trace, today: date) -> tuple[Status, date | None]:
    _check_transitional(clock, trace)
    last_day = _open_or_last(clock, trace)
    status = Status.NOT_BARRED
    if last_day is not None:
        _check_weekend(clock, last_day, today, trace)
        status = Status.NOT_BARRED if today <= last_day else Status.BARRED
    return (Status.UNCERTAIN if trace.uncertain else status), last_day


def _open_or_last(clock: Clock, trace: Trace) -> date | None:
    if clock.pending_court:
        trace.warn(
            "court_claim_pending",
            "Une procédure en justice est en cours : le délai reste ouvert tant "
            "qu'elle dure. Si le créancier se désiste, laisse périmer l'instance "
            "ou perd définitivement, l'interruption est effacée (C. civ., art. "
            "2243) : le calcul est alors à refaire sans elle.",
        )
    elif clock.suspended:
        trace.warn(
            "mediation_ongoing",
            "La médiation est en cours : indiquez sa date de fin quand elle sera "
            "terminée pour connaître le dernier jour.",
        )
    elif clock.last_day is None:
        trace.say(
            "Aucun incident non régularisé après l'accord : le délai n'a pas commencé."
        )
    return None if clock.pending_court or clock.suspended else clock.last_day


def _check_transitional(clock: Clock, trace: Trace) -> None:
    if clock.origin >= clock.spec.in_force:
        return
    trace.uncertain = True
    trace.cite(src.CIV_2222)
    trace.warn(
        "transitional_law",
        f"La dette est née avant le {fr(clock.spec.in_force)}, date d'entrée en "
        "vigueur de la règle appliquée ici : des règles transitoires peuvent "
        "changer le résultat (à vérifier).",
    )


def _check_weekend(clock: Clock, last_day: date, today: date, trace: Trace) -> None:
    """A forclusion ending on a Saturday, Sunday or public holiday: whether CPC
    642 extends it is not settled (reference §3.2 rule 4, §9: [U])."""
    if not clock.forclusion or not is_non_working_day(last_day):
        return
    working = next_working_day(last_day)
    trace.warn(
        "forclusion_weekend",
        f"Le dernier jour ({fr(last_day)}) tombe {why_not_working(last_day)}. On ne "
        "sait pas si le report au premier jour ouvrable (CPC, art. 642) vaut pour "
        f"cette forclusion : le délai pourrait courir jusqu'au {fr(working)} (à "
        "vérifier).",
    )
    if last_day < today <= working:
        trace.uncertain = True


def _head(claim: Claim, spec: NatureSpec, *, by_parts: bool) -> Trace:
    head = Trace()
    head.cite(*spec.refs)
    head.warnings.extend(spec.notes)
    head.say(f"Votre dette est {spec.summary}.")
    head.say(_rule_sentence(claim, spec, by_parts))
    return head


def _rule_sentence(claim: Claim, spec: NatureSpec, by_parts: bool) -> str:
    words = period_words(spec.months or 0)
    if spec.code == "judgment":
        return (
            f"Le créancier a {words} à partir de sa signification, le "
            f"{fr(claim.start)}, pour le faire exécuter (saisies)."
        )
    if spec.kind == "forclusion":
        return _forclusion_sentence(claim, spec, words)
    start = "de chaque échéance" if by_parts else f"du {fr(claim.start)}"
    return (
        f"Le créancier a {words} pour agir en justice (prescription), à partir "
        f"{start} ; passé ce délai, il ne peut plus obtenir de condamnation si "
        "vous invoquez la prescription."
    )


def _forclusion_sentence(claim: Claim, spec: NatureSpec, words: str) -> str:
    anchor = add_months(claim.start, spec.delay_months)
    delay = ""
    if spec.delay_months:
        delay = (
            f"Le dépassement non régularisé a commencé le {fr(claim.start)} : le "
            "délai part trois mois plus tard. "
        )
    return (
        f"{delay}Le prêteur a {words} pour agir en justice à partir du "
        f"{fr(anchor)}, sous peine de forclusion : ce délai strict n'est "
        "interrompu ni par un paiement, ni par une reconnaissance de dette, ni "
        "par une demande d'échéancier."
    )


def _conclusion(outcome: _Outcome) -> list[str]:
    last_day = outcome.last_day
    if outcome.status is Status.UNCERTAIN:
        return _uncertain_sentences(last_day)
    if last_day is None:
        return ["Pour l'instant, le délai reste ouvert : la dette n'est pas prescrite."]
    weekend = _weekend_note(outcome, last_day)
    if outcome.status is Status.NOT_BARRED:
        return [_open_sentence(outcome, last_day), *weekend]
    return [*_barred_sentences(outcome, last_day), *weekend]


def _weekend_note(outcome: _Outcome, last_day: date) -> list[str]:
    if outcome.forclusion or not is_weekend(last_day):
        return []
    outcome.trace.cite(src.NO_WEEKEND_2016)
    day_name = WEEKDAYS_FR[last_day.weekday()]
    return [
        f"Le dernier jour tombe un {day_name} : pour une prescription, il n'est "
        "pas reporté au jour ouvrable suivant."
    ]


def _uncertain_sentences(last_day: date | None) -> list[str]:
    sentences = ["Le résultat est incertain : voyez les points à vérifier."]
    if last_day is not None:
        sentences.append(
            f"Selon le calcul le plus strict, le dernier jour serait le {fr(last_day)}."
        )
    return sentences


def _open_sentence(outcome: _Outcome, last_day: date) -> str:
    after = fr(last_day_after(last_day))
    if outcome.judgment:
        return (
            f"Le créancier peut faire exécuter le jugement jusqu'au {fr(last_day)} "
            f"inclus ; à partir du {after}, il ne le pourra plus."
        )
    actor, word = (
        ("Le prêteur", "forclose")
        if outcome.forclusion
        else ("Le créancier", "prescrite")
    )
    return (
        f"{actor} peut encore agir en justice jusqu'au {fr(last_day)} inclus. "
        f"À partir du {after}, la dette sera {word}."
    )


def _barred_sentences(outcome: _Outcome, last_day: date) -> list[str]:
    after = fr(last_day_after(last_day))
    if outcome.judgment:
        return [
            f"Le délai pour exécuter le jugement a expiré le {fr(last_day)} : depuis "
            f"le {after}, le créancier ne peut plus le faire exécuter de force."
        ]
    if outcome.forclusion:
        return [
            f"Le délai a expiré le {fr(last_day)} : depuis le {after}, l'action du "
            "prêteur est forclose. Le juge doit en principe le relever lui-même, "
            "mais invoquez-le aussi."
        ]
    outcome.trace.cite(src.CIV_2247)
    return [
        f"Le délai a expiré le {fr(last_day)} : depuis le {after}, la dette est "
        "prescrite (le créancier ne peut plus obtenir de condamnation en justice).",
        "Le juge ne peut pas relever la prescription de lui-même : vous devez "
        "l'invoquer, par écrit au créancier et devant le juge.",
    ]


def _part(label: str, due: date, outcome: _Outcome) -> Part:
    last_day = outcome.last_day
    barred_from = None if last_day is None else last_day_after(last_day)
    return Part(label, due, outcome.status, last_day, barred_from)


def _part_sentence(part: Part) -> str:
    if part.status is Status.UNCERTAIN:
        return f"{part.label} : à vérifier."
    if part.last_day is None:
        return f"{part.label} : le délai reste ouvert."
    if part.status is Status.BARRED:
        return (
            f"{part.label} : prescrite depuis le {fr(last_day_after(part.last_day))}."
        )
    return f"{part.label} : le créancier peut agir jusqu'au {fr(part.last_day)} inclus."


def _overall(parts: list[Part]) -> tuple[Status, date | None]:
    statuses = {part.status for part in parts}
    if Status.UNCERTAIN in statuses:
        status = Status.UNCERTAIN
    elif len(statuses) == 1:
        status = statuses.pop()
    else:
        status = Status.PARTLY_BARRED
    days = [part.last_day for part in parts]
    if any(day is None for day in days):
        return status, None
    return status, max(day for day in days if day is not None)


def _parts_conclusion(status: Status, trace: Trace) -> list[str]:
    if status is Status.NOT_BARRED:
        return ["Aucune somme n'est encore prescrite."]
    if status is Status.UNCERTAIN:
        return ["Le résultat est incertain : voyez les points à vérifier."]
    trace.cite(src.CIV_2247)
    first = (
        "Toutes les sommes sont prescrites."
        if status is Status.BARRED
        else (
            "Une partie de la dette est prescrite : le créancier ne peut plus "
            "réclamer en justice les sommes prescrites, mais peut encore réclamer "
            "les autres."
        )
    )
    return [
        first,
        "Le juge ne peut pas relever la prescription de lui-même : vous devez "
        "l'invoquer.",
    ]


def _merge(head: Trace, traces: Iterable[Trace]) -> Trace:
    merged = Trace(list(head.basis), list(head.sentences), list(head.warnings))
    for trace in traces:
        merged.basis.extend(trace.basis)
        merged.sentences.extend(trace.sentences)
        merged.warnings.extend(trace.warnings)
        merged.uncertain = merged.uncertain or trace.uncertain
    return merged


def _result(
    claim: Claim,
    spec: NatureSpec,
    status: Status,
    last_day: date | None,
    trace: Trace,
    parts: list[Part],
    enforcement: bool = False,
) -> Estimate:
    return Estimate(
        nature=claim.nature,
        kind=spec.kind,
        status=status,
        last_day=last_day,
        barred_from=None if last_day is None else last_day_after(last_day),
        basis=_unique(trace.basis),
        explanation=_unique(trace.sentences),
        warnings=_unique(trace.warnings),
        parts=parts,
        enforcement=enforcement or spec.code == "judgment",
    )


def _unique(items: Iterable[_T]) -> list[_T]:
    return list(dict.fromkeys(items))
