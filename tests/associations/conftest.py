"""Personas: two associations, a volunteer of each, a coordinator of A."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from accounts.models import User
from associations import services
from associations.models import Association, Membership, Share
from dossiers.models import Dossier, Upload
from tests import factories
from tests.factories import logged_in


@pytest.fixture
def association_a(db) -> Association:
    return Association.objects.create(name="Asso A", city="Lyon")


@pytest.fixture
def association_b(db) -> Association:
    return Association.objects.create(name="Asso B", city="Lille")


@pytest.fixture
def volunteer_a(association_a: Association) -> User:
    user = factories.user("vol.a@example.org", first_name="Valérie", last_name="A")
    services.membership_add(user=user, association=association_a)
    return user


@pytest.fixture
def volunteer_b(association_b: Association) -> User:
    user = factories.user("vol.b@example.org", first_name="Victor", last_name="B")
    services.membership_add(user=user, association=association_b)
    return user


@pytest.fixture
def coordinator_a(association_a: Association) -> User:
    user = factories.user("coord.a@example.org", first_name="Claire", last_name="C")
    services.membership_add(
        user=user, association=association_a, role=Membership.Role.COORDINATOR
    )
    return user


@pytest.fixture
def share_a(dossier: Dossier, association_a: Association) -> Share:
    return services.share_create(dossier=dossier, association=association_a)


@pytest.fixture
def volunteer_a_client(volunteer_a: User) -> Client:
    return logged_in(volunteer_a)


@pytest.fixture
def volunteer_b_client(volunteer_b: User) -> Client:
    return logged_in(volunteer_b)


@pytest.fixture
def coordinator_a_client(coordinator_a: User) -> Client:
    return logged_in(coordinator_a)


@pytest.fixture
def upload(dossier: Dossier) -> Upload:
    upload = Upload(
        dossier=dossier,
        kind=Upload.Kind.PDF,
        content_type="application/pdf",
        size=9,
        sha256="0" * 64,
    )
    upload.file.save("scan", ContentFile(b"%PDF-1.4\n"), save=True)
    return upload
