"""Fixtures of the dossiers tests."""

from collections import Counter

import pytest

from dossiers import assessment


@pytest.fixture
def calls(monkeypatch) -> Counter[str]:
    """How many times the engine (``estimate``) and the triage (``triage``) ran."""
    counter: Counter[str] = Counter()
    estimate, triage = assessment.estimate, assessment.triage_rules.triage

    def counted_estimate(*args, **kwargs):
        counter["engine"] += 1
        return estimate(*args, **kwargs)

    def counted_triage(*args, **kwargs):
        counter["triage"] += 1
        return triage(*args, **kwargs)

    monkeypatch.setattr(assessment, "estimate", counted_estimate)
    monkeypatch.setattr(assessment.triage_rules, "triage", counted_triage)
    return counter
