"""The deny-by-default fetcher and loud failures."""

import io

import pytest
from pypdf import PdfReader
from weasyprint.urls import URLFetchingError

from letters import rendering
from letters.rendering import BASE_URL, FetchDenied, StaticOnlyFetcher

from .conftest import pdf_text

META = rendering.PdfMeta(title="Test", author="Sophie Martin")


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/x.css",
        "https://example.com/x.css",
        f"{BASE_URL}static/css/app.css",
        f"{BASE_URL}static/letters/../../etc/passwd",
        f"{BASE_URL}etc/passwd",
        "ftp://example.com/x",
    ],
)
def test_fetcher_denies(url: str) -> None:
    with pytest.raises((FetchDenied, ValueError)):
        StaticOnlyFetcher().fetch(url)


def test_fetcher_allows_data_urls() -> None:
    response = StaticOnlyFetcher().fetch("data:text/plain,bonjour")
    assert response.read() == b"bonjour"


@pytest.mark.parametrize("name", rendering.ALLOWED_STATIC)
def test_fetcher_allows_our_css_and_fonts(name: str) -> None:
    response = StaticOnlyFetcher().fetch(f"{BASE_URL}static/{name}")
    assert len(response.read()) > 1000


def test_fetcher_has_no_redirect_handler() -> None:
    from urllib.request import HTTPRedirectHandler

    fetcher = StaticOnlyFetcher()
    assert not any(isinstance(h, HTTPRedirectHandler) for h in fetcher.handlers)


def test_missing_stylesheet_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rendering.finders, "find", lambda name: None)
    html = '<html><head><link rel="stylesheet" href="/static/letters/letter.css">'
    with pytest.raises(rendering.LetterRenderError):
        rendering.render_pdf(html + "</head><body>x</body></html>", meta=META)


def test_missing_font_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    real = rendering.finders.find

    def find(name: str) -> str | None:
        return None if name.endswith("Bold-latin.ttf") else real(name)

    monkeypatch.setattr(rendering.finders, "find", find)
    html = '<html><head><link rel="stylesheet" href="/static/letters/letter.css">'
    with pytest.raises(rendering.LetterRenderError):
        rendering.render_pdf(html + "</head><body>x</body></html>", meta=META)


def test_missing_font_stops_weasyprint_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """Even past the pre-check, WeasyPrint's own fetch of a font is fatal."""
    monkeypatch.setattr(rendering, "check_static_files", lambda: None)
    monkeypatch.setattr(rendering, "font_config", rendering.FontConfiguration)
    real = rendering.finders.find
    monkeypatch.setattr(
        rendering.finders,
        "find",
        lambda name: None if name.endswith(".ttf") else real(name),
    )
    html = '<html><head><link rel="stylesheet" href="/static/letters/letter.css">'
    with pytest.raises(rendering.LetterRenderError):
        rendering.render_pdf(html + "</head><body>x</body></html>", meta=META)


def test_unlisted_resource_in_template_html_stops_rendering() -> None:
    html = '<html><body><img src="file:///etc/hostname"></body></html>'
    with pytest.raises(rendering.LetterRenderError):
        rendering.render_pdf(html, meta=META)


def test_fetch_errors_are_not_swallowed() -> None:
    assert StaticOnlyFetcher()._fail_on_errors is True
    assert not issubclass(rendering.LetterRenderError, URLFetchingError)


def test_rendered_pdf_embeds_no_file() -> None:
    html = (
        '<html><head><link rel="stylesheet" href="/static/letters/letter.css"></head>'
        "<body><p>Bonjour</p></body></html>"
    )
    pdf = rendering.render_pdf(html, meta=META)
    reader = PdfReader(io.BytesIO(pdf))
    assert "/EmbeddedFiles" not in str(reader.trailer["/Root"].get("/Names", {}))
    assert "Bonjour" in pdf_text(pdf)
