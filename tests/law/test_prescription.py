"""Limitation engine: one row per case, each named after the rule it checks.

Law reference: ../shared/reference/french-debt-law.md, sections 1-3.
"""

import re
from dataclasses import FrozenInstanceError
from datetime import date, datetime
from typing import Any

import pytest

from dossiers.law.prescription import (
    EVENT_KINDS,
    NATURES,
    Claim,
    Event,
    LawInputError,
    Status,
    estimate,
)
from dossiers.law.references import CERTAINTY

D = date
NB, B, PB, U = (
    Status.NOT_BARRED,
    Status.BARRED,
    Status.PARTLY_BARRED,
    Status.UNCERTAIN,
)
L218_2 = "C. consom., art. L218-2"
R312_35 = "C. consom., art. R312-35"
C2220, C2231, C2232 = "C. civ., art. 2220", "C. civ., art. 2231", "C. civ., art. 2232"
C2238, C2240, C2241 = "C. civ., art. 2238", "C. civ., art. 2240", "C. civ., art. 2241"
C2242, C2244, C2247 = "C. civ., art. 2242", "C. civ., art. 2244", "C. civ., art. 2247"
C2249, C2250, C2251 = "C. civ., art. 2249", "C. civ., art. 2250", "C. civ., art. 2251"
L111_4, L114_2 = "CPCE, art. L111-4", "C. assur., art. L114-2"
MISE_EN_DEMEURE = "Cass. com., 18 mai 2022, n° 20-23.204"
NO_WEEKEND = "Cass. 2e civ., 7 avr. 2016, n° 15-12.960"


def ev(kind: str, on: date, end: date | None = None) -> Event:
    return Event(kind, on, end)


def claim(nature: str, start: date, *events: Event, **extra: Any) -> Claim:
    return Claim(nature=nature, start=start, events=events, **extra)


def case(
    claim_: Claim,
    today: date,
    status: Status,
    last_day: date | None,
    *,
    codes: tuple[str, ...] = (),
    basis: tuple[str, ...] = (),
    absent: tuple[str, ...] = (),
    id: str,
) -> Any:
    return pytest.param(claim_, today, status, last_day, codes, basis, absent, id=id)


