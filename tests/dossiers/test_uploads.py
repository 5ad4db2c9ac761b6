"""Uploads: checked by content, re-encoded, private, size- and count-capped."""

import io

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from dossiers.models import Dossier, Upload
from dossiers.uploads import FILES_NOT_KEPT

from .wizard_data import post_data

pytestmark = pytest.mark.django_db


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (120, 80), "white")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 0.0)}  # GPS IFD
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 40), "blue").save(out, "PNG")
    return out.getvalue()


def pdf_with_javascript() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    action = pikepdf.Dictionary(
        S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)")
    )
    pdf.Root.OpenAction = pdf.make_indirect(action)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def upload(client: Client, *files: SimpleUploadedFile, dossier: Dossier | None = None):
    url = (
        f"/dossiers/{dossier.pk}/modifier/courrier/"
        if dossier
        else "/dossiers/nouveau/courrier/"
    )
    return client.post(url, {**post_data("courrier"), "courrier-scans": list(files)})


def test_jpeg_is_reencoded_without_metadata(debtor_client: Client) -> None:
    raw = jpeg_with_gps()
    assert b"PhoneMaker" in raw
    response = upload(debtor_client, SimpleUploadedFile("photo.jpg", raw, "image/jpeg"))
    assert response.status_code == 302
    stored = Upload.objects.get()
    content = stored.file.read()
    assert b"PhoneMaker" not in content
    assert Image.open(io.BytesIO(content)).getexif() == {}
    assert stored.kind == "image"
    assert stored.content_type == "image/jpeg"
    assert "photo" not in stored.file.name  # server-chosen name


def test_png_named_pdf_is_judged_by_content(debtor_client: Client) -> None:
    response = upload(
        debtor_client, SimpleUploadedFile("lettre.pdf", png(), "application/pdf")
    )
    assert response.status_code == 302
    assert Upload.objects.get().kind == "image"


def test_pdf_is_sanitised(debtor_client: Client) -> None:
    raw = pdf_with_javascript()
    assert b"JavaScript" in raw
    upload(debtor_client, SimpleUploadedFile("scan.pdf", raw, "application/pdf"))
    stored = Upload.objects.get()
    with pikepdf.open(io.BytesIO(stored.file.read())) as pdf:
        assert "/OpenAction" not in pdf.Root or "/JS" not in pdf.Root.OpenAction


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script></html>"),
        ("page.html", b"<html><body>hello</body></html>"),
        ("virus.exe", b"MZ\x90\x00" + b"\x00" * 100),
        ("cassé.pdf", b"%PDF-1.7 this is not really a pdf"),
        ("image.gif", b"GIF89a" + b"\x00" * 50),
    ],
    ids=["html-disguised-as-png", "html", "exe", "broken-pdf", "gif"],
)
def test_bad_files_are_refused_with_a_french_message(
    debtor_client: Client, name, content
) -> None:
    response = upload(debtor_client, SimpleUploadedFile(name, content, "image/png"))
    assert response.status_code == 200
    assert (
        "n'est pas une photo JPEG ou PNG ni un PDF lisible"
        in response.content.decode().replace("&#x27;", "'")
    )
    assert not Upload.objects.exists()
    assert not Dossier.objects.exists()


def test_fifty_megabyte_file_is_refused(debtor_client: Client) -> None:
    big = SimpleUploadedFile(
        "huge.jpg", b"\xff\xd8\xff" + b"0" * (50 * 1024 * 1024), "image/jpeg"
    )
    response = upload(debtor_client, big)
    assert "10 Mo au maximum" in response.content.decode()
    assert not Upload.objects.exists()


def test_at_most_five_files_per_dossier(debtor_client: Client) -> None:
    files = [SimpleUploadedFile(f"p{i}.png", png(), "image/png") for i in range(5)]
    upload(debtor_client, *files)
    dossier = Dossier.objects.get()
    response = upload(
        debtor_client,
        SimpleUploadedFile("six.png", png(), "image/png"),
        dossier=dossier,
    )
    assert "5 fichiers au maximum" in response.content.decode()
    assert dossier.uploads.count() == 5
    assert "courrier" in Dossier.objects.get().answers  # nothing lost


