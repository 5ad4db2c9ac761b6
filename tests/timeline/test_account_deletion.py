"""Account deletion: password confirmation, then no row and no file left."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accounts.models import User
from dossiers.models import CalendarToken, Dossier, ReminderSent, TimelineEvent, Upload
from dossiers.services import calendar_token_create
from tests.factories import PASSWORD

from .helpers import days_ago, png

pytestmark = pytest.mark.django_db
URL = "/compte/supprimer/"


def fill_account(client: Client, user: User) -> list[str]:
    dossier = Dossier.objects.create(owner=user)
    scan = SimpleUploadedFile("scan.png", png(), content_type="image/png")
    client.post(
        f"/dossiers/{dossier.pk}/chronologie/ajouter/",
        {
            "kind": "ar_received",
            "occurred_on": days_ago(3).isoformat(),
            "attachment": scan,
        },
    )
    calendar_token_create(user=user)
    ReminderSent.objects.create(
        user=user, dossier=dossier, code="follow_up", due=days_ago(0), window=7
    )
    return [u.file.name for u in Upload.objects.filter(dossier__owner=user)]


def test_page_asks_for_the_password(debtor_client: Client) -> None:
    body = debtor_client.get(URL).content.decode()
    assert 'type="password"' in body


def test_wrong_password_deletes_nothing(debtor_client: Client, debtor) -> None:
    fill_account(debtor_client, debtor)
    response = debtor_client.post(URL, {"password": "wrong"})
    assert "Ce mot de passe n&#x27;est pas le bon." in response.content.decode()
    assert User.objects.filter(pk=debtor.pk).exists()
    assert Dossier.objects.filter(owner=debtor).exists()


def test_deletion_leaves_no_row_and_no_file(
    debtor_client: Client, debtor, other_debtor, django_capture_on_commit_callbacks
) -> None:
    files = fill_account(debtor_client, debtor)
    kept = Dossier.objects.create(owner=other_debtor, title="Chez Marc")
    assert files
    assert all(default_storage.exists(name) for name in files)

    with django_capture_on_commit_callbacks(execute=True):
        response = debtor_client.post(URL, {"password": PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(pk=debtor.pk).exists()
    assert list(Dossier.objects.all()) == [kept]
    for model in (Upload, TimelineEvent, CalendarToken, ReminderSent):
        assert not model.objects.exists()
    assert not any(default_storage.exists(name) for name in files)
    assert Dossier.objects.filter(pk=kept.pk).exists()
    # Logged out: the next page asks to log in again.
    assert debtor_client.get("/dossiers/")["Location"].startswith("/connexion/")


def test_anonymous_goes_to_login(client: Client) -> None:
    for response in (client.get(URL), client.post(URL, {"password": PASSWORD})):
        assert response.status_code == 302
        assert response["Location"].startswith("/connexion/")


def test_other_user_cannot_delete_me(other_client: Client, debtor) -> None:
    other_client.post(URL, {"password": PASSWORD + "x"})
    assert User.objects.filter(pk=debtor.pk).exists()
