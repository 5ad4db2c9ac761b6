"""Two-association matrix over every URL of the Django admin (ASVS 8.2.2).

The URLs come from the admin's resolver (``admin_urls``), so a new ModelAdmin,
custom admin view or admin URL of Django cannot escape: it must be classified
in ``admin_objects`` or ``test_every_admin_url_is_classified`` fails.

Debtor A shares her dossier with association X only. Object URLs are filled
with X's objects (A's dossier, X, X's membership, access log, invitation, A's
account, the volunteers' group, A's login attempts). Y's volunteer and
coordinator get no 200 and no data on any of them, and their POSTs (payloads
that succeed for the rightful user, see ``CONTROLS``) change no row of any
table. Debtors and anonymous visitors are sent to a login page from every admin
URL. X's members get no 500 anywhere and see A's dossier; after A revokes her
consent, X's volunteer is locked out like Y's. Searches, filters and facets of
every changelist, and the autocomplete of every searchable admin, show only
what is shared with the viewer.
"""

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings as django_settings
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from associations.models import AccessLog, Advice, Association
from dossiers.models import Dossier
from tests.conftest import built_once, with_files
from tests.factories import logged_in
from tests.security import admin_objects
from tests.security.admin_objects import (
    B_MARKER,
    LOGIN,
    LOGOUT,
    OBJECT,
    UNSHARED,
    WRITTEN_BEFORE_REVOCATION,
    AdminWorld,
    hostile_post,
    requests_for,
    snapshot,
)
from tests.security.admin_urls import AdminRoute

pytestmark = pytest.mark.django_db

ROUTES = {route.name: route for route in admin_objects.routes()}
ALL = sorted(ROUTES)
CHANGELISTS = sorted(
    n for n, r in ROUTES.items() if admin_objects.standard_view(r) == "changelist"
)
STAFF_X = ("volunteer_x", "coordinator_x")
STAFF_Y = ("volunteer_y", "coordinator_y")
LOCKED_OUT = {302, 403, 404, 405}
NOT_A_FAILURE = {200, 301, 302, 400, 403, 404, 405}
UNREACHABLE_BY_AUTOCOMPLETE = {
    # No relation of any model points at them: the view never searches them.
    "associations.membership",
    "associations.accesslog",
    "associations.invitation",
    "axes.accessfailurelog",
    "axes.accesslog",
    "dossiers.mediator",
}


ROLES = (*STAFF_X, *STAFF_Y, "debtor", "superuser")
SESSIONS: dict[str, str] = {}
"""Each role's session, opened once with the world (``client_for``): a test's
logout or expiry is rolled back with the rest of what it did."""


@pytest.fixture(scope="module")
def world_once(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: Any
) -> Iterator[tuple[AdminWorld, Any]]:
    """The two associations' world, built once for the module (0.8 s each),
    with each role logged in once (``force_login``: the login signals run)."""
    root = tmp_path_factory.mktemp("admin-world")
    with built_once(django_db_blocker, root, admin_objects.admin_world) as world:
        for role in ROLES:
            client = logged_in(world.user(role))
            SESSIONS[role] = client.cookies[django_settings.SESSION_COOKIE_NAME].value
        yield world, root
        SESSIONS.clear()


@pytest.fixture
def w(world_once: tuple[AdminWorld, Any], db: None, settings: Any) -> AdminWorld:
    world, root = world_once
    return with_files(root, settings, world)  # type: ignore[no-any-return]


def client_for(w: AdminWorld, role: str) -> Client:
    """A new browser: anonymous, or with ``role``'s session of the module."""
    client = Client()
    if role != "anonymous":
        client.cookies[django_settings.SESSION_COOKIE_NAME] = SESSIONS[role]
    return client


def text(response: HttpResponse) -> str:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    else:
        content = response.content
    return content.decode(errors="replace")


def assert_nothing_of(forbidden: list[str], response: HttpResponse, where: Any) -> None:
    body = text(response)
    leaked = [secret for secret in forbidden if secret in body]
    assert not leaked, (where, response.status_code, leaked)


