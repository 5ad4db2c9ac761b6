"""A volunteer sees only their own association in « Partagé avec »
(issue 20 item 15)."""

import pytest
from django.test import Client
from django.urls import reverse

from associations import services as association_services
from associations.models import Association, Membership
from tests import factories
from tests.factories import logged_in
from tests.security.objects import World

pytestmark = pytest.mark.django_db


def member(email: str, association: Association, role: str = "volunteer") -> Client:
    user = factories.user(email)
    association_services.membership_add(user=user, association=association, role=role)
    client = logged_in(user)
    return client


@pytest.mark.parametrize(
    "role", [Membership.Role.VOLUNTEER, Membership.Role.COORDINATOR]
)
def test_shared_with_names_only_the_viewer_s_association(world_a: World, role) -> None:
    other = Association.objects.create(name="Asso Discrète B", city="Brest")
    association_services.share_create(dossier=world_a.dossier, association=other)
    client = member("vol.x@example.org", world_a.association, role)
    path = reverse("admin:dossiers_dossier_change", args=[world_a.dossier.pk])
    page = client.get(path).content.decode()
    assert world_a.association.name in page
    assert "Asso Discrète B" not in page
    assert "Brest" not in page


def test_a_superuser_sees_every_association(world_a: World) -> None:
    other = Association.objects.create(name="Asso Discrète B")
    association_services.share_create(dossier=world_a.dossier, association=other)
    root = factories.user("root.shared@example.org")
    root.is_staff = root.is_superuser = True
    root.save()
    client = logged_in(root)
    path = reverse("admin:dossiers_dossier_change", args=[world_a.dossier.pk])
    page = client.get(path).content.decode()
    assert world_a.association.name in page
    assert "Asso Discrète B" in page
