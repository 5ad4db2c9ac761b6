"""Natures of debt and kinds of event the engine knows, with their French texts.

``NATURES`` and ``EVENT_KINDS`` are ordered, read-only mappings the UI can list
as they are. Each nature carries its period and legal references as data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Final

from dossiers.law import references as src
from dossiers.law.prescription.model import Kind, LawWarning
from dossiers.law.references import Ref

REFORM_2008: Final = date(2008, 6, 19)
"""Entry into force of the 2008 reform of prescription (loi n° 2008-561)."""
ALUR_2014: Final = date(2014, 3, 27)
"""Entry into force of the 3-year period for residential leases (art. 7-1)."""


@dataclass(frozen=True, slots=True)
class NatureSpec:
    """One nature of debt: texts for the UI and the rule the engine applies.

    ``months`` is the length of the period (None: no rule computed);
    ``delay_months`` a delay before the period starts (overdraft, L312-93);
    ``in_force`` the date before which transitional rules may apply.
    """

    code: str
    label: str
    summary: str
    start_help: str
    period: str
    refs: tuple[Ref, ...]
    kind: Kind | None
    months: int | None
    delay_months: int = 0
    instalments: bool = True
    in_force: date = REFORM_2008
    notes: tuple[LawWarning, ...] = ()
    category: str = ""
    """The legal category, in lawyers' words (shown beside the plain label)."""

    @property
    def basis(self) -> tuple[str, ...]:
        """Citations of the rule, in order."""
        return tuple(ref.cite for ref in self.refs)


@dataclass(frozen=True, slots=True)
class EventSpec:
    """One kind of event: French label and help for the UI, sentence subject."""

    code: str
    label: str
    help: str
    phrase: str
    end_label: str | None = None

    @property
    def accepts_end(self) -> bool:
        """True when the event may carry an ``end`` date."""
        return self.end_label is not None


_CHECK_START = LawWarning(
    "check_start_date",
    "Le point de départ est la date à laquelle la somme est devenue exigible : "
    "la date d'échéance de la facture si le contrat en fixe une, sinon la fin "
    "des travaux ou de la prestation. Vérifiez la date que vous avez indiquée.",
)
_TELECOM_SCOPE = LawWarning(
    "telecom_scope",
    "Le délai d'un an ne vaut que pour le prix des services de téléphone ou "
    "d'internet. Le matériel (box non rendue, téléphone payé en plusieurs fois) "
    "relève du délai de deux ans des dettes de consommation ; pour les frais de "
    "résiliation anticipée, la règle est incertaine : à vérifier.",
)
_CREDIT_SCOPE = LawWarning(
    "consumer_credit_scope",
    "La forclusion de deux ans vaut pour les crédits à la consommation (en "
    "principe de 200 € à 75 000 €). Au-delà, ou pour un crédit immobilier, "
    "c'est la prescription de deux ans qui s'applique : à vérifier.",
)
_OVERDRAFT_SCOPE = LawWarning(
    "overdraft_scope",
    "Un découvert qui devait être remboursé dans le mois n'est pas un crédit à "
    "la consommation : c'est alors la prescription de deux ans (C. consom., "
    "art. L218-2) qui s'applique, à partir du solde exigible : à vérifier.",
)
_JUDGMENT_PERIODIC = LawWarning(
    "post_judgment_periodic_sums",
    "Les dix ans valent pour les sommes fixées par le jugement. Les intérêts "
    "échus après le jugement et les échéances futures gardent le délai de la "
    "dette d'origine (par exemple deux ans pour un crédit à la consommation).",
)
_PUBLIC_DEBT = LawWarning(
    "public_debt_uncertain",
    "Les dettes publiques (hôpital public, régie des eaux, Trésor public, CAF, "
    "URSSAF) suivent des règles particulières et discutées : nous ne calculons "
    "pas ce délai (à vérifier). Suivez la procédure de contestation indiquée "
    "sur le titre ou l'avis reçu : le délai pour contester est souvent court.",
)
_UNKNOWN = LawWarning(
    "unknown_nature",
    "Sans la nature de la dette, aucun délai ne peut être calculé. Repères : "
    "1 an pour un opérateur de téléphone ou d'internet, 2 ans pour une dette "
    "envers un professionnel ou un crédit, 3 ans pour des loyers, 5 ans entre "
    "particuliers ou entre commerçants, 10 ans pour exécuter un jugement. "
    "Cherchez qui est le créancier d'origine dans la lettre reçue.",
)