def assert_locked_out(
    response: HttpResponse, route: AdminRoute, w: AdminWorld, where: Any
) -> None:
    """No page with the object: a 404/403/405 or Django's "does not exist"."""
    assert response.status_code in LOCKED_OUT, (where, response.status_code)
    if response.status_code == 302:
        allowed = admin_objects.allowed_redirects(route, w)
        assert response["Location"] in allowed, (where, response["Location"])


def assert_unchanged(before: dict[str, list[dict[str, Any]]]) -> None:
    after = snapshot()
    changed = {
        label: (
            [row for row in rows if row not in after[label]],  # gone or changed
            [row for row in after[label] if row not in rows],  # new or changed
        )
        for label, rows in before.items()
        if after[label] != rows
    }
    assert not changed, changed


def exchanges(
    client: Client, route: AdminRoute, w: AdminWorld
) -> Iterator[tuple[str, HttpResponse]]:
    """GET every path of ``route``, and POST the hostile payload once to each
    path without its query string (the variants only differ for a GET)."""
    posted: set[str] = set()
    data = hostile_post(route, w)
    for path in requests_for(route, w):
        yield path, client.get(path)
        bare = path.split("?", 1)[0]
        if bare not in posted:
            posted.add(bare)
            yield path, client.post(path, data)


# -- meta: nothing escapes the matrix ------------------------------------------


def test_every_admin_url_is_classified() -> None:
    assert admin_objects.unclassified() == [], "classify it in admin_objects.py"
    assert admin_objects.stale() == [], "stale entry in admin_objects.py"


def test_the_enumeration_sees_every_model_admin_and_site_view() -> None:
    for model in admin.site._registry:
        opts = model._meta
        for view in admin_objects.STANDARD_VIEWS:
            assert f"admin:{opts.app_label}_{opts.model_name}_{view}" in ROUTES
        assert (
            f"<unnamed: admin/{opts.app_label}/{opts.model_name}/<path:object_id>/>"
            in ROUTES
        )
    assert set(admin_objects.SITE_URLS) | set(admin_objects.CUSTOM_URLS) <= set(ROUTES)
    assert len(admin.site._registry) >= 10
    listed = len(admin_objects.SITE_URLS) + len(admin_objects.CUSTOM_URLS)
    assert len(ROUTES) == 6 * len(admin.site._registry) + listed


def test_every_route_is_requested(w: AdminWorld) -> None:
    for name, route in ROUTES.items():
        assert requests_for(route, w), name
    searched = {label for label, _ in admin_objects.autocomplete_sources().values()}
    searchable = {
        model._meta.label_lower
        for model, model_admin in admin.site._registry.items()
        if model_admin.search_fields
    }
    assert "dossiers.dossier" in searched
    assert searched == searchable - UNREACHABLE_BY_AUTOCOMPLETE


def test_every_payload_is_proven_or_refused_to_everyone(w: AdminWorld) -> None:
    """A hostile POST means something only if it works for the right person."""
    proven = {name for name, _, _ in admin_objects.CONTROLS}
    posted = {name for name, route in ROUTES.items() if hostile_post(route, w)}
    assert posted - proven == admin_objects.NOBODY_MAY
    assert not admin_objects.NOBODY_MAY - posted


# -- outsiders: another association, a debtor, an anonymous visitor ------------


def assert_sent_to_login(
    response: HttpResponse, route: AdminRoute, role: str, path: str
) -> None:
    where = (role, path, response.status_code)
    if admin_objects.kind(route) == LOGIN:
        assert response.status_code == 200, where  # the form (again)
        return
    assert response.status_code == 302, where
    location = urlsplit(response["Location"])
    if admin_objects.kind(route) == LOGOUT and role == "debtor":
        assert location.path == reverse("admin:index"), where  # then the login
        return
    # Site-wide admin views carry the admin login URL; a ModelAdmin's views
    # don't, so LoginRequiredMiddleware sends anonymous visitors to /connexion/.
    logins = {reverse("admin:login")}
    if role == "anonymous":
        logins.add(reverse("login"))
    assert location.path in logins, where
    assert parse_qs(location.query)["next"] == [path], where


