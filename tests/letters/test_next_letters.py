"""The combined answer and the next-step letters (reference §7 (f), §8): real
PDFs read back — the registered-mail mention, the Objet, the right addressee,
no payment offer where the debt is contested, the articles cited."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from dossiers import services as dossier_services
from dossiers.assessment import assess_dossier
from dossiers.law.checks import opposition_last_day
from dossiers.models import Dossier, TimelineEvent, TimelineKind
from letters import compose, rendering, services
from letters.catalog import LETTERS
from letters.models import Letter

from .conftest import pdf_text

TODAY = timezone.localdate()
PAYMENT_WORDS = ("je vous propose", "échéancier", "mensualité", "je m'engage")


def story(
    dossier: Dossier, *, sent_days_ago: int = 45, injonction: bool = True
) -> None:
    """Her letter went unanswered; then an injonction de payer was signified."""
    dossier_services.timeline_add(
        dossier=dossier,
        kind=TimelineKind.LETTER_SENT,
        occurred_on=TODAY - dt.timedelta(days=sent_days_ago),
        content="Lettre « Réponse complète » envoyée en recommandé avec avis de réception.",
    )
    if injonction:
        dossier_services.timeline_add(
            dossier=dossier,
            kind=TimelineKind.INJONCTION,
            occurred_on=TODAY - dt.timedelta(days=5),
            content="Ordonnance signifiée par un commissaire de justice.",
        )
    dossier.refresh_from_db()


OPTIONS = {
    "opposition": {
        "court": "Tribunal judiciaire de Lyon",
        "court_address": "67 rue Servient\n69003 Lyon",
        "applicant": "Cetelem",
        "order_date": (TODAY - dt.timedelta(days=30)).isoformat(),
        "order_number": "RG 26/01234",
        "signification_date": (TODAY - dt.timedelta(days=5)).isoformat(),
    },
    "mediateur": {
        "mediator_name": "Médiateur de l'ASF",
        "mediator_address": "75854 Paris Cedex 17",
        "complaint_date": (TODAY - dt.timedelta(days=45)).isoformat(),
        "requests": ["cancel_fees", "stop_collection"],
    },
    "plainte": {
        "tribunal": "Tribunal judiciaire de Lyon",
        "tribunal_address": "67 rue Servient\n69003 Lyon",
    },
    "reglement": {"amount": "600"},
    "delais": {"reason": "illness", "months": 4, "monthly": "20"},
}


def render(dossier: Dossier, slug: str) -> tuple[object, str]:
    assessment = assess_dossier(dossier, today=TODAY)
    data = compose.letter_input(
        dossier=dossier, assessment=assessment, today=TODAY, options=OPTIONS.get(slug)
    )
    context, html = compose.build(LETTERS[slug], data)
    pdf = rendering.render_pdf(
        html, meta=rendering.PdfMeta(title=LETTERS[slug].title, author="Sophie Martin")
    )
    return context, pdf_text(pdf)


def block(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end)]


# --- Réponse complète ----------------------------------------------------------------


def test_the_combined_letter_is_recommended_for_sophies_case(barred_dossier) -> None:
    assessment = assess_dossier(barred_dossier, today=TODAY)
    assert [r.slug for r in assessment.result.recommended][0] == "reponse"
    assert LETTERS["reponse"].is_available(assessment)[0]


def test_the_combined_letter_puts_the_limitation_first_then_the_rest(
    barred_dossier,
) -> None:
    _, text = render(barred_dossier, "reponse")
    assert "Lettre recommandée avec avis de réception" in text
    assert "Objet" in text
    assert "Réponse à votre demande de paiement — forclusion acquise" in text
    assert text.index("Sur la forclusion") < text.index("À titre subsidiaire")
    assert text.index("À titre subsidiaire") < text.index("Sur la créance elle-même")
    assert text.index("Sur la créance elle-même") < text.index("Sur les frais")
    assert text.index("Sur les frais") < text.index("Sur vos méthodes")
    assert "La présente ne vaut pas reconnaissance de dette." in text
    assert "ne plus me contacter que par écrit" in text
    for article in ("R312-35", "C. civ., art. 1353", "L111-8, al. 2", "L121-6"):
        assert article in text, article
    assert "« Frais de recouvrement » : 120,00 €" in text
    assert "21 h 40" not in text or "appel téléphonique" in text


def test_the_combined_letter_states_in_words_what_it_cites(barred_dossier) -> None:
    """Each part says what its own letter says (no blank left by a renamed
    field): the period and its start, why nothing interrupted it, the missing
    R124-4 mentions once (by their number, as the article numbers them), the
    fees' rules, what the practices may constitute. What the single letters
    add (the fees' case law, « une société de recouvrement ne peut rien
    saisir ») is neither said nor listed in « Textes cités »."""
    _, text = render(barred_dossier, "reponse")
    body = text[: text.index("Textes cités")]
    for phrase in (
        "article R312-35 du code de la consommation",
        "Le point de départ du délai est le 5 novembre 2022",
        "Ce délai a expiré le 5 novembre 2024",
        "Aucun acte interruptif (action en justice signifiée",
        "(articles 2241 et 2244 du code civil)",
        "J'invoque donc expressément la forclusion de l'action en paiement",
        "Votre courrier omet les mentions 3° et 5° de l'article R124-4 du code des "
        "procédures civiles d'exécution, omission punie d'une amende (article "
        "R124-7 du même code)",
        "article L111-8, alinéa 2",
        "article L121-21 du code de la consommation",
        "articles L121-6 et L132-11 du code de la consommation",
    ):
        assert phrase in body, phrase
    for blank in ("()", "application de des", "dette en menaçant"):
        assert blank not in text, blank
    assert "il y manque" not in text  # the mentions are named once
    for left in ("L111-2", "L111-8, al. 3", "L111-8, alinéa 3", "09-67.591"):
        assert left not in text, left


def test_the_combined_letter_never_offers_to_pay(barred_dossier) -> None:
    _, text = render(barred_dossier, "reponse")
    lowered = text.lower()
    for word in (*PAYMENT_WORDS, "avant tout règlement", "décompte rectifié"):
        assert word not in lowered, word


def test_without_limitation_the_contestation_is_the_decisive_ground(
    payable_dossier,
) -> None:
    _, text = render(payable_dossier, "reponse")
    assert "Sur la prescription" not in text
    assert "Sur la forclusion" not in text
    assert "À titre subsidiaire" not in text
    assert text.index("Sur la créance elle-même") < text.index(
        "ne plus me contacter que par écrit"
    )


# --- Opposition à injonction de payer ----------------------------------------------------


def test_the_opposition_goes_to_the_greffe_with_the_ordonnance(barred_dossier) -> None:
    story(barred_dossier)
    _, text = render(barred_dossier, "opposition")
    recipient = block(text, "Tribunal judiciaire de Lyon", "Lettre recommandée")
    assert "À l'attention du directeur de greffe" in recipient
    assert "67 rue Servient" in recipient
    assert "Intrum" not in recipient  # not to the agency
    assert "Objet" in text
    assert "Opposition à une ordonnance d'injonction de payer" in text
    assert "RG 26/01234" in text
    assert "je forme opposition à l'ordonnance d'injonction de payer" in text
    assert "à la requête de Cetelem" in text
    assert "forclose" in text  # the decisive ground, from the dossier
    assert "CPC, art. 1416" in text
    for word in PAYMENT_WORDS:
        assert word not in text.lower(), word
    assert "délais de paiement" not in text  # not asked on a barred debt


def test_the_opposition_deadline_is_on_the_dossier_page_and_in_the_calendar(
    barred_dossier, debtor_client: Client
) -> None:
    story(barred_dossier)
    assessment = assess_dossier(barred_dossier, today=TODAY)
    (deadline,) = [d for d in assessment.deadlines if d.code == "injonction_opposition"]
    assert deadline.due == opposition_last_day(TODAY - dt.timedelta(days=5))
    page = debtor_client.get(f"/dossiers/{barred_dossier.pk}/").content.decode()
    assert "Faites opposition à l&#x27;injonction de payer" in page
    assert f"/dossiers/{barred_dossier.pk}/lettres/opposition/" in page


def test_typing_the_signification_on_the_opposition_page_enters_the_timeline(
    barred_dossier, debtor_client: Client
) -> None:
    url = f"/dossiers/{barred_dossier.pk}/lettres/opposition/"
    assert "n'est pas proposée" in debtor_client.get(url).content.decode()
    barred_dossier.answers = {
        **barred_dossier.answers.to_json(),
        "courrier": {
            **barred_dossier.answers.to_json()["courrier"],
            "letter_kind": "injonction_signifiee",
        },
    }
    barred_dossier.save()
    data = {f: v for f, v in OPTIONS["opposition"].items()} | {"action": "save"}
    response = debtor_client.post(url, data)
    assert response.status_code == 302
    event = TimelineEvent.objects.get(
        dossier=barred_dossier, source="letter:opposition:signification"
    )
    assert event.kind == TimelineKind.INJONCTION
    assert event.occurred_on == TODAY - dt.timedelta(days=5)
    page = debtor_client.get(url).content.decode()
    assert "Cerfa" in page
    assert "greffe" in page


# --- Médiateur ----------------------------------------------------------------------------


def test_the_mediator_letter_goes_to_the_mediator_after_the_complaint(
    barred_dossier,
) -> None:
    story(barred_dossier, injonction=False)
    assert LETTERS["mediateur"].is_available(
        assess_dossier(barred_dossier, today=TODAY)
    )[0]
    _, text = render(barred_dossier, "mediateur")
    recipient = block(text, "Médiateur de l'ASF", "Lettre recommandée")
    assert "75854 Paris Cedex 17" in recipient
    assert "Madame, Monsieur le Médiateur," in text
    assert "restée sans réponse" in text
    assert "La somme qui m'est réclamée est de 2 486,90 €." in text
    assert "L612-2" in text
    assert "C. civ., art. 2238" in text
    assert "l'annulation des frais de recouvrement réclamés" in text


def test_sending_the_mediator_letter_suspends_the_prescription(
    dossier: Dossier,
) -> None:
    """§8.3: the saisine (its sending) is a mediation event: 2238 suspends."""
    from tests.letters.conftest import answers, fill

    fill(
        dossier,
        answers(
            prescription={
                "nature": "telecom",
                "start": (TODAY - dt.timedelta(days=300)).isoformat(),
                "events": [],
            }
        ),
    )
    story(dossier, sent_days_ago=60, injonction=False)
    before = assess_dossier(dossier, today=TODAY).estimate
    letter = services.letter_get_or_create(dossier=dossier, kind="mediateur")
    services.letter_update(
        letter=letter, personal_text="", options=OPTIONS["mediateur"]
    )
    services.letter_generate(letter=letter, spec=LETTERS["mediateur"], today=TODAY)
    services.letter_mark_sent(
        letter=letter,
        sent_on=TODAY - dt.timedelta(days=1),
        registered_number="",
        ar_received_on=None,
        today=TODAY,
    )
    dossier.refresh_from_db()
    assert TimelineEvent.objects.filter(
        dossier=dossier, kind=TimelineKind.MEDIATION
    ).exists()
    after = assess_dossier(dossier, today=TODAY).estimate
    assert "C. civ., art. 2238" in after.basis
    assert before is not None
    assert after is not None
    assert after.last_day is None or after.last_day > before.last_day


# --- Reports ---------------------------------------------------------------------------


def test_the_signalconso_text_is_ready_to_paste_and_kept_as_pdf(
    barred_dossier, debtor_client: Client
) -> None:
    story(barred_dossier, injonction=False)
    context, text = render(barred_dossier, "signalement")
    assert "Lettre recommandée" not in text  # not a letter: a copy for her
    assert "signal.conso.gouv.fr" in text
    assert "l'assistant n'a rien envoyé" in text
    paste = context.paste  # type: ignore[attr-defined]
    assert "Intrum" in paste
    assert "L121-6" in paste
    assert "L111-8" in paste
    assert "Démarches déjà faites" in paste
    page = debtor_client.get(
        f"/dossiers/{barred_dossier.pk}/lettres/signalement/"
    ).content.decode()
    assert 'id="texte-signalement"' in page
    assert "data-copy=" in page
    assert "js/copy" in page
    assert "n'envoie rien" in page


def test_the_complaint_goes_to_the_procureur_for_offences_only(barred_dossier) -> None:
    _, text = render(barred_dossier, "plainte")
    recipient = block(text, "Madame, Monsieur le Procureur de la République", "Lettre")
    assert "Tribunal judiciaire de Lyon" in recipient
    assert "C. pén., art. 222-16" in text
    assert "porter plainte" in text


# --- Offers ------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", ["reglement", "delais"])
def test_offers_are_refused_when_the_debt_is_barred(slug, barred_dossier) -> None:
    available, warning = LETTERS[slug].is_available(
        assess_dossier(barred_dossier, today=TODAY)
    )
    assert not available
    assert "forclose" in (warning or "")


def test_the_settlement_offer_asks_for_the_written_release_first(
    payable_dossier,
) -> None:
    _, text = render(payable_dossier, "reglement")
    assert "600,00 €" in text
    assert "pour solde de tout compte" in text
    assert "accord écrit préalable" in text
    assert "Je ne procéderai au paiement qu'après réception de cet accord écrit" in text
    # the agency acts for the creditor, not she (no dangling « Agissant pour »)
    assert "Comme vous agissez pour le compte de" in text
    assert "Agissant pour le compte" not in text
    assert "C. civ., art. 2044" in text
    assert "1350" in text
    assert "La présente ne vaut pas reconnaissance" not in text


def test_the_deferral_asks_no_fees_meanwhile_and_a_written_answer(
    payable_dossier,
) -> None:
    _, text = render(payable_dossier, "delais")
    assert "une maladie" in text
    assert "20,00 € par mois pendant 4 mois" in text
    assert "qu'aucun frais ni aucune pénalité ne s'ajoute" in text
    assert "me répondre par écrit" in text


def test_a_settlement_of_the_whole_sum_is_refused_beside_the_field(
    payable_dossier, debtor_client: Client
) -> None:
    url = f"/dossiers/{payable_dossier.pk}/lettres/reglement/"
    response = debtor_client.post(url, {"amount": "1 234,56", "action": "save"})
    assert response.status_code == 200
    assert "inférieure au total réclamé" in response.content.decode()
    assert not Letter.objects.filter(dossier=payable_dossier, kind="reglement").exists()


def _is_text(value: object) -> bool:
    return isinstance(value, str) and not re.match(r"\d{4}-", value)


@pytest.mark.parametrize("slug", ["opposition", "mediateur", "plainte"])
def test_hostile_options_are_plain_text(slug, barred_dossier) -> None:
    story(barred_dossier)
    options = {
        key: f"<script>{key}</script>"
        if isinstance(value, str) and not re.match(r"\d{4}-", value)
        else value
        for key, value in OPTIONS[slug].items()
    }
    assessment = assess_dossier(barred_dossier, today=TODAY)
    data = compose.letter_input(
        dossier=barred_dossier, assessment=assessment, today=TODAY, options=options
    )
    _, html = compose.build(LETTERS[slug], data)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
