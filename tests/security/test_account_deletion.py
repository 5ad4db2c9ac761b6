"""Deleting an account leaves no row that names the person or her debt
(issue 20 item 3).

The world: A's dossier shared with association X, with X's review, advice and
internal note written through the real admin form (so the admin log quotes
them), X's volunteer's openings in the access log, A's failed logins, a
reminder sent, a throttled password reset and an invitation to A's address.
A deletes her account; then every row of every table is read back.
"""

import datetime as dt
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse

from accounts import throttle
from associations import services as association_services
from associations.models import AccessLog, Advice, InternalNote, Invitation, Membership
from dossiers.models import ReminderSent
from tests.factories import PASSWORD, logged_in
from tests.security import admin_objects
from tests.security.admin_objects import PWNED, AdminWorld, note

pytestmark = pytest.mark.django_db

ADVICE = "Conseil : envoyez la lettre ADV-KEEP-4f2"
NOTE = "Note interne : dossier fragile NOTE-KEEP-8c1"

HOW_EACH_MODEL_IS_HANDLED = {
    "admin.logentry": "entries about any deleted row deleted; her own (as an actor) cascade",
    "auth.permission": "no personal data",
    "auth.group": "no personal data",
    "auth.group_permissions": "no personal data",
    "contenttypes.contenttype": "no personal data",
    "sessions.session": "deleted by the view on every device (_end_other_sessions)",
    "axes.accessattempt": "deleted by e-mail (accounts.deletion)",
    "axes.accessattemptexpiration": "cascade from axes.accessattempt",
    "axes.accessfailurelog": "deleted by e-mail (accounts.deletion)",
    "axes.accesslog": "deleted by e-mail (accounts.deletion)",
    "accounts.user": "deleted",
    "accounts.user_groups": "cascade (user)",
    "accounts.user_user_permissions": "cascade (user)",
    "accounts.ratelimithit": "deleted by the digest of her e-mail (throttle.forget)",
    "dossiers.agency": "no personal data (the operator's directory)",
    "dossiers.mediator": "no personal data (the operator's directory)",
    "reading.readingjob": "cascade (dossier)",
    "reading.readingjob_uploads": "cascade (job, upload)",
    "reading.readtext": "cascade (upload, job): the text read is hers",
    "django_tasks_database.dbtaskresult": "no personal data: a job id, no text "
    "(reading.tasks returns nothing)",
    "dossiers.dossier": "cascade (owner)",
    "dossiers.upload": "cascade (dossier), files deleted on commit",
    "dossiers.timelineevent": "cascade (dossier)",
    "dossiers.calendartoken": "cascade (user)",
    "dossiers.remindersent": "cascade (user, dossier)",
    "letters.letter": "cascade (dossier)",
    "letters.letterversion": "cascade (letter), files deleted on commit",
    "associations.association": "no personal data (the association's own)",
    "associations.membership": "cascade (user)",
    "associations.share": "cascade (dossier)",
    "associations.review": "cascade (dossier); assigned_to set null",
    "associations.advice": "cascade (dossier); author set null",
    "associations.internalnote": "cascade (dossier); author set null",
    "associations.invitation": "invitations to her address deleted (accounts.deletion)",
    "associations.accesslog": "cascade (dossier); as a viewer, her e-mail erased",
    "intrum_assistant.submitreceipt": "cascade (user); a digest and a URL, gone in a day",
}
"""Every model, including many-to-many tables: a new one fails the meta-test
until it says how an account deletion handles it."""


def every_label() -> set[str]:
    return {m._meta.label_lower for m in apps.get_models(include_auto_created=True)}


def test_every_model_says_how_a_deletion_handles_it() -> None:
    assert every_label() - set(HOW_EACH_MODEL_IS_HANDLED) == set(), "add it above"
    assert set(HOW_EACH_MODEL_IS_HANDLED) - every_label() == set(), "stale entry"