CREDIT = D(2021, 1, 10)  # consumer credit, forclusion last day 10 January 2023
CASES = [
    # --- Counting: last day, day after, 29 February (2228-2229, CPC 641) ---
    case(
        claim("consumer_service", D(2020, 3, 15)),
        D(2022, 3, 15),
        NB,
        D(2022, 3, 15),
        codes=("check_start_date",),
        id="L218-2-last-day-open",
    ),
    case(
        claim("consumer_service", D(2020, 3, 15)),
        D(2022, 3, 16),
        B,
        D(2022, 3, 15),
        basis=(L218_2, C2247),
        id="L218-2-day-after-barred",
    ),
    case(
        claim("consumer_service", D(2020, 2, 29)),
        D(2022, 3, 1),
        B,
        D(2022, 2, 28),
        id="2229-29-february-end-of-month",
    ),
    case(
        claim("telecom", D(2023, 2, 28)),
        D(2024, 2, 28),
        NB,
        D(2024, 2, 28),
        codes=("telecom_scope",),
        id="L34-2-quantieme-not-end-of-month",
    ),
    case(
        claim("telecom", D(2023, 5, 10)),
        D(2024, 5, 11),
        B,
        D(2024, 5, 10),
        basis=("C. postes et comm. électr., art. L34-2",),
        id="L34-2-one-year",
    ),
    case(
        claim("consumer_service", D(2020, 1, 8)),
        D(2022, 1, 10),
        B,
        D(2022, 1, 8),
        basis=(NO_WEEKEND,),
        absent=("forclusion_weekend",),
        id="prescription-no-weekend-extension",
    ),
    # --- Every nature ---
    case(
        claim("residential_rent", D(2020, 4, 5)),
        D(2023, 4, 6),
        B,
        D(2023, 4, 5),
        basis=("Loi n° 89-462 du 6 juillet 1989, art. 7-1",),
        id="rent-7-1-3y",
    ),
    case(
        claim("civil", D(2020, 4, 1)),
        D(2025, 4, 2),
        B,
        D(2025, 4, 1),
        basis=("C. civ., art. 2224",),
        id="2224-5y-reference-example",
    ),
    case(
        claim("commercial", D(2019, 7, 1), ev("partial_payment", D(2023, 6, 30))),
        D(2025, 1, 1),
        NB,
        D(2028, 6, 30),
        basis=("C. com., art. L110-4", C2240),
        id="L110-4-5y-payment",
    ),
    case(
        claim("judgment", D(2014, 5, 20)),
        D(2024, 5, 20),
        NB,
        D(2024, 5, 20),
        codes=("post_judgment_periodic_sums",),
        basis=(L111_4,),
        id="L111-4-judgment-last-day",
    ),
    case(
        claim("judgment", D(2014, 5, 20)),
        D(2024, 5, 21),
        B,
        D(2024, 5, 20),
        absent=("butoir_applied",),
        id="L111-4-judgment-day-after",
    ),
    case(
        claim("insurance_premium", D(2022, 2, 1)),
        D(2024, 2, 2),
        B,
        D(2024, 2, 1),
        basis=("C. assur., art. L114-1",),
        id="L114-1-premium-2y",
    ),
    case(
        claim("real_estate_loan", D(2021, 6, 5)),
        D(2023, 6, 5),
        NB,
        D(2023, 6, 5),
        basis=(L218_2,),
        id="L218-2-real-estate-loan",
    ),
    case(
        claim("alimony", D(2019, 3, 5)),
        D(2024, 3, 6),
        B,
        D(2024, 3, 5),
        basis=("C. civ., art. 2224", "Cass. 1re civ., 22 juin 2016"),
        id="2224-alimony-5y",
    ),
    case(
        claim("public_debt", D(2022, 1, 1)),
        D(2024, 1, 1),
        U,
        None,
        codes=("public_debt_uncertain",),
        id="public-debt-uncertain",
    ),
    case(
        claim("unknown", D(2022, 1, 1), ev("partial_payment", D(2023, 1, 1))),
        D(2024, 1, 1),
        U,
        None,
        codes=("unknown_nature",),
        id="unknown-nature",
    ),
    # --- Consumer credit: forclusion R312-35 ---
    case(
        claim("consumer_credit", CREDIT),
        D(2023, 1, 10),
        NB,
        D(2023, 1, 10),
        codes=("consumer_credit_scope",),
        basis=(R312_35,),
        id="R312-35-forclusion-last-day",
    ),
    case(
        claim("consumer_credit", CREDIT, ev("acknowledgment", D(2022, 6, 1))),
        D(2023, 2, 1),
        B,
        D(2023, 1, 10),
        basis=(R312_35, C2220),
        absent=("renunciation_risk",),
        id="2220-forclusion-ignores-ack",
    ),
    case(
        claim("consumer_credit", CREDIT, ev("partial_payment", D(2022, 6, 1))),
        D(2023, 2, 1),
        B,
        D(2023, 1, 10),
        codes=("check_start_date",),
        id="2220-forclusion-ignores-payment-imputation",
    ),
    case(
        claim("consumer_credit", CREDIT, ev("payment_plan_request", D(2022, 12, 1))),
        D(2023, 2, 1),
        B,
        D(2023, 1, 10),
        id="2220-forclusion-ignores-plan",
    ),
    case(
        claim("consumer_credit", CREDIT, ev("mediation", D(2022, 6, 1), D(2022, 9, 1))),
        D(2023, 2, 1),
        B,
        D(2023, 1, 10),
        absent=("suspension_days_uncertain",),
        id="2220-forclusion-ignores-mediation",
    ),
    case(
        claim("consumer_credit", CREDIT, ev("surendettement_filing", D(2022, 6, 1))),
        D(2023, 2, 1),
        B,
        D(2023, 1, 10),
        codes=("surendettement_imposed_measures",),
        id="2017-forclusion-ignores-surendettement",
    ),
    case(
        claim("consumer_credit", CREDIT, ev("court_claim", D(2022, 12, 1))),
        D(2026, 1, 1),
        NB,
        None,
        codes=("court_claim_pending",),
        basis=(R312_35, C2241, C2242),
        id="2241-court-claim-forclusion-open",
    ),
    case(
        claim("consumer_credit", CREDIT, ev("court_claim", D(2023, 2, 1))),
        D(2023, 3, 1),
        B,
        D(2023, 1, 10),
        codes=("court_claim_after_expiry",),
        id="2241-court-claim-after-forclusion",
    ),
    case(
        claim("consumer_credit", CREDIT, ev("enforcement_act", D(2022, 6, 1))),
        D(2024, 1, 1),
        NB,
        D(2024, 6, 1),
        basis=(R312_35, C2244, C2231),
        id="2244-enforcement-interrupts-forclusion",
    ),
    case(
        claim(
            "consumer_credit", CREDIT, ev("rescheduling", D(2021, 6, 1), D(2022, 3, 5))
        ),
        D(2024, 3, 5),
        NB,
        D(2024, 3, 5),
        basis=(R312_35,),
        id="R312-35-rescheduling-moves-start-last-day",
    ),
    case(
        claim(
            "consumer_credit", CREDIT, ev("rescheduling", D(2021, 6, 1), D(2022, 3, 5))
        ),
        D(2024, 3, 6),
        B,
        D(2024, 3, 5),
        id="R312-35-rescheduling-day-after",
    ),
    case(
        claim("consumer_credit", CREDIT, ev("rescheduling", D(2021, 6, 1))),
        D(2025, 1, 1),
        NB,
        None,
        id="R312-35-rescheduling-no-incident-yet",
    ),
    case(
        claim(
            "consumer_credit",
            CREDIT,
            ev("rescheduling", D(2021, 6, 1), D(2021, 9, 5)),
            ev("rescheduling", D(2022, 1, 1), D(2022, 3, 5)),
        ),
        D(2023, 1, 1),
        NB,
        D(2024, 3, 5),
        codes=("several_reschedulings",),
        id="R312-35-several-reschedulings-warn",
    ),
    case(
        claim("consumer_credit", CREDIT, ev("rescheduling", D(2023, 6, 1))),
        D(2024, 1, 1),
        U,
        D(2023, 1, 10),
        codes=("rescheduling_after_expiry",),
        id="R312-35-rescheduling-after-forclusion-uncertain",
    ),
    case(
        claim("consumer_credit", CREDIT, ev("partial_payment", D(2023, 6, 1))),
        D(2024, 1, 1),
        B,
        D(2023, 1, 10),
        codes=("forclusion_not_revived",),
        absent=("renunciation_risk",),
        id="forclusion-payment-after-expiry",
    ),
    case(
        claim("consumer_credit", D(2020, 1, 8)),
        D(2022, 1, 8),
        NB,
        D(2022, 1, 8),
        codes=("forclusion_weekend",),
        id="CPC642-forclusion-weekend-warning",
    ),
    case(
        claim("consumer_credit", D(2020, 1, 8)),
        D(2022, 1, 10),
        U,
        D(2022, 1, 8),
        codes=("forclusion_weekend",),
        id="CPC642-forclusion-weekend-uncertain-monday",
    ),
    case(
        claim("consumer_credit", D(2020, 1, 8)),
        D(2022, 1, 11),
        B,
        D(2022, 1, 8),
        codes=("forclusion_weekend",),
        id="CPC642-forclusion-weekend-tuesday-barred",
    ),
    case(
        claim("overdraft", D(2021, 1, 20)),
        D(2023, 4, 20),
        NB,
        D(2023, 4, 20),
        codes=("overdraft_scope",),
        basis=(R312_35, "C. consom., art. L312-93"),
        id="L312-93-overdraft-3-months-plus-2y",
    ),
    case(
        claim("overdraft", D(2021, 1, 20)),
        D(2023, 4, 21),
        B,
        D(2023, 4, 20),
        id="L312-93-overdraft-day-after",
    ),
    case(
        claim("overdraft", D(2021, 11, 30), ev("acknowledgment", D(2023, 1, 1))),
        D(2024, 3, 1),
        B,
        D(2024, 2, 28),
        basis=(C2220,),
        id="L312-93-overdraft-end-of-month-ignores-ack",
    ),
    # --- Interruptions (2240, 2231) and chains ---
    case(
        claim("consumer_service", D(2021, 6, 10), ev("partial_payment", D(2022, 9, 3))),
        D(2024, 6, 15),
        NB,
        D(2024, 9, 3),
        basis=(L218_2, C2240, C2231),
        id="2240-issue-example",
    ),
    case(
        claim(
            "consumer_service", D(2020, 3, 15), ev("partial_payment", D(2022, 3, 15))
        ),
        D(2024, 1, 1),
        NB,
        D(2024, 3, 15),
        id="2231-payment-on-last-day-in-time",
    ),
    case(
        claim(
            "consumer_service", D(2020, 3, 15), ev("partial_payment", D(2022, 3, 16))
        ),
        D(2024, 1, 1),
        B,
        D(2022, 3, 15),
        codes=("renunciation_risk",),
        basis=(C2250, C2251, C2249),
        id="2249-payment-day-after-no-revival",
    ),
    case(
        claim("consumer_service", D(2020, 3, 15), ev("acknowledgment", D(2023, 1, 1))),
        D(2024, 1, 1),
        B,
        D(2022, 3, 15),
        codes=("renunciation_risk",),
        basis=(C2250, C2251),
        absent=(C2249,),
        id="2250-2251-ack-after-expiry-renunciation-risk",
    ),
    case(
        claim(
            "consumer_service",
            D(2018, 1, 10),
            ev("partial_payment", D(2019, 12, 1)),
            ev("acknowledgment", D(2021, 11, 15)),
            ev("partial_payment", D(2023, 10, 1)),
        ),
        D(2024, 1, 1),
        NB,
        D(2025, 10, 1),
        id="2231-chain-of-interruptions",
    ),
    case(
        claim(
            "consumer_service",
            D(2018, 1, 10),
            ev("partial_payment", D(2019, 12, 1)),
            ev("partial_payment", D(2022, 1, 1)),
        ),
        D(2024, 1, 1),
        B,
        D(2021, 12, 1),
        codes=("renunciation_risk",),
        id="2231-chain-broken-after-expiry",
    ),
    case(
        claim(
            "consumer_service",
            D(2022, 1, 10),
            ev("payment_plan_request", D(2023, 5, 2)),
        ),
        D(2024, 1, 1),
        NB,
        D(2025, 5, 2),
        basis=(C2240, "Cass. 1re civ., 11 mars 2020, n° 19-11.309"),
        id="2240-payment-plan-request-interrupts",
    ),
    case(
        claim(
            "consumer_service",
            D(2022, 1, 10),
            ev("surendettement_filing", D(2023, 5, 2)),
        ),
        D(2024, 1, 1),
        NB,
        D(2025, 5, 2),
        basis=(C2240, "Cass. 2e civ., 9 janv. 2014, n° 12-28.272"),
        id="2240-surendettement-interrupts-prescription",
    ),
    case(
        claim(
            "consumer_service",
            D(2022, 1, 10),
            ev("rescheduling", D(2023, 1, 2), D(2023, 6, 5)),
        ),
        D(2024, 1, 1),
        NB,
        D(2025, 6, 5),
        codes=("rescheduling_check",),
        basis=(C2240, "C. civ., art. 2233"),
        id="2240-rescheduling-prescription",
    ),
    # --- Formal notice and insurer letter ---
    case(
        claim("consumer_service", D(2020, 3, 15), ev("formal_notice", D(2022, 3, 1))),
        D(2022, 4, 1),
        B,
        D(2022, 3, 15),
        codes=("formal_notice_no_effect",),
        basis=(MISE_EN_DEMEURE,),
        id="cass-2022-formal-notice-never-interrupts",
    ),
    case(
        claim("insurance_premium", D(2022, 2, 1), ev("formal_notice", D(2023, 9, 1))),
        D(2024, 3, 1),
        B,
        D(2024, 2, 1),
        codes=("formal_notice_no_effect",),
        id="cass-2022-formal-notice-insurance-too",
    ),
    case(
        claim(
            "insurance_premium",
            D(2022, 2, 1),
            ev("insurer_registered_letter", D(2023, 9, 1)),
        ),
        D(2024, 3, 1),
        NB,
        D(2025, 9, 1),
        basis=(L114_2, C2231),
        id="L114-2-insurer-letter-interrupts-premium",
    ),
    case(
        claim(
            "consumer_service",
            D(2022, 2, 1),
            ev("insurer_registered_letter", D(2023, 9, 1)),
        ),
        D(2024, 3, 1),
        B,
        D(2024, 2, 1),
        codes=("insurer_letter_not_applicable",),
        absent=(L114_2,),
        id="L114-2-insurer-letter-only-premiums",
    ),
    # --- Court claims, judgments, enforcement (2241-2244, L111-4) ---
    case(
        claim(
            "consumer_service",
            D(2020, 1, 10),
            ev("court_claim", D(2021, 12, 1)),
            ev("partial_payment", D(2023, 1, 1)),
        ),
        D(2030, 1, 1),
        NB,
        None,
        codes=("court_claim_pending",),
        basis=(C2241, C2242),
        id="2242-court-claim-keeps-open",
    ),
    case(
        claim("consumer_service", D(2020, 1, 10), ev("court_claim", D(2022, 2, 1))),
        D(2023, 1, 1),
        B,
        D(2022, 1, 10),
        codes=("court_claim_after_expiry",),
        basis=(C2247,),
        id="2247-court-claim-after-expiry",
    ),
    case(
        claim(
            "consumer_service",
            D(2020, 1, 10),
            ev("court_claim", D(2021, 12, 1)),
            ev("judgment_signified", D(2023, 3, 1)),
            ev("enforcement_act", D(2031, 1, 1)),
        ),
        D(2035, 1, 1),
        NB,
        D(2041, 1, 1),
        basis=(C2241, L111_4, C2244),
        absent=("court_claim_pending",),
        id="L111-4-judgment-then-enforcement",
    ),
    case(
        claim(
            "consumer_service", D(2018, 1, 10), ev("judgment_signified", D(2021, 1, 1))
        ),
        D(2024, 1, 1),
        NB,
        D(2031, 1, 1),
        codes=("judgment_after_expiry",),
        id="L111-4-judgment-after-expiry-warns",
    ),
    case(
        claim("judgment", D(2014, 5, 20), ev("enforcement_act", D(2020, 1, 15))),
        D(2025, 1, 1),
        NB,
        D(2030, 1, 15),
        basis=(L111_4, C2244, C2231),
        id="2244-enforcement-restarts-10-years",
    ),
    case(
        claim("judgment", D(2010, 5, 20), ev("enforcement_act", D(2021, 1, 15))),
        D(2022, 1, 1),
        B,
        D(2020, 5, 20),
        codes=("enforcement_after_expiry",),
        id="2244-enforcement-after-expiry",
    ),
    case(
        claim("judgment", D(2014, 5, 20), ev("acknowledgment", D(2020, 1, 15))),
        D(2025, 1, 1),
        NB,
        D(2030, 1, 15),
        codes=("judgment_acknowledgment",),
        id="L111-4-acknowledgment-to-check",
    ),
    # --- Butoir (2232) ---
    case(
        claim(
            "civil",
            D(2010, 1, 10),
            *(ev("acknowledgment", D(year, 1, 9)) for year in range(2014, 2030, 4)),
        ),
        D(2030, 6, 1),
        B,
        D(2030, 1, 10),
        codes=("butoir_applied",),
        basis=(C2232,),
        id="2232-butoir-caps-acknowledgments",
    ),
    case(
        claim(
            "civil",
            D(2009, 1, 10),
            ev("acknowledgment", D(2013, 1, 1)),
            ev("acknowledgment", D(2017, 12, 1)),
            ev("enforcement_act", D(2022, 6, 1)),
            ev("enforcement_act", D(2027, 1, 1)),
        ),
        D(2030, 1, 1),
        NB,
        D(2032, 1, 1),
        absent=("butoir_applied",),
        id="2232-butoir-not-for-enforcement",
    ),
    # --- Mediation (2238) ---
    case(
        claim(
            "consumer_service",
            D(2022, 1, 10),
            ev("mediation", D(2023, 12, 1), D(2024, 2, 1)),
        ),
        D(2024, 6, 1),
        NB,
        D(2024, 8, 1),
        basis=(C2238,),
        absent=("suspension_days_uncertain",),
        id="2238-six-month-floor",
    ),
    case(
        claim("civil", D(2020, 1, 10), ev("mediation", D(2021, 1, 10), D(2021, 3, 10))),
        D(2024, 6, 1),
        NB,
        D(2025, 3, 10),
        codes=("suspension_days_uncertain",),
        id="2238-remaining-time-in-days-uncertain",
    ),
    case(
        claim("consumer_service", D(2022, 1, 10), ev("mediation", D(2023, 12, 1))),
        D(2026, 6, 1),
        NB,
        None,
        codes=("mediation_ongoing",),
        id="2238-mediation-ongoing",
    ),
    case(
        claim(
            "consumer_service",
            D(2020, 1, 10),
            ev("mediation", D(2022, 2, 1), D(2022, 5, 1)),
        ),
        D(2023, 1, 1),
        B,
        D(2022, 1, 10),
        absent=(C2238,),
        id="2238-mediation-after-expiry-no-effect",
    ),
    # --- Transitional law (2222) ---
    case(
        claim("civil", D(2007, 1, 1)),
        D(2024, 1, 1),
        U,
        D(2012, 1, 1),
        codes=("transitional_law",),
        id="2222-before-2008-reform",
    ),
    case(
        claim("residential_rent", D(2013, 1, 5)),
        D(2024, 1, 1),
        U,
        D(2016, 1, 5),
        codes=("transitional_law",),
        id="2222-rent-before-2014",
    ),
]


