"""Letter pages: access, escaping, versions, sending record, dossier section."""

import datetime as dt
import html
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from dossiers.law.dates import format_date
from dossiers.models import Dossier
from letters import services
from letters.catalog import LETTERS
from letters.models import Letter, LetterVersion

from .conftest import pdf_text

EVIL = (
    '<img src="file:///etc/passwd"> <link rel=attachment href="file:///etc/hostname">'
    " <style>body{background:url(http://example.com/x)}</style><script>alert(1)</script>"
)


def _urls(dossier: Dossier) -> list[str]:
    return [
        reverse("letters:page", args=[dossier.pk, "prescription"]),
        reverse("letters:preview", args=[dossier.pk, "prescription"]),
        reverse("letters:download", args=[dossier.pk, "prescription", 1]),
    ]


def _generated(dossier: Dossier, text: str = "") -> LetterVersion:
    letter = services.letter_get_or_create(dossier=dossier, kind="prescription")
    services.letter_update(letter=letter, personal_text=text)
    return services.letter_generate(letter=letter, spec=LETTERS["prescription"])


def test_owner_200_other_404_anonymous_login(
    barred_dossier: Dossier, debtor_client: Client, other_client: Client
) -> None:
    _generated(barred_dossier)
    for url in _urls(barred_dossier):
        assert debtor_client.get(url).status_code == 200, url
        assert other_client.get(url).status_code == 404, url
        response = Client().get(url)
        assert response.status_code == 302
        assert "/connexion/" in response["Location"]
    for name in ("generate", "sent"):
        url = reverse(f"letters:{name}", args=[barred_dossier.pk, "prescription"])
        assert other_client.post(url).status_code == 404
        assert Client().post(url).status_code == 302


def test_unknown_slug_is_404(barred_dossier: Dossier, debtor_client: Client) -> None:
    url = reverse("letters:page", args=[barred_dossier.pk, "inconnue"])
    assert debtor_client.get(url).status_code == 404


def test_generate_and_download(barred_dossier: Dossier, debtor_client: Client) -> None:
    url = reverse("letters:page", args=[barred_dossier.pk, "prescription"])
    response = debtor_client.post(
        url, {"personal_text": "Merci.", "action": "generate"}
    )
    assert response.status_code == 302
    version = LetterVersion.objects.get()
    download = debtor_client.get(
        reverse("letters:download", args=[barred_dossier.pk, "prescription", 1])
    )
    body = b"".join(download.streaming_content)
    assert download["Content-Disposition"].startswith("attachment")
    day = timezone.localdate().isoformat()
    assert download["Content-Disposition"] == (
        f'attachment; filename="{day} Prescription Intrum INT-4471-2026.pdf"'
    )
    assert download["X-Content-Type-Options"] == "nosniff"
    assert version.size == len(body)
    assert "Merci." in pdf_text(body)


def test_versions_are_immutable_with_hash(barred_dossier: Dossier) -> None:
    import hashlib

    first = _generated(barred_dossier, "Premier texte.")
    second = _generated(barred_dossier, "Second texte.")
    assert (first.number, second.number) == (1, 2)
    for version in (first, second):
        data = version.pdf.open("rb").read()
        assert hashlib.sha256(data).hexdigest() == version.sha256
    assert "Premier texte." in pdf_text(first.pdf.open("rb").read())
    with pytest.raises(ValueError, match="ne se modifie pas"):
        first.save()


def test_evil_personal_text_is_escaped_and_never_embedded(
    barred_dossier: Dossier, debtor_client: Client
) -> None:
    version = _generated(barred_dossier, EVIL)
    pdf = version.pdf.open("rb").read()
    text = pdf_text(pdf)
    assert "file:///etc/passwd" in text
    assert "<script>alert(1)</script>" in text
    reader = PdfReader(io.BytesIO(pdf))
    assert "/EmbeddedFiles" not in str(reader.trailer["/Root"].get("/Names", {}))
    assert b"root:x:0:0" not in pdf
    preview = debtor_client.get(
        reverse("letters:preview", args=[barred_dossier.pk, "prescription"])
    )
    html = preview.content.decode()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<img" not in html
    assert "default-src 'none'" in preview["Content-Security-Policy"]


def test_personal_text_too_long_is_a_form_error(
    barred_dossier: Dossier, debtor_client: Client
) -> None:
    url = reverse("letters:page", args=[barred_dossier.pk, "prescription"])
    response = debtor_client.post(url, {"personal_text": "x" * 2001, "action": "save"})
    assert response.status_code == 200
    assert "2000 au plus" in response.content.decode()
    assert not Letter.objects.exists()


