"""`manage.py read_letter` on the generated corpus: every PDF, a few photos
(OCR is slow: the whole corpus is read by `make bench`)."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from PIL import Image

from bench import corpus
from bench.reading import FIELDS, score
from reading.one_file import CLI_KEYS

pytestmark = [pytest.mark.django_db, pytest.mark.ocr]

PHOTOS_IN_THE_SUITE = 3


def read_json(path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    call_command("read_letter", str(path), "--json")
    return json.loads(capsys.readouterr().out)


def test_json_has_exactly_the_documented_keys(letters, capsys) -> None:
    data = read_json(letters[0].pdf, capsys)
    assert list(data) == list(CLI_KEYS)
    assert set(FIELDS) <= set(data)
    assert data["pages"] == 1
    assert isinstance(data["seconds"], float)
    assert all(set(line) == {"label", "amount"} for line in data["lines"])


def test_every_born_digital_pdf_is_read_right(letters, capsys) -> None:
    for sample in letters:
        data = read_json(sample.pdf, capsys)
        wrong = [name for name, ok in score(sample.expected, data).items() if not ok]
        assert wrong == [], (
            sample.ident,
            {k: (data[k], sample.expected[k]) for k in wrong},
        )


def test_photos_are_read_nearly_right(letters: list[corpus.Sample], capsys) -> None:
    right = total = 0
    for sample in letters[:PHOTOS_IN_THE_SUITE]:
        call_command("read_letter", *map(str, sample.photos[:1]), "--json")
        data = json.loads(capsys.readouterr().out)
        fields = score(sample.expected, data)
        assert fields["total"], (sample.ident, data["total"])
        assert fields["letter_kind"], (sample.ident, data["letter_kind"])
        right, total = right + sum(fields.values()), total + len(fields)
    assert right / total >= 0.85


def test_a_scanned_pdf_goes_through_ocr(
    one_page_letter, tmp_path: Path, capsys
) -> None:
    scan = tmp_path / "scan.pdf"
    Image.open(one_page_letter.photos[0]).convert("RGB").save(
        scan, "PDF", resolution=200
    )
    data = read_json(scan, capsys)
    assert data["total"] == one_page_letter.expected["total"]
    assert data["agency"] == one_page_letter.expected["agency"]


def test_plain_output_is_a_french_summary_with_the_lines_read(
    one_page_letter, capsys
) -> None:
    call_command("read_letter", str(one_page_letter.pdf))
    out = capsys.readouterr().out
    assert "Courrier lu : 1 page(s)" in out
    assert f"Société : {one_page_letter.expected['agency']}  (ligne " in out
    assert "Article L111-8 recopié : " in out


def test_a_refused_file_says_why_in_french(tmp_path: Path) -> None:
    bad = tmp_path / "virus.exe"
    bad.write_bytes(b"MZ\x90\x00not an image")
    with pytest.raises(
        CommandError, match="n'est pas une photo JPEG ou PNG ni un PDF lisible"
    ):
        call_command("read_letter", str(bad), "--json")
    with pytest.raises(CommandError, match="ne peut pas être ouvert"):
        call_command("read_letter", str(tmp_path / "absent.pdf"))