@pytest.mark.parametrize(
    ("claim_", "today", "status", "last_day", "codes", "basis", "absent"), CASES
)
def test_estimate(
    claim_: Claim,
    today: date,
    status: Status,
    last_day: date | None,
    codes: tuple[str, ...],
    basis: tuple[str, ...],
    absent: tuple[str, ...],
) -> None:
    result = estimate(claim_, today=today)
    found = {warning.code for warning in result.warnings}
    assert (result.status, result.last_day) == (status, last_day)
    assert result.barred_from == (
        last_day and date.fromordinal(last_day.toordinal() + 1)
    )
    assert set(codes) <= found, found
    assert set(basis) <= set(result.basis), result.basis
    assert not set(absent) & (found | set(result.basis))
    assert set(result.basis) <= set(CERTAINTY), "every citation has its tag"
    assert result.explanation
    assert all(isinstance(sentence, str) for sentence in result.explanation)


def test_every_nature_and_event_kind_is_covered() -> None:
    claims = [param.values[0] for param in CASES]
    assert {c.nature for c in claims} == set(NATURES)
    assert {e.kind for c in claims for e in c.events} == set(EVENT_KINDS)


def test_issue_example_exact_basis() -> None:
    result = estimate(
        Claim(
            nature="consumer_service",
            start=date(2021, 6, 10),
            events=(Event("partial_payment", date(2022, 9, 3)),),
        ),
        today=date(2024, 6, 15),
    )
    assert result.basis == [L218_2, C2240, C2231]
    assert result.barred_from == date(2024, 9, 4)
    assert "3 septembre 2024" in " ".join(result.explanation)


