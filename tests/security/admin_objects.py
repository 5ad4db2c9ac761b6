"""The admin matrix's world and its classification of every admin URL.

Two associations, X and Y, each with a volunteer and a coordinator. Debtor A
shares her dossier (``objects.world``: uploads, letter + PDF version, timeline
event) with X only; X has a review, advice and an internal note on it, an
access-log line, a pending invitation. Debtor B shares hers with Y only (with
Y's advice and note), and debtor C shares nothing. A, B and C are also in django-axes'
tables (login attempts, failures, access log). The operator's directories hold
an agency and a mediator of the matrix: no association's member may change
them (``DIRECTORY_OUTCOMES``).

Every admin URL (``admin_urls.admin_routes()``) is classified here: a
ModelAdmin's standard views by their name, its custom views and the site-wide
views by an explicit table. Object URLs are filled with X's objects
(``TARGETS``), one table entry per registered model. The meta-tests fail on a
URL that is not classified, a registered model without a target, a URL
parameter nobody knows how to fill, and stale entries.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog
from axes.models import AccessLog as AxesAccessLog
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import ForeignObjectRel, Model
from django.urls import reverse

from accounts.models import User
from associations import roles
from associations import services as association_services
from associations.models import (
    AccessLog,
    Advice,
    Association,
    InternalNote,
    Invitation,
    Membership,
    Review,
)
from dossiers.models import Agency, Dossier, Mediator
from tests import factories
from tests.security import objects
from tests.security.admin_urls import AdminRoute, admin_routes
from tests.security.objects import World

PWNED = "PWNED-by-the-matrix"
NEW_PASSWORD = "Pwned-passw0rd-2026!"

# Kinds of admin URL.
OBJECT = "object"  # names one object: filled with X's objects
PAGE = "page"  # no object in the URL (list, add form, index, search...)
LOGIN = "login"  # open to anyone
LOGOUT = "logout"

STANDARD_VIEWS = {
    "changelist": PAGE,
    "add": PAGE,
    "history": OBJECT,
    "delete": OBJECT,
    "change": OBJECT,
}
"""The views every ModelAdmin has (``admin:<app>_<model>_<view>``), plus the
unnamed ``<path:object_id>/`` that redirects to ``change``."""

CUSTOM_URLS: dict[str, str] = {
    "admin:auth_user_password_change": OBJECT,  # UserAdmin: <id>/password/
    "admin:associations_association_activity": OBJECT,  # figures + CSV export
    # A letter's PDF (<id>/lettres/<kind>/<number>/), logged in the access log.
    "admin:dossiers_dossier_letter_version": OBJECT,
}
"""ModelAdmin URLs that are not standard views: each must be listed."""

SITE_URLS: dict[str, str] = {
    "admin:index": PAGE,
    "admin:login": LOGIN,
    "admin:logout": LOGOUT,
    "admin:password_change": PAGE,
    "admin:password_change_done": PAGE,
    "admin:autocomplete": PAGE,
    "admin:jsi18n": PAGE,
    "admin:view_on_site": OBJECT,  # r/<content_type_id>/<object_id>/
    "admin:app_list": PAGE,
    "<unnamed: admin/(?P<url>.*)$>": PAGE,  # final_catch_all_view
}
"""The admin site's own URLs (no ModelAdmin): each must be listed."""

KNOWN_PARAMS = frozenset(
    {"object_id", "id", "content_type_id", "app_label", "url", "kind", "number"}
)
"""URL parameters the matrix knows how to fill (see ``requests_for``)."""


# -- the world ---------------------------------------------------------------


