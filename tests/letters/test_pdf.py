"""Every kind renders to a real PDF whose text is read back."""

import datetime as dt
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils.html import escape

from dossiers.assessment import assess_dossier
from dossiers.models import Dossier
from letters import compose, contexts, rendering
from letters.catalog import LETTERS

from .conftest import answers, fill, pdf_text

TODAY = dt.date(2026, 11, 26)
NO_ACK = "La présente ne vaut pas reconnaissance de dette."
COMMON = [
    "Sophie Martin",
    "INT-4471-2026",
    "recommandée",
    "Objet",
    "Lyon, le 26 novembre 2026",
]
# Sophie's dossier: a consumer, a collector acting under a mandate, no court
# title, collection fees but no damages claimed — what applies to her (reference
# §4.1, §4.6, §7); the situations where an article does not apply are in
# tests/letters/test_letter_law.py.
ARTICLES = {
    "contestation": ["C. civ., art. 1353", "R124-4", "L111-8", "L121-21", "R124-3"],
    "prescription": ["R312-35", "5 novembre 2024", "L121-6", "18 mai 2022"],
    "frais": ["L111-8, al. 2", "L121-21", "09-67.591", "L111-8, al. 3", "160,00"],
    "harcelement": ["L121-6", "L132-11", "222-16", "SignalConso", "appels répétés"],
    "echeancier": ["R124-6", "L111-8", "1 234,56"],
    "quittance": ["R124-6", "1 234,56", "quittance"],
}
ACKNOWLEDGING = {"echeancier", "quittance"}
"""The first six kinds; the next-step letters: ``test_next_letters.py``."""


def _render(dossier: Dossier, slug: str, **options: object) -> tuple[dict, str, bytes]:
    assessment = assess_dossier(dossier, today=TODAY)
    data = compose.letter_input(
        dossier=dossier, assessment=assessment, today=TODAY, options=dict(options)
    )
    context, html = compose.build(LETTERS[slug], data)
    meta = rendering.PdfMeta(title=LETTERS[slug].title, author="Sophie Martin")
    return context, html, rendering.render_pdf(html, meta=meta)


def _dossier_for(slug: str, barred: Dossier, payable: Dossier) -> Dossier:
    return payable if slug in ACKNOWLEDGING else barred


@pytest.mark.parametrize("slug", list(ARTICLES))
def test_every_kind_renders_a_pdf_with_its_content(
    slug: str, barred_dossier: Dossier, payable_dossier: Dossier
) -> None:
    dossier = _dossier_for(slug, barred_dossier, payable_dossier)
    _, html, pdf = _render(dossier, slug)
    text = pdf_text(pdf)
    assert pdf.startswith(b"%PDF-")
    for needle in [*COMMON, *ARTICLES[slug]]:
        assert needle in text, needle
    assert (NO_ACK in text) is (slug not in ACKNOWLEDGING)
    assert 'lang="fr"' in html


@pytest.mark.parametrize("slug", list(ARTICLES))
def test_every_kind_renders_html(
    slug: str, barred_dossier: Dossier, payable_dossier: Dossier
) -> None:
    dossier = _dossier_for(slug, barred_dossier, payable_dossier)
    data = compose.letter_input(
        dossier=dossier, assessment=assess_dossier(dossier, today=TODAY), today=TODAY
    )
    context, html = compose.build(LETTERS[slug], data)
    assert escape(context.object_line) in html
    assert "Pièces jointes" in html or not context.enclosures


def test_limitation_letter_offers_no_payment(barred_dossier: Dossier) -> None:
    _, _, pdf = _render(barred_dossier, "prescription")
    text = pdf_text(pdf).lower()
    for word in ("échéancier", "mensualité", "je vous propose", "règlement", "verser"):
        assert word not in text
    assert "j'invoque donc expressément la forclusion" in text