def test_formal_notice_explained() -> None:
    result = estimate(
        claim("civil", D(2021, 1, 1), ev("formal_notice", D(2022, 1, 1))),
        today=D(2022, 6, 1),
    )
    text = " ".join(result.explanation)
    assert "mise en demeure du 1er janvier 2022 n'a pas interrompu" in text.lower()


# --- Instalment debts (Cass. 1re civ. 11 févr. 2016) ---
INSTALMENT_CASES = [
    pytest.param(
        claim(
            "real_estate_loan",
            D(2020, 1, 5),
            instalments=(D(2020, 1, 5), D(2020, 2, 5)),
            acceleration=D(2021, 9, 1),
        ),
        D(2022, 3, 1),
        PB,
        [B, B, NB],
        [D(2022, 1, 5), D(2022, 2, 5), D(2023, 9, 1)],
        id="2016-instalments-and-capital-partly-barred",
    ),
    pytest.param(
        claim(
            "residential_rent",
            D(2020, 4, 5),
            instalments=(D(2020, 4, 5), D(2020, 5, 5), D(2021, 6, 5)),
        ),
        D(2023, 5, 1),
        PB,
        [B, NB, NB],
        [D(2023, 4, 5), D(2023, 5, 5), D(2024, 6, 5)],
        id="rent-instalments-without-acceleration",
    ),
    pytest.param(
        claim("alimony", D(2018, 1, 1), instalments=(D(2018, 1, 1), D(2018, 2, 1))),
        D(2023, 3, 1),
        B,
        [B, B],
        [D(2023, 1, 1), D(2023, 2, 1)],
        id="alimony-all-instalments-barred",
    ),
    pytest.param(
        claim(
            "real_estate_loan",
            D(2020, 1, 5),
            ev("partial_payment", D(2021, 12, 1)),
            instalments=(D(2020, 1, 5), D(2021, 1, 5)),
        ),
        D(2022, 3, 1),
        NB,
        [NB, NB],
        [D(2023, 12, 1), D(2023, 12, 1)],
        id="2245-payment-interrupts-every-instalment",
    ),
    pytest.param(
        claim(
            "consumer_credit",
            D(2021, 1, 10),
            instalments=(D(2021, 1, 10), D(2021, 2, 10)),
            acceleration=D(2021, 6, 1),
        ),
        D(2023, 2, 1),
        B,
        [B, B, B],
        [D(2023, 1, 10)] * 3,
        id="R312-35-single-clock-for-instalments",
    ),
]