@pytest.mark.parametrize("name", ALL)
def test_outsiders_get_nothing_and_change_nothing(name: str, w: AdminWorld) -> None:
    """Y's volunteer and coordinator: on X's objects a 404, 403 or Django's
    "does not exist" redirect, elsewhere no failure, never X's data; their
    POSTs change no row."""
    route = ROUTES[name]
    before = snapshot()
    for role in STAFF_Y:
        for path, response in exchanges(client_for(w, role), route, w):
            if admin_objects.kind(route) == OBJECT:
                assert_locked_out(response, route, w, (role, path))
            else:
                assert response.status_code in NOT_A_FAILURE, (role, path)
            assert_nothing_of(w.forbidden_for(role), response, (role, path))
    assert_unchanged(before)


# Sent to a login page before any view runs: the statements (a session, a
# user) are those of the sweep above, which PostgreSQL runs.
@pytest.mark.postgres_covered_by("test_outsiders_get_nothing_and_change_nothing")
@pytest.mark.parametrize("name", ALL)
def test_debtors_and_visitors_are_sent_to_login(name: str, w: AdminWorld) -> None:
    """Debtor A and an anonymous visitor: a login page from every admin URL;
    their POSTs change no row."""
    route = ROUTES[name]
    before = snapshot()
    for role in ("debtor", "anonymous"):
        for path, response in exchanges(client_for(w, role), route, w):
            assert_sent_to_login(response, route, role, path)
            assert_nothing_of(w.forbidden_for(role), response, (role, path))
    assert_unchanged(before)


# -- X's own members -----------------------------------------------------------


@pytest.mark.parametrize("name", ALL)
def test_x_members_get_no_500_and_nothing_of_others(name: str, w: AdminWorld) -> None:
    route = ROUTES[name]
    for role in STAFF_X:
        client = client_for(w, role)
        for path, response in exchanges(client, route, w):
            assert response.status_code in NOT_A_FAILURE, (role, path)
            assert_nothing_of(w.forbidden_for(role), response, (role, path))


def test_x_volunteer_sees_a_s_shared_dossier(w: AdminWorld) -> None:
    client = client_for(w, "volunteer_x")
    dossier = w.a.dossier
    page = client.get(reverse("admin:dossiers_dossier_change", args=[dossier.pk]))
    assert page.status_code == 200
    body = text(page)
    for secret in (w.a.marker, w.a.user.email, w.advice_x.text, w.note_x.text):
        assert secret in body, secret
    assert f"/admin-fichiers/{dossier.pk}/{w.a.upload.pk}/" in body
    changelist = client.get(reverse("admin:dossiers_dossier_changelist"))
    assert [d.pk for d in changelist.context["cl"].result_list] == [dossier.pk]
    found = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "dossiers",
            "model_name": "upload",
            "field_name": "dossier",
            "term": w.a.marker,
        },
    ).json()
    assert found["results"] == [{"id": str(dossier.pk), "text": w.a.marker}]


def test_x_coordinator_sees_x_s_association_members_and_log(w: AdminWorld) -> None:
    client = client_for(w, "coordinator_x")
    for view, obj in (
        ("associations_association_change", w.x),
        ("associations_association_activity", w.x),
        ("associations_membership_change", w.membership_x),
        ("associations_invitation_change", w.invitation_x),
        ("associations_accesslog_change", w.access_log_x),
    ):
        response = client.get(reverse(f"admin:{view}", args=[obj.pk]))
        assert response.status_code == 200, view
    log = client.get(reverse("admin:associations_accesslog_changelist"))
    assert w.volunteer_x.email in text(log)


