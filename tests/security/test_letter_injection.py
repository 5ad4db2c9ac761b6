"""HTML/CSS injection into every user-controlled field that reaches a PDF.

Each payload goes into every field at once (tagged with the field's name): the
personal paragraph, the wizard's « Le courrier » (agency name, address,
reference, creditor and its address, amount labels), « Mes coordonnées »
(name, address, postal code, town, phone), the profile fallback and timeline
events. For every letter kind (and the chronology PDF when present):

* the PDF shows the payload as plain text (pypdf extraction);
* it embeds no file (no /EmbeddedFiles, no /FileAttachment, no /Launch or
  /JavaScript anywhere in its objects);
* WeasyPrint's fetcher was asked only for ``data:`` URLs and our own static
  files, and no socket was opened (the network is cut for the test).
"""

import datetime as dt
import io
import re
import socket
import urllib.request
from typing import Any

import pikepdf
import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from dossiers import services as dossier_services
from dossiers.assessment import assess_dossier
from dossiers.models import Dossier
from letters import compose, rendering, services
from letters.catalog import LETTERS
from letters.models import Letter
from tests.factories import logged_in
from tests.letters.conftest import answers, fill, pdf_text
from tests.security.objects import World

pytestmark = pytest.mark.django_db

PAYLOADS = {
    "img-file": '<img src="file:///etc/passwd">',
    "link-attachment": '<link rel=attachment href="file:///etc/hostname">',
    "style-import": "<style>@import url(http://127.0.0.1:9/x.css)</style>",
    "inline-style-url": '<div style="background:url(http://127.0.0.1:9/y)">',
    "script": "<script>alert(1)</script>",
}

COURRIER_FIELDS = (
    "agency_name",
    "agency_address",
    "agency_reference",
    "creditor_name",
    "creditor_address",
)
COORD_FIELDS = ("first_name", "last_name", "address", "postal_code", "city", "phone")


def tagged(field: str, payload: str) -> str:
    return f"{field.upper()}:{payload}"


TAG = re.compile(r"\b([A-Z][A-Z_0-9]{2,}):")
TAG_X = re.compile(r"\b([A-Z][A-Z_0-9]{2,}):x")


def squash(text: str) -> str:
    """Without spaces, and without the hyphens WeasyPrint adds where it breaks
    a word at the end of a line (U+2010, then the line break)."""
    return re.sub(r"\s+", "", re.sub("\u2010\\s+", "", text))


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Any connection attempt fails the test (and is recorded)."""
    attempts: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> None:
        attempts.append(repr(args)[:200])
        raise AssertionError(f"network access during rendering: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    return attempts


@pytest.fixture
def fetched(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every URL WeasyPrint asks the letter fetcher for."""
    urls: list[str] = []
    original = rendering.StaticOnlyFetcher.fetch

    def spy(self: rendering.StaticOnlyFetcher, url: str, headers: Any = None) -> Any:
        urls.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(rendering.StaticOnlyFetcher, "fetch", spy)
    # The letter stylesheet is parsed once per process: start from scratch so
    # the spy sees it (and its fonts) fetched like on a fresh worker.
    monkeypatch.setattr(rendering, "_letter_sheet", None)
    return urls


def allowed_url(url: str) -> bool:
    return url.startswith("data:") or url.split("#", 1)[0] in rendering.allowed_files()