@pytest.mark.parametrize(
    ("claim_", "today", "status", "statuses", "last_days"), INSTALMENT_CASES
)
def test_instalments(
    claim_: Claim,
    today: date,
    status: Status,
    statuses: list[Status],
    last_days: list[date],
) -> None:
    result = estimate(claim_, today=today)
    assert result.status is status
    assert [part.status for part in result.parts] == statuses
    assert [part.last_day for part in result.parts] == last_days
    assert [part.due for part in result.parts] == [
        *claim_.instalments,
        *([claim_.acceleration] if claim_.acceleration else []),
    ]
    assert result.last_day == max(last_days)


def test_instalment_explanation_names_each_part() -> None:
    result = estimate(
        claim(
            "real_estate_loan",
            D(2020, 1, 5),
            ev("partial_payment", D(2022, 1, 10)),
            instalments=(D(2020, 1, 5), D(2020, 2, 5)),
        ),
        today=D(2022, 3, 1),
    )
    text = "\n".join(result.explanation)
    assert result.status is PB
    assert "Échéance du 5 janvier 2020 : le paiement partiel du 10 janvier 2022" in text
    assert "interrompu le délai des sommes encore dans les temps" in text
    assert {w.code for w in result.warnings} == {"renunciation_risk"}


# --- Bad input: LawInputError, a ValueError with a French message ---
TODAY = D(2024, 6, 1)
BAD_INPUTS = [
    pytest.param(claim("civil", D(2024, 6, 2)), id="start-after-today"),
    pytest.param(claim("nope", D(2020, 1, 1)), id="unknown-nature"),
    pytest.param(
        claim("civil", D(2020, 1, 1), ev("nope", D(2021, 1, 1))),
        id="unknown-event-kind",
    ),
    pytest.param(
        claim("civil", D(2020, 1, 1), ev("acknowledgment", D(2019, 1, 1))),
        id="event-before-start",
    ),
    pytest.param(
        claim("civil", D(2020, 1, 1), ev("acknowledgment", D(2024, 7, 1))),
        id="event-after-today",
    ),
    pytest.param(
        claim("civil", D(2020, 1, 1), ev("mediation", D(2021, 5, 1), D(2021, 4, 1))),
        id="end-before-on",
    ),
    pytest.param(
        claim("civil", D(2020, 1, 1), ev("mediation", D(2021, 5, 1), D(2024, 7, 1))),
        id="end-after-today",
    ),
    pytest.param(
        claim(
            "civil", D(2020, 1, 1), ev("partial_payment", D(2021, 5, 1), D(2021, 6, 1))
        ),
        id="end-on-event-without-end",
    ),
    pytest.param(
        claim("civil", D(2020, 1, 1), instalments=(D(2020, 3, 1), D(2020, 2, 1))),
        id="instalments-out-of-order",
    ),
    pytest.param(
        claim("civil", D(2020, 1, 1), instalments=(D(2020, 3, 1), D(2020, 3, 1))),
        id="instalments-duplicate",
    ),
    pytest.param(
        claim("civil", D(2020, 1, 1), instalments=(D(2019, 3, 1),)),
        id="instalment-before-start",
    ),
    pytest.param(
        claim("civil", D(2020, 1, 1), instalments=(D(2024, 7, 1),)),
        id="instalment-after-today",
    ),
    pytest.param(
        claim(
            "civil",
            D(2020, 1, 1),
            instalments=(D(2021, 3, 1),),
            acceleration=D(2021, 1, 1),
        ),
        id="instalment-after-acceleration",
    ),
    pytest.param(
        claim("civil", D(2020, 1, 1), acceleration=D(2019, 1, 1)),
        id="acceleration-before-start",
    ),
    pytest.param(
        claim("overdraft", D(2020, 1, 1), instalments=(D(2020, 2, 1),)),
        id="instalments-not-for-overdraft",
    ),
    pytest.param(
        claim("judgment", D(2020, 1, 1), acceleration=D(2020, 2, 1)),
        id="instalments-not-for-judgment",
    ),
    pytest.param(
        Claim("civil", datetime(2020, 1, 1, 12, 0)),  # noqa: DTZ001
        id="datetime-instead-of-date",
    ),
    pytest.param(
        Claim("civil", "2020-01-01"),  # type: ignore[arg-type]
        id="string-instead-of-date",
    ),
]


