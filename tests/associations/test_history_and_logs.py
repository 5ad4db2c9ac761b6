"""Admin history is for superusers; no empty change entries; downloads logged."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.test import Client

from accounts.models import User
from associations.models import AccessLog, Share
from dossiers.models import Dossier, Upload
from tests.factories import logged_in

from .test_isolation import formset_post

pytestmark = pytest.mark.django_db


def change_url(dossier: Dossier) -> str:
    return f"/admin/dossiers/dossier/{dossier.pk}/change/"


def history_url(dossier: Dossier) -> str:
    return f"/admin/dossiers/dossier/{dossier.pk}/history/"


def test_history_is_refused_to_volunteers(
    volunteer_a_client: Client, share_a: Share
) -> None:
    page = volunteer_a_client.get(change_url(share_a.dossier)).content.decode()
    assert "/history/" not in page
    assert volunteer_a_client.get(history_url(share_a.dossier)).status_code == 403


def test_history_of_a_dossier_not_shared_does_not_exist(
    volunteer_b_client: Client, share_a: Share
) -> None:
    response = volunteer_b_client.get(history_url(share_a.dossier))
    assert response.status_code == 302


def test_superuser_reads_the_history(share_a: Share) -> None:
    root = User.objects.create_superuser("root@example.org", "x" * 12)
    assert logged_in(root).get(history_url(share_a.dossier)).status_code == 200


def test_saving_without_change_logs_nothing(
    volunteer_a_client: Client, share_a: Share
) -> None:
    url = change_url(share_a.dossier)
    data = formset_post(volunteer_a_client.get(url).context)
    assert volunteer_a_client.post(url, data).status_code == 302
    assert not LogEntry.objects.filter(action_flag=CHANGE).exists()
    data = formset_post(
        volunteer_a_client.get(url).context, **{"advice-0-text": "Un conseil"}
    )
    assert volunteer_a_client.post(url, data).status_code == 302
    assert LogEntry.objects.filter(action_flag=CHANGE).count() == 1


def test_reviewer_download_is_logged_owner_not(
    volunteer_a_client: Client,
    volunteer_a: User,
    debtor_client: Client,
    share_a: Share,
    upload: Upload,
) -> None:
    url = f"/admin-fichiers/{upload.dossier_id}/{upload.pk}/"
    assert debtor_client.get(url).status_code == 200
    assert not AccessLog.objects.exists()
    assert volunteer_a_client.get(url).status_code == 200
    log = AccessLog.objects.get()
    assert (log.user, log.dossier_id, log.path) == (volunteer_a, upload.dossier_id, url)