def inject(dossier: Dossier, payload: str) -> Dossier:
    data = dossier.answers.to_json()
    courrier = dict(data["courrier"])
    for field in COURRIER_FIELDS:
        courrier[field] = tagged(field, payload)
    data["courrier"] = courrier
    montants = dict(data["montants"])
    montants["lines"] = [
        {**line, "label": tagged(f"line{i}", payload)}
        for i, line in enumerate(montants["lines"])
    ]
    data["montants"] = montants
    data["coordonnees"] = {f: tagged(f, payload) for f in COORD_FIELDS}
    dossier.answers = data
    dossier.agency_name = tagged("agency_name", payload)
    dossier.agency_reference = tagged("agency_reference", payload)[:100]
    dossier.title = tagged("title", payload)
    dossier.save()
    owner = dossier.owner
    for field in ("first_name", "last_name", "address", "city"):
        setattr(owner, field, tagged(f"profile_{field}", payload)[:150])
    owner.save()
    dossier_services.timeline_add(
        dossier=dossier,
        kind="call",
        occurred_on=timezone.localdate(),
        who=tagged("who", payload),
        content=tagged("content", payload),
    )
    # The story goes on: her letter went unanswered, then an injonction came
    # (the mediator's and the opposition's letters become available).
    today = timezone.localdate()
    for kind, days in (("letter_sent", 45), ("injonction", 3)):
        dossier_services.timeline_add(
            dossier=dossier,
            kind=kind,
            occurred_on=today - dt.timedelta(days=days),
            content=tagged(kind, payload),
        )
    return dossier


def letter_options(slug: str, payload: str) -> dict[str, Any]:
    """The typed options of the next-step letters, every text field hostile."""
    today = timezone.localdate()
    texts = {
        "opposition": ("court", "court_address", "applicant", "order_number"),
        "mediateur": ("mediator_name", "mediator_address"),
        "plainte": ("tribunal", "tribunal_address"),
    }
    options: dict[str, Any] = {
        name: tagged(name, payload) for name in texts.get(slug, ())
    }
    dates = {
        "opposition": ("order_date", "signification_date"),
        "mediateur": ("complaint_date",),
    }
    for name in dates.get(slug, ()):
        options[name] = (today - dt.timedelta(days=10)).isoformat()
    if slug == "mediateur":
        options["requests"] = ["cancel_fees", "<script>x</script>"]
    if slug == "reglement":
        options["amount"] = "300"
    if slug == "delais":
        options.update(reason="illness", months=3, monthly="20")
    return options


def dossiers(owner: Any, payload: str) -> list[Dossier]:
    barred = Dossier.objects.create(owner=owner, title="barred")
    payable = Dossier.objects.create(owner=owner, title="payable")
    fill(barred, answers())
    fill(
        payable,
        answers(
            verifications={
                "mentions": [
                    "collector_identity",
                    "creditor_identity",
                    "payment_terms",
                ],
                "documents": [
                    "contract",
                    "invoices",
                    "statement",
                    "payment_history",
                    "mandate_or_deed",
                ],
                "recognises": "yes",
                "warning_signs": [],
                "payment_considered": "yes",
            },
            prescription={
                "nature": "consumer_credit",
                "start": "2026-06-05",
                "events": [],
            },
            situation={
                "monthly_income": "2 000",
                "fixed_charges": "900",
                "other_debt_payments": "0",
                "dependants": "0",
                "surendettement_admissible": "no",
            },
        ),
    )
    return [inject(d, payload) for d in (barred, payable)]


