"""Input checks: bad input raises :class:`LawInputError` with a French message."""

from __future__ import annotations

from datetime import date, datetime

from dossiers.law.dates import format_date
from dossiers.law.prescription.model import Claim, Event, LawInputError
from dossiers.law.prescription.natures import EVENT_KINDS, NATURES, NatureSpec


def check_claim(claim: Claim, today: date) -> NatureSpec:
    """Check ``claim`` against ``today``; return the spec of its nature."""
    _check_date(today, "la date du jour")
    spec = _nature(claim)
    _check_date(claim.start, "la date de départ")
    _not_after_today(claim.start, today, "La date de départ")
    for event in claim.events:
        _check_event(event, claim.start, today)
    _check_instalments(claim, spec, today)
    return spec


def _nature(claim: Claim) -> NatureSpec:
    spec = NATURES.get(claim.nature) if isinstance(claim.nature, str) else None
    if spec is None:
        known = ", ".join(NATURES)
        raise LawInputError(
            f"Nature de dette inconnue : « {claim.nature} ». Natures possibles : "
            f"{known}."
        )
    return spec


def _check_date(value: object, name: str) -> None:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise LawInputError(f"Indiquez {name} comme une date (jour, mois, année).")


def _not_after_today(value: date, today: date, name: str) -> None:
    if value > today:
        raise LawInputError(
            f"{name} ({format_date(value)}) est postérieure à aujourd'hui "
            f"({format_date(today)})."
        )


def _check_event(event: Event, start: date, today: date) -> None:
    spec = EVENT_KINDS.get(event.kind) if isinstance(event.kind, str) else None
    if spec is None:
        known = ", ".join(EVENT_KINDS)
        raise LawInputError(
            f"Type d'événement inconnu : « {event.kind} ». Types possibles : {known}."
        )
    _check_date(event.on, f"la date de l'événement « {spec.label} »")
    if event.on < start:
        raise LawInputError(
            f"L'événement « {spec.label} » du {format_date(event.on)} est "
            f"antérieur à la date de départ ({format_date(start)})."
        )
    _not_after_today(event.on, today, f"La date de l'événement « {spec.label} »")
    if event.end is not None:
        if not spec.accepts_end:
            raise LawInputError(f"L'événement « {spec.label} » n'a pas de date de fin.")
        _check_end(event.end, event.on, spec.label, today)


def _check_end(end: date, on: date, label: str, today: date) -> None:
    _check_date(end, f"la date de fin de « {label} »")
    if end < on:
        raise LawInputError(
            f"La date de fin de « {label} » ({format_date(end)}) est "
            f"antérieure à sa date de début ({format_date(on)})."
        )
    _not_after_today(end, today, f"La date de fin de « {label} »")


def _check_instalments(claim: Claim, spec: NatureSpec, today: date) -> None:
    if not claim.instalments and claim.acceleration is None:
        return
    if not spec.instalments:
        if claim.acceleration is not None:
            raise LawInputError(
                "Il n'y a pas de déchéance du terme pour ce type de dette : "
                "laissez cette date vide.",
                field="acceleration",
            )
        raise LawInputError(
            f"Les échéances ne s'appliquent pas à ce type de dette ({spec.label}) : "
            "laissez les échéances impayées vides.",
            field="instalments",
        )
    for due in claim.instalments:
        _check_date(due, "chaque échéance")
        _in_range(due, claim.start, today, "L'échéance")
    _check_order(claim.instalments)
    if claim.acceleration is not None:
        _check_acceleration(claim.acceleration, claim, today)


def _in_range(value: date, start: date, today: date, name: str) -> None:
    if value < start:
        raise LawInputError(
            f"{name} du {format_date(value)} est antérieure à la date de départ "
            f"({format_date(start)}).",
            field="instalments",
        )
    try:
        _not_after_today(value, today, f"{name} du {format_date(value)}")
    except LawInputError as exc:
        raise LawInputError(str(exc), field="instalments") from None


def _check_order(instalments: tuple[date, ...]) -> None:
    for before, after in zip(instalments, instalments[1:], strict=False):
        if after <= before:
            raise LawInputError(
                "Les échéances doivent être indiquées dans l'ordre, sans doublon : "
                f"le {format_date(after)} suit le {format_date(before)}.",
                field="instalments",
            )


def _check_acceleration(acceleration: date, claim: Claim, today: date) -> None:
    _check_date(acceleration, "la date de la déchéance du terme")
    if acceleration < claim.start:
        raise LawInputError(
            "La déchéance du terme ne peut pas précéder le point de départ du délai "
            f"({format_date(claim.start)}) : vérifiez les deux dates.",
            field="acceleration",
        )
    _not_after_today(acceleration, today, "La déchéance du terme")
    if claim.instalments and claim.instalments[-1] > acceleration:
        raise LawInputError(
            "Les échéances impayées doivent précéder la déchéance du terme "
            f"({format_date(acceleration)}) : après elle, tout le capital est dû.",
            field="instalments",
        )
