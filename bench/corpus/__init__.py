"""The reader's test corpus, generated from a seed into a folder (never committed).

``build(folder, seed, count)`` writes, for each letter, a born-digital PDF and
phone-like photos of its pages, and returns them with the values a perfect
reader finds (``Sample.expected``, the ``read_letter --json`` keys).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import photo, render
from .specs import LetterSpec, corpus

SEED = 2026


@dataclass(frozen=True)
class Sample:
    spec: LetterSpec
    pdf: Path
    photos: tuple[Path, ...]

    @property
    def ident(self) -> str:
        return self.spec.ident

    @property
    def expected(self) -> dict[str, Any]:
        return self.spec.expected()


def build(folder: Path, *, seed: int = SEED, count: int = 30) -> list[Sample]:
    """Write ``count`` letters drawn from ``seed`` into ``folder``."""
    return [write(folder, spec, seed=seed) for spec in corpus(seed, count)]


def located(folder: Path, spec: LetterSpec) -> Sample:
    """Where :func:`write` puts one letter's files in ``folder``."""
    pages = range(2 if spec.two_pages else 1)
    return Sample(
        spec,
        folder / f"{spec.ident}.pdf",
        tuple(folder / f"{spec.ident}-page{page + 1}.jpg" for page in pages),
    )


def write(folder: Path, spec: LetterSpec, *, seed: int = SEED) -> Sample:
    """One letter of the corpus: its PDF and the photos of its pages."""
    folder.mkdir(parents=True, exist_ok=True)
    sample = located(folder, spec)
    pdf = render.pdf(spec)
    sample.pdf.write_bytes(pdf)
    for page, path in enumerate(sample.photos):
        path.write_bytes(
            photo.photograph(pdf, page, seed * 1000 + int(spec.ident[-3:]) * 10 + page)
        )
    return sample