def every_value() -> str:
    """Every field of every row of every table, as one text."""
    values: list[str] = []
    for model in apps.get_models(include_auto_created=True):
        for row in model.objects.values():
            values += [str(v) for v in row.values()]
    return "\n".join(values)


def fail_logins(email: str, times: int) -> None:
    for _ in range(times):
        Client().post(
            "/connexion/",
            {"username": email.upper(), "password": "faux"},
            REMOTE_ADDR="192.0.2.44",
        )


def volunteer_works_on_it(w: AdminWorld) -> None:
    """X's volunteer opens the dossier and saves advice through the admin."""
    client = logged_in(w.volunteer_x)
    path = reverse("admin:dossiers_dossier_change", args=[w.a.dossier.pk])
    assert client.get(path).status_code == 200  # an access-log line
    response = client.post(path, admin_objects.dossier_change_payload(w))
    assert response.status_code == 302, response.content.decode()[-2000:]


@pytest.fixture
def world() -> AdminWorld:
    w = admin_objects.admin_world()
    volunteer_works_on_it(w)
    note(Advice, w.a.dossier, w.volunteer_x, ADVICE)
    note(InternalNote, w.a.dossier, w.volunteer_x, NOTE)
    email = w.a.user.email
    fail_logins(email, 3)
    ReminderSent.objects.create(
        user=w.a.user,
        dossier=w.a.dossier,
        code="limitation",
        due=dt.date(2027, 1, 1),
        window=7,
    )
    Client().post("/compte/mot-de-passe/oublie/", {"email": email})
    association_services.invitation_create(
        association=w.y,
        email=email,
        role=Membership.Role.VOLUNTEER,
        created_by=w.coordinator_y,
        base_url="http://testserver",
    )
    return w


def markers(w: AdminWorld) -> dict[str, Any]:
    user = w.a.user
    return {
        "e-mail": user.email,
        "name, title and agency reference": w.a.marker,
        "advice": ADVICE,
        "internal note": NOTE,
        "advice rewritten through the admin": PWNED,
        "throttle key": throttle.digest(user.email),
    }


def test_the_world_holds_her_data_before(world: AdminWorld) -> None:
    """Control: each marker is somewhere before the deletion."""
    text = every_value()
    assert LogEntry.objects.filter(change_message__contains=PWNED).exists()
    for what, marker in markers(world).items():
        assert marker in text, what


def test_deleting_the_account_leaves_no_row_naming_her(world: AdminWorld) -> None:
    found = markers(world)
    client = logged_in(world.a.user)
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302
    text = every_value()
    left = {what: marker for what, marker in found.items() if marker in text}
    assert left == {}
    dossier_id, email = world.a.dossier.pk, world.a.user.email
    assert not ReminderSent.objects.filter(dossier_id=dossier_id).exists()
    assert not AccessLog.objects.filter(dossier_id=dossier_id).exists()
    assert not LogEntry.objects.filter(
        content_type__model="dossier", object_id=str(dossier_id)
    ).exists()
    assert not AccessAttempt.objects.filter(username__iexact=email).exists()
    assert not Invitation.objects.filter(email__iexact=email).exists()
    # What belongs to others stays: B's dossier, Y's advice, X's access log of B…
    assert Advice.objects.filter(dossier=world.dossier_y).exists()
    assert world.volunteer_x.__class__.objects.filter(pk=world.volunteer_x.pk).exists()


def test_a_volunteer_s_deletion_erases_her_e_mail_from_the_access_log(
    world: AdminWorld,
) -> None:
    volunteer = world.volunteer_x
    assert AccessLog.objects.filter(user_email=volunteer.email).exists()
    client = logged_in(volunteer)
    client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert not AccessLog.objects.filter(user_email__icontains="vol.x").exists()
    # The association keeps the record that its dossier was opened.
    assert AccessLog.objects.filter(dossier=world.a.dossier).exists()
    assert volunteer.email not in every_value()
