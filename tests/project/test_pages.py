import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/", "/mentions-legales/", "/connexion/", "/compte/inscription/"]
)
def test_public_pages_are_open_to_anonymous_visitors(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert 'lang="fr"' in response.content.decode()


def test_landing_says_what_it_does_and_does_not_do(client: Client) -> None:
    body = client.get("/").content.decode()
    assert "Ce que fait l'assistant" in body
    assert "Ce qu'il ne fait pas" in body
    assert "conseil juridique" in body


def test_dossiers_send_anonymous_visitor_to_login(client: Client) -> None:
    response = client.get("/dossiers/")
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/?next=/dossiers/")


@pytest.mark.parametrize("url", ["/nimporte-quoi/", "/dossiers/999999999999999999999/"])
def test_unknown_urls_give_the_project_404(debtor_client: Client, url: str) -> None:
    response = debtor_client.get(url)
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_security_headers_are_sent(client: Client) -> None:
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp


def test_healthz(client: Client) -> None:
    assert client.get("/healthz").content == b"ok"


def test_pages_write_the_first_of_the_month_as_the_letters_do() -> None:
    import datetime as dt

    from django.template import engines

    template = engines["django"].from_string("{{ day|longdate }}|{{ none|longdate }}")
    assert template.render({"day": dt.date(2027, 1, 1), "none": None}) == (
        "1er janvier 2027|"
    )
    late = dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.UTC)
    assert template.render({"day": late}) == "1er décembre 2026|"  # Paris time