def test_pdf_metadata_title_language_author(barred_dossier: Dossier) -> None:
    import io

    from pypdf import PdfReader

    _, _, pdf = _render(barred_dossier, "contestation")
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == LETTERS["contestation"].title
    assert reader.metadata.author == "Sophie Martin"
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged (PDF/UA-1)


def test_schedule_table_adds_up_exactly(payable_dossier: Dossier) -> None:
    context, _, pdf = _render(payable_dossier, "echeancier", monthly="100")
    assessment = assess_dossier(payable_dossier, today=TODAY)
    data = compose.letter_input(
        dossier=payable_dossier,
        assessment=assessment,
        today=TODAY,
        options={"monthly": "100"},
    )
    instalments = contexts.plan(data)
    assert sum(i.amount for i in instalments) == Decimal("1234.56")
    assert instalments[-1].amount == Decimal("34.56")
    assert len(context.rows) == 13
    text = pdf_text(pdf)
    assert "34,56 €" in text
    assert "Total 1 234,56 €" in text


def test_plan_uses_budget_instalment_by_default(payable_dossier: Dossier) -> None:
    assessment = assess_dossier(payable_dossier, today=TODAY)
    assert assessment.budget is not None
    expected = assessment.budget.sustainable_instalment
    context, _, _ = _render(payable_dossier, "echeancier")
    assert (
        context.rows[0]
        .amount_text.replace("\u00a0", " ")
        .startswith(f"{expected:.2f}".replace(".", ","))
    )


def test_payment_letters_never_offered_for_barred_debt(barred_dossier: Dossier) -> None:
    assessment = assess_dossier(barred_dossier, today=TODAY)
    for slug in ACKNOWLEDGING:
        available, warning = LETTERS[slug].is_available(assessment)
        assert not available
        assert warning
    assert LETTERS["prescription"].is_available(assessment)[0]


def test_layout_escapes_user_text() -> None:
    html = render_to_string(
        "letters/layout.html",
        {"personal_text": "<script>alert(1)</script>", "sender": {"name": "<b>x</b>"}},
    )
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<b>x</b>" not in html


def test_a_forclusion_letter_lists_only_what_interrupts_a_forclusion(
    barred_dossier: Dossier,
) -> None:
    """A forclusion (R312-35) is not interrupted by an acknowledgment (C. civ.
    2220; only 2241 and 2244 name it): the letter must not say otherwise."""
    context, _, pdf = _render(barred_dossier, "prescription")
    assert context.word == "forclusion"
    text = " ".join(pdf_text(pdf).split())
    assert "reconnaissance de ma part" not in text
    assert "mesure conservatoire ou d'exécution forcée" in text
    assert "C. civ., art. 2241" in text
    assert "C. civ., art. 2244" in text
    assert len(context.basis) == len(set(context.basis))


def test_a_prescription_letter_counts_an_acknowledgment_as_interrupting(
    dossier: Dossier,
) -> None:
    barred = {"nature": "telecom", "start": "2020-01-15", "events": []}
    fill(dossier, answers(prescription=barred))
    context, _, pdf = _render(dossier, "prescription")
    assert context.word == "prescription"
    assert "reconnaissance de ma part" in " ".join(pdf_text(pdf).split())


def test_the_fee_letter_cites_consumer_law_only_for_a_consumer_debt(
    barred_dossier: Dossier,
) -> None:
    """L111-8 al. 2 applies to every debtor; L121-21 to consumers only."""
    context, _, pdf = _render(barred_dossier, "frais")
    assert "L121-21" in pdf_text(pdf)
    montants = {**barred_dossier.answers.to_json()["montants"], "is_consumer": False}
    barred_dossier.answers = {**barred_dossier.answers.to_json(), "montants": montants}
    barred_dossier.save()
    context, _, pdf = _render(barred_dossier, "frais")
    text = " ".join(pdf_text(pdf).split())
    assert "L121-21" not in text
    assert "consommateur" not in text
    assert "L111-8, al. 2" in text