def test_private_file_view_owner_only(
    debtor_client: Client, other_client: Client, client
) -> None:
    upload(debtor_client, SimpleUploadedFile("p.png", png(), "image/png"))
    stored = Upload.objects.get()
    url = f"/dossiers/{stored.dossier_id}/fichiers/{stored.pk}/"
    response = debtor_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert (
        f"courrier-{stored.dossier_id}-{stored.pk}.jpg"
        in response["Content-Disposition"]
    )
    assert other_client.get(url).status_code == 404
    assert client.get(url).status_code == 302
    assert (
        debtor_client.get(f"/dossiers/{stored.dossier_id}/fichiers/999/").status_code
        == 404
    )


def test_private_files_are_not_under_a_public_url(
    debtor_client: Client, settings
) -> None:
    upload(debtor_client, SimpleUploadedFile("p.png", png(), "image/png"))
    stored = Upload.objects.get()
    assert debtor_client.get("/__private__/" + stored.file.name).status_code == 404
    assert debtor_client.get("/static/" + stored.file.name).status_code == 404


def test_pdf_is_served_as_attachment(debtor_client: Client) -> None:
    upload(
        debtor_client,
        SimpleUploadedFile("s.pdf", pdf_with_javascript(), "application/pdf"),
    )
    stored = Upload.objects.get()
    response = debtor_client.get(f"/dossiers/{stored.dossier_id}/fichiers/{stored.pk}/")
    assert response["Content-Disposition"].startswith("attachment")


def test_owner_deletes_an_upload_and_its_file(
    debtor_client: Client, other_client: Client, django_capture_on_commit_callbacks
) -> None:
    upload(debtor_client, SimpleUploadedFile("p.png", png(), "image/png"))
    stored = Upload.objects.get()
    url = f"/dossiers/{stored.dossier_id}/fichiers/{stored.pk}/supprimer/"
    assert other_client.post(url).status_code == 404
    storage, name = stored.file.storage, stored.file.name
    with django_capture_on_commit_callbacks(execute=True):
        debtor_client.post(url)
    assert not Upload.objects.exists()
    assert not storage.exists(name)


def test_upload_widget_lets_a_phone_choose_camera_or_file(
    debtor_client: Client,
) -> None:
    """No ``capture``: with it, phones open the camera directly and a PDF or a
    photo already taken cannot be chosen; without it they offer both."""
    page = debtor_client.get("/dossiers/nouveau/courrier/").content.decode()
    assert (
        'accept="image/jpeg,image/png,image/heic,image/heif,.heic,.heif,application/pdf"'
        in page
    )
    assert "capture=" not in page
    assert "prendre une photo ou choisir un fichier" in page
    assert 'enctype="multipart/form-data"' in page


def test_a_chosen_file_refused_with_another_field_is_asked_again(
    debtor_client: Client,
) -> None:
    """The browser forgets the file when the page comes back with an error:
    she is told, beside the file field, to choose it again."""
    data = {
        **post_data("courrier"),
        "courrier-received_date": "2020-01-01",  # before the letter's date
        "courrier-scans": [SimpleUploadedFile("scan.png", png(), "image/png")],
    }
    response = debtor_client.post("/dossiers/nouveau/courrier/", data)
    assert response.status_code == 200
    form = response.context["form"]
    assert str(FILES_NOT_KEPT) in form.errors["scans"]
    assert "avant la date du courrier" in str(form.errors["received_date"])
    assert Upload.objects.count() == 0


def test_no_file_message_without_a_file(debtor_client: Client) -> None:
    data = {**post_data("courrier"), "courrier-received_date": "2020-01-01"}
    response = debtor_client.post("/dossiers/nouveau/courrier/", data)
    assert "scans" not in response.context["form"].errors


def test_steps_without_a_file_post_a_plain_form(debtor_client: Client, dossier) -> None:
    """Only « Le courrier » has a file field: the other steps are sent
    urlencoded, lighter to parse than multipart."""
    page = debtor_client.get(f"/dossiers/{dossier.pk}/modifier/montants/")
    assert page.status_code == 200
    assert "multipart" not in page.content.decode()
