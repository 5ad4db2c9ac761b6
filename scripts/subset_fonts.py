"""Make the letter fonts in static/fonts/ from Debian's DejaVu (fonts-dejavu-core).

The full DejaVu faces carry ~6 000 glyphs (Greek, Cyrillic, Arabic, symbols…)
and weigh 350–760 KB each. Our letters are written in French: the faces we ship
keep the Latin scripts (French and every other European language written in
Latin letters, Vietnamese included), typographic punctuation, currency and
arrows. Measured effect (bench item 2 and docs/performance.md): about a tenth
less time per PDF, and the HTML preview downloads ~0.7 MB instead of ~2.5 MB.

A character outside these ranges (a name written in Cyrillic, say) is not lost:
the letter stylesheet falls back to the system serif/sans, which WeasyPrint then
embeds too (tests/letters/test_fonts.py).

Run from the project root after a DejaVu upgrade, then commit the files:

    .venv/bin/python scripts/subset_fonts.py [SOURCE_DIR]

The DejaVu licence (static/fonts/LICENSE-DejaVu.txt) allows modified copies as
long as their names contain neither "Bitstream" nor "Vera"; the subsets keep
the DejaVu family names.
"""

import sys
from pathlib import Path

from fontTools import subset

SOURCE = Path("/usr/share/fonts/truetype/dejavu")
TARGET = Path(__file__).resolve().parent.parent / "static" / "fonts"
FACES = (
    "DejaVuSerif",
    "DejaVuSerif-Bold",
    "DejaVuSerif-Italic",
    "DejaVuSans",
    "DejaVuSans-Bold",
)
UNICODES = (
    "U+0000-024F",  # Basic Latin, Latin-1, Latin Extended-A and -B
    "U+0259",  # schwa
    "U+02B0-02FF",  # spacing modifier letters (ʼ ˆ ˜ …)
    "U+0300-036F",  # combining diacritics: typed decomposed accents
    "U+1E00-1EFF",  # Latin Extended Additional (Vietnamese…)
    "U+2000-206F",  # general punctuation: ’ “ ” – — … espaces fines
    "U+20A0-20CF",  # currency symbols (€)
    "U+2100-214F",  # letterlike symbols (№, ℓ)
    "U+2190-21FF",  # arrows
    "U+2212",  # minus sign
    "U+2260-2265",  # ≠ ≤ ≥
    "U+25A0-25FF",  # geometric shapes (list bullets)
    "U+FB00-FB06",  # ligatures (ﬁ ﬂ)
)


def subset_face(source: Path, target: Path) -> None:
    options = subset.Options()
    options.layout_features = ["*"]  # kerning, ligatures, marks
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = True
    options.recommended_glyphs = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(",".join(UNICODES)))
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    for face in FACES:
        target = TARGET / f"{face}-latin.ttf"
        subset_face(source / f"{face}.ttf", target)
        print(f"{target.relative_to(TARGET.parent.parent)}: {target.stat().st_size} B")


if __name__ == "__main__":
    main()