def assert_inert_pdf(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    names = reader.trailer["/Root"].get("/Names", {})
    assert "/EmbeddedFiles" not in str(names)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        assert "/OpenAction" not in doc.Root or "/JS" not in doc.Root.OpenAction
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                assert obj.get("/Type") != pikepdf.Name.EmbeddedFile
                assert obj.get("/Type") != pikepdf.Name.Filespec
                assert obj.get("/Subtype") != pikepdf.Name.FileAttachment
                assert obj.get("/S") not in (
                    pikepdf.Name.JavaScript,
                    pikepdf.Name.Launch,
                    pikepdf.Name.URI,
                    pikepdf.Name.GoToR,
                )
    assert b"root:x:0:0" not in pdf


# On PostgreSQL one payload (the script) stores, generates and reads back
# every letter kind; the others send it the same statements with other text.
ON_POSTGRES_PAYLOAD = "script"


@pytest.mark.parametrize(
    "payload_id",
    [
        pytest.param(
            payload_id,
            marks=pytest.mark.postgres_covered_by(
                "test_every_letter_kind_shows_payload_as_text"
            ),
        )
        if payload_id != ON_POSTGRES_PAYLOAD
        else payload_id
        for payload_id in sorted(PAYLOADS)
    ],
)
def test_every_letter_kind_shows_payload_as_text(
    payload_id: str, debtor: Any, no_network: list[str], fetched: list[str]
) -> None:
    payload = PAYLOADS[payload_id]
    today = timezone.localdate()
    rendered: set[str] = set()
    for dossier in dossiers(debtor, payload):
        assessment = assess_dossier(dossier, today=today)
        for slug, spec in LETTERS.items():
            if slug in rendered or not spec.is_available(assessment)[0]:
                continue
            letter = Letter.objects.create(
                dossier=dossier,
                kind=slug,
                personal_text=tagged("personal", payload),
                options=letter_options(slug, payload),
            )
            data = compose.letter_input(
                dossier=dossier,
                assessment=assessment,
                today=today,
                personal_text=letter.personal_text,
                options=letter.options,
            )
            _, html = compose.build(spec, data)
            assert payload not in html, slug  # escaped in the HTML
            version = services.letter_generate(letter=letter, spec=spec, today=today)
            pdf = version.pdf.open("rb").read()
            assert_inert_pdf(pdf)
            text = squash(pdf_text(pdf))
            assert squash(tagged("personal", payload)) in text, slug
            if spec.to_agency:  # a court's or a mediator's letter names others
                assert squash(tagged("agency_name", payload)) in text, slug
            fields_in_html = set(re.findall(TAG, html))
            assert len(fields_in_html) >= 5, (slug, fields_in_html)
            for tag in fields_in_html:
                assert squash(f"{tag}:{payload}") in text, (slug, tag)
            rendered.add(slug)
    assert rendered == set(LETTERS), set(LETTERS) - rendered
    assert no_network == []
    assert fetched, "the spy saw no fetch at all"
    assert [url for url in fetched if not allowed_url(url)] == []


def test_every_field_reaches_some_letter(debtor: Any) -> None:
    """The payload test is meaningful: each injected field is in some letter."""
    today = timezone.localdate()
    seen: set[str] = set()
    for dossier in dossiers(debtor, "x"):
        assessment = assess_dossier(dossier, today=today)
        for spec in LETTERS.values():
            if spec.is_available(assessment)[0]:
                data = compose.letter_input(
                    dossier=dossier,
                    assessment=assessment,
                    today=today,
                    personal_text=tagged("personal", "x"),
                )
                seen |= set(re.findall(TAG_X, compose.build(spec, data)[1]))
    expected = {"PERSONAL", "AGENCY_NAME", "AGENCY_ADDRESS", "AGENCY_REFERENCE"}
    expected |= {"CREDITOR_NAME", "FIRST_NAME", "LAST_NAME", "ADDRESS", "CITY"}
    assert expected <= seen, expected - seen


@pytest.mark.parametrize("payload_id", sorted(PAYLOADS))
def test_preview_html_is_escaped(payload_id: str, world_a: World) -> None:
    payload = PAYLOADS[payload_id]
    inject(world_a.dossier, payload)
    world_a.letter.personal_text = tagged("personal", payload)
    world_a.letter.save()
    response = logged_in(world_a.user).get(
        reverse(
            "letters:preview",
            kwargs={"dossier_id": world_a.dossier.pk, "kind": world_a.letter.kind},
        )
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert payload not in html
    assert "&lt;" in html
    assert "script-src" not in response["Content-Security-Policy"] or (
        "unsafe-inline" not in response["Content-Security-Policy"]
    )
    assert "default-src 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("payload_id", sorted(PAYLOADS))
def test_chronology_pdf_shows_payload_as_text(
    payload_id: str, debtor: Any, no_network: list[str], fetched: list[str]
) -> None:
    chronology = pytest.importorskip("letters.chronology")
    payload = PAYLOADS[payload_id]
    today = timezone.localdate()
    dossier = dossiers(debtor, payload)[0]
    pdf = chronology.render_chronology(
        dossier, assess_dossier(dossier, today=today), today=today
    )
    assert_inert_pdf(pdf)
    text = squash(pdf_text(pdf))
    for field in ("who", "content", "agency_name"):
        assert squash(tagged(field, payload)) in text, field
    assert no_network == []
    assert [url for url in fetched if not allowed_url(url)] == []
