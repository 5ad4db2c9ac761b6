"""Signs of harassment (C. consom. L121-6, C. pén. 222-16) or of a scam."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Final

from dossiers.law import references as refs

from .base import Finding, code_table, require_codes

WARNING_SIGNS: Final = code_table(
    [
        (
            "repeated_calls",
            "Appels répétés",
            "Plusieurs appels par jour ou par semaine, messages insistants.",
        ),
        (
            "seizure_threats",
            "Menaces de saisie, d'« huissier » ou de poursuites",
            "Par exemple « saisie sur salaire dans 48 heures ».",
        ),
        (
            "contact_third_parties",
            "Contacts avec votre employeur, votre famille ou vos voisins",
            "L'agence a parlé de votre dette à d'autres personnes.",
        ),
        (
            "night_or_sunday_calls",
            "Appels le soir, la nuit ou le dimanche",
            "Des appels à des heures ou des jours inhabituels.",
        ),
        (
            "fake_court_document",
            "Document qui imite un acte de justice",
            "Un courrier qui ressemble à un jugement ou à un acte officiel sans "
            "en être un.",
        ),
        (
            "personal_account_or_voucher",
            "Paiement demandé sur un compte personnel ou par coupon",
            "Virement vers le compte d'un particulier, coupon PCS, Transcash, "
            "carte cadeau…",
        ),
    ]
)
"""Warning signs of harassment or of a scam."""


CONTACT_CONDUCT: Final = code_table(
    [
        (
            "immediate_payment",
            "Exige un paiement immédiat",
            "exigence d'un paiement immédiat",
        ),
        (
            "seizure_threat",
            "Menace de saisie ou d'« huissier »",
            "menace de saisie ou d'intervention d'un commissaire de justice",
        ),
        (
            "court_threat",
            "Menace de poursuites ou de procès",
            "menace de poursuites judiciaires",
        ),
        (
            "third_party_threat",
            "Menace de prévenir votre employeur ou vos proches",
            "menace d'informer mon employeur ou mes proches",
        ),
        (
            "third_party_contact",
            "A contacté votre employeur, votre famille ou vos voisins",
            "contact pris avec mon employeur, ma famille ou mes voisins",
        ),
        (
            "insults",
            "Propos insultants ou intimidants",
            "propos insultants ou intimidants",
        ),
    ]
)
"""What the agency demanded or threatened in one contact (the timeline). The
label is for her; the second text is the letters' wording: a letter states
these facts, never her free notes (which could acknowledge the debt)."""

HARASSMENT_SIGNS: Final = frozenset(
    {
        "repeated_calls",
        "seizure_threats",
        "contact_third_parties",
        "night_or_sunday_calls",
    }
)
SCAM_SIGNS: Final = frozenset({"fake_court_document", "personal_account_or_voucher"})


_HARASSMENT_TEXT: Final[Mapping[str, str]] = MappingProxyType(
    {
        "repeated_calls": (
            "Des appels malveillants répétés sont un délit ; des sollicitations "
            "répétées et insistantes sont une pratique commerciale agressive."
        ),
        "seizure_threats": (
            "Une agence de recouvrement ne peut rien saisir : une saisie exige une "
            "décision de justice (titre exécutoire) et un commissaire de justice. "
            "Menacer d'une action impossible est une pratique agressive."
        ),
        "contact_third_parties": (
            "Parler de votre dette à votre employeur ou à vos proches peut "
            "constituer une pression (pratique agressive) et poser un problème "
            "d'usage de vos données personnelles (CNIL) : à faire valoir dans la "
            "plainte."
        ),
        "night_or_sunday_calls": (
            "Aucune règle d'horaires d'appel propre au recouvrement n'a été "
            "trouvée, mais le moment et l'insistance des appels comptent pour "
            "qualifier une pratique agressive."
        ),
    }
)


def check_warning_signs(signs: frozenset[str]) -> list[Finding]:
    """Harassment signs (L121-6, C. pén. 222-16) and scam signs."""
    signs = require_codes(signs, WARNING_SIGNS, "Signe d'alerte")
    findings = []
    if "personal_account_or_voucher" in signs:
        findings.append(_scam_payment())
    if "fake_court_document" in signs:
        findings.append(_fake_court_document())
    harassment = [code for code in WARNING_SIGNS if code in signs & HARASSMENT_SIGNS]
    if harassment:
        findings.append(_harassment(harassment))
    return findings


def _harassment(signs: Sequence[str]) -> Finding:
    basis = [refs.L121_6, refs.L132_11]
    if {"repeated_calls", "night_or_sunday_calls"} & set(signs):
        basis.append(refs.PEN_222_16)
    if "seizure_threats" in signs:
        basis.append(refs.L111_2)
    details = " ".join(_HARASSMENT_TEXT[code] for code in signs)
    return Finding(
        code="harassment",
        severity="important",
        title="Pratiques abusives : vous pouvez exiger qu'elles cessent",
        explanation=(
            f"{details} Demandez par écrit que l'agence ne vous contacte plus que "
            "par courrier. Notez les dates, heures et moyens de chaque contact. "
            "Vous pouvez signaler ces faits sur SignalConso, au procureur de la "
            "République, et à la CNIL pour vos données."
        ),
        basis=tuple(basis),
        responses=("harcelement",),
    )


def _scam_payment() -> Finding:
    return Finding(
        code="scam_payment",
        severity="urgent",
        title="Risque d'escroquerie : ne payez pas",
        explanation=(
            "Une agence de recouvrement encaisse l'argent sur un compte bancaire "
            "ouvert pour cela, à son nom. Un paiement demandé vers le compte d'un "
            "particulier ou par coupon (PCS, Transcash, carte cadeau) est un signe "
            "d'escroquerie. Ne payez pas. Vérifiez l'agence par vous-même : "
            "cherchez ses coordonnées officielles (pas celles du courrier) et "
            "contactez le créancier d'origine."
        ),
        basis=(refs.R124_2,),
    )


def _fake_court_document() -> Finding:
    return Finding(
        code="fake_court_document",
        severity="important",
        title="Document qui imite un acte de justice",
        explanation=(
            "Utiliser un document qui ressemble à un acte de justice pour créer la "
            "confusion est un délit. Un vrai acte est remis par un commissaire de "
            "justice. Vérifiez auprès du greffe du tribunal ou d'un commissaire de "
            "justice dont vous trouvez les coordonnées vous-même. Ne payez pas "
            "avant d'avoir vérifié, et signalez-le (SignalConso, procureur)."
        ),
        basis=(refs.PEN_433_13,),
        responses=("harcelement",),
    )
