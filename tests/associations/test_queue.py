"""Review queue: filters, search, constant query count."""

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import User
from associations import services
from associations.models import Association, Review
from dossiers.models import Dossier
from tests import factories

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/dossiers/dossier/"


def shared(association: Association, owner: User, **fields) -> Dossier:
    dossier = factories.dossier(owner=owner, **fields)
    services.share_create(dossier=dossier, association=association)
    return dossier


@pytest.fixture
def queue(association_a: Association, debtor: User, other_debtor: User) -> dict:
    today = timezone.localdate()
    return {
        "soon": shared(
            association_a,
            debtor,
            title="Echeance proche",
            agency_name="Intrum",
            agency_reference="INT-1",
            limitation_status="barred",
            next_deadline=today + dt.timedelta(days=3),
        ),
        "later": shared(
            association_a,
            other_debtor,
            title="Echeance lointaine",
            agency_name="iQera",
            agency_reference="IQ-2",
            limitation_status="not_barred",
            next_deadline=today + dt.timedelta(days=20),
            total_claimed=Decimal("99.50"),
        ),
    }


def titles(client: Client, query: str = "") -> set[str]:
    response = client.get(CHANGELIST + query)
    assert response.status_code == 200
    return {
        d.display_title
        for d in response.context["cl"].result_list  # type: ignore[index]
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Echeance proche", "Echeance lointaine"}),
        ("?echeance=7", {"Echeance proche"}),
        ("?echeance=30", {"Echeance proche", "Echeance lointaine"}),
        ("?prescription=barred", {"Echeance proche"}),
        ("?agency_name=iQera", {"Echeance lointaine"}),
        ("?suivi=clos", {"Echeance lointaine"}),
        ("?assigne=moi", {"Echeance proche"}),
        ("?assigne=personne", {"Echeance lointaine"}),
        ("?q=IQ-2", {"Echeance lointaine"}),
        ("?q=Sophie+Test", {"Echeance proche"}),
        ("?q=marc.test", {"Echeance lointaine"}),
    ],
)
def test_filters_and_search(
    volunteer_a_client: Client, volunteer_a: User, queue: dict, query: str, expected
) -> None:
    services.review_update(
        dossiers=Dossier.objects.filter(pk=queue["soon"].pk),
        user=volunteer_a,
        assign=volunteer_a,
    )
    services.review_update(
        dossiers=Dossier.objects.filter(pk=queue["later"].pk),
        user=volunteer_a,
        status=Review.Status.CLOSED,
        assign=None,
    )
    assert titles(volunteer_a_client, query) == expected


def test_search_does_not_reach_other_associations(
    volunteer_b_client: Client, queue: dict
) -> None:
    assert titles(volunteer_b_client, "?q=INT-1") == set()


def test_agency_filter_lists_only_my_agencies(
    volunteer_b_client: Client, queue: dict, association_b, other_debtor
) -> None:
    shared(association_b, other_debtor, title="Chez B", agency_name="Cabinet B")
    page = volunteer_b_client.get(CHANGELIST).content.decode()
    assert "Cabinet B" in page
    assert "?agency_name=Cabinet+B" in page
    assert "?agency_name=Intrum" not in page


def test_changelist_query_count_is_constant(
    volunteer_a_client: Client,
    volunteer_a: User,
    association_a: Association,
    django_assert_max_num_queries,
) -> None:
    def add(count: int) -> None:
        for index in range(count):
            owner = factories.user(f"debiteur{Dossier.objects.count()}@example.org")
            dossier = shared(association_a, owner, title=f"D{index}")
            services.review_update(
                dossiers=Dossier.objects.filter(pk=dossier.pk),
                user=volunteer_a,
                assign=volunteer_a,
            )

    add(1)
    with django_assert_max_num_queries(50) as one:
        volunteer_a_client.get(CHANGELIST)
    add(199)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = volunteer_a_client.get(CHANGELIST)
    assert response.context["cl"].result_count == 200