@dataclass
class AdminWorld:
    a: World  # debtor A, her dossier shared with X only
    dossier_y: Dossier  # debtor B's, shared with Y only
    x: Association
    y: Association
    volunteer_x: User
    coordinator_x: User
    volunteer_y: User
    coordinator_y: User
    superuser: User
    review_x: Review
    advice_x: Advice
    note_x: InternalNote
    membership_x: Membership
    access_log_x: AccessLog
    invitation_x: Invitation
    unshared: Dossier  # debtor C's, shared with nobody
    agency: Agency  # the operator's directories
    mediator: Mediator
    axes_rows: list[Model] = field(default_factory=list)

    @property
    def secrets_of_x(self) -> list[str]:
        """A's dossier as X sees it, and X's own people: Y never sees these."""
        return [
            self.a.marker,
            self.a.user.email,
            self.advice_x.text,
            self.note_x.text,
            self.volunteer_x.email,
            self.coordinator_x.email,
            self.invitation_x.email,
        ]

    @property
    def secrets_of_a(self) -> list[str]:
        """What X loses with A's consent."""
        return [
            self.a.marker,
            self.a.user.email,
            self.advice_x.text,
            self.note_x.text,
            WRITTEN_BEFORE_REVOCATION,
        ]

    @property
    def secrets_of_y(self) -> list[str]:
        return [
            B_MARKER,
            self.dossier_y.owner.email,
            ADVICE_Y,
            NOTE_Y,
            self.volunteer_y.email,
            self.coordinator_y.email,
        ]

    @property
    def secrets_of_nobody(self) -> list[str]:
        """The unshared dossier: no member of any association sees it."""
        return [UNSHARED, self.unshared.owner.email]

    def forbidden_for(self, role: str) -> list[str]:
        """Strings that must never appear in a response to ``role``."""
        if role in ("volunteer_x", "coordinator_x"):
            return self.secrets_of_y + self.secrets_of_nobody
        if role in ("volunteer_y", "coordinator_y"):
            return self.secrets_of_x + self.secrets_of_nobody
        if role == "debtor":  # A, who is no staff member
            return [
                *self.secrets_of_y,
                *self.secrets_of_nobody,
                self.note_x.text,
                self.volunteer_x.email,
                self.coordinator_x.email,
            ]
        return self.secrets_of_x + self.secrets_of_y + self.secrets_of_nobody

    def user(self, role: str) -> User | None:
        if role == "anonymous":
            return None
        if role == "debtor":
            return self.a.user
        return getattr(self, role)  # type: ignore[no-any-return]


ADVICE_X = "Conseil de X : ne payez pas ADVX-31d"
NOTE_X = "Note interne de X NOTX-77a"
ADVICE_Y = "Conseil de Y ADVY-c02"
NOTE_Y = "Note interne de Y NOTY-4b9"
UNSHARED = "CAROL-UNSHARED-e83f"
B_MARKER = "BOB-ADMIN-a4c7"
WRITTEN_BEFORE_REVOCATION = "Ecrit avant le retrait REVX-9d0"


def member(email: str, association: Association, role: str) -> User:
    user = factories.user(email, first_name=email.split("@")[0], last_name="Membre")
    association_services.membership_add(user=user, association=association, role=role)
    return user


def note(
    model: type[Advice] | type[InternalNote], dossier: Dossier, author: User, text: str
) -> Advice | InternalNote:
    row = model(dossier=dossier, text=text)
    association_services.note_save(note=row, author=author)
    return row


def marked_dossier(email: str, marker: str) -> Dossier:
    """A debtor and her dossier, the marker in every searchable field."""
    owner = factories.user(email, first_name=marker, last_name="Secret")
    return factories.dossier(
        owner=owner,
        title=marker,
        agency_name=f"Agence {marker}",
        agency_reference=marker,
    )


def axes_rows(*emails: str) -> list[Model]:
    rows: list[Model] = []
    for email in emails:
        common = {
            "username": email,
            "ip_address": "192.0.2.1",
            "user_agent": "matrix",
            "http_accept": "*/*",
            "path_info": "/connexion/",
        }
        rows.append(
            AccessAttempt.objects.create(
                **common, get_data="", post_data=email, failures_since_start=1
            )
        )
        rows.append(AccessFailureLog.objects.create(**common, locked_out=False))
        rows.append(AxesAccessLog.objects.create(**common))
    return rows


