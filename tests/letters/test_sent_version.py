"""A sending belongs to a version (issue 19, item 5): after version 2 is
generated, the page, the chronology and the export still tell which version
went in the envelope."""

import datetime as dt
import io
import zipfile

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from dossiers.assessment import assess_dossier
from dossiers.models import Dossier, TimelineEvent
from letters import services
from letters.catalog import LETTERS
from letters.chronology import chronology_context
from letters.models import Letter, LetterVersion

from .conftest import pdf_text

TODAY = timezone.localdate()
SENT = TODAY - dt.timedelta(days=2)


def generate(dossier: Dossier, days_ago: int = 0) -> LetterVersion:
    letter = services.letter_get_or_create(dossier=dossier, kind="prescription")
    version = services.letter_generate(letter=letter, spec=LETTERS["prescription"])
    if days_ago:
        when = timezone.now() - dt.timedelta(days=days_ago)
        LetterVersion.objects.filter(pk=version.pk).update(created_at=when)
    return version


def page_url(dossier: Dossier) -> str:
    return reverse("letters:page", args=[dossier.pk, "prescription"])


@pytest.fixture
def sent_v1_then_v2(barred_dossier: Dossier, debtor_client: Client) -> Dossier:
    """Version 1 posted two days ago; version 2 generated since."""
    generate(barred_dossier, days_ago=5)
    generate(barred_dossier)
    response = debtor_client.post(
        reverse("letters:sent", args=[barred_dossier.pk, "prescription"]),
        {
            "version": "1",
            "sent_on": SENT.isoformat(),
            "registered_number": "1A 234 567 8901 2",
            "ar_received_on": TODAY.isoformat(),
        },
    )
    assert response.status_code == 302
    return barred_dossier


def test_the_sending_is_recorded_on_the_version_chosen(
    sent_v1_then_v2: Dossier,
) -> None:
    letter = Letter.objects.get()
    assert letter.sent_version == LetterVersion.objects.get(number=1)
    event = TimelineEvent.objects.get(source="letter:prescription:sent")
    assert "dette prescrite ou forclose », version 1, envoyée en recommandé" in (
        event.content
    )
    ar = TimelineEvent.objects.get(source="letter:prescription:ar")
    assert "», version 1 (n° de recommandé 1A 234 567 8901 2)." in ar.content


def test_the_list_of_versions_says_which_one_was_sent(
    sent_v1_then_v2: Dossier, debtor_client: Client
) -> None:
    page = debtor_client.get(page_url(sent_v1_then_v2)).content.decode()
    versions = page.split("<h2>Versions générées</h2>", 1)[1].split("</ul>", 1)[0]
    v1, v2 = versions.split("<li>")[1:]
    assert "C'est la version envoyée" in v1
    assert "recommandé n° 1A 234 567 8901 2" in v1
    assert "avis de réception reçu le" in v1
    assert "version envoyée" not in v2
    assert "Version 1 envoyée le" in page
    assert '<option value="1" selected>' in page  # the form shows it as recorded
    dossier_page = debtor_client.get(sent_v1_then_v2.get_absolute_url())
    assert "version 1 envoyée le" in dossier_page.content.decode()


def test_without_a_choice_the_latest_version_is_the_one_sent(
    barred_dossier: Dossier,
) -> None:
    generate(barred_dossier, days_ago=3)
    latest = generate(barred_dossier)
    letter = services.letter_mark_sent(
        letter=Letter.objects.get(),
        sent_on=TODAY,
        registered_number="",
        ar_received_on=None,
    )
    assert letter.sent_version == latest


def test_clearing_the_sending_clears_its_version(sent_v1_then_v2: Dossier) -> None:
    letter = services.letter_mark_sent(
        letter=Letter.objects.get(),
        sent_on=None,
        registered_number="",
        ar_received_on=None,
        version=LetterVersion.objects.get(number=1),
    )
    assert letter.sent_version is None


def test_another_letter_s_version_is_refused(barred_dossier: Dossier) -> None:
    generate(barred_dossier)
    other = services.letter_get_or_create(dossier=barred_dossier, kind="contestation")
    foreign = services.letter_generate(letter=other, spec=LETTERS["contestation"])
    with pytest.raises(ValueError, match="another letter"):
        services.letter_mark_sent(
            letter=Letter.objects.get(kind="prescription"),
            sent_on=TODAY,
            registered_number="",
            ar_received_on=None,
            version=foreign,
        )


def test_a_version_number_not_of_this_letter_is_a_form_error(
    barred_dossier: Dossier, debtor_client: Client
) -> None:
    generate(barred_dossier)
    response = debtor_client.post(
        reverse("letters:sent", args=[barred_dossier.pk, "prescription"]),
        {"version": "7", "sent_on": TODAY.isoformat()},
    )
    assert response.status_code == 200
    assert "Choisissez une version de la liste." in response.content.decode()
    assert Letter.objects.get().sent_on is None


def test_the_chronology_says_which_version_was_sent(sent_v1_then_v2: Dossier) -> None:
    dossier = sent_v1_then_v2
    context = chronology_context(
        dossier, assess_dossier(dossier, today=TODAY), today=TODAY
    )
    [letter] = context["letters"]
    assert letter["sent_number"] == 1
    assert [v["sent"] for v in letter["versions"]] == [True, False]


def test_the_export_says_which_version_was_sent(
    sent_v1_then_v2: Dossier, debtor_client: Client
) -> None:
    response = debtor_client.get(reverse("letters:export", args=[sent_v1_then_v2.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    readme = archive.read("LISEZMOI.txt").decode()
    [v1_line] = [
        line
        for line in readme.splitlines()
        if "Prescription" in line and " v2" not in line
    ]
    assert "la version envoyée le" in v1_line
    assert "recommandé n° 1A 234 567 8901 2" in v1_line
    [v2_line] = [line for line in readme.splitlines() if " v2.pdf" in line]
    assert "envoyée" not in v2_line
    [chronology] = [n for n in archive.namelist() if "Chronologie" in n]
    text = pdf_text(archive.read(chronology))
    assert "Version 1 envoyée le" in text
    assert "version 1 (la version envoyée)" in text
