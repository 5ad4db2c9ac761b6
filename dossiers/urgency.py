"""The court step that cannot wait, as soon as « Le courrier » tells it.

An injonction de payer, a commandement or an assignation: what to do and by
when, read from the assessment the page already has (its urgent actions and
deadlines, ``dossiers.law.actions`` and ``dossiers.law.deadlines``). Shown on
every step after « Le courrier » and in « Mes dossiers », so that a person who
stops half-way has seen it.
"""

import datetime as dt
from dataclasses import dataclass

from .assessment import DossierAssessment


@dataclass(frozen=True)
class Urgency:
    text: str
    due: dt.date | None = None
    on_the_act: bool = False
    """No date known: « date à trouver sur l'acte »."""


def urgencies(assessment: DossierAssessment) -> tuple[Urgency, ...]:
    """The urgent actions, each with its last day, else « sur l'acte » when the
    law has no date for it (a passed deadline is said by the action's text);
    then an urgent deadline no action carries."""
    actions = [action for action in assessment.actions if action.urgent]
    court = [d for d in assessment.deadlines if d.severity == "urgent"]
    items = [
        Urgency(action.text, action.due, on_the_act=action.due is None and not court)
        for action in actions
    ]
    dated = {action.due for action in actions}
    items += [
        Urgency(deadline.title, deadline.due)
        for deadline in court
        if not deadline.overdue and deadline.due not in dated
    ]
    return tuple(items)
