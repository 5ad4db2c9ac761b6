import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from dossiers.models import Dossier

pytestmark = pytest.mark.django_db

EMAILS = {
    "sophie@example.org",
    "marc@example.org",
    "benevole@example.org",
    "admin@example.org",
}


def test_seed_demo_is_idempotent(settings, capsys) -> None:
    settings.DEBUG = True
    call_command("seed_demo")
    counts = (User.objects.count(), Dossier.objects.count())
    call_command("seed_demo")
    assert (User.objects.count(), Dossier.objects.count()) == counts
    assert set(User.objects.values_list("email", flat=True)) >= EMAILS
    out = capsys.readouterr().out
    assert "sophie@example.org" in out
    assert settings.DEMO_DEFAULT_PASSWORD in out


def test_seed_demo_uses_demo_password(settings, monkeypatch) -> None:
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_PASSWORD", "mot-de-passe-de-demo")
    call_command("seed_demo")
    for email in EMAILS:
        assert User.objects.get(email=email).check_password("mot-de-passe-de-demo")
    assert User.objects.get(email="admin@example.org").is_superuser


def test_seed_demo_refuses_with_debug_off(settings) -> None:
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo")
    call_command("seed_demo", "--force")
    assert User.objects.filter(email="sophie@example.org").exists()
