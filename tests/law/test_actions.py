"""« Ce que je fais maintenant »: at most three actions, from the triage, never
contradicting it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from dossiers.law.actions import MAX_ACTIONS, Action, next_actions
from dossiers.law.checks import opposition_last_day
from dossiers.law.deadlines import compute_deadlines
from dossiers.law.findings import PAYMENT_SLUGS, Facts
from dossiers.law.triage import Story, triage

from .test_findings import BARRED, CLEAN, FORCLOSED, PARTLY, UNAFFORDABLE, UNCERTAIN
from .test_triage import FEES, FOUR_GROUNDS, SENT, TODAY


def actions(facts: Facts, story: Story | None = None) -> tuple[Action, ...]:
    result = triage(facts, today=TODAY, story=story)
    signified = (
        facts.signification_date
        if facts.letter_kind == "injonction_signifiee"
        else None
    )
    deadlines = compute_deadlines(
        today=TODAY,
        injonction_signified_on=signified,
        ar_received_on=(story.complaint_sent_on,)
        if story and story.complaint_sent_on
        else (),
    )
    kind = facts.limitation.kind if facts.limitation else None
    return next_actions(
        result, deadlines, today=TODAY, story=story, limitation_kind=kind
    )


def texts(items: tuple[Action, ...]) -> list[str]:
    return [item.text for item in items]


def test_barred_debt_with_four_grounds() -> None:
    """The issue's example: do not pay, send the one letter, keep the proof."""
    assert texts(actions(FOUR_GROUNDS)) == [
        "Ne payez rien : la dette semble prescrite.",
        "Envoyez la lettre « Réponse complète » en recommandé avec avis de réception.",
        "Gardez le récépissé de La Poste et l'avis de réception.",
    ]
    assert actions(FOUR_GROUNDS)[1].letter == "reponse"


def test_a_forclosed_credit_is_called_forclose() -> None:
    forclosed = dataclasses.replace(FOUR_GROUNDS, limitation=FORCLOSED)
    assert actions(forclosed)[0].text == "Ne payez rien : la dette semble forclose."


def test_an_injonction_comes_first_with_its_cpc_1416_deadline() -> None:
    signified = TODAY - dt.timedelta(days=10)
    facts = dataclasses.replace(
        FOUR_GROUNDS, letter_kind="injonction_signifiee", signification_date=signified
    )
    first, second, third = actions(facts)
    assert first.letter == "opposition"
    assert first.urgent
    assert first.due == opposition_last_day(signified)
    assert "greffe" in first.text
    assert "pas à l'agence" in first.text
    assert second.text.startswith("Ne payez rien")
    assert third.letter == "reponse"


def test_a_late_opposition_says_to_call_today() -> None:
    facts = dataclasses.replace(
        CLEAN,
        letter_kind="injonction_signifiee",
        signification_date=TODAY - dt.timedelta(days=60),
    )
    first = actions(facts)[0]
    assert first.due is None
    assert "dépassé" in first.text
    assert "aujourd'hui" in first.text


@pytest.mark.parametrize(
    ("kind", "words"),
    [("commandement", "association ou un avocat"), ("assignation", "audience")],
)
def test_other_court_acts_come_first(kind: str, words: str) -> None:
    first = actions(dataclasses.replace(CLEAN, letter_kind=kind))[0]
    assert first.urgent
    assert words in first.text


def test_a_payable_debt_says_she_may_propose_to_pay() -> None:
    first, second = actions(CLEAN)
    assert first.letter in PAYMENT_SLUGS
    assert first.text.startswith("Vous pouvez proposer de payer")
    assert second.text.startswith("Gardez")


def test_once_her_letter_is_sent_and_unanswered_the_mediator_comes() -> None:
    items = actions(dataclasses.replace(CLEAN, recognises="no"), story=SENT)
    assert any(item.letter == "mediateur" for item in items)


def test_once_her_letter_is_just_sent_she_waits_for_the_answer() -> None:
    story = Story(complaint_sent_on=TODAY - dt.timedelta(days=3))
    items = actions(dataclasses.replace(CLEAN, recognises="no"), story=story)
    assert items[-1].text.startswith("Attendez la réponse écrite")
    assert items[-1].due == story.complaint_sent_on + dt.timedelta(days=30)


GRID = list(
    itertools.product(
        [CLEAN.limitation, BARRED, PARTLY, UNCERTAIN, None],
        ["yes", "no"],
        [(), FEES],
        [frozenset(), frozenset({"repeated_calls"})],
        [False, True],
        [None, CLEAN.budget, UNAFFORDABLE],
        ["relance", "injonction_signifiee", "commandement"],
        [None, SENT],
    )
)


@pytest.mark.parametrize("case", GRID[::7], ids=lambda case: str(GRID.index(case)))
def test_actions_never_contradict_the_triage(case) -> None:
    limitation, recognises, lines, signs, admissible, budget, kind, story = case
    facts = dataclasses.replace(
        CLEAN,
        limitation=limitation,
        recognises=recognises,
        amount_lines=lines or CLEAN.amount_lines,
        total_claimed=sum(line.amount for line in lines or CLEAN.amount_lines),
        warning_signs=signs,
        surendettement_admissible=admissible,
        budget=budget,
        letter_kind=kind,
        signification_date=TODAY - dt.timedelta(days=5),
    )
    result = triage(facts, today=TODAY, story=story)
    items = actions(facts, story)
    assert 1 <= len(items) <= MAX_ACTIONS
    by_slug = {response.slug: response for response in result.responses}
    for item in items:
        if item.letter is not None:  # every letter named is one the triage advises
            assert by_slug[item.letter].available, (item, case)
            assert by_slug[item.letter].recommended, (item, case)
        if item.text.startswith("Ne payez rien"):
            assert not any(by_slug[slug].recommended for slug in PAYMENT_SLUGS)
    pay = [item for item in items if item.text.startswith("Vous pouvez proposer")]
    assert bool(pay) == any(
        by_slug[slug].recommended and by_slug[slug].available for slug in PAYMENT_SLUGS
    )
