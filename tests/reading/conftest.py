"""The reader's corpus (``tests/corpus.py``: written once per machine; OCR is
slow: the suite reads a handful of photos; ``make bench`` reads the whole
corpus)."""

from pathlib import Path

import pytest

from bench import corpus
from tests.corpus import Corpus


@pytest.fixture(scope="session")
def letters(suite_corpus: Corpus, worker_id: str) -> list[corpus.Sample]:
    """All eight. The second xdist process walks them from the end, so that on
    a new machine both write letters instead of one waiting on the other's."""
    specs = suite_corpus.specs
    odd = worker_id.startswith("gw") and int(worker_id[2:]) % 2 == 1
    order = specs[::-1] if odd else specs
    written = {spec.ident: suite_corpus.sample(spec) for spec in order}
    return [written[spec.ident] for spec in specs]


@pytest.fixture
def one_page_letter(suite_corpus: Corpus) -> corpus.Sample:
    return suite_corpus.first(two_pages=False)


@pytest.fixture
def two_page_letter(suite_corpus: Corpus) -> corpus.Sample:
    return suite_corpus.first(two_pages=True)


def blank_photo(path: Path) -> Path:
    """A photo of a table with nothing written on it."""
    from PIL import Image, ImageFilter

    image = Image.effect_noise((1200, 1600), 30).convert("RGB")
    image.filter(ImageFilter.GaussianBlur(3)).save(path, "JPEG", quality=70)
    return path
