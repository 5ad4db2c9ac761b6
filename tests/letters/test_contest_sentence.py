"""The contestation goes only as far as what she said of the debt."""

from types import SimpleNamespace

import pytest

from dossiers.answers import Answers
from letters.contexts.contestation import contest_sentence as _contest_sentence


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
    answers = Answers.from_json({"verifications": {"recognises": recognises}})
    assert expected in _contest_sentence(SimpleNamespace(answers=answers))  # type: ignore[arg-type]


def test_partly_recognised_debt_is_not_contested_in_principle() -> None:
    answers = Answers.from_json({"verifications": {"recognises": "partly"}})
    assert "principe" not in _contest_sentence(SimpleNamespace(answers=answers))  # type: ignore[arg-type]
