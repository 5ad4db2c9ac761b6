"""The operator's directories in the admin (dossiers/admin.py): agencies and
mediators. Every URL × role: tests/security/test_admin_matrix.py."""

import importlib

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from accounts.models import User
from associations import roles
from associations import services as association_services
from associations.models import Association, Membership
from dossiers.addresses import postal_town
from dossiers.admin import ADDRESS_MAX_LENGTH
from dossiers.forms import CourrierForm
from dossiers.models import Agency, Dossier, Mediator
from letters.option_forms import MediatorForm
from tests import factories

from .wizard_data import post_data

pytestmark = pytest.mark.django_db

SEEDED_AGENCIES = importlib.import_module("dossiers.migrations.0006_agency_directory")
SEEDED_MEDIATORS = importlib.import_module("dossiers.migrations.0010_mediators")


@pytest.fixture
def seeded() -> None:
    """The migrations' rows (a flushing test elsewhere may have removed them)."""
    for name in SEEDED_AGENCIES.AGENCIES:
        Agency.objects.get_or_create(name=name)
    for name, sector in SEEDED_MEDIATORS.MEDIATORS:
        Mediator.objects.get_or_create(name=name, defaults={"sector": sector})


@pytest.fixture
def operator() -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("ops@example.org", "x" * 16))
    return client


def member(role: str) -> Client:
    association = Association.objects.create(name=f"Asso {role}", city="Lyon")
    user = factories.user(f"{role}.dir@example.org")
    association_services.membership_add(user=user, association=association, role=role)
    client = Client()
    client.force_login(user)
    return client


def agency_data(**fields: str) -> dict[str, str]:
    return {
        "name": "Recouvrement Exemple",
        "address": "12 rue de la Paix\n75002 Paris",
        "website": "",
        "notes": "",
        **fields,
    }


