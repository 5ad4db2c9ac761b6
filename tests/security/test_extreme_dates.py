"""Extreme dates in the coordinators' pages answer a French message, never a
500 (issue 20 items 4 and 14)."""

import pytest
from django.test import Client
from django.urls import reverse

from associations import services as association_services
from associations.models import Association, Membership
from tests import factories
from tests.factories import logged_in

pytestmark = pytest.mark.django_db

EXTREME = [
    {"du": "0001-01-01", "au": "2026-01-31"},
    {"du": "2026-01-01", "au": "9999-12-31"},
    {"du": "0001-01-01", "au": "9999-12-31"},
    {"du": "1999-12-31", "au": "2026-01-01"},
]


@pytest.fixture
def coordinator() -> tuple[Client, Association]:
    association = Association.objects.create(name="Asso Dates")
    user = factories.user("coord.dates@example.org")
    association_services.membership_add(
        user=user, association=association, role=Membership.Role.COORDINATOR
    )
    client = logged_in(user)
    return client, association


@pytest.mark.parametrize("period", EXTREME)
@pytest.mark.parametrize("fmt", ["", "csv"])
def test_activity_page_and_csv_refuse_extreme_dates(coordinator, period, fmt) -> None:
    client, association = coordinator
    path = reverse("admin:associations_association_activity", args=[association.pk])
    response = client.get(path, {**period, "format": fmt} if fmt else period)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")  # no CSV of another period
    assert "Choisissez une date entre le 01/01/2000 et le" in response.content.decode()


def test_activity_csv_of_a_sane_period_still_works(coordinator) -> None:
    client, association = coordinator
    path = reverse("admin:associations_association_activity", args=[association.pk])
    response = client.get(
        path, {"du": "2026-01-01", "au": "2026-01-31", "format": "csv"}
    )
    assert response["Content-Type"].startswith("text/csv")


@pytest.mark.parametrize(
    "query",
    [
        {"opened_at__year": "9999"},
        {"opened_at__year": "1"},
        {"opened_at__year": "0"},
        {"opened_at__year": "99999"},
        {"opened_at__year": "9999", "opened_at__month": "12"},
        {"opened_at__year": "9999", "opened_at__month": "12", "opened_at__day": "31"},
        {"opened_at__year": "1", "opened_at__month": "1", "opened_at__day": "1"},
        {"opened_at__year": "2026", "opened_at__month": "13"},
        {"opened_at__year": "2026", "opened_at__month": "2", "opened_at__day": "30"},
        {"opened_at__year": "x"},
        {"opened_at__gte": "9999-12-31"},
        {"opened_at__lt": "0001-01-01"},
        {"opened_at__date": "0001-01-01"},
        {"opened_at__month": "13"},
    ],
)
def test_access_log_date_hierarchy_refuses_extreme_years(coordinator, query) -> None:
    client, _ = coordinator
    response = client.get(reverse("admin:associations_accesslog_changelist"), query)
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 302:
        response = client.get(response["Location"])
        assert response.status_code == 200


def test_access_log_superuser_extreme_year(db) -> None:
    root = factories.user("root.dates@example.org")
    root.is_staff = root.is_superuser = True
    root.save()
    client = logged_in(root)
    changelist = reverse("admin:associations_accesslog_changelist")
    response = client.get(changelist, {"opened_at__year": "9999"}, follow=True)
    assert response.status_code == 200
    assert "Choisissez une année entre 2000 et" in response.content.decode()
