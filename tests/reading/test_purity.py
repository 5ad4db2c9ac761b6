"""reading/extraction stays pure Python: no Django, nothing of the project but
the law's code tables (``dossiers.law``)."""

import ast
from pathlib import Path

import pytest

EXTRACTION = Path(__file__).resolve().parents[2] / "reading" / "extraction"
FORBIDDEN = ("django", "intrum_assistant", "accounts", "letters", "dossiers", "reading")
ALLOWED = ("dossiers.law", "reading.extraction")


def _sources() -> list[Path]:
    return sorted(EXTRACTION.glob("*.py"))


def _imported(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def _forbidden(name: str) -> bool:
    if any(name == ok or name.startswith(ok + ".") for ok in ALLOWED):
        return False
    return any(name == root or name.startswith(root + ".") for root in FORBIDDEN)


def test_there_are_sources() -> None:
    assert EXTRACTION / "parties.py" in _sources()


@pytest.mark.parametrize("path", _sources(), ids=lambda path: path.name)
def test_no_django_or_project_import(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert [name for name in _imported(tree) if _forbidden(name)] == []