def admin_world() -> AdminWorld:
    x = Association.objects.create(name="Asso X matrice", city="Lyon")
    y = Association.objects.create(name="Asso Y matrice", city="Lille")
    a = objects.world(
        "alice.admin@example.org", marker="ALICE-ADMIN-5e1d", association=x
    )
    volunteer_x = member("vol.x.matrix@example.org", x, Membership.Role.VOLUNTEER)
    coordinator_x = member("coord.x.matrix@example.org", x, Membership.Role.COORDINATOR)
    volunteer_y = member("vol.y.matrix@example.org", y, Membership.Role.VOLUNTEER)
    coordinator_y = member("coord.y.matrix@example.org", y, Membership.Role.COORDINATOR)
    superuser = User.objects.create_superuser("root.matrix@example.org", "x" * 16)
    Dossier.objects.filter(pk=a.dossier.pk).update(  # for the filters and search
        agency_name=f"Agence {a.marker}", agency_reference=a.marker
    )
    dossier_y = marked_dossier("bob.admin@example.org", B_MARKER)
    association_services.share_create(dossier=dossier_y, association=y)
    advice_x = note(Advice, a.dossier, volunteer_x, ADVICE_X)
    note_x = note(InternalNote, a.dossier, volunteer_x, NOTE_X)
    note(Advice, dossier_y, volunteer_y, ADVICE_Y)
    note(InternalNote, dossier_y, volunteer_y, NOTE_Y)
    unshared = marked_dossier("carol.admin@example.org", UNSHARED)
    invitation_x, _ = association_services.invitation_create(
        association=x,
        email="invitee.x.matrix@example.org",
        role=Membership.Role.VOLUNTEER,
        created_by=coordinator_x,
        base_url="http://testserver",
    )
    return AdminWorld(
        a=a,
        dossier_y=dossier_y,
        x=x,
        y=y,
        volunteer_x=volunteer_x,
        coordinator_x=coordinator_x,
        volunteer_y=volunteer_y,
        coordinator_y=coordinator_y,
        superuser=superuser,
        review_x=Review.objects.get(dossier=a.dossier, association=x),
        advice_x=advice_x,
        note_x=note_x,
        membership_x=Membership.objects.get(user=volunteer_x, association=x),
        access_log_x=association_services.access_log_record(
            user=volunteer_x, dossier=a.dossier, path="/admin/"
        ),
        invitation_x=invitation_x,
        unshared=unshared,
        agency=Agency.objects.create(
            name="Recouvrement Matrice", address="1 rue du Test\n69001 Lyon"
        ),
        mediator=Mediator.objects.create(
            name="Médiateur Matrice", sector="telecom", address="75001 Paris"
        ),
        axes_rows=axes_rows(a.user.email, dossier_y.owner.email, unshared.owner.email),
    )


TARGETS: dict[str, Callable[[AdminWorld], list[Model]]] = {
    "dossiers.dossier": lambda w: [w.a.dossier],
    "associations.association": lambda w: [w.x],
    "associations.membership": lambda w: [w.membership_x],
    "associations.accesslog": lambda w: [w.access_log_x],
    "associations.invitation": lambda w: [w.invitation_x],
    "accounts.user": lambda w: [w.a.user, w.volunteer_x],
    "auth.group": lambda w: [Group.objects.get(name=roles.VOLUNTEERS)],
    "axes.accessattempt": lambda w: [w.axes_rows[0]],
    "axes.accessfailurelog": lambda w: [w.axes_rows[1]],
    "axes.accesslog": lambda w: [w.axes_rows[2]],
    "dossiers.agency": lambda w: [w.agency],
    "dossiers.mediator": lambda w: [w.mediator],
}
"""X's objects (or A's) of each model that has a ModelAdmin. A new ModelAdmin
needs a line here (the meta-test says so)."""