@pytest.mark.parametrize(
    ("name", "role", "check"),
    admin_objects.CONTROLS,
    ids=[f"{name}-{role}" for name, role, _ in admin_objects.CONTROLS],
)
def test_hostile_payload_works_for_the_rightful_user(
    name: str, role: str, check, w: AdminWorld
) -> None:
    route = ROUTES[name]
    path = requests_for(route, w)[0]
    response = client_for(w, role).post(path, hostile_post(route, w))
    assert response.status_code in (200, 302), response.status_code
    assert check(w), text(response)[:3000]


DIRECTORY_ROUTES = sorted(
    n for n, r in ROUTES.items() if r.label in admin_objects.DIRECTORIES
)


@pytest.mark.parametrize("name", DIRECTORY_ROUTES)
def test_directories_are_the_operator_s_alone(name: str, w: AdminWorld) -> None:
    """Volunteers and coordinators of X and Y get a 403 on every directory
    URL, GET or POST, and change nothing; the superuser's pages render."""
    route = ROUTES[name]
    roles = (*STAFF_X, *STAFF_Y, "superuser")
    clients = {role: client_for(w, role) for role in roles}
    before = snapshot()
    for role, client in clients.items():
        expected = admin_objects.directory_outcome(route, role)
        for path in requests_for(route, w):
            assert client.get(path).status_code == expected, (role, path)
            if role != "superuser":
                posted = client.post(path, hostile_post(route, w))
                assert posted.status_code == expected, (role, path)
    assert_unchanged(before)


# -- revoked consent -------------------------------------------------------------


def work_through_the_change_page(w: AdminWorld) -> None:
    """X's volunteer opens A's dossier and writes advice and a note."""
    client = client_for(w, "volunteer_x")
    url = reverse("admin:dossiers_dossier_change", args=[w.a.dossier.pk])
    assert client.get(url).status_code == 200
    data = admin_objects.dossier_change_payload(w)
    data = {
        key: WRITTEN_BEFORE_REVOCATION if value == admin_objects.PWNED else value
        for key, value in data.items()
    }
    assert client.post(url, data).status_code == 302
    assert Advice.objects.filter(text=WRITTEN_BEFORE_REVOCATION).exists()


@pytest.fixture
def revoked(w: AdminWorld) -> AdminWorld:
    """X's volunteer worked on A's dossier (what the change page leaves behind:
    advice, an access-log line, a log entry), then A revoked her consent."""
    admin_objects.worked_on(w, WRITTEN_BEFORE_REVOCATION)
    admin_objects.revoke_x(w)
    return w


# Once the consent is revoked, X's volunteer is an outsider to A's dossier:
# the scoping queries lock her out as they do Y's members in the outsiders'
# sweep (its rows: revoked shares, her advice), which PostgreSQL runs.
@pytest.mark.postgres_covered_by("test_outsiders_get_nothing_and_change_nothing")
@pytest.mark.parametrize("name", ALL)
def test_revoked_consent_shows_x_nothing_of_a(name: str, revoked: AdminWorld) -> None:
    """X's volunteer is locked out of A's objects like Y's, and changes
    nothing; X's coordinator keeps X's own objects, without a trace of A's."""
    w, route = revoked, ROUTES[name]
    clients = {role: client_for(w, role) for role in STAFF_X}
    before = snapshot()
    for role, client in clients.items():
        if role == "coordinator_x":
            assert_unchanged(before)  # what the volunteer did
        forbidden = w.secrets_of_a + w.forbidden_for(role)
        for path, response in exchanges(client, route, w):
            if role == "volunteer_x" and admin_objects.kind(route) == OBJECT:
                assert_locked_out(response, route, w, (role, path))
            assert response.status_code in NOT_A_FAILURE, (role, path)
            assert_nothing_of(forbidden, response, (role, path))


# -- changelists: search, filters, facets ------------------------------------------


def visible_dossiers(w: AdminWorld, role: str) -> set[int]:
    if role in STAFF_X:
        return {w.a.dossier.pk}
    if role in STAFF_Y:
        return {w.dossier_y.pk}
    return set()


