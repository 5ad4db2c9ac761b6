"""The reader's corpus, generated once per test session (OCR is slow: the
suite reads a handful of photos; ``make bench`` reads the whole corpus)."""

from pathlib import Path

import pytest

from bench import corpus

SUITE_LETTERS = 8  # letter-006 has two pages


@pytest.fixture(scope="session")
def letters(tmp_path_factory: pytest.TempPathFactory) -> list[corpus.Sample]:
    return corpus.build(tmp_path_factory.mktemp("corpus"), count=SUITE_LETTERS)


@pytest.fixture
def one_page_letter(letters: list[corpus.Sample]) -> corpus.Sample:
    return next(sample for sample in letters if not sample.spec.two_pages)


@pytest.fixture
def two_page_letter(letters: list[corpus.Sample]) -> corpus.Sample:
    return next(sample for sample in letters if sample.spec.two_pages)


def blank_photo(path: Path) -> Path:
    """A photo of a table with nothing written on it."""
    from PIL import Image, ImageFilter

    image = Image.effect_noise((1200, 1600), 30).convert("RGB")
    image.filter(ImageFilter.GaussianBlur(3)).save(path, "JPEG", quality=70)
    return path