# -- classification ------------------------------------------------------------


def routes() -> list[AdminRoute]:
    return admin_routes()


def standard_view(route: AdminRoute) -> str | None:
    """``changelist``, ``add``... for a ModelAdmin's standard URL, else None."""
    if route.model is None:
        return None
    opts = route.model._meta
    if route.route == f"admin/{opts.app_label}/{opts.model_name}/<path:object_id>/":
        return "redirect"  # Django's old change URL, a RedirectView
    prefix = f"admin:{opts.app_label}_{opts.model_name}_"
    if route.name.startswith(prefix) and route.name[len(prefix) :] in STANDARD_VIEWS:
        return route.name[len(prefix) :]
    return None


def kind(route: AdminRoute) -> str | None:
    if route.model is None:
        return SITE_URLS.get(route.name)
    view = standard_view(route)
    if view == "redirect":
        return OBJECT
    if view is not None:
        return STANDARD_VIEWS[view]
    return CUSTOM_URLS.get(route.name)


def unclassified() -> list[str]:
    problems = []
    for route in routes():
        if kind(route) is None:
            problems.append(f"{route.name} ({route.route}): not classified")
        unknown = set(route.params) - KNOWN_PARAMS
        if unknown:
            problems.append(f"{route.name}: no filler for {sorted(unknown)}")
        if kind(route) == OBJECT and route.model and route.label not in TARGETS:
            problems.append(f"{route.name}: no object of X for {route.label}")
    for model in admin.site._registry:
        if model._meta.label_lower not in TARGETS:
            problems.append(f"{model._meta.label_lower}: registered, not in TARGETS")
    return problems


def stale() -> list[str]:
    names = {route.name for route in routes()}
    registered = {model._meta.label_lower for model in admin.site._registry}
    return sorted(
        (set(SITE_URLS) | set(CUSTOM_URLS)) - names
        | {f"TARGETS[{label}]" for label in set(TARGETS) - registered}
    )


DIRECTORIES = frozenset({"dossiers.agency", "dossiers.mediator"})
"""The operator's directories: only Django's model permissions open them, and
no association's group has one (``associations/roles.py``)."""

DIRECTORY_OUTCOMES: dict[str, tuple[int, int]] = {
    # view: (superuser's GET, any association member's GET and POST)
    "changelist": (200, 403),
    "add": (200, 403),
    "change": (200, 403),
    "delete": (200, 403),
    "history": (200, 403),
    "redirect": (302, 302),  # Django's RedirectView to « change », which is 403
}
"""Every directory URL × role: the operator works there, members never do."""


def directory_outcome(route: AdminRoute, role: str) -> int:
    view = standard_view(route)
    assert view is not None, route.name  # no custom URL on the directories
    operator, member = DIRECTORY_OUTCOMES[view]
    return operator if role == "superuser" else member


def object_routes() -> list[AdminRoute]:
    return [r for r in routes() if kind(r) == OBJECT]


def page_routes() -> list[AdminRoute]:
    return [r for r in routes() if kind(r) == PAGE]


def by_name() -> dict[str, AdminRoute]:
    return {route.name: route for route in routes()}


# -- concrete requests ---------------------------------------------------------


def autocomplete_sources() -> dict[tuple[Any, ...], tuple[str, str]]:
    """One (searched model, query) per (searchable admin, to-field,
    limit_choices_to) reachable through a relation of any model: every search
    the autocomplete view can run."""
    seen: dict[tuple[Any, ...], tuple[str, str]] = {}
    for model in apps.get_models(include_auto_created=True):
        for relation in model._meta.get_fields():
            if isinstance(relation, ForeignObjectRel) or not relation.is_relation:
                continue
            remote = relation.related_model
            model_admin = admin.site._registry.get(remote)
            if model_admin is None or not model_admin.search_fields:
                continue
            to_field = getattr(relation.remote_field, "field_name", None)
            key = (remote, to_field, repr(relation.get_limit_choices_to()))
            query = (
                f"app_label={model._meta.app_label}"
                f"&model_name={model._meta.model_name}&field_name={relation.name}"
            )
            seen.setdefault(key, (remote._meta.label_lower, query))
    return seen