def test_payment_letter_unavailable_for_barred_debt(
    barred_dossier: Dossier, debtor_client: Client
) -> None:
    url = reverse("letters:page", args=[barred_dossier.pk, "echeancier"])
    page = debtor_client.get(url).content.decode()
    assert "pas proposée" in page
    debtor_client.post(url, {"monthly": "50", "action": "generate"})
    gen = reverse("letters:generate", args=[barred_dossier.pk, "echeancier"])
    debtor_client.post(gen)
    assert not LetterVersion.objects.exists()


def test_bad_plan_amount_is_a_form_error(
    payable_dossier: Dossier, debtor_client: Client
) -> None:
    url = reverse("letters:page", args=[payable_dossier.pk, "echeancier"])
    response = debtor_client.post(url, {"monthly": "abc", "action": "save"})
    assert response.status_code == 200
    assert "Indiquez un montant" in response.content.decode()
    response = debtor_client.post(url, {"monthly": "5", "action": "save"})
    assert response.status_code == 200
    assert "dépasserait" in response.content.decode()


def _sent(client: Client, dossier: Dossier, **data: str) -> object:
    url = reverse("letters:sent", args=[dossier.pk, "prescription"])
    return client.post(url, data)


def test_mark_sent_validation(barred_dossier: Dossier, debtor_client: Client) -> None:
    _generated(barred_dossier)
    # Prepared ten days ago: she cannot have posted it before.
    LetterVersion.objects.update(created_at=timezone.now() - dt.timedelta(days=10))
    today = timezone.localdate()
    future = (today + dt.timedelta(days=2)).isoformat()
    before = (today - dt.timedelta(days=5)).isoformat()
    after = (today - dt.timedelta(days=2)).isoformat()
    bad = [
        {"sent_on": future},
        {"sent_on": after, "ar_received_on": before},
        {"ar_received_on": before},
        {"sent_on": before, "registered_number": "1" * 31},
        {"sent_on": before, "registered_number": "<b>1A</b>"},
        {"sent_on": "pas une date"},
        {"sent_on": (today - dt.timedelta(days=11)).isoformat()},
    ]
    for data in bad:
        response = _sent(debtor_client, barred_dossier, **data)
        assert response.status_code == 200, data
        assert 'class="errors"' in response.content.decode(), data
    response = _sent(
        debtor_client,
        barred_dossier,
        sent_on=before,
        registered_number="1A 234 567 8901 2",
        ar_received_on=after,
    )
    assert response.status_code == 302
    letter = Letter.objects.get()
    assert letter.registered_number == "1A 234 567 8901 2"
    assert letter.ar_received_on == today - dt.timedelta(days=2)


def test_an_empty_sending_form_is_refused_then_clears_a_recorded_one(
    barred_dossier: Dossier, debtor_client: Client
) -> None:
    """Nothing recorded yet: an empty form gets a message, not « Envoi
    enregistré ». Once recorded, emptying the form clears it, and says so."""
    _generated(barred_dossier)
    empty = {"sent_on": "", "registered_number": "", "ar_received_on": ""}
    response = _sent(debtor_client, barred_dossier, **empty)
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Indiquez la date à laquelle vous avez envoyé la lettre." in page
    assert "Envoi enregistré" not in page
    today = timezone.localdate().isoformat()
    response = _sent(debtor_client, barred_dossier, sent_on=today)
    assert response.status_code == 302
    assert "Envoi enregistré." in debtor_client.get(response.url).content.decode()
    page = html.unescape(debtor_client.get(response.url).content.decode())
    assert f"Version 1 envoyée le {format_date(timezone.localdate())}" in page
    assert "avis de réception pas encore noté" in page
    response = _sent(debtor_client, barred_dossier, **empty)
    assert response.status_code == 302
    page = html.unescape(debtor_client.get(response.url).content.decode())
    assert "Envoi effacé : la lettre n'est plus marquée comme envoyée." in page
    assert "avis de réception pas encore noté" not in page
    assert "notez ici la date et le numéro du recommandé" in page
    assert Letter.objects.get().sent_on is None


def test_a_letter_cannot_leave_before_its_first_pdf(
    barred_dossier: Dossier, debtor_client: Client
) -> None:
    _generated(barred_dossier)
    prepared = timezone.now() - dt.timedelta(days=3)
    LetterVersion.objects.update(created_at=prepared)
    _generated(barred_dossier)  # a later version, generated today
    early = timezone.localdate(prepared) - dt.timedelta(days=1)
    response = _sent(
        debtor_client, barred_dossier, version="1", sent_on=early.isoformat()
    )
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Cette version a été préparée le " in page
    assert "elle n'a pas pu partir avant" in page
    assert Letter.objects.get().sent_on is None
    on_the_day = timezone.localdate(prepared).isoformat()
    # Version 2 (the default, the latest) did not exist then: version 1 left.
    assert _sent(debtor_client, barred_dossier, sent_on=on_the_day).status_code == 200
    response = _sent(debtor_client, barred_dossier, version="1", sent_on=on_the_day)
    assert response.status_code == 302
    assert Letter.objects.get().sent_version.number == 1


