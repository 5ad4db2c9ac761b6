"""New advice is announced to the debtor by e-mail, only if she opted in, with
nothing of the debt in it: a link (issue 19, item 4)."""

import pytest
from django.core import mail
from django.test import Client

from accounts.models import User
from associations import services
from associations.models import Advice, InternalNote, Share
from dossiers.models import Dossier

from .test_admin_scoping import change_url


def advice_post(dossier: Dossier, text: str) -> dict[str, str]:
    review = dossier.reviews.get()
    return {
        "reviews-TOTAL_FORMS": "1",
        "reviews-INITIAL_FORMS": "1",
        "reviews-0-id": str(review.pk),
        "reviews-0-dossier": str(dossier.pk),
        "reviews-0-status": review.status,
        "reviews-0-assigned_to": "",
        "advice-TOTAL_FORMS": "1",
        "advice-INITIAL_FORMS": "0",
        "advice-0-text": text,
        "advice-0-dossier": str(dossier.pk),
        "internal_notes-TOTAL_FORMS": "0",
        "internal_notes-INITIAL_FORMS": "0",
    }


@pytest.fixture(autouse=True)
def _roles(transactional_db) -> None:
    """A transactional test flushes the groups' permissions of migration 0002."""
    services.roles_ensure()


@pytest.fixture
def opted_in(debtor: User) -> User:
    debtor.reminders_opt_in = True
    debtor.save()
    return debtor


@pytest.mark.django_db(transaction=True)
def test_new_advice_e_mails_a_link_and_nothing_of_the_debt(
    opted_in: User, volunteer_a_client: Client, share_a: Share, settings
) -> None:
    dossier = share_a.dossier
    Dossier.objects.filter(pk=dossier.pk).update(
        agency_name="Intrum", agency_reference="INT-4471-2026", title="Crédit Cetelem"
    )
    settings.SITE_URL = "https://assistant.example.org"
    response = volunteer_a_client.post(
        change_url(dossier), advice_post(dossier, "Ne payez pas les 160 € de frais.")
    )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [opted_in.email]
    assert message.subject == "Un conseil vous attend sur l'Assistant recouvrement"
    link = f"https://assistant.example.org/dossiers/{dossier.pk}/#partage"
    assert link in message.body
    for secret in ("Intrum", "INT-4471", "Cetelem", "160", "frais", "Asso A"):
        assert secret not in message.subject + message.body, secret


@pytest.mark.django_db(transaction=True)
def test_no_e_mail_without_her_consent(
    debtor: User, volunteer_a_client: Client, share_a: Share
) -> None:
    assert not debtor.reminders_opt_in
    dossier = share_a.dossier
    response = volunteer_a_client.post(
        change_url(dossier), advice_post(dossier, "Un conseil.")
    )
    assert response.status_code == 302
    assert Advice.objects.filter(dossier=dossier).exists()
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_editing_advice_or_writing_a_note_sends_nothing(
    opted_in: User, volunteer_a: User, share_a: Share
) -> None:
    dossier = share_a.dossier
    advice = Advice(dossier=dossier, text="Premier conseil.")
    services.note_save(note=advice, author=volunteer_a)
    assert len(mail.outbox) == 1
    advice.text = "Premier conseil, corrigé."
    services.note_save(note=advice, author=volunteer_a)
    services.note_save(
        note=InternalNote(dossier=dossier, text="Note interne."), author=volunteer_a
    )
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_mail_server_failure_does_not_undo_the_advice(
    opted_in: User, volunteer_a: User, share_a: Share, monkeypatch
) -> None:
    from associations import notify

    def down(*args, **kwargs):
        raise ConnectionRefusedError("SMTP down")

    monkeypatch.setattr(notify, "send_mail", down)
    services.note_save(
        note=Advice(dossier=share_a.dossier, text="Conseil."), author=volunteer_a
    )
    assert Advice.objects.filter(text="Conseil.").exists()
