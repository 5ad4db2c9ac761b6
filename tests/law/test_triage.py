"""The whole triage (reference §7 (f) and §8): one combined answer, and the next
letters when the story goes on. Expected values from the reference."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from dossiers.law.checks import AmountLine
from dossiers.law.findings import PAYMENT_SLUGS, Assessment, Facts, Response
from dossiers.law.triage import (
    ANSWERS_TO_THE_AGENCY,
    INCLUDED,
    LETTER_TITLES,
    Story,
    triage,
)

from .test_findings import BARRED, CLEAN, FORCLOSED, NOT_BARRED, PARTLY, TODAY

D = Decimal
FEES = (
    AmountLine("Capital", "principal", D("1000")),
    AmountLine("Frais de recouvrement", "fees", D("50")),
)
# The case of the issue: a telecom debt, time-barred, fees claimed, a missing
# R124-4 mention, evening calls.
FOUR_GROUNDS = dataclasses.replace(
    CLEAN,
    limitation=BARRED,
    amount_lines=FEES,
    total_claimed=D("1050"),
    mentions_present=frozenset({"collector_identity", "creditor_identity"}),
    recognises="no",
    warning_signs=frozenset({"night_or_sunday_calls"}),
)
SENT = Story(complaint_sent_on=TODAY - dt.timedelta(days=45))
JUST_SENT = Story(complaint_sent_on=TODAY - dt.timedelta(days=5))


def run(
    facts: Facts = CLEAN, story: Story | None = None, **changes: object
) -> Assessment:
    return triage(dataclasses.replace(facts, **changes), today=TODAY, story=story)  # type: ignore[arg-type]


def response(assessment: Assessment, slug: str) -> Response:
    return next(item for item in assessment.responses if item.slug == slug)


def recommended(assessment: Assessment) -> list[str]:
    return [item.slug for item in assessment.responses if item.recommended]


# --- §7 (f): one letter with every ground ------------------------------------------------


def test_four_grounds_make_one_recommended_letter_first() -> None:
    result = run(FOUR_GROUNDS)
    assert result.responses[0].slug == "reponse"
    assert recommended(result) == ["reponse"]
    for slug in ANSWERS_TO_THE_AGENCY:
        single = response(result, slug)
        assert single.available, slug  # still there for who wants one ground
        assert not single.recommended, slug
    assert response(result, "contestation").reason == INCLUDED


def test_the_combined_letter_never_comes_with_a_payment_offer() -> None:
    """§7 (f): never combine a ground that contests the debt with an offer."""
    result = run(FOUR_GROUNDS)
    for slug in PAYMENT_SLUGS:
        assert not response(result, slug).available, slug
    assert "proposition de paiement" in (response(result, "reponse").warning or "")


@pytest.mark.parametrize(
    ("changes", "combined"),
    [
        pytest.param({"limitation": BARRED}, "available", id="one-ground-barred"),
        pytest.param(
            {"limitation": BARRED, "amount_lines": FEES},
            "recommended",
            id="two-grounds",
        ),
        pytest.param(
            {"warning_signs": frozenset({"repeated_calls"}), "recognises": "no"},
            "recommended",
            id="contest-and-harassment",
        ),
    ],
)
def test_combined_letter_is_recommended_from_two_grounds(changes, combined) -> None:
    result = run(**changes)
    reponse = response(result, "reponse")
    assert reponse.available
    assert reponse.recommended is (combined == "recommended")


def test_one_ground_keeps_its_own_letter_recommended() -> None:
    result = run(limitation=BARRED)
    assert "prescription" in recommended(result)
    assert "reponse" not in recommended(result)


# --- §8.4: opposition to an injonction de payer -----------------------------------------


def test_opposition_is_recommended_when_an_injonction_is_signified() -> None:
    signified = TODAY - dt.timedelta(days=10)
    result = run(letter_kind="injonction_signifiee", signification_date=signified)
    opposition = response(result, "opposition")
    assert opposition.recommended
    assert opposition.available
    assert "greffe" in (opposition.warning or "")
    assert "pas une opposition" in (opposition.warning or "")


def test_a_late_opposition_says_why_it_may_still_be_possible() -> None:
    """CPC 1416 al. 2: not served in person, the month runs from a later act."""
    signified = TODAY - dt.timedelta(days=60)
    opposition = response(
        run(letter_kind="injonction_signifiee", signification_date=signified),
        "opposition",
    )
    assert opposition.available
    assert "main propre" in (opposition.warning or "")
    assert "à vérifier" in (opposition.warning or "")


def test_no_opposition_without_an_injonction() -> None:
    assert not response(run(), "opposition").available


# --- §8.3: mediation --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("story", "available", "is_recommended"),
    [
        pytest.param(None, False, False, id="no-complaint-yet-l612-2"),
        pytest.param(JUST_SENT, True, False, id="complaint-just-sent"),
        pytest.param(SENT, True, True, id="complaint-unanswered-30-days"),
        pytest.param(
            dataclasses.replace(SENT, answered=True), True, False, id="answered"
        ),
    ],
)
def test_mediation_after_a_written_complaint(story, available, is_recommended) -> None:
    mediation = response(run(story=story), "mediateur")
    assert mediation.available is available
    assert mediation.recommended is is_recommended


def test_mediation_says_the_mediator_is_the_creditors_and_to_check_it() -> None:
    warning = response(run(story=SENT), "mediateur").warning or ""
    assert "créancier" in warning
    assert "à vérifier" in warning


def test_mediation_does_not_suspend_a_forclusion() -> None:
    """§8.3: 2238 suspends a prescription, not the R312-35 forclusion."""
    warning = response(run(story=SENT, limitation=FORCLOSED), "mediateur").warning
    assert "ne suspend pas le délai de forclusion" in (warning or "")
    warning = response(run(story=SENT, limitation=NOT_BARRED), "mediateur").warning
    assert "forclusion" not in (warning or "")


# --- §8.5: reports and complaints -------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "available"),
    [
        pytest.param({}, False, id="nothing-to-report"),
        pytest.param(
            {"warning_signs": frozenset({"repeated_calls"})}, True, id="harassment"
        ),
        pytest.param({"amount_lines": FEES}, True, id="illegal-fees-l111-8"),
        pytest.param({"limitation": BARRED}, True, id="prescribed-debt-claimed"),
    ],
)
def test_signalconso_report_for_reportable_practices(changes, available) -> None:
    report = response(run(**changes), "signalement")
    assert report.available is available
    if available:
        assert "n'envoie rien" in (report.warning or "")


def test_report_is_recommended_when_the_harassment_goes_on_after_her_letter() -> None:
    signs = frozenset({"repeated_calls"})
    assert not response(run(warning_signs=signs), "signalement").recommended
    assert response(run(story=SENT, warning_signs=signs), "signalement").recommended


@pytest.mark.parametrize(
    ("signs", "available", "article"),
    [
        pytest.param({"repeated_calls"}, True, "222-16", id="repeated-calls-222-16"),
        pytest.param({"fake_court_document"}, True, "433-13", id="fake-act-433-13"),
        pytest.param({"night_or_sunday_calls"}, False, None, id="late-calls-alone"),
        pytest.param({"contact_third_parties"}, False, None, id="not-an-offence"),
    ],
)
def test_complaint_to_the_procureur_only_for_offences(
    signs, available, article
) -> None:
    complaint = response(run(warning_signs=frozenset(signs)), "plainte")
    assert complaint.available is available
    assert not complaint.recommended
    if article:
        assert article in complaint.reason
        assert "ne suspend pas la dette" in (complaint.warning or "")


# --- §8.1, §8.2: settlement and deferral ------------------------------------------------


@pytest.mark.parametrize("slug", ["reglement", "delais"])
@pytest.mark.parametrize(
    ("changes", "available"),
    [
        pytest.param({"limitation": BARRED}, False, id="barred-2250"),
        pytest.param({"limitation": FORCLOSED}, False, id="forclosed"),
        pytest.param(
            {"surendettement_admissible": True}, False, id="admissible-l722-5"
        ),
        pytest.param(
            {"warning_signs": frozenset({"personal_account_or_voucher"})},
            False,
            id="scam",
        ),
        pytest.param({}, True, id="due-and-not-barred"),
        pytest.param({"limitation": PARTLY}, True, id="partly-barred-warned"),
    ],
)
def test_offers_follow_the_payment_plan(slug, changes, available) -> None:
    result = run(**changes)
    offer, plan = response(result, slug), response(result, "echeancier")
    assert offer.available is available
    assert offer.available == plan.available
    assert not offer.recommended


@pytest.mark.parametrize("slug", ["reglement", "delais"])
def test_offers_warn_they_acknowledge_the_debt(slug) -> None:
    warning = response(run(), slug).warning or ""
    assert "reconnaît la dette" in warning
    assert "2240" in warning
    forclusion = response(
        run(limitation=dataclasses.replace(NOT_BARRED, kind="forclusion")), slug
    )
    assert "repartir la prescription" not in (forclusion.warning or "")


def test_settlement_asks_to_pay_only_after_the_written_agreement() -> None:
    assert "accord écrit" in (response(run(), "reglement").warning or "")


# --- Order and titles -----------------------------------------------------------------


def test_every_slug_is_answered_once_recommended_first() -> None:
    result = run(FOUR_GROUNDS, story=SENT)
    slugs = [item.slug for item in result.responses]
    assert sorted(slugs) == sorted(LETTER_TITLES)
    ranks = [0 if r.recommended else 1 if r.available else 2 for r in result.responses]
    assert ranks == sorted(ranks)