def test_dossier_page_shows_letters(
    barred_dossier: Dossier, debtor_client: Client
) -> None:
    _generated(barred_dossier)
    letter = Letter.objects.get()
    services.letter_mark_sent(
        letter=letter,
        sent_on=dt.date(2026, 11, 20),
        registered_number="1A 234 567 8901 2",
        ar_received_on=dt.date(2026, 11, 23),
    )
    page = debtor_client.get(reverse("dossiers:detail", args=[barred_dossier.pk]))
    html = page.content.decode()
    assert reverse("letters:page", args=[barred_dossier.pk, "contestation"]) in html
    assert "envoyée le 20 novembre 2026" in html
    assert "1A 234 567 8901 2" in html
    assert "reçu le 23 novembre 2026" in html
    assert reverse("letters:page", args=[barred_dossier.pk, "echeancier"]) not in html


def _add_letters(dossier: Dossier, count: int, start: int = 0) -> None:
    for index in range(start, start + count):
        letter = Letter.objects.create(dossier=dossier, kind=f"kind-{index}")
        LetterVersion.objects.create(
            letter=letter, number=1, pdf="letters/x.pdf", sha256="0" * 64, size=1
        )


def test_dossier_page_query_count_is_constant(
    barred_dossier: Dossier,
    debtor_client: Client,
    django_assert_max_num_queries: object,
) -> None:
    url = reverse("dossiers:detail", args=[barred_dossier.pk])
    _add_letters(barred_dossier, 1)
    debtor_client.get(url)  # warm caches (session, templates)
    cache.clear()  # count the queries of a page rendered, not of a cached one
    with CaptureQueriesContext(connection) as one:
        assert debtor_client.get(url).status_code == 200
    _add_letters(barred_dossier, 9, start=1)
    with django_assert_max_num_queries(len(one)):  # type: ignore[operator]
        page = debtor_client.get(url)
    assert page.content.decode().count("kind-") >= 10


MISSING_ADDRESS = "L'adresse de la société qui vous écrit n'est pas indiquée"


def test_a_missing_recipient_address_is_flagged_on_the_letter_page(
    barred_dossier: Dossier, debtor_client: Client
) -> None:
    url = reverse("letters:page", args=[barred_dossier.pk, "prescription"])
    page = html.unescape(debtor_client.get(url).content.decode())
    assert MISSING_ADDRESS not in page  # Sophie's dossier has Intrum's address
    courrier = {**barred_dossier.answers.to_json()["courrier"], "agency_address": "  "}
    barred_dossier.answers = {**barred_dossier.answers.to_json(), "courrier": courrier}
    barred_dossier.save()
    page = html.unescape(debtor_client.get(url).content.decode())
    assert MISSING_ADDRESS in page
    step = reverse("dossiers:wizard_step", args=[barred_dossier.pk, "courrier"])
    assert f'href="{step}"' in page


@pytest.mark.parametrize(
    ("monthly", "message"),
    [
        ("0,50", "Une mensualité est d'au moins 1 €."),
        ("2000000", "Indiquez une mensualité d'au plus 1 000 000 €."),
        ("85,505", "Indiquez les centimes avec 2 chiffres au plus."),
        ("abc", "Indiquez un montant, par exemple 85 ou 85,50."),
    ],
)
def test_plan_amount_errors_are_plain_french(monthly: str, message: str) -> None:
    from letters.forms import PlanForm

    form = PlanForm({"monthly": monthly})
    assert not form.is_valid()
    assert form.errors["monthly"] == [message]


def test_versions_are_listed_in_plain_words(
    barred_dossier: Dossier, debtor_client: Client
) -> None:
    """No hash nor file size on her page (the fingerprints are in the
    chronology, for a proof): a number and a date."""
    version = _generated(barred_dossier)
    url = reverse("letters:page", args=[barred_dossier.pk, "prescription"])
    page = html.unescape(debtor_client.get(url).content.decode())
    day = timezone.localdate(version.created_at)
    assert f"version 1, générée le {day.day}" in page
    assert "SHA-256" not in page
    assert version.sha256[:12] not in page