@pytest.mark.parametrize("bad", BAD_INPUTS)
def test_bad_input_raises(bad: Claim) -> None:
    with pytest.raises(LawInputError) as raised:
        estimate(bad, today=TODAY)
    assert isinstance(raised.value, ValueError)
    message = str(raised.value)
    assert re.search(r"[éèêàç«]| la | le | de ", message), message


def test_today_must_be_a_date() -> None:
    with pytest.raises(ValueError, match="date du jour"):
        estimate(claim("civil", D(2020, 1, 1)), today=datetime(2024, 1, 1))  # noqa: DTZ001


# --- Public surface for the UI ---
def test_natures_specs_for_the_ui() -> None:
    for code, spec in NATURES.items():
        assert spec.code == code
        assert all((spec.label, spec.start_help, spec.period))
        assert spec.kind in ("prescription", "forclusion", None)
        assert (spec.kind is None) == (spec.months is None)
        assert spec.basis == tuple(ref.cite for ref in spec.refs)
    assert NATURES["consumer_credit"].label.startswith("Crédit à la consommation")
    assert list(NATURES)[-1] == "unknown"


def test_event_kinds_specs_for_the_ui() -> None:
    for code, spec in EVENT_KINDS.items():
        assert (spec.code, bool(spec.label), bool(spec.help)) == (code, True, True)
    assert {code for code, spec in EVENT_KINDS.items() if spec.accepts_end} == {
        "mediation",
        "rescheduling",
    }


