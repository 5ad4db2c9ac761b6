"""The contestation goes only as far as what she said of the debt."""

from types import SimpleNamespace

import pytest

from letters.contexts import _contest_sentence


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
    dossier = SimpleNamespace(answers={"verifications": {"recognises": recognises}})
    assert expected in _contest_sentence(SimpleNamespace(dossier=dossier))  # type: ignore[arg-type]


def test_partly_recognised_debt_is_not_contested_in_principle() -> None:
    dossier = SimpleNamespace(answers={"verifications": {"recognises": "partly"}})
    assert "principe" not in _contest_sentence(SimpleNamespace(dossier=dossier))  # type: ignore[arg-type]
