"""« Ce que je fais maintenant » : at most three plain actions, with their
deadlines, taken from the triage and never contradicting it.

Order: an urgent court step first (opposition, commandement, hearing), then
whether to pay, then the letter to send (or, once sent, what to wait for), then
keeping the proof of sending. Pure: no Django, ``today`` passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from .deadlines import Deadline
from .findings import PAYMENT_SLUGS, Assessment, Response
from .triage import Story

MAX_ACTIONS: Final = 3


@dataclass(frozen=True, slots=True)
class Action:
    """One thing to do: a sentence, its last day if there is one, and the
    letter (slug) that does it, if any."""

    text: str
    due: dt.date | None = None
    letter: str | None = None
    urgent: bool = False


def next_actions(
    assessment: Assessment,
    deadlines: Sequence[Deadline],
    *,
    today: dt.date,
    story: Story | None = None,
    limitation_kind: str | None = None,
) -> tuple[Action, ...]:
    """The first three actions, most urgent first (``limitation_kind``:
    ``"forclusion"`` words a barred consumer credit as « forclose »)."""
    story = story or Story()
    actions = [
        *_court(assessment, today),
        _payment(assessment, limitation_kind),
        *_letter(assessment, deadlines, story),
    ]
    return tuple(action for action in actions if action is not None)[:MAX_ACTIONS]


def _recommended(assessment: Assessment, slug: str) -> Response | None:
    return next(
        (r for r in assessment.responses if r.slug == slug and r.recommended), None
    )


# --- Court procedures -------------------------------------------------------------


def _court(assessment: Assessment, today: dt.date) -> list[Action]:
    codes = {finding.code: finding for finding in assessment.findings}
    if "injonction_opposition" in codes:
        return [_opposition(codes["injonction_opposition"].due, today)]
    return [COURT_ACTIONS[code] for code in COURT_ACTIONS if code in codes][:1]


def _opposition(due: dt.date | None, today: dt.date) -> Action:
    if due is None:
        text = (
            "Faites opposition à l'injonction de payer au greffe du tribunal dans le "
            "mois qui suit la signification (la date est sur l'acte)."
        )
    elif due < today:
        text = (
            "Le délai d'opposition semble dépassé : appelez aujourd'hui une "
            "association ou un avocat."
        )
        due = None
    else:
        text = (
            "Faites opposition à l'injonction de payer au greffe du tribunal (pas à "
            "l'agence)"
        )
    return Action(text, due=due, letter="opposition", urgent=True)


COURT_ACTIONS: Final = {
    "enforcement_act": Action(
        "Contactez sans attendre une association ou un avocat : l'acte du "
        "commissaire de justice fixe un délai court.",
        urgent=True,
    ),
    "court_summons": Action(
        "Allez à l'audience indiquée sur l'acte, ou faites-vous représenter.",
        urgent=True,
    ),
}


# --- Whether to pay ------------------------------------------------------------------


def _payment(assessment: Assessment, limitation_kind: str | None) -> Action:
    offer = next(
        (
            r
            for r in assessment.responses
            if r.slug in PAYMENT_SLUGS and r.recommended and r.available
        ),
        None,
    )
    if offer is not None:
        return Action(
            f"Vous pouvez proposer de payer : préparez la lettre « {offer.title} ».",
            letter=offer.slug,
        )
    codes = {finding.code for finding in assessment.findings}
    word = "forclose" if limitation_kind == "forclusion" else "prescrite"
    return Action(_why_not_pay(codes).format(word=word))


def _why_not_pay(codes: set[str]) -> str:
    for code, text in DO_NOT_PAY:
        if code in codes:
            return text
    return "Ne payez rien pour l'instant."


DO_NOT_PAY: Final = (
    ("scam_payment", "Ne payez rien : vérifiez d'abord l'agence par vous-même."),
    (
        "surendettement_admissible",
        "Ne payez rien à l'agence : votre dossier de surendettement est recevable.",
    ),
    ("limitation_barred", "Ne payez rien : la dette semble {word}."),
    (
        "limitation_partly_barred",
        "Ne payez rien : une partie de la dette semble {word}.",
    ),
)


# --- The letter ----------------------------------------------------------------------


def _letter(
    assessment: Assessment, deadlines: Sequence[Deadline], story: Story
) -> list[Action]:
    mediation = _recommended(assessment, "mediateur")
    if mediation is not None:
        return [_send(mediation), KEEP_PROOF]
    if story.complaint_sent_on is not None:
        follow_up = next((d for d in deadlines if d.code == "follow_up"), None)
        return [
            Action(
                "Attendez la réponse écrite de l'agence"
                + (" ; sans réponse, relancez-la" if follow_up else "")
                + ".",
                due=follow_up.due if follow_up and not follow_up.overdue else None,
            )
        ]
    letter = next(
        (
            r
            for r in assessment.responses
            if r.recommended
            and r.available
            and r.slug not in PAYMENT_SLUGS
            and r.slug != "opposition"
        ),
        None,
    )
    if letter is not None:
        return [_send(letter), KEEP_PROOF]
    offers = [r for r in assessment.responses if r.slug in PAYMENT_SLUGS]
    return [KEEP_PROOF] if any(r.recommended for r in offers) else []


def _send(response: Response) -> Action:
    return Action(
        f"Envoyez la lettre « {response.title} » en recommandé avec avis de réception.",
        letter=response.slug,
    )


KEEP_PROOF: Final = Action("Gardez le récépissé de La Poste et l'avis de réception.")