def autocomplete_queries() -> list[str]:
    return sorted(query for _, query in autocomplete_sources().values())


def search_terms(w: AdminWorld) -> list[str]:
    """What to search for: the start of each marker, so that the page's echo
    of the term never contains a whole marker, but a matching row would."""
    return ["", w.a.marker[:-2], B_MARKER[:-2], UNSHARED[:-2]]


def search_queries(w: AdminWorld) -> list[str]:
    return [f"?q={term}" for term in search_terms(w)]


def lookup_queries(name: str, w: AdminWorld) -> list[str]:
    """Searches and hand-written lookups (local fields may be filtered on by
    URL, relations only as the ModelAdmin's filters allow: else 400)."""
    queries = search_queries(w)
    if name == "admin:dossiers_dossier_changelist":
        for term in search_terms(w)[1:4]:
            queries += [f"?title__startswith={term}", f"?agency_name__contains={term}"]
        queries += [  # relations outside the filters: 400
            f"?owner__first_name__startswith={w.a.marker[:-2]}",
            f"?shares__association={w.x.pk}",
        ]
    return queries


def requests_for(route: AdminRoute, w: AdminWorld) -> list[str]:
    """Every concrete path (with query string) the matrix asks for ``route``."""
    if route.name == "admin:view_on_site":
        return [
            route.url(
                content_type_id=ContentType.objects.get_for_model(obj).pk,
                object_id=obj.pk,
            )
            for fill in TARGETS.values()
            for obj in fill(w)
        ]
    if route.name == "admin:app_list":
        labels = {model._meta.app_label for model in admin.site._registry}
        return [route.url(app_label=label) for label in sorted(labels)]
    if route.name == "admin:autocomplete":
        return [
            f"{route.url()}?{query}&term={term}"
            for query in autocomplete_queries()
            for term in search_terms(w)
        ]
    if "url" in route.params:  # the catch-all: an old-style change URL, no slash
        return [
            route.url(url=f"dossiers/dossier/{w.a.dossier.pk}/change"),
            route.url(url="nexiste/pas/"),
        ]
    if {"kind", "number"} <= set(route.params):  # A's letter, and no such version
        letter = {"object_id": w.a.dossier.pk, "kind": w.a.letter.kind}
        return [
            route.url(**letter, number=w.a.version.number),
            route.url(**letter, number=987654),
        ]
    if kind(route) == OBJECT:
        (param,) = set(route.params) & {"object_id", "id"}
        return [route.url(**{param: obj.pk}) for obj in TARGETS[route.label](w)]
    if standard_view(route) == "changelist":
        base = route.url()
        queries = ["", "?_facets=1", *search_queries(w)[1:4]]  # the markers
        return [base + query for query in queries]
    return [route.url()]


def allowed_redirects(route: AdminRoute, w: AdminWorld) -> set[str]:
    """Where a locked-out staff member may be redirected: nowhere with data."""
    allowed = {reverse("admin:index")}
    if route.model is not None:
        opts = route.model._meta
        allowed.add(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        if standard_view(route) == "redirect":  # → the same object's change URL
            allowed |= {
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[o.pk])
                for o in TARGETS[route.label](w)
            }
    return allowed


# -- hostile payloads: what would succeed for the right person -----------------