def test_results_are_frozen() -> None:
    result = estimate(claim("civil", D(2020, 1, 1)), today=TODAY)
    with pytest.raises(FrozenInstanceError):
        result.status = Status.BARRED  # type: ignore[misc]
    assert result.status == "not_barred"
    assert all(w.message for w in result.warnings)


def test_choice_labels_are_plain_words_with_the_legal_category_apart() -> None:
    """The labels she reads in the wizard carry no bracketed jargon; the legal
    category of a debt, when it helps, is its own field."""
    for spec in (*NATURES.values(), *EVENT_KINDS.values()):
        assert "[" not in spec.label
        assert "]" not in spec.label
    assert NATURES["consumer_service"].category == "dette de consommation"
    assert all(not spec.category.endswith(".") for spec in NATURES.values())


def test_an_input_error_names_the_claim_field_it_is_about() -> None:
    """A form can then show it beside that question."""
    claim = Claim(
        nature="consumer_credit",
        start=date(2024, 5, 10),
        acceleration=date(2024, 1, 2),
    )
    with pytest.raises(LawInputError) as error:
        estimate(claim, today=date(2026, 11, 26))
    assert error.value.field == "acceleration"
    assert "ne peut pas précéder le point de départ" in str(error.value)


# --- Issue 18: holidays, court titles, the 2026 directive, judgments -----------------


