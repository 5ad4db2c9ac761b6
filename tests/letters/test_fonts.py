"""The letter fonts: Latin subsets of DejaVu (scripts/subset_fonts.py).

They must cover everything a French letter contains, and a character outside
them (a name in Cyrillic) must still reach the PDF through the system fonts.
"""

import io

import pytest
from django.contrib.staticfiles import finders
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from letters import rendering

from .conftest import pdf_text

FRENCH = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ"
    "«»‹›’‘“”„–—…€°№§%&@#*/\\()[]{}:;,.!?'\"+-=<>"
    "\u00a0\u202f\u2009"  # espaces insécables, fine, fine insécable
)
OTHER_LATIN = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻșțăâîȘȚĂčďěňřšťůžČĎĚŇŘŠŤŮŽßöüğışĞİŞđơưạảấầẩẫậ"
FONTS = [name for name in rendering.ALLOWED_STATIC if name.endswith(".ttf")]


@pytest.fixture(scope="module", params=FONTS)
def cmap(request: pytest.FixtureRequest) -> set[int]:
    path = finders.find(request.param)
    assert path, request.param
    return set(TTFont(path).getBestCmap())


def test_every_face_covers_french_and_european_latin(cmap: set[int]) -> None:
    missing = [c for c in FRENCH + OTHER_LATIN if ord(c) not in cmap]
    assert missing == []


def test_faces_are_subsets(cmap: set[int]) -> None:
    """The full DejaVu faces map ~3 000–6 000 characters; ours far fewer."""
    assert 500 < len(cmap) < 1500


def _letter(body: str) -> str:
    return (
        '<html lang="fr"><head><meta charset="utf-8">'
        '<link rel="stylesheet" href="/static/letters/letter.css"></head>'
        f'<body><article class="letter"><p>{body}</p></article></body></html>'
    )


def _embedded_fonts(pdf: bytes) -> set[str]:
    return {
        str(font["/BaseFont"])
        for page in PdfReader(io.BytesIO(pdf)).pages
        for font in page["/Resources"]["/Font"].values()
    }


def test_french_text_uses_only_our_fonts() -> None:
    pdf = rendering.render_pdf(
        _letter("Lettre recommandée : « créance » — 2 486,90 € n° 12 ; cœur."),
        meta=rendering.PdfMeta(title="Test", author="Test"),
    )
    assert "« créance » — 2 486,90 € n° 12 ; cœur." in pdf_text(pdf)
    fonts = _embedded_fonts(pdf)
    # Embedded under the @font-face family names of letter.css: no fallback.
    assert fonts
    assert all(name.split("+")[-1].startswith("Lettre-") for name in fonts)


def test_text_outside_the_subset_falls_back_to_system_fonts() -> None:
    """A name in Cyrillic or Greek still appears in the letter."""
    pdf = rendering.render_pdf(
        _letter("Олена Шевченко, Γιώργος Παπαδόπουλος"),
        meta=rendering.PdfMeta(title="Test", author="Test"),
    )
    text = pdf_text(pdf)
    assert "Олена Шевченко" in text
    assert "Γιώργος Παπαδόπουλος" in text
    # …set in a system face, embedded beside ours.
    assert any(
        not name.split("+")[-1].startswith("Lettre-") for name in _embedded_fonts(pdf)
    )
