"""Download names: readable, accented, sanitised, sent per RFC 6266."""

import datetime as dt
from urllib.parse import unquote

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from dossiers.models import Dossier
from letters import services
from letters.catalog import LETTERS
from letters.naming import MAX_LENGTH, letter_filename, safe_filename


def test_the_issue_example() -> None:
    name = letter_filename(
        day_iso="2026-11-26", kind="contestation", agency="Intrum", reference="123456"
    )
    assert name == "2026-11-26 Contestation Intrum 123456.pdf"


def test_later_versions_are_numbered_and_titles_accented() -> None:
    name = letter_filename(
        day_iso="2026-11-26", kind="echeancier", agency="iQera", reference="", number=3
    )
    assert name == "2026-11-26 Échéancier iQera v3.pdf"


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("../../etc/passwd", "etc passwd.pdf"),
        ("a\\b/c", "a b c.pdf"),
        ('Société "Générale" l\'agence', "Société Générale l agence.pdf"),
        ("ligne\r\nContent-Type: x\x00\x1b[31m", "ligne Content-Type x [31m.pdf"),
        ("tab\there\u202eevil\u200b", "tab here evil.pdf"),
        ("", "document.pdf"),
        ("...", "document.pdf"),
        ("e\u0301te\u0301", "été.pdf"),  # decomposed accents are recomposed
    ],
)
def test_sanitised(stem: str, expected: str) -> None:
    assert safe_filename(stem, ext="pdf") == expected


def test_length_is_capped() -> None:
    name = safe_filename("é" * 500, ext="pdf")
    assert len(name) == MAX_LENGTH
    assert name.endswith("é.pdf")


def test_download_sends_an_rfc6266_utf8_name(
    barred_dossier: Dossier, debtor_client: Client
) -> None:
    Dossier.objects.filter(pk=barred_dossier.pk).update(
        agency_name='Société "Générale"/Recouvrement', agency_reference="N°42\n"
    )
    barred_dossier.refresh_from_db()
    letter = services.letter_get_or_create(dossier=barred_dossier, kind="prescription")
    version = services.letter_generate(letter=letter, spec=LETTERS["prescription"])
    response = debtor_client.get(
        reverse("letters:download", args=[barred_dossier.pk, "prescription", 1])
    )
    header = response["Content-Disposition"]
    prefix = "attachment; filename*=utf-8''"
    assert header.startswith(prefix)
    day = timezone.localdate(version.created_at).isoformat()
    expected = f"{day} Prescription Société Générale Recouvrement N°42.pdf"
    assert unquote(header.removeprefix(prefix)) == expected
    assert version.download_name == expected
    assert "\n" not in header
    assert '"' not in header


def test_download_name_uses_the_version_date(barred_dossier: Dossier) -> None:
    letter = services.letter_get_or_create(dossier=barred_dossier, kind="contestation")
    version = services.letter_generate(letter=letter, spec=LETTERS["contestation"])
    version.created_at = dt.datetime(2026, 1, 5, 22, 30, tzinfo=dt.UTC)
    assert version.download_name == ("2026-01-05 Contestation Intrum INT-4471-2026.pdf")
