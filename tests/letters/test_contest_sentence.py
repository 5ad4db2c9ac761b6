"""The contestation goes only as far as what she said of the debt, and never
reads as if a barred debt were payable (issue 18, item 4; reference §2.3)."""

from types import SimpleNamespace

import pytest

from dossiers.answers import Answers
from letters.contexts.contestation import contest_sentence as _contest_sentence


def sentence(recognises: str, status: str | None = None) -> str:
    answers = Answers.from_json({"verifications": {"recognises": recognises}})
    estimate = SimpleNamespace(status=status) if status else None
    data = SimpleNamespace(
        answers=answers, assessment=SimpleNamespace(estimate=estimate)
    )
    return _contest_sentence(data)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("recognises", "expected"),
    [
        ("no", "dans son principe comme dans son montant"),
        ("partly", "Je conteste le montant"),
        ("yes", "Avant tout règlement"),
        ("unknown", "Je ne reconnais pas cette créance en l'état"),
    ],
)
def test_contest_sentence_follows_her_answer(recognises: str, expected: str) -> None:
    assert expected in sentence(recognises, "not_barred")


def test_partly_recognised_debt_is_not_contested_in_principle() -> None:
    assert "principe" not in sentence("partly")


@pytest.mark.parametrize("status", ["barred", "partly_barred"])
def test_a_barred_debt_is_never_written_as_payable(status: str) -> None:
    text = sentence("yes", status)
    assert "règlement" not in text
    assert text == "Je vous demande de justifier votre créance."
