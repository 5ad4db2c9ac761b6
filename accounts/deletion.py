"""Account deletion: every row that names the person or her debt goes.

The cascade (``User.delete()``) removes what hangs from the user by a
foreign key: dossiers and all they hold, letters, shares,
reviews, advice and notes on her dossiers, reminders sent, calendar token,
memberships. What the cascade cannot see is handled here, in the same
transaction:

* **admin log** (``LogEntry``): entries about any row the deletion removes
  (the dossier's title in ``object_repr``, a volunteer's advice in
  ``change_message``, her account's own entries) are deleted;
* **login records** (django-axes' attempts, logins and failures) kept under
  her e-mail, and the throttle counters of her address, are deleted;
* **invitations** sent to her address are deleted;
* **the access log** keeps the openings she made as a volunteer (the
  association's record of who read a dossier), with her e-mail erased.

``tests/security/test_account_deletion.py`` lists every model of the project
with how it is handled, so that a new one cannot be forgotten.
"""

from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import Storage
from django.db import models, router, transaction
from django.db.models import Q
from django.db.models.deletion import Collector

from . import throttle
from .emails import normalize_email
from .models import User

AXES_MODELS = ("AccessAttempt", "AccessLog", "AccessFailureLog")


def _optional_model(app_label: str, name: str) -> type[models.Model] | None:
    if not apps.is_installed(app_label):
        return None
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None


def _collected(collector: Collector) -> Iterable[tuple[type[models.Model], list[Any]]]:
    """(model, primary keys) of every row the deletion would remove."""
    for model, rows in collector.data.items():
        yield model, [row.pk for row in rows]
    for queryset in collector.fast_deletes:
        if hasattr(queryset, "model"):
            yield queryset.model, list(queryset.values_list("pk", flat=True))


def _admin_log_of(collector: Collector) -> Q:
    condition = Q(pk__in=[])
    for model, pks in _collected(collector):
        if pks:
            content_type = ContentType.objects.get_for_model(model)
            condition |= Q(
                content_type=content_type, object_id__in=[str(pk) for pk in pks]
            )
    return condition


def _erase_login_records(email: str) -> None:
    for name in AXES_MODELS:
        model = _optional_model("axes", name)
        if model is not None:
            model.objects.filter(username__iexact=email).delete()  # type: ignore[attr-defined]
    throttle.forget(email)


def _erase_association_traces(email: str) -> list[models.Model]:
    """Anonymise her openings as a volunteer; return invitations to her."""
    access_log = _optional_model("associations", "AccessLog")
    if access_log is not None:
        access_log.objects.filter(user_email__iexact=email).update(user_email="")  # type: ignore[attr-defined]
    invitation = _optional_model("associations", "Invitation")
    if invitation is None:
        return []
    return list(invitation.objects.filter(email__iexact=email))  # type: ignore[attr-defined]


def _stored_files(objects: Collector) -> list[tuple[Storage, str]]:
    """Every stored file of the rows a deletion would remove."""
    files: list[tuple[Storage, str]] = []
    batches: list[tuple[type[models.Model], Iterable[Any]]] = list(objects.data.items())
    batches += [(qs.model, qs) for qs in objects.fast_deletes if hasattr(qs, "model")]
    for model, rows in batches:
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                files += [
                    (field.storage, getattr(row, field.attname).name)
                    for row in rows
                    if getattr(row, field.attname)
                ]
    return files


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete the account, everything it owns and every trace of it."""
    email = normalize_email(user.email)
    invitations = _erase_association_traces(email)
    collector = Collector(using=router.db_for_write(type(user)))
    collector.collect([user])
    if invitations:
        collector.collect(invitations)
    LogEntry.objects.filter(_admin_log_of(collector)).delete()
    _erase_login_records(email)
    for invitation in invitations:
        invitation.delete()
    files = _stored_files(collector)
    user.delete()
    # Uploads, generated letters, scans: from the storage once it is committed.
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
