"""The reader's corpus, generated once per test session (OCR is slow: the
suite reads a handful of photos; ``make bench`` reads the whole corpus)."""

from pathlib import Path

import pytest

from bench import corpus

SUITE_LETTERS = 8  # letter-006 has two pages


class Corpus:
    """The suite's letters, each written the first time a test asks for it:
    the tests of the jobs need two of them, the accuracy checks all eight."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.specs = corpus.corpus(corpus.SEED, SUITE_LETTERS)
        self._written: dict[str, corpus.Sample] = {}

    def sample(self, spec: corpus.LetterSpec) -> corpus.Sample:
        if spec.ident not in self._written:
            self._written[spec.ident] = corpus.write(self.folder, spec)
        return self._written[spec.ident]

    def first(self, *, two_pages: bool) -> corpus.Sample:
        return self.sample(next(s for s in self.specs if s.two_pages == two_pages))


@pytest.fixture(scope="session")
def suite_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return Corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def letters(suite_corpus: Corpus) -> list[corpus.Sample]:
    return [suite_corpus.sample(spec) for spec in suite_corpus.specs]


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