@pytest.mark.parametrize(
    ("start", "today", "status"),
    [
        # Last day Friday 25 December 2026 (Noël): the next working day is
        # Monday 28 December; whether CPC 642 applies to R312-35 is [U] (§9).
        pytest.param(
            D(2024, 12, 25), D(2026, 12, 28), U, id="forclusion-noel-to-monday-u"
        ),
        pytest.param(
            D(2024, 12, 25), D(2026, 12, 29), B, id="forclusion-noel-tuesday-b"
        ),
    ],
)
def test_a_forclusion_ending_on_a_public_holiday_is_a_verifier(
    start: date, today: date, status: Status
) -> None:
    result = estimate(claim("consumer_credit", start), today=today)
    assert result.last_day == D(2026, 12, 25)
    assert result.status is status
    [warning] = [w for w in result.warnings if w.code == "forclusion_weekend"]
    assert "un jour férié (Noël)" in warning.message
    assert "28 décembre 2026" in warning.message


def test_a_prescription_ending_on_a_public_holiday_is_not_extended() -> None:
    """Cass. 2e civ. 7 avr. 2016: no CPC 642 for a prescription (§3.1)."""
    result = estimate(claim("consumer_service", D(2024, 12, 25)), today=D(2026, 12, 26))
    assert result.last_day == D(2026, 12, 25)
    assert result.status is B
    assert "forclusion_weekend" not in {w.code for w in result.warnings}


@pytest.mark.parametrize(
    ("nature", "start", "today", "status"),
    [
        pytest.param(
            "telecom", D(2023, 9, 15), D(2026, 10, 1), U, id="barred-becomes-u"
        ),
        pytest.param("civil", D(2024, 1, 1), D(2026, 10, 1), NB, id="not-barred-stays"),
    ],
)
def test_a_declared_court_title_gives_ten_years_to_enforce_a_verifier(
    nature: str, start: date, today: date, status: Status
) -> None:
    """L111-4 (§1.9): a title may be enforced for ten years from its
    signification, whatever the original nature; its date unknown: à vérifier."""
    result = estimate(claim(nature, start, court_title=True), today=today)
    assert result.status is status
    assert L111_4 in result.basis
    assert "court_title_declared" in {w.code for w in result.warnings}


def test_a_signified_judgment_keeps_its_ten_years_with_a_title() -> None:
    result = estimate(
        claim(
            "telecom",
            D(2020, 1, 15),
            ev("judgment_signified", D(2020, 9, 1)),
            court_title=True,
        ),
        today=D(2026, 10, 1),
    )
    assert result.status is NB
    assert result.enforcement
    assert result.last_day == D(2030, 9, 1)
    assert "court_title_declared" not in {w.code for w in result.warnings}


def test_an_injonction_signified_in_time_interrupts_a_telecom_invoice() -> None:
    """Issue 18, item 16: invoice due 15/09/2025, injonction signified on
    01/09/2026 (before 15/09/2026, the last day of L34-2's year), seen on
    01/10/2026: the signification is a demande en justice (2241, §1.5 point 2),
    open while the proceedings last (2242)."""
    result = estimate(
        claim("telecom", D(2025, 9, 15), ev("court_claim", D(2026, 9, 1))),
        today=D(2026, 10, 1),
    )
    assert result.status is NB
    assert result.last_day is None
    assert C2241 in result.basis


@pytest.mark.parametrize(
    ("nature", "start", "warned"),
    [
        pytest.param("consumer_credit", D(2026, 11, 20), True, id="from-20-nov-2026"),
        pytest.param("overdraft", D(2026, 11, 25), True, id="overdraft-too"),
        pytest.param("consumer_credit", D(2026, 11, 19), False, id="before"),
        pytest.param("consumer_service", D(2026, 11, 25), False, id="not-a-credit"),
    ],
)
def test_the_2026_credit_directive_is_a_verifier_never_a_rule(
    nature: str, start: date, warned: bool
) -> None:
    """Directive (EU) 2023/2225 applies from 20 November 2026; its French
    transposition is not verified (§1.5 point 5): a warning, no status change."""
    result = estimate(claim(nature, start), today=D(2026, 12, 1))
    assert result.status is NB
    codes = {w.code for w in result.warnings}
    assert ("credit_directive_2026" in codes) is warned
    assert ("Directive (UE) 2023/2225" in result.basis) is warned
    assert CERTAINTY["Directive (UE) 2023/2225"] == "U"


def test_instalment_errors_name_their_field() -> None:
    with pytest.raises(LawInputError) as error:
        estimate(
            claim("overdraft", D(2020, 1, 1), instalments=(D(2020, 2, 1),)),
            today=D(2024, 1, 1),
        )
    assert error.value.field == "instalments"