def filter_queries(response: HttpResponse) -> list[str]:
    """Every choice of every filter and date level the changelist offers."""
    cl = response.context["cl"]
    queries = {
        choice["query_string"]
        for spec in cl.filter_specs
        for choice in spec.choices(cl)
    }
    if cl.date_hierarchy:
        today = timezone.localdate()
        field = cl.date_hierarchy
        queries.add(f"?{field}__year={today.year}")
        queries.add(f"?{field}__year={today.year}&{field}__month={today.month}")
    return sorted(queries)


@pytest.mark.parametrize("name", CHANGELISTS)
def test_search_filters_and_facets_show_only_what_is_shared(
    name: str, w: AdminWorld
) -> None:
    base = ROUTES[name].url()
    for role in STAFF_X + STAFF_Y:
        client = client_for(w, role)
        first = client.get(base)
        if first.status_code == 403:
            continue
        assert first.status_code == 200, (role, name)
        queries = ["?_facets=1", *filter_queries(first)]
        queries += admin_objects.lookup_queries(name, w)
        for query in queries:
            response = client.get(base + query)
            assert response.status_code in (200, 302, 400), (role, query)
            assert_nothing_of(w.forbidden_for(role), response, (role, query))
            if (
                response.status_code == 200
                and name == "admin:dossiers_dossier_changelist"
            ):
                rows = {d.pk for d in response.context["cl"].result_list}
                assert rows <= visible_dossiers(w, role), (role, query)


def test_search_finds_a_shared_dossier_and_never_an_unshared_one(
    w: AdminWorld,
) -> None:
    changelist = reverse("admin:dossiers_dossier_changelist")

    def count(role: str, term: str) -> int:
        response = client_for(w, role).get(changelist, {"q": term})
        return response.context["cl"].result_count

    assert count("volunteer_x", w.a.marker) == 1
    assert count("volunteer_y", w.a.marker) == 0
    assert count("volunteer_y", B_MARKER) == 1
    for role in STAFF_X + STAFF_Y:
        assert count(role, UNSHARED) == 0, role
    assert count("superuser", UNSHARED) == 1  # the search does reach it


def test_lookups_through_relations_are_refused(w: AdminWorld) -> None:
    """Only the ModelAdmin's filters may follow a relation: else 400."""
    client = client_for(w, "volunteer_y")
    changelist = reverse("admin:dossiers_dossier_changelist")
    for query in (
        {"owner__first_name__startswith": w.a.marker[:-2]},
        {"shares__association": w.x.pk},
        {"advice__text__contains": "ADVX"},
    ):
        response = client.get(changelist, query)
        assert response.status_code == 400, query
        assert_nothing_of(w.forbidden_for("volunteer_y"), response, query)


# -- fixes made by this matrix ----------------------------------------------------


def test_view_on_site_answers_only_for_an_object_the_viewer_may_see(
    w: AdminWorld,
) -> None:
    """Django's r/<content_type_id>/<object_id>/ asked no ModelAdmin: it told
    any staff member whether a dossier exists (intrum_assistant/admin_site.py)."""
    dossiers = ContentType.objects.get_for_model(Dossier).pk
    url = reverse("admin:view_on_site", args=[dossiers, w.a.dossier.pk])
    front = reverse("dossiers:detail", args=[w.a.dossier.pk])
    for role in ("superuser", "volunteer_x"):
        response = client_for(w, role).get(url)
        assert response.status_code == 302, role
        assert urlsplit(response["Location"]).path == front, role
    for role in STAFF_Y:
        assert client_for(w, role).get(url).status_code == 404, role
    superuser = client_for(w, "superuser")
    for args in (
        [dossiers, 987654321],
        [dossiers, 10**20],
        [dossiers, "x"],
        [987654321, w.a.dossier.pk],
        [10**20, w.a.dossier.pk],
        ["x", 1],
    ):
        path = reverse("admin:view_on_site", args=args)
        assert superuser.get(path).status_code == 404, args
    associations = ContentType.objects.get_for_model(Association).pk
    path = reverse("admin:view_on_site", args=[associations, w.x.pk])
    assert client_for(w, "coordinator_x").get(path).status_code == 404  # no page
    admin_objects.revoke_x(w)
    assert client_for(w, "volunteer_x").get(url).status_code == 404