def dossier_change_payload(w: AdminWorld) -> dict[str, Any]:
    """X's volunteer closes X's review, rewrites and adds advice and notes."""
    dossier = w.a.dossier.pk
    data: dict[str, Any] = {
        "reviews-TOTAL_FORMS": "1",
        "reviews-INITIAL_FORMS": "1",
        "reviews-0-id": w.review_x.pk,
        "reviews-0-dossier": dossier,
        "reviews-0-status": Review.Status.CLOSED,
        "reviews-0-assigned_to": w.volunteer_x.pk,
    }
    for prefix, row in (("advice", w.advice_x), ("internal_notes", w.note_x)):
        data |= {
            f"{prefix}-TOTAL_FORMS": "2",
            f"{prefix}-INITIAL_FORMS": "1",
            f"{prefix}-0-id": row.pk,
            f"{prefix}-0-dossier": dossier,
            f"{prefix}-0-text": PWNED,
            f"{prefix}-1-dossier": dossier,
            f"{prefix}-1-text": PWNED,
        }
    return data


def user_change_payload(w: AdminWorld) -> dict[str, Any]:
    """Make A a superuser (what only a superuser may do)."""
    user = w.a.user
    return {
        "email": user.email,
        "first_name": PWNED,
        "last_name": user.last_name,
        "phone": "",
        "address": "",
        "postal_code": "",
        "city": "",
        "is_active": "on",
        "is_staff": "on",
        "is_superuser": "on",
        "date_joined_0": "2026-01-02",
        "date_joined_1": "10:00:00",
    }


def directory_payload() -> dict[str, Any]:
    """A directory entry whose letters would go to the attacker's address."""
    return {
        "name": PWNED,
        "address": f"{PWNED}\n13000 Marseille",
        "website": "https://pwned.example.org",
        "notes": PWNED,
    }


def all_permissions() -> list[int]:
    return list(Permission.objects.values_list("pk", flat=True))


ADD_PAYLOADS: dict[str, Callable[[AdminWorld], dict[str, Any]]] = {
    "associations.invitation": lambda w: {
        "email": "pwned.invite@example.org",
        "association": w.x.pk,
        "role": Membership.Role.COORDINATOR,
    },
    "associations.membership": lambda w: {
        "email": w.volunteer_y.email,
        "association": w.x.pk,
        "role": Membership.Role.COORDINATOR,
    },
    "associations.association": lambda w: {"name": PWNED, "city": "Nulle part"},
    "accounts.user": lambda w: {
        "email": "pwned.new@example.org",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "usable_password": "true",
    },
    "auth.group": lambda w: {"name": PWNED, "permissions": all_permissions()},
    "dossiers.agency": lambda w: directory_payload(),
    "dossiers.mediator": lambda w: {**directory_payload(), "sector": "bank"},
}
"""``add/`` payloads naming X's objects."""

CHANGE_PAYLOADS: dict[str, Callable[[AdminWorld], dict[str, Any]]] = {
    "dossiers.dossier": dossier_change_payload,
    "associations.association": lambda w: {
        "name": PWNED,
        "city": "Lyon",
        "contact_email": "pwned@example.org",
        "description": PWNED,
    },
    "associations.membership": lambda w: {"role": Membership.Role.COORDINATOR},
    "associations.invitation": lambda w: {
        "email": "pwned@example.org",
        "association": w.x.pk,
        "role": Membership.Role.COORDINATOR,
    },
    "accounts.user": user_change_payload,
    "auth.group": lambda w: {"name": PWNED, "permissions": all_permissions()},
    "dossiers.agency": lambda w: directory_payload(),
    "dossiers.mediator": lambda w: {**directory_payload(), "sector": "bank"},
}

CHANGELIST_ACTIONS = {"dossiers.dossier": "mark_closed"}
"""The action posted on each changelist (default: delete_selected)."""


