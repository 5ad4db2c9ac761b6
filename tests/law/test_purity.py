"""dossiers/law stays pure Python: no Django, no import of the rest of the project."""

import ast
from pathlib import Path

import pytest

LAW = Path(__file__).resolve().parents[2] / "dossiers" / "law"
FORBIDDEN = ("django", "intrum_assistant", "accounts", "letters", "dossiers")
ALLOWED = "dossiers.law"
CLOCK_CALLS = {"today", "now", "utcnow"}


def _sources() -> list[Path]:
    return sorted(LAW.rglob("*.py"))


def _imported(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def _forbidden(name: str) -> bool:
    if name == ALLOWED or name.startswith(ALLOWED + "."):
        return False
    return any(name == root or name.startswith(root + ".") for root in FORBIDDEN)


def test_there_are_sources() -> None:
    assert LAW / "prescription" / "__init__.py" in _sources()


@pytest.mark.parametrize("path", _sources(), ids=lambda path: path.name)
def test_no_django_or_project_import(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = [name for name in _imported(tree) if _forbidden(name)]
    assert not bad, f"{path}: forbidden imports {bad}"


@pytest.mark.parametrize("path", _sources(), ids=lambda path: path.name)
def test_never_reads_the_clock(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in CLOCK_CALLS
    ]
    assert not calls, f"{path}: reads the clock ({calls}); pass today in"


@pytest.mark.parametrize(
    ("name", "forbidden"),
    [
        pytest.param("django.db.models", True, id="django-submodule"),
        pytest.param("dossiers.models", True, id="project-models"),
        pytest.param("dossiers.law.dates", False, id="law-package"),
        pytest.param("datetime", False, id="stdlib"),
    ],
)
def test_forbidden_rule(name: str, forbidden: bool) -> None:
    assert _forbidden(name) is forbidden
