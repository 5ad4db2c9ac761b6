"""One table of legal references (``dossiers.law.references``): each citation once,
with a valid certainty tag, and every citation string of the package taken from it."""

import ast
import re
from collections import Counter
from pathlib import Path

import pytest

from dossiers.law import references
from dossiers.law import references as refs
from dossiers.law.prescription import NATURES, Ref
from dossiers.law.prescription.state import ACK_REFS
from dossiers.law.references import CERTAINTIES, CERTAINTY, REFERENCES

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "dossiers" / "law" / "references.py"
NOT_A_CITATION: set[str] = set()


def _spelling(cite: str) -> str:
    """A citation without case, spaces or punctuation: "C. civ., art. 2240" → "ccivart2240"."""
    return re.sub(r"[\W_]+", "", cite.casefold())


def _refs_strings() -> dict[str, str]:
    return {
        name: value
        for name, value in vars(refs).items()
        if name.isupper() and isinstance(value, str) and name not in NOT_A_CITATION
    }


def test_table_lists_every_ref_of_the_module() -> None:
    named = [value for value in vars(references).values() if isinstance(value, Ref)]
    assert len(REFERENCES) == len(named) > 50
    assert set(REFERENCES) == set(named)


def test_no_reference_is_defined_twice() -> None:
    counts = Counter(ref.cite for ref in REFERENCES)
    assert [cite for cite, n in counts.items() if n > 1] == []
    assert len(CERTAINTY) == len(REFERENCES)


def test_no_citation_is_spelled_two_ways() -> None:
    spellings: dict[str, list[str]] = {}
    for ref in REFERENCES:
        spellings.setdefault(_spelling(ref.cite), []).append(ref.cite)
    assert [cites for cites in spellings.values() if len(cites) > 1] == []


def test_spelling_key_catches_variants() -> None:
    assert _spelling("C. civ., art. 2240") == _spelling("C. civ. art.  2240")
    assert _spelling("C. civ., art. 2240") != _spelling("C. civ., art. 2241")


@pytest.mark.parametrize("ref", REFERENCES, ids=lambda ref: ref.cite)
def test_every_ref_has_a_valid_certainty_tag(ref: Ref) -> None:
    assert ref.certainty in CERTAINTIES
    assert CERTAINTY[ref.cite] == ref.certainty
    assert ref.cite == ref.cite.strip() != ""
    assert ref.source == "" or ref.source.startswith("reference §"), ref.source


def test_certainty_tags_are_the_documented_ones() -> None:
    assert CERTAINTIES == ("V", "S", "M", "U")


@pytest.mark.parametrize("name", sorted(_refs_strings()))
def test_every_citation_string_of_refs_comes_from_the_table(name: str) -> None:
    cite = getattr(refs, name)
    assert cite in CERTAINTY, f"refs.{name} is not in dossiers.law.references"
    table = getattr(references, name, None)
    assert table is None or table.cite == cite


def test_refs_has_citation_strings() -> None:
    assert len(_refs_strings()) > 30


def test_refs_certainty_is_the_table() -> None:
    assert refs.CERTAINTY is CERTAINTY
    assert references.FORMAL_NOTICE_2022.cite == refs.FORMAL_NOTICE_2022


def test_a_reference_is_its_citation_string() -> None:
    ref = references.CIV_2240
    assert isinstance(ref, str)
    assert ref == ref.cite == "C. civ., art. 2240"
    assert {ref: 1}["C. civ., art. 2240"] == 1
    with pytest.raises(AttributeError):
        ref.certainty = "U"  # type: ignore[misc]


def test_the_engine_cites_the_shared_refs() -> None:
    used = [ref for spec in NATURES.values() for ref in spec.refs]
    used += [ref for refs_ in ACK_REFS.values() for ref in refs_]
    assert used
    assert all(any(ref is known for known in REFERENCES) for ref in used)


def _ref_constructions(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Name) and node.func.id == "Ref")
            or (isinstance(node.func, ast.Attribute) and node.func.attr == "Ref")
        )
    ]


def test_refs_are_only_built_in_the_table() -> None:
    elsewhere = {
        str(path.relative_to(ROOT)): lines
        for folder in ("dossiers", "letters", "associations")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path != TABLE and (lines := _ref_constructions(path))
    }
    assert elsewhere == {}, f"define every Ref in {TABLE.relative_to(ROOT)}"


def test_the_table_builds_refs() -> None:
    assert len(_ref_constructions(TABLE)) == len(REFERENCES)
