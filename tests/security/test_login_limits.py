"""Login limits beyond the e-mail+IP pair (issue 20 item 1).

Spraying (many accounts, one IP) locks the IP; distributed guessing (one
account, many IPs) slows the account to one try a minute, except in a browser
that has already logged into it; tries refused meanwhile do not count.
"""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.test import Client

from accounts.lockout import KNOWN_DEVICE_COOKIE
from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/connexion/"


def attempt(client: Client, email: str, password: str, ip: str):
    return client.post(LOGIN, {"username": email, "password": password}, REMOTE_ADDR=ip)


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def a_minute_passes() -> None:
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.values("attempt_time")[:1][0]["attempt_time"]
        - dt.timedelta(seconds=61)
    )


def test_spraying_many_accounts_from_one_ip_locks_the_ip(settings) -> None:
    """80 wrong passwords over 20 accounts (4 each, under the pair limit)."""
    accounts = [factories.user(f"cible{i}@example.org") for i in range(20)]
    client = Client()
    statuses = [
        attempt(client, user.email, "mauvais-mot-de-passe", "203.0.113.7").status_code
        for _ in range(4)
        for user in accounts
    ]
    assert statuses.count(200) == settings.LOGIN_IP_FAILURE_LIMIT - 1
    assert statuses[settings.LOGIN_IP_FAILURE_LIMIT - 1 :] == [429] * (
        80 - settings.LOGIN_IP_FAILURE_LIMIT + 1
    )
    # Even the right password of an untouched account: the IP is locked.
    fresh = factories.user("intacte@example.org")
    locked = attempt(Client(), fresh.email, PASSWORD, "203.0.113.7")
    assert locked.status_code == 429
    assert "depuis cette connexion internet" in locked.content.decode()
    # Another IP is not concerned.
    other = Client()
    assert attempt(other, fresh.email, PASSWORD, "198.51.100.2").status_code == 302


def test_distributed_guessing_on_one_account_slows_it(settings) -> None:
    """40 guesses on one account from 10 IPs (4 each, under the pair limit)."""
    sophie = factories.user("sophie.cible@example.org")
    ips = [f"192.0.2.{i}" for i in range(1, 11)]
    statuses = [
        attempt(Client(), sophie.email, "devine-le", ip).status_code
        for _ in range(4)
        for ip in ips
    ]
    limit = settings.LOGIN_ACCOUNT_FAILURE_LIMIT
    assert statuses[:limit] == [200] * limit
    assert set(statuses[limit:]) == {429}
    counted = sum(AccessAttempt.objects.values_list("failures_since_start", flat=True))
    assert counted == limit  # refused tries are not counted
    # A new browser with the right password must wait...
    newcomer = Client()
    slowed = attempt(newcomer, sophie.email, PASSWORD, "198.51.100.9")
    assert slowed.status_code == 429
    assert "un essai par minute" in slowed.content.decode()
    assert not logged_in(newcomer)
    # ... a minute, no more: the account is slowed, never locked.
    a_minute_passes()
    assert attempt(newcomer, sophie.email, PASSWORD, "198.51.100.9").status_code == 302
    assert logged_in(newcomer)


def test_a_known_device_escapes_the_slowdown(settings) -> None:
    sophie = factories.user("sophie.cible@example.org")
    phone = Client()
    assert attempt(phone, sophie.email, PASSWORD, "198.51.100.20").status_code == 302
    assert KNOWN_DEVICE_COOKIE in phone.cookies
    phone.post("/deconnexion/")
    for i in range(settings.LOGIN_ACCOUNT_FAILURE_LIMIT + 3):
        attempt(Client(), sophie.email, "devine-le", f"192.0.2.{i + 1}")
    assert attempt(Client(), sophie.email, PASSWORD, "198.51.100.21").status_code == 429
    assert attempt(phone, sophie.email, PASSWORD, "198.51.100.20").status_code == 302
    assert logged_in(phone)


def test_a_known_device_cookie_of_another_account_does_not_help(settings) -> None:
    sophie = factories.user("sophie.cible@example.org")
    mallory = factories.user("mallory@example.org")
    browser = Client()
    attempt(browser, mallory.email, PASSWORD, "198.51.100.30")
    browser.post("/deconnexion/")
    for i in range(settings.LOGIN_ACCOUNT_FAILURE_LIMIT):
        attempt(Client(), sophie.email, "devine-le", f"192.0.2.{i + 1}")
    assert attempt(browser, sophie.email, PASSWORD, "198.51.100.30").status_code == 429


def test_forged_known_device_cookie_is_ignored(settings) -> None:
    sophie = factories.user("sophie.cible@example.org")
    for i in range(settings.LOGIN_ACCOUNT_FAILURE_LIMIT):
        attempt(Client(), sophie.email, "devine-le", f"192.0.2.{i + 1}")
    forger = Client()
    forger.cookies[KNOWN_DEVICE_COOKIE] = "x" * 40
    assert attempt(forger, sophie.email, PASSWORD, "198.51.100.40").status_code == 429


def test_admin_login_shares_the_ip_limit(settings) -> None:
    accounts = [factories.user(f"cible{i}@example.org") for i in range(5)]
    client = Client()
    for _ in range(4):
        for user in accounts:
            client.post(
                "/admin/login/",
                {"username": user.email, "password": "faux"},
                REMOTE_ADDR="203.0.113.8",
            )
    response = attempt(Client(), "autre@example.org", "x", "203.0.113.8")
    assert response.status_code == 429