NATURES: Final[Mapping[str, NatureSpec]] = MappingProxyType(
    {
        spec.code: spec
        for spec in (
            NatureSpec(
                code="consumer_service",
                label="Bien ou service acheté à un professionnel (énergie, "
                "eau, travaux, honoraires, matériel ; un abonnement de téléphone "
                "ou d'internet relève du choix « Opérateur »)",
                category="dette de consommation",
                summary="une dette envers un professionnel pour un bien ou "
                "un service (dette de consommation)",
                start_help="Date à laquelle la somme est devenue exigible : "
                "échéance de la facture, sinon fin des travaux ou de la "
                "prestation",
                period="2 ans (prescription)",
                refs=(src.L218_2,),
                kind="prescription",
                months=24,
                notes=(_CHECK_START,),
            ),
            NatureSpec(
                code="consumer_credit",
                label="Crédit à la consommation (crédit renouvelable, prêt "
                "personnel, crédit affecté)",
                summary="un crédit à la consommation",
                start_help="Date de la première échéance impayée non "
                "régularisée (premier incident de paiement jamais rattrapé)",
                period="2 ans (forclusion)",
                refs=(src.R312_35,),
                kind="forclusion",
                months=24,
                notes=(_CREDIT_SCOPE,),
            ),
            NatureSpec(
                code="overdraft",
                label="Découvert bancaire (dépassement non régularisé)",
                category="crédit à la consommation",
                summary="un découvert bancaire (crédit à la consommation)",
                start_help="Date à laquelle le dépassement non régularisé a "
                "commencé (le délai de deux ans part trois mois plus tard)",
                period="2 ans, après un délai de 3 mois (forclusion)",
                refs=(src.R312_35, src.L312_93),
                kind="forclusion",
                months=24,
                delay_months=3,
                instalments=False,
                notes=(_OVERDRAFT_SCOPE,),
            ),
            NatureSpec(
                code="telecom",
                label="Opérateur de téléphone ou d'internet (factures de "
                "communications électroniques)",
                summary="une facture d'opérateur de téléphone ou d'internet",
                start_help="Date d'exigibilité de la facture (date limite de paiement)",
                period="1 an (prescription)",
                refs=(src.L34_2,),
                kind="prescription",
                months=12,
                notes=(_TELECOM_SCOPE,),
            ),
            NatureSpec(
                code="residential_rent",
                label="Loyers ou charges d'un logement loué comme résidence principale",
                category="bail d'habitation, loi de 1989",
                summary="une dette de loyers ou de charges d'un logement "
                "(bail d'habitation)",
                start_help="Date d'échéance du loyer impayé ; pour plusieurs "
                "loyers, indiquez la première et la dernière échéance impayées "
                "plus bas (chaque loyer a son propre délai)",
                period="3 ans (prescription)",
                refs=(src.RENT_7_1,),
                kind="prescription",
                months=36,
                in_force=ALUR_2014,
            ),
            NatureSpec(
                code="civil",
                label="Dette entre particuliers ou autre dette sans règle particulière",
                category="droit commun",
                summary="une dette civile (droit commun)",
                start_help="Date à laquelle la somme devait être payée (exigibilité)",
                period="5 ans (prescription)",
                refs=(src.CIV_2224,),
                kind="prescription",
                months=60,
            ),
            NatureSpec(
                code="commercial",
                label="Dette commerciale (entre commerçants, ou d'un "
                "non-consommateur envers un commerçant)",
                summary="une dette commerciale",
                start_help="Date d'exigibilité (livraison, fin de la "
                "prestation ou échéance de la facture)",
                period="5 ans (prescription)",
                refs=(src.L110_4,),
                kind="prescription",
                months=60,
            ),
            NatureSpec(
                code="judgment",
                label="Jugement ou ordonnance d'injonction de payer non contestée",
                category="titre exécutoire",
                summary="fixée par un jugement ou une ordonnance (titre exécutoire)",
                start_help="Date de signification du jugement ou de "
                "l'ordonnance par un commissaire de justice",
                period="10 ans pour l'exécuter (prescription)",
                refs=(src.L111_4, src.SIGNIFICATION_2023),
                kind="prescription",
                months=120,
                instalments=False,
                notes=(_JUDGMENT_PERIODIC,),
            ),
            NatureSpec(
                code="insurance_premium",
                label="Primes d'assurance impayées",
                category="contrat d'assurance",
                summary="une prime d'assurance",
                start_help="Date d'échéance de la prime impayée",
                period="2 ans (prescription)",
                refs=(src.L114_1,),
                kind="prescription",
                months=24,
            ),
            NatureSpec(
                code="real_estate_loan",
                label="Crédit immobilier accordé par une banque, y compris "
                "par acte notarié",
                category="prêt immobilier",
                summary="un crédit immobilier accordé par un professionnel",
                start_help="Date d'échéance de la première mensualité impayée ; "
                "indiquez aussi la dernière plus bas (chaque mensualité a son "
                "propre délai) ; le capital restant dû part de la déchéance du terme",
                period="2 ans (prescription)",
                refs=(src.L218_2,),
                kind="prescription",
                months=24,
            ),
            NatureSpec(
                code="alimony",
                label="Pension alimentaire impayée (contribution à "
                "l'entretien d'un enfant)",
                category="arriérés de pension",
                summary="une pension alimentaire",
                start_help="Date d'échéance de la première mensualité impayée ; "
                "indiquez aussi la dernière plus bas (chaque mensualité a son "
                "propre délai)",
                period="5 ans pour chaque échéance (prescription)",
                refs=(src.CIV_2224, src.ALIMONY_2016),
                kind="prescription",
                months=60,
            ),
            NatureSpec(
                code="public_debt",
                label="Dette publique (hôpital public, régie des eaux, "
                "Trésor public, CAF, URSSAF)",
                category="titre de recettes",
                summary="une dette publique",
                start_help="Date du titre de recettes ou de l'avis de sommes à payer",
                period="Incertain : à vérifier",
                refs=(src.L1617_5,),
                kind=None,
                months=None,
                notes=(_PUBLIC_DEBT,),
            ),
            NatureSpec(
                code="unknown",
                label="Je ne sais pas",
                summary="une dette de nature inconnue",
                start_help="Date à laquelle la somme devait être payée",
                period="Inconnu",
                refs=(),
                kind=None,
                months=None,
                notes=(_UNKNOWN,),
            ),
        )
    }
)
"""Natures of debt, in the order the UI should list them."""