def test_the_operator_adds_an_agency_the_wizard_then_offers(
    operator: Client, debtor_client: Client
) -> None:
    response = operator.post(
        reverse("admin:dossiers_agency_add"),
        agency_data(
            address=" RECOUVREMENT EXEMPLE \n12 rue de la Paix\n\n75002 Paris ",
            website="recouvrement-exemple.fr",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    agency = Agency.objects.get(name="Recouvrement Exemple")
    assert agency.address == "12 rue de la Paix\n75002 Paris"  # name line dropped
    assert agency.website == "https://recouvrement-exemple.fr"
    assert agency in CourrierForm().fields["agency"].queryset  # type: ignore[attr-defined]

    page = debtor_client.get("/dossiers/nouveau/courrier/").content.decode()
    option = page.split(f'<option value="{agency.pk}"', 1)[1].split("</option>", 1)
    assert 'data-address="12 rue de la Paix\n75002 Paris"' in option[0]
    assert option[0].endswith(">Recouvrement Exemple")

    data = post_data("courrier", **{"courrier-agency": str(agency.pk)})
    data |= {"courrier-agency_name": "", "courrier-agency_address": ""}
    assert debtor_client.post("/dossiers/nouveau/courrier/", data).status_code == 302
    courrier = Dossier.objects.latest("id").answers.to_json()["courrier"]
    assert courrier["agency_id"] == agency.pk
    assert courrier["agency_address"] == "12 rue de la Paix\n75002 Paris"


def test_the_operator_adds_a_mediator_the_letter_then_offers(
    operator: Client,
) -> None:
    response = operator.post(
        reverse("admin:dossiers_mediator_add"),
        {**agency_data(name="Médiateur Exemple"), "sector": "bank"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    mediator = Mediator.objects.get(name="Médiateur Exemple")
    assert mediator.sector == "bank"
    assert mediator in MediatorForm.base_fields["mediator"].queryset  # type: ignore[attr-defined]


@pytest.mark.usefixtures("seeded")
def test_lists_filters_and_pages_render_with_the_seeded_directories(
    operator: Client,
) -> None:
    Agency.objects.filter(name="Intrum").update(
        address="97 allée Borodine\nCS 80004\n69800 Saint-Priest"
    )
    for model, names in (
        (Agency, SEEDED_AGENCIES.AGENCIES),
        (Mediator, [name for name, _ in SEEDED_MEDIATORS.MEDIATORS]),
    ):
        changelist = reverse(f"admin:dossiers_{model._meta.model_name}_changelist")
        page = operator.get(changelist)
        assert page.status_code == 200
        cl = page.context["cl"]
        assert {str(obj) for obj in cl.result_list} >= set(names)
        queries = ["?q=Saint-Priest", "?_facets=1"]
        queries += [
            choice["query_string"]
            for spec in cl.filter_specs
            for choice in spec.choices(cl)
        ]
        for query in queries:
            assert operator.get(changelist + query).status_code == 200, query
        for obj in model.objects.all():  # delete and history: the matrix
            url = reverse(
                f"admin:dossiers_{model._meta.model_name}_change", args=[obj.pk]
            )
            assert operator.get(url).status_code == 200, (url, obj)
    page = operator.get(reverse("admin:dossiers_agency_changelist")).content.decode()
    assert "69800 Saint-Priest" in page  # the « ville » column
    searched = operator.get(
        reverse("admin:dossiers_agency_changelist"), {"q": "Priest"}
    )
    assert [str(a) for a in searched.context["cl"].result_list] == ["Intrum"]
    to_complete = operator.get(
        reverse("admin:dossiers_agency_changelist"), {"adresse": "non"}
    )
    assert "Intrum" not in {str(a) for a in to_complete.context["cl"].result_list}


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize(
    "role", [Membership.Role.VOLUNTEER, Membership.Role.COORDINATOR]
)
def test_members_of_an_association_cannot_add_change_or_delete(role: str) -> None:
    client = member(role)
    agency, mediator = Agency.objects.get(name="Intrum"), Mediator.objects.first()
    assert mediator is not None
    for obj, payload in (
        (agency, agency_data(name="Pirate")),
        (mediator, {**agency_data(name="Pirate"), "sector": "bank"}),
    ):
        name = obj._meta.model_name
        for view, args in (("add", []), ("change", [obj.pk]), ("delete", [obj.pk])):
            url = reverse(f"admin:dossiers_{name}_{view}", args=args)
            assert client.get(url).status_code == 403, url
            assert client.post(url, {**payload, "post": "yes"}).status_code == 403
        changelist = reverse(f"admin:dossiers_{name}_changelist")
        bulk = {"action": "delete_selected", "_selected_action": [obj.pk]}
        assert client.post(changelist, {**bulk, "post": "yes"}).status_code == 403
    assert not Agency.objects.filter(name="Pirate").exists()
    assert not Mediator.objects.filter(name="Pirate").exists()
    assert Agency.objects.filter(pk=agency.pk, address="").exists()
    assert Mediator.objects.filter(pk=mediator.pk).exists()
    index = client.get(reverse("admin:index")).content.decode()
    assert "Sociétés de recouvrement" not in index
    assert "Médiateurs de la consommation" not in index


def test_the_directories_are_in_the_operator_s_index(operator: Client) -> None:
    index = operator.get(reverse("admin:index")).content.decode()
    assert "Sociétés de recouvrement" in index
    assert "Médiateurs de la consommation" in index


def test_no_association_group_holds_a_directory_permission() -> None:
    association_services.roles_ensure()
    for name, permissions in roles.GROUP_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        in_db = group.permissions.filter(codename__regex=r"_(agency|mediator)$")
        assert not in_db.exists(), name
        assert not [p for p in permissions if p.endswith(("_agency", "_mediator"))]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"address": "x" * (ADDRESS_MAX_LENGTH + 1)},
            "address",
            "300 caractères au plus",
        ),
        ({"name": "Intrum\u202e"}, "name", "caractère invisible"),
        ({"address": "1 rue\u200b\n75001 Paris"}, "address", "caractère invisible"),
        ({"name": "INTRUM"}, "name", "déjà dans l&#x27;annuaire"),
    ],
)
@pytest.mark.usefixtures("seeded")
def test_what_the_wizard_could_not_take_is_refused(
    operator: Client, fields: dict[str, str], field: str, message: str
) -> None:
    before = Agency.objects.count()
    response = operator.post(
        reverse("admin:dossiers_agency_add"), agency_data(**fields)
    )
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert message in response.content.decode()
    assert Agency.objects.count() == before


def test_the_address_limit_is_that_of_the_forms_that_receive_it() -> None:
    wizard = CourrierForm.base_fields["agency_address"]
    letter = MediatorForm.base_fields["mediator_address"]
    assert wizard.max_length == letter.max_length == ADDRESS_MAX_LENGTH  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("address", "town"),
    [
        ("97 allée Borodine\nCS 80004\n69800 Saint-Priest", "69800 Saint-Priest"),
        ("TSA 12345\n75 008 Paris Cedex 08\n", "75008 Paris Cedex 08"),
        ("F-13001 Marseille\nFrance", "13001 Marseille"),
        ("Postfach 12\nD-10115 Berlin", ""),
        ("", ""),
    ],
)
def test_the_town_column_reads_the_postcode_line(address: str, town: str) -> None:
    assert postal_town(address) == town
