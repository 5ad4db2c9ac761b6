"""From a dossier's typed answers to the limitation engine's ``Claim``.

The nature and the start she gave, her unpaid instalments (a series or a
list), her events, and what « Le courrier » and the timeline say of the courts
(a signification, a commandement, a saisine of the mediator). It reads, it
never writes; ``dossiers.assessment`` runs the engine on the claim.
"""

import datetime as dt

from .answers import Answers, Courrier, Prescription
from .law.instalments import UnpaidInstalment, series
from .law.prescription import Claim, Event


def unpaid_instalments(prescription: Prescription) -> tuple[UnpaidInstalment, ...]:
    """The unpaid instalments she gave: the list, else the series (raises
    ``InstalmentInputError`` for a series that does not add up)."""
    if prescription.instalment_list:
        return tuple(
            UnpaidInstalment(row.due, row.amount)
            for row in prescription.instalment_list
            if row.due is not None
        )
    if prescription.first_unpaid is None:
        return ()
    return series(
        prescription.first_unpaid,
        prescription.last_unpaid,
        prescription.periodicity,
        prescription.instalment_amount,
    )


COURT_ACTS = {"injonction_signifiee": "court_claim", "assignation": "court_claim"}
"""Kinds of letter whose signification is a demande en justice (C. civ. 2241;
the signification of an injonction de payer, reference §1.5 point 2)."""


def court_events(courrier: Courrier | None) -> tuple[Event, ...]:
    """What « Le courrier » knows of the courts, as the engine's events: a
    signified injonction or summons interrupts (2241, open while it lasts,
    2242); a commandement is an enforcement act (2244)."""
    if courrier is None or courrier.signification_date is None:
        return ()
    if courrier.letter_kind in COURT_ACTS:
        return (Event(COURT_ACTS[courrier.letter_kind], courrier.signification_date),)
    if courrier.letter_kind == "commandement":
        return (Event("enforcement_act", courrier.signification_date),)
    return ()


def court_title_declared(answers: Answers) -> bool:
    """A court title exists (she says so, or a commandement presupposes one,
    CPCE L111-2) — its date is not known to the claim."""
    checks = answers.verifications
    courrier = answers.courrier
    return (checks is not None and checks.has_court_title == "yes") or (
        courrier is not None and courrier.letter_kind == "commandement"
    )


def claim_from(answers: Answers, mediations: tuple[dt.date, ...] = ()) -> Claim | None:
    """The limitation claim, or None when the nature or the start is unknown.

    The start is the one she gave, else her first unpaid instalment. Her events,
    plus what « Le courrier » says of a signification or an act (dated on or
    after the start), plus ``mediations`` (saisines of the mediator from the
    timeline), plus a declared court title (raises
    ``InstalmentInputError`` for a series that does not add up).
    """
    prescription = answers.prescription
    if prescription is None or not prescription.nature:
        return None
    instalments = unpaid_instalments(prescription)
    start = prescription.start or (instalments[0].due if instalments else None)
    if start is None:
        return None
    typed = {
        Event(row.kind, row.on, row.end)
        for row in prescription.events
        if row.kind and row.on is not None
    }
    typed |= {e for e in court_events(answers.courrier) if e.on >= start}
    # The saisine of the mediator, from the timeline, suspends (2238).
    typed |= {Event("mediation", day) for day in mediations if day >= start}
    return Claim(
        nature=prescription.nature,
        start=start,
        events=tuple(sorted(typed, key=lambda e: (e.on, e.kind))),
        instalments=tuple(item.due for item in instalments),
        acceleration=prescription.acceleration,
        court_title=court_title_declared(answers),
    )
