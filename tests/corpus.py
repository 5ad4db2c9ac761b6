"""The reader's test letters, written once per machine and shared.

Writing a letter (a WeasyPrint PDF, then phone-like photos of its pages) takes
about a second. Every test process used to write its own: both xdist
processes, on SQLite and again on PostgreSQL. The letters now live in pytest's
cache folder (``.pytest_cache/d/reading-corpus/``), under a key made of the
generator's source and the versions of the libraries that draw them, so a
change to either writes them anew. A lock per letter lets the first process
write it while the others wait, then read the same files.
"""

import fcntl
import hashlib
from importlib.metadata import version
from pathlib import Path

import pytest

from bench import corpus

SUITE_LETTERS = 8  # letter-006 has two pages
GENERATOR = Path(corpus.__file__).parent


def _key() -> str:
    digest = hashlib.sha256(f"{version('weasyprint')} {version('pillow')}".encode())
    for source in sorted(GENERATOR.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:16]


class Corpus:
    """The suite's letters, each written the first time a test asks for it:
    the tests of the jobs need two of them, the accuracy checks all eight."""

    def __init__(self, root: Path) -> None:
        self.folder = root / _key()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.specs = corpus.corpus(corpus.SEED, SUITE_LETTERS)

    def sample(self, spec: corpus.LetterSpec) -> corpus.Sample:
        done = self.folder / f"{spec.ident}.done"
        with (self.folder / f"{spec.ident}.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if done.exists():
                return corpus.located(self.folder, spec)
            sample = corpus.write(self.folder, spec)
            done.touch()
            return sample

    def first(self, *, two_pages: bool) -> corpus.Sample:
        return self.sample(next(s for s in self.specs if s.two_pages == two_pages))


def corpus_root(config: pytest.Config, factory: pytest.TempPathFactory) -> Path:
    """pytest's cache folder, or this session's temporary one without it."""
    cache = getattr(config, "cache", None)  # None with -p no:cacheprovider
    if cache is None:
        return factory.mktemp("corpus")
    return Path(cache.mkdir("reading-corpus"))