EVENT_KINDS: Final[Mapping[str, EventSpec]] = MappingProxyType(
    {
        spec.code: spec
        for spec in (
            EventSpec(
                "partial_payment",
                "Paiement partiel (acompte)",
                "Vous avez payé une partie de la dette. Avant la fin du délai, "
                "un paiement vaut reconnaissance de la dette et relance le "
                "délai (sauf pour un crédit à la consommation).",
                "Le paiement partiel",
            ),
            EventSpec(
                "acknowledgment",
                "Reconnaissance de la dette",
                "Vous avez reconnu devoir la somme, par écrit ou autrement "
                "(lettre, courriel, formulaire signé).",
                "La reconnaissance de dette",
            ),
            EventSpec(
                "payment_plan_request",
                "Demande d'échéancier ou de délai de paiement",
                "Demander un échéancier ou un délai revient à reconnaître la dette.",
                "La demande d'échéancier",
            ),
            EventSpec(
                "surendettement_filing",
                "Dépôt d'un dossier de surendettement citant cette dette",
                "Date du dépôt du dossier à la Banque de France.",
                "Le dépôt du dossier de surendettement",
            ),
            EventSpec(
                "court_claim",
                "Action en justice du créancier (assignation, ou ordonnance "
                "d'injonction de payer signifiée)",
                "Date de l'assignation, ou de la signification de "
                "l'ordonnance d'injonction de payer (pas la date de la "
                "requête).",
                "La demande en justice",
            ),
            EventSpec(
                "judgment_signified",
                "Jugement signifié par un commissaire de justice",
                "Date à laquelle le jugement ou l'ordonnance vous a été signifié.",
                "La signification du jugement",
            ),
            EventSpec(
                "enforcement_act",
                "Saisie, commandement de payer ou autre acte d'exécution forcée",
                "Acte d'un commissaire de justice fondé sur un titre "
                "exécutoire : saisie, commandement de payer aux fins de "
                "saisie-vente, mesure conservatoire.",
                "L'acte d'exécution forcée",
            ),
            EventSpec(
                "mediation",
                "Médiation ou conciliation",
                "Date à laquelle le médiateur a été saisi (ou la médiation "
                "acceptée). Laissez la date de fin vide si elle est en cours.",
                "La médiation",
                end_label="Date de fin de la médiation",
            ),
            EventSpec(
                "rescheduling",
                "Nouvel échéancier accepté avec le créancier (réaménagement, "
                "rééchelonnement)",
                "Date de l'accord conclu avec le créancier (pas un simple "
                "report décidé seul par le prêteur).",
                "Le rééchelonnement",
                end_label="Premier incident de paiement non régularisé après l'accord",
            ),
            EventSpec(
                "insurer_registered_letter",
                "Lettre recommandée de l'assureur réclamant la prime",
                "Ne compte que pour une prime d'assurance impayée.",
                "La lettre recommandée de l'assureur",
            ),
            EventSpec(
                "formal_notice",
                "Mise en demeure ou lettre de relance (agence de "
                "recouvrement, commissaire de justice à l'amiable)",
                "Une lettre, même recommandée, n'interrompt pas le délai.",
                "La mise en demeure",
            ),
        )
    }
)
"""Kinds of event, in the order the UI should list them."""
