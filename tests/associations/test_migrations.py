"""0003–0005: reviews, advice and notes attributed to an association.

Run forward from 0002 on a database with data (and on an empty one, which the
test database itself is). Also run against PostgreSQL with
``scripts/with-postgres.sh .venv/bin/pytest tests/associations/test_migrations.py``.
"""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("associations", "0002_roles")]


def migrate(target):
    """Migrate associations to ``target``; the models of every app at that point."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    others = [
        key for key in executor.loader.graph.leaf_nodes() if key[0] != "associations"
    ]
    return executor.loader.project_state(others + target).apps


def latest():
    executor = MigrationExecutor(connection)
    return [
        key for key in executor.loader.graph.leaf_nodes() if key[0] == "associations"
    ]


def test_backfill_on_an_existing_database() -> None:
    apps = migrate(BEFORE)
    User = apps.get_model("accounts", "User")
    Dossier = apps.get_model("dossiers", "Dossier")
    Association = apps.get_model("associations", "Association")
    Membership = apps.get_model("associations", "Membership")
    Share = apps.get_model("associations", "Share")
    Review = apps.get_model("associations", "Review")
    Advice = apps.get_model("associations", "Advice")
    InternalNote = apps.get_model("associations", "InternalNote")

    owner = User.objects.create(email="owner@example.org")
    vol_a = User.objects.create(email="a@example.org")
    vol_b = User.objects.create(email="b@example.org")
    loner = User.objects.create(email="loner@example.org")
    a = Association.objects.create(name="A")
    b = Association.objects.create(name="B")
    c = Association.objects.create(name="C")
    Membership.objects.create(user=vol_a, association=a)
    Membership.objects.create(user=vol_b, association=b)
    Membership.objects.create(user=loner, association=c)
    now = dt.datetime(2026, 1, 10, tzinfo=dt.UTC)
    both = Dossier.objects.create(owner=owner, title="both")
    Share.objects.create(dossier=both, association=a, consented_at=now)
    Share.objects.create(dossier=both, association=b, consented_at=now)
    Review.objects.create(dossier=both, status="clos", assigned_to=vol_b)
    Advice.objects.create(dossier=both, author=vol_a, text="de A")
    InternalNote.objects.create(dossier=both, author=vol_b, text="de B")
    InternalNote.objects.create(dossier=both, author=None, text="anonyme")
    lonely = Dossier.objects.create(owner=owner, title="jamais partagé")
    Review.objects.create(dossier=lonely)
    Advice.objects.create(dossier=lonely, author=loner, text="par C")
    InternalNote.objects.create(dossier=lonely, author=None, text="orpheline")

    apps = migrate(latest())
    Review = apps.get_model("associations", "Review")
    Advice = apps.get_model("associations", "Advice")
    InternalNote = apps.get_model("associations", "InternalNote")
    reviews = {
        r.association.name: (r.status, r.assigned_to_id)
        for r in Review.objects.filter(dossier_id=both.pk)
    }
    assert reviews == {"B": ("clos", vol_b.pk), "A": ("nouveau", None)}
    assert not Review.objects.filter(dossier_id=lonely.pk).exists()
    notes = {
        n.text: n.association.name
        for model in (Advice, InternalNote)
        for n in model.objects.all()
    }
    assert notes == {"de A": "A", "de B": "B", "anonyme": "A", "par C": "C"}
    # Non-null now.
    for model in (Review, Advice, InternalNote):
        assert not model._meta.get_field("association").null


def test_forward_on_an_empty_database() -> None:
    migrate(BEFORE)
    apps = migrate(latest())
    assert apps.get_model("associations", "Invitation").objects.count() == 0
