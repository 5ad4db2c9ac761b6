"""The whole triage: the findings' responses, one combined answer instead of
several letters, and the next letters when the story goes on.

Reference §7 (f) (one letter with every ground, the decisive one first) and §8
(settlement, deferral, mediation, opposition to an injonction de payer,
reports and complaints). Pure: no Django, ``today`` passed in.

:func:`triage` runs :func:`dossiers.law.findings.assess` and then:

* ``reponse`` — recommended first when two or more letters that answer the
  agency would otherwise be recommended; those single-ground letters stay
  available, no longer recommended (one envelope, one postage fee);
* ``opposition`` — to the greffe, whenever an injonction de payer is signified;
* ``mediateur`` — once a written complaint was sent (:class:`Story`);
* ``signalement`` / ``plainte`` — reports, the complaint only for offences.

The payment offers ``reglement`` and ``delais`` are the findings' own (same
availability and warnings as the payment plan, ``responses.PAYMENT_SLUGS``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Final

from . import references as refs
from .findings import RESPONSE_TITLES, Assessment, Facts, Response, assess

NEXT_TITLES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "reponse": "Réponse complète",
        "opposition": "Opposition à injonction de payer",
        "mediateur": "Saisine du médiateur de la consommation",
        "signalement": "Signalement SignalConso / DGCCRF",
        "plainte": "Plainte au procureur de la République",
    }
)
"""The letters of this module, with their French titles."""

LETTER_TITLES: Final[Mapping[str, str]] = MappingProxyType(
    {"reponse": NEXT_TITLES["reponse"], **RESPONSE_TITLES, **NEXT_TITLES}
)
"""Every letter slug the triage may name, in its default order."""

ANSWERS_TO_THE_AGENCY: Final = ("prescription", "contestation", "frais", "harcelement")
"""The single-ground letters the combined ``reponse`` carries (§7 (a), (b), (d), (e))."""

OFFENCE_SIGNS: Final = frozenset({"repeated_calls", "fake_court_document"})
"""Warning signs that are offences: repeated calls (C. pén. 222-16), imitation of
a court act (433-13). Only these open the complaint to the procureur (§8.5 (l))."""

REPORTABLE_CODES: Final = frozenset(
    {
        "harassment",
        "fake_court_document",
        "scam_payment",
        "fees_not_chargeable",
        "limitation_barred",
    }
)
"""Findings SignalConso takes (§6.4, §8.5 (k)): aggressive practices, illegal
fees, a prescribed debt claimed, documents imitating a court act, scams."""

FOLLOW_UP_DAYS: Final = 30
"""Practical delay (not a legal one) before a written complaint counts as unanswered."""


@dataclass(frozen=True, slots=True)
class Story:
    """What happened since the first letter, from the dossier's timeline.

    ``complaint_sent_on``: the first written answer she sent the agency (a
    letter marked sent, or a letter she noted as sent); ``answered`` whether a
    letter from the agency came after it; ``mediation_on``: the saisine of the
    mediator, if any.
    """

    complaint_sent_on: dt.date | None = None
    answered: bool = False
    mediation_on: dt.date | None = None


def triage(facts: Facts, *, today: dt.date, story: Story | None = None) -> Assessment:
    """Findings and every response, recommended first (``reponse`` before all)."""
    story = story or Story()
    base = assess(facts, today=today)
    codes = frozenset(finding.code for finding in base.findings)
    responses = [*_combined(base.responses), *_next(base, facts, codes, story, today)]
    return Assessment(
        findings=base.findings,
        responses=tuple(sorted(responses, key=_rank)),
        warnings=base.warnings,
    )


def _rank(response: Response) -> tuple[int, int]:
    state = 0 if response.recommended else 1 if response.available else 2
    return state, list(LETTER_TITLES).index(response.slug)


def _response(slug: str, reason: str, **fields: object) -> Response:
    return Response(
        slug=slug,
        title=NEXT_TITLES[slug],
        reason=reason,
        recommended=bool(fields.get("recommended", False)),
        available=bool(fields.get("available", True)),
        warning=fields.get("warning"),  # type: ignore[arg-type]
    )


# --- One answer instead of several letters (§7 (f)) ---------------------------------


def _combined(responses: Sequence[Response]) -> list[Response]:
    single = [r for r in responses if r.slug in ANSWERS_TO_THE_AGENCY]
    available = [r for r in single if r.available]
    recommended = [r for r in available if r.recommended]
    if len(available) < 2:
        return list(responses)
    combine = len(recommended) >= 2
    reponse = _response(
        "reponse",
        _grounds(recommended) if combine else _grounds(available, offered=True),
        recommended=combine,
        warning=_no_offer_warning(responses),
    )
    if not combine:
        return [reponse, *responses]
    demoted = [
        replace(r, recommended=False, reason=INCLUDED) if r in recommended else r
        for r in responses
    ]
    return [reponse, *demoted]


INCLUDED: Final = (
    "Déjà comprise dans la « Réponse complète » : une seule lettre suffit."
)


def _grounds(responses: Sequence[Response], *, offered: bool = False) -> str:
    titles = " ; ".join(f"« {r.title} »" for r in responses)
    if offered:
        return f"Une seule lettre recommandée qui réunit : {titles}."
    return (
        "Une seule lettre recommandée au lieu de plusieurs, avec le motif décisif en "
        f"premier : {titles}."
    )


def _no_offer_warning(responses: Sequence[Response]) -> str:
    limitation = next((r for r in responses if r.slug == "prescription"), None)
    if limitation is not None and limitation.available:
        return "N'ajoutez aucune proposition de paiement à cette lettre."
    return "Cette lettre conteste la dette : n'y ajoutez aucune promesse de paiement."


# --- The next letters (§8) -------------------------------------------------------------


def _next(
    base: Assessment,
    facts: Facts,
    codes: frozenset[str],
    story: Story,
    today: dt.date,
) -> list[Response]:
    return [
        _opposition(base, today),
        _mediation(facts, story, today),
        _report(codes, story),
        _complaint(facts),
    ]


def _opposition(base: Assessment, today: dt.date) -> Response:
    finding = next(
        (f for f in base.findings if f.code == "injonction_opposition"), None
    )
    if finding is None:
        return _response(
            "opposition",
            "Pour contester une ordonnance d'injonction de payer devant le tribunal.",
            available=False,
            warning="Aucune injonction de payer signifiée n'est indiquée dans votre "
            "dossier.",
        )
    overdue = finding.due is not None and finding.due < today
    return _response(
        "opposition",
        "Une injonction de payer vous a été signifiée : l'opposition se fait au "
        "greffe du tribunal, dans le mois qui suit la signification (CPC, art. 1416).",
        recommended=True,
        warning=OPPOSITION_LATE if overdue else OPPOSITION_NOT_AGENCY,
    )


OPPOSITION_NOT_AGENCY: Final = (
    "Cette lettre va au greffe du tribunal, pas à l'agence : un courrier à l'agence "
    "n'est pas une opposition."
)
OPPOSITION_LATE: Final = (
    "Le délai d'un mois semble dépassé. L'opposition reste possible si l'acte ne "
    "vous a pas été remis en main propre (CPC, art. 1416, al. 2) : à vérifier tout "
    "de suite avec une association ou un avocat."
)


def _mediation(facts: Facts, story: Story, today: dt.date) -> Response:
    if story.complaint_sent_on is None:
        return _response(
            "mediateur",
            "Pour demander l'aide du médiateur du créancier, gratuitement.",
            available=False,
            warning="Envoyez d'abord une réclamation écrite (une de vos lettres) : le "
            "médiateur ne peut être saisi qu'après (C. consom., art. L612-2, à "
            "vérifier).",
        )
    waited = today >= story.complaint_sent_on + dt.timedelta(days=FOLLOW_UP_DAYS)
    unanswered = waited and not story.answered and story.mediation_on is None
    return _response(
        "mediateur",
        MEDIATION_UNANSWERED if unanswered else MEDIATION_OFFERED,
        recommended=unanswered,
        warning=_mediation_warning(facts),
    )


MEDIATION_UNANSWERED: Final = (
    "Votre réclamation écrite est restée sans réponse : le médiateur du créancier "
    "peut être saisi gratuitement."
)
MEDIATION_OFFERED: Final = (
    "Si la réponse à votre réclamation ne vous satisfait pas, le médiateur du "
    "créancier peut être saisi gratuitement."
)


def _mediation_warning(facts: Facts) -> str:
    text = (
        "Le médiateur est celui du créancier : vérifiez son nom et son adresse sur "
        "vos factures ou votre contrat (à vérifier)."
    )
    if facts.limitation is not None and facts.limitation.kind == "forclusion":
        text += (
            " Pour un crédit à la consommation, la saisine ne suspend pas le délai "
            "de forclusion."
        )
    return text


def _report(codes: frozenset[str], story: Story) -> Response:
    reportable = codes & REPORTABLE_CODES
    if not reportable:
        return _response(
            "signalement",
            "Pour signaler des pratiques abusives à la DGCCRF.",
            available=False,
            warning="Rien dans votre dossier n'est à signaler pour l'instant.",
        )
    persisting = story.complaint_sent_on is not None and bool(
        reportable & {"harassment", "fake_court_document"}
    )
    return _response(
        "signalement",
        "Pour signaler à la DGCCRF les pratiques relevées (texte prêt à coller sur "
        "SignalConso).",
        recommended=persisting,
        warning="L'assistant n'envoie rien lui-même : copiez le texte sur le site "
        "officiel SignalConso.",
    )


def _complaint(facts: Facts) -> Response:
    offences = facts.warning_signs & OFFENCE_SIGNS
    if not offences:
        return _response(
            "plainte",
            "Pour porter plainte en cas d'infraction.",
            available=False,
            warning="Une plainte n'est utile que pour une infraction (appels répétés, "
            "document imitant un acte de justice) : rien de tel n'est indiqué.",
        )
    return _response(
        "plainte",
        "Les faits indiqués peuvent être des infractions ("
        + ", ".join(OFFENCE_ARTICLES[sign] for sign in sorted(offences))
        + ").",
        warning="Une plainte ne suspend pas la dette et ne remplace pas votre réponse "
        "à l'agence.",
    )


OFFENCE_ARTICLES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "repeated_calls": f"appels répétés, {refs.PEN_222_16}",
        "fake_court_document": f"document imitant un acte de justice, {refs.PEN_433_13}",
    }
)
