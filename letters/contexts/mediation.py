"""Saisine du médiateur de la consommation (reference §8.3 (i)).

Addressed to the creditor's mediator, after a written complaint that went
unanswered or was refused; its saisine suspends a prescription (C. civ. 2238:
the letters app records it in the timeline when the letter is sent).
"""

import datetime as dt
from dataclasses import dataclass

from dossiers.answers import Courrier
from dossiers.law import references as refs
from dossiers.law.dates import format_date

from .common import LetterContext, LetterInput, Recipient, common, text_lines


@dataclass(frozen=True, kw_only=True)
class MediationContext(LetterContext):
    creditor: str
    agency: str
    complaint_text: str
    answered: bool
    done: tuple[str, ...]
    requests: tuple[str, ...]


REQUEST_TEXTS = {
    "cancel_fees": "l'annulation des frais de recouvrement réclamés",
    "correct_amount": "la correction du montant réclamé, justificatifs à l'appui",
    "stop_collection": "l'arrêt des relances tant que la créance n'est pas justifiée",
    "plan": "un échéancier adapté à ma situation",
}


def mediateur(data: LetterInput) -> MediationContext:
    options = data.options
    courrier = data.answers.get(Courrier)
    try:
        complaint = dt.date.fromisoformat(str(options.get("complaint_date")))
    except ValueError:
        complaint = None
    fields = common(data, object_line="Saisine du médiateur de la consommation")
    fields["recipient"] = Recipient(
        name=str(options.get("mediator_name", "")),
        address_lines=text_lines(str(options.get("mediator_address", ""))),
        creditor="",
        creditor_address_lines=(),
    )
    requested = [str(code) for code in options.get("requests") or ()]
    return MediationContext(
        **fields,
        creditor=courrier.creditor_name or data.agency_name,
        agency=data.agency_name,
        complaint_text=format_date(complaint) if complaint else "",
        answered=data.assessment.timeline.story.answered,
        done=data.done,
        requests=tuple(
            REQUEST_TEXTS[code] for code in requested if code in REQUEST_TEXTS
        ),
        basis=(refs.L612_1, refs.L612_2, refs.L616_1, refs.CIV_2238),
        enclosures=(
            "Copie de ma réclamation écrite et de la preuve de son envoi",
            "Copie du courrier de l'agence",
        ),
    )