@pytest.mark.parametrize(
    ("monthly", "mention"),
    [("100", "(la dernière de 34,56 €)"), ("308.64", None)],
    ids=["last-adjusted", "all-equal"],
)
def test_the_plan_letter_names_the_last_instalment_only_when_it_differs(
    payable_dossier: Dossier, monthly: str, mention: str | None
) -> None:
    context, _, pdf = _render(payable_dossier, "echeancier", monthly=monthly)
    text = " ".join(pdf_text(pdf).split())
    if mention:
        assert mention.replace("\u202f", " ") in text.replace("\u202f", " ")
    else:
        assert "la dernière" not in text


@pytest.mark.parametrize(
    ("role", "contestation", "harassment"),
    [
        (
            "mandate",
            "pour le compte de Cetelem",
            "adressée à Cetelem, qui répond des agissements de son mandataire.",
        ),
        (
            "purchase",
            "au titre d'une créance de Cetelem que vous dites avoir rachetée",
            "adressée à Cetelem, créancier d'origine.",
        ),
        (
            "unknown",
            "pour le compte ou au titre d'une créance de Cetelem",
            "adressée à Cetelem, créancier d'origine.",
        ),
    ],
)
def test_letters_follow_what_the_agency_said_it_is(
    dossier: Dossier, role: str, contestation: str, harassment: str
) -> None:
    """A debt the agency says it bought is not claimed « pour le compte » of the
    original creditor, who then does not answer for a mandataire."""
    fill(
        dossier,
        answers(courrier={"agency_role": role, "creditor_name": "Cetelem"}),
    )
    texts = {}
    for slug in ("contestation", "harcelement"):
        data = compose.letter_input(
            dossier=dossier,
            assessment=assess_dossier(dossier, today=TODAY),
            today=TODAY,
        )
        texts[slug] = " ".join(compose.build(LETTERS[slug], data)[1].split())
    assert contestation in texts["contestation"].replace("&#x27;", "'")
    assert harassment in texts["harcelement"].replace("&#x27;", "'")
    if role != "mandate":
        assert "mandataire" not in texts["harcelement"]


def test_the_limitation_letter_calls_a_threat_an_aggressive_practice(
    barred_dossier: Dossier,
) -> None:
    """C. consom. L121-6 is about aggressive practices (misleading ones are
    L121-2 and following): « toute menace d'action … pas légalement possible »."""
    text = " ".join(pdf_text(_render(barred_dossier, "prescription")[2]).split())
    assert (
        "pratique commerciale agressive (article L121-6 du code de la consommation)"
        in text
    )
    assert "trompeuse" not in text


def test_letter_lists_read_as_one_french_sentence(barred_dossier: Dossier) -> None:
    """Items in lower case, « ; » between them and a full stop after the last."""
    for slug in ("contestation", "harcelement", "frais"):
        data = compose.letter_input(
            dossier=barred_dossier,
            assessment=assess_dossier(barred_dossier, today=TODAY),
            today=TODAY,
        )
        html_text = compose.build(LETTERS[slug], data)[1]
        items = html_text.split('<ul class="items">', 1)[1].split("</ul>", 1)[0]
        entries = [e.split("</li>", 1)[0] for e in items.split("<li>")[1:]]
        assert len(entries) >= 2, slug
        assert all(e.endswith(" ;") for e in entries[:-1]), (slug, entries)
        assert entries[-1].endswith("."), (slug, entries)
        assert " ; ;" not in items
        if slug == "harcelement":
            assert "appels répétés" in items


def test_limitation_letter_says_forclusion_once(barred_dossier: Dossier) -> None:
    """It is the lender's action that is forclose (reference §1.5, R312-35)."""
    text = " ".join(pdf_text(_render(barred_dossier, "prescription")[2]).split())
    assert (
        "J'invoque donc expressément la forclusion de l'action en paiement du prêteur."
        in text
    )
    assert text.count("J'invoque") == 1
    assert "forclusion de cette dette" not in text
    assert "qui est forclose" not in text