def test_recent_actions_are_for_superusers_only(w: AdminWorld) -> None:
    """They quoted the dossier's title after A withdrew her consent."""
    work_through_the_change_page(w)
    admin_objects.revoke_x(w)
    index = reverse("admin:index")
    assert LogEntry.objects.filter(user=w.volunteer_x).exists()
    page = text(client_for(w, "volunteer_x").get(index))
    assert "recent-actions-module" not in page
    assert w.a.marker not in page
    assert "recent-actions-module" in text(client_for(w, "superuser").get(index))


def test_access_log_names_the_dossier_by_its_number(revoked: AdminWorld) -> None:
    """It showed the dossier's title to X's coordinator after A's revocation."""
    w = revoked
    client = client_for(w, "coordinator_x")
    page = text(client.get(reverse("admin:associations_accesslog_changelist")))
    assert w.volunteer_x.email in page
    assert f"n° {w.a.dossier.pk}" in page
    assert w.a.marker not in page
    log = reverse("admin:associations_accesslog_change", args=[w.access_log_x.pk])
    page = text(client.get(log))
    assert f"n° {w.a.dossier.pk}" in page
    assert w.a.marker not in page


# -- what the debtor agreed to show (issue 19, item 3) ------------------------------


def section(page: str, title: str) -> str:
    """The HTML of one fieldset of the change page, by its title."""
    return page.split(f">{title}</h2>", 1)[1].split("</fieldset>", 1)[0]


def test_x_volunteer_reads_a_s_timeline_letters_and_answers(w: AdminWorld) -> None:
    url = reverse("admin:dossiers_dossier_change", args=[w.a.dossier.pk])
    page = text(client_for(w, "volunteer_x").get(url))
    timeline = section(page, "Chronologie")
    assert "Appel téléphonique" in timeline
    assert w.a.marker in timeline  # the event's text
    letters = section(page, "Lettres")
    download = reverse(
        "admin:dossiers_dossier_letter_version",
        args=[w.a.dossier.pk, w.a.letter.kind, w.a.version.number],
    )
    assert f'href="{download}"' in letters
    assert "Lettre à l&#x27;agence : dette prescrite ou forclose" in letters
    assert "Pas encore envoyée." in letters
    answers = section(page, "Réponses au questionnaire")
    for question in (
        "Date du courrier",
        "D&#x27;où vient cette dette ?",
        "Événement 1",
    ):
        assert question in answers, question
    assert "12 octobre 2026" in answers
    for raw in ("agency_id", "2026-10-12", "consumer_credit", "partial_payment"):
        assert raw not in answers, raw


def test_x_volunteer_downloads_a_letter_and_it_is_logged(w: AdminWorld) -> None:
    download = reverse(
        "admin:dossiers_dossier_letter_version",
        args=[w.a.dossier.pk, w.a.letter.kind, w.a.version.number],
    )
    before = AccessLog.objects.filter(user=w.volunteer_x).count()
    response = client_for(w, "volunteer_x").get(download)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert w.a.marker in text(response)
    log = AccessLog.objects.filter(user=w.volunteer_x).latest("opened_at")
    assert AccessLog.objects.filter(user=w.volunteer_x).count() == before + 1
    assert (log.dossier_id, log.path) == (w.a.dossier.pk, download)
    assert client_for(w, "volunteer_y").get(download).status_code in LOCKED_OUT
    admin_objects.revoke_x(w)
    assert client_for(w, "volunteer_x").get(download).status_code == 404
    assert AccessLog.objects.filter(user=w.volunteer_x).count() == before + 1