def hostile_post(route: AdminRoute, w: AdminWorld) -> dict[str, Any]:
    """What the right person would post to succeed; an attacker posts the same."""
    view = standard_view(route)
    label = route.label
    if view == "changelist" and label:
        return {
            "action": CHANGELIST_ACTIONS.get(label, "delete_selected"),
            "_selected_action": [obj.pk for obj in TARGETS[label](w)],
            "index": "0",
            "post": "yes",
        }
    if view == "add" and label in ADD_PAYLOADS:
        return ADD_PAYLOADS[label](w)
    if view == "change" and label in CHANGE_PAYLOADS:
        return CHANGE_PAYLOADS[label](w)
    if view == "delete":
        return {"post": "yes"}
    if route.name == "admin:auth_user_password_change":
        return {
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "usable_password": "true",
        }
    if route.name == "admin:password_change":
        return {"old_password": "", "new_password1": "", "new_password2": ""}
    return {}


def _gone(model: type[Model], pk: Any) -> bool:
    return not model.objects.filter(pk=pk).exists()


def _named(model: type[Agency] | type[Mediator], name: str) -> bool:
    return model.objects.filter(name=name).exists()


def _directory(w: AdminWorld, model: type[Model]) -> Model:
    return w.agency if model is Agency else w.mediator


CONTROLS: list[tuple[str, str, Callable[[AdminWorld], bool]]] = [
    (
        "admin:dossiers_dossier_change",
        "volunteer_x",
        lambda w: (
            Review.objects.get(pk=w.review_x.pk).status == Review.Status.CLOSED
            and Advice.objects.filter(dossier=w.a.dossier, text=PWNED).count() == 2
            and InternalNote.objects.filter(dossier=w.a.dossier, text=PWNED).count()
            == 2
        ),
    ),
    (
        "admin:dossiers_dossier_changelist",
        "volunteer_x",
        lambda w: Review.objects.get(pk=w.review_x.pk).status == Review.Status.CLOSED,
    ),
    (
        "admin:associations_association_change",
        "coordinator_x",
        lambda w: Association.objects.get(pk=w.x.pk).name == PWNED,
    ),
    (
        "admin:associations_association_add",
        "superuser",
        lambda w: Association.objects.filter(name=PWNED).exists(),
    ),
    (
        "admin:associations_association_delete",
        "superuser",
        lambda w: _gone(Association, w.x.pk),
    ),
    (
        "admin:associations_membership_change",
        "coordinator_x",
        lambda w: (
            Membership.objects.get(pk=w.membership_x.pk).role
            == Membership.Role.COORDINATOR
        ),
    ),
    (
        "admin:associations_membership_add",
        "superuser",
        lambda w: Membership.objects.filter(
            user=w.volunteer_y, association=w.x
        ).exists(),
    ),
    (
        "admin:associations_membership_delete",
        "coordinator_x",
        lambda w: _gone(Membership, w.membership_x.pk),
    ),
    (
        "admin:associations_membership_changelist",
        "coordinator_x",
        lambda w: _gone(Membership, w.membership_x.pk),
    ),
    (
        "admin:associations_invitation_add",
        "coordinator_x",
        lambda w: Invitation.objects.filter(
            email="pwned.invite@example.org", association=w.x
        ).exists(),
    ),
    (
        "admin:associations_invitation_delete",
        "coordinator_x",
        lambda w: _gone(Invitation, w.invitation_x.pk),
    ),
    (
        "admin:associations_invitation_changelist",
        "coordinator_x",
        lambda w: _gone(Invitation, w.invitation_x.pk),
    ),
    (
        "admin:accounts_user_change",
        "superuser",
        lambda w: User.objects.get(pk=w.a.user.pk).is_superuser,
    ),
    (
        "admin:auth_user_password_change",
        "superuser",
        lambda w: User.objects.get(pk=w.a.user.pk).check_password(NEW_PASSWORD),
    ),
    (
        "admin:accounts_user_add",
        "superuser",
        lambda w: User.objects.filter(email="pwned.new@example.org").exists(),
    ),
    (
        "admin:auth_group_change",
        "superuser",
        lambda w: Group.objects.filter(name=PWNED).exists(),
    ),
    (
        "admin:auth_group_add",
        "superuser",
        lambda w: Group.objects.filter(name=PWNED).exists(),
    ),
    (
        "admin:auth_group_delete",
        "superuser",
        lambda w: not Group.objects.filter(name=roles.VOLUNTEERS).exists(),
    ),
    (
        "admin:auth_group_changelist",
        "superuser",
        lambda w: not Group.objects.filter(name=roles.VOLUNTEERS).exists(),
    ),
    (
        "admin:associations_association_changelist",
        "superuser",
        lambda w: _gone(Association, w.x.pk),
    ),
    *(
        (f"admin:dossiers_{model._meta.model_name}_{view}", "superuser", check)
        for model in (Agency, Mediator)
        for view, check in (
            ("add", lambda w, model=model: _named(model, PWNED)),
            ("change", lambda w, model=model: _named(model, PWNED)),
            ("delete", lambda w, model=model: _gone(model, _directory(w, model).pk)),
            (
                "changelist",
                lambda w, model=model: _gone(model, _directory(w, model).pk),
            ),
        )
    ),
    *(
        (f"admin:axes_{model._meta.model_name}_{view}", "superuser", check)
        for index, model in enumerate((AccessAttempt, AccessFailureLog, AxesAccessLog))
        for view in ("delete", "changelist")
        for check in [
            lambda w, model=model, index=index: _gone(model, w.axes_rows[index].pk)
        ]
    ),
]
"""Proof that the hostile payloads are real: each succeeds for its rightful
user (so a "nothing changed" for the attacker means something)."""


NOBODY_MAY: frozenset[str] = frozenset(
    {
        "admin:associations_accesslog_changelist",  # the log is append-only
        "admin:associations_accesslog_delete",
        # These cascade to A's access log, which nobody deletes: Django then
        # refuses the whole deletion (403), even to a superuser.
        "admin:dossiers_dossier_delete",
        "admin:accounts_user_delete",
        "admin:accounts_user_changelist",
        "admin:associations_invitation_change",  # sent, never edited
        "admin:password_change",  # the requester's own password (empty form)
    }
)
"""Routes that get a payload nobody may use (so no control proves it)."""


# -- the database, before and after -------------------------------------------

IGNORED_MODELS = frozenset({"sessions.session"})
IGNORED_FIELDS = frozenset({"logout_time"})  # axes' bookkeeping of a logout


def snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every row of every table (but sessions): nothing may change. One plain
    SELECT per table, without the ORM: the matrix takes one before and one
    after every test (about 700 in all)."""
    state = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            opts = model._meta
            if opts.label_lower in IGNORED_MODELS:
                continue
            table = connection.ops.quote_name(opts.db_table)
            pk = connection.ops.quote_name(opts.pk.column)
            cursor.execute(f"SELECT * FROM {table} ORDER BY {pk}")
            columns = [c[0] for c in cursor.description]
            state[opts.label_lower] = [
                {
                    k: v
                    for k, v in zip(columns, row, strict=True)
                    if k not in IGNORED_FIELDS
                }
                for row in cursor.fetchall()
            ]
    return state


def worked_on(w: AdminWorld, text: str) -> None:
    """What X's volunteer leaves behind on A's dossier through the change page
    (``test_recent_actions_are_for_superusers_only`` goes through it)."""
    note(Advice, w.a.dossier, w.volunteer_x, text)
    association_services.access_log_record(
        user=w.volunteer_x, dossier=w.a.dossier, path="/admin/"
    )
    LogEntry.objects.log_actions(
        user_id=w.volunteer_x.pk,
        queryset=[w.a.dossier],
        action_flag=CHANGE,
        change_message=[{"added": {"name": "conseil", "object": text}}],
        single_object=True,
    )


def revoke_x(w: AdminWorld) -> None:
    association_services.share_revoke(share=w.a.share)
