"""What each letter invokes, situation by situation (issue 18, items 3, 6, 14).

Every expectation comes from the reference: §7 (a)-(e) for the letters' content,
§4.1 (R124 binds a collector acting for a creditor only), §4.6 (L111-8 al. 1 /
al. 2 / al. 3, L121-21 for consumers, €40 between professionals, damages),
§6.2 (222-16 for repeated calls), §2.3 (a payment after expiry revives nothing;
2249-2251 are not the debtor's arguments), §1.5 (a forclusion is interrupted
only by 2241 and 2244)."""

from __future__ import annotations

import dataclasses

import pytest

from dossiers.law import references as refs
from dossiers.law.citations import (
    NEVER_IN_A_LETTER,
    LetterSituation,
    contestation_articles,
    fees_articles,
    harassment_articles,
    limitation_articles,
    plan_articles,
    receipt_articles,
)

CONSUMER_MANDATE = LetterSituation(agency_role="mandate", is_consumer=True)


def with_(**changes: object) -> LetterSituation:
    return dataclasses.replace(CONSUMER_MANDATE, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("situation", "expected"),
    [
        pytest.param(
            with_(nature="consumer_credit", limitation_kind="forclusion"),
            (
                refs.R312_35,
                refs.CIV_2241,
                refs.CIV_2244,
                refs.FORMAL_NOTICE_2022,
                refs.L121_6,
            ),
            id="forclusion-r312-35-only-2241-2244-interrupt",
        ),
        pytest.param(
            with_(nature="overdraft", limitation_kind="forclusion"),
            (
                refs.R312_35,
                refs.L312_93,
                refs.CIV_2241,
                refs.CIV_2244,
                refs.FORMAL_NOTICE_2022,
                refs.L121_6,
            ),
            id="overdraft-r312-35-l312-93",
        ),
        pytest.param(
            with_(nature="telecom", limitation_kind="prescription"),
            (refs.L34_2, refs.FORMAL_NOTICE_2022, refs.L121_6),
            id="telecom-l34-2",
        ),
        pytest.param(
            with_(nature="telecom", limitation_kind="prescription", late_payment=True),
            (refs.L34_2, refs.FORMAL_NOTICE_2022, refs.LATE_PAYMENT_2021, refs.L121_6),
            id="late-payment-revives-nothing-2021-not-2249",
        ),
        pytest.param(
            with_(
                nature="consumer_credit",
                limitation_kind="forclusion",
                late_payment=True,
            ),
            (
                refs.R312_35,
                refs.CIV_2241,
                refs.CIV_2244,
                refs.FORMAL_NOTICE_2022,
                refs.L121_6,
            ),
            id="forclusion-late-payment-said-by-2241-2244",
        ),
        pytest.param(
            with_(
                nature="real_estate_loan", limitation_kind="prescription", by_parts=True
            ),
            (refs.L218_2, refs.INSTALMENTS_2016, refs.FORMAL_NOTICE_2022, refs.L121_6),
            id="loan-by-parts-l218-2-2016",
        ),
        pytest.param(
            with_(
                nature="residential_rent", limitation_kind="prescription", by_parts=True
            ),
            (
                refs.RENT_7_1,
                refs.INSTALMENTS_2016,
                refs.FORMAL_NOTICE_2022,
                refs.L121_6,
            ),
            id="rent-by-parts-7-1",
        ),
        pytest.param(
            with_(nature="judgment", limitation_kind="prescription"),
            (
                refs.L111_4,
                refs.SIGNIFICATION_2023,
                refs.FORMAL_NOTICE_2022,
                refs.L121_6,
            ),
            id="judgment-l111-4",
        ),
    ],
)
def test_the_limitation_letter_cites_the_period_and_why_nothing_interrupted(
    situation: LetterSituation, expected: tuple[str, ...]
) -> None:
    cited = limitation_articles(situation)
    assert cited == expected
    assert not NEVER_IN_A_LETTER & set(cited)
    assert len(cited) == len(set(cited))  # no decision twice


@pytest.mark.parametrize(
    ("situation", "expected"),
    [
        pytest.param(
            CONSUMER_MANDATE,
            (refs.CIV_1353, refs.R124_4_3, refs.R124_3, refs.L111_8_AL2, refs.L121_21),
            id="consumer-mandate",
        ),
        pytest.param(
            with_(agency_role="purchase"),
            (refs.CIV_1353, refs.CIV_1324, refs.L111_8_AL2, refs.L121_21),
            id="buyer-no-r124-1324",
        ),
        pytest.param(
            with_(agency_role="unknown"),
            (refs.CIV_1353, refs.R124_3, refs.CIV_1324, refs.L111_8_AL2, refs.L121_21),
            id="role-unknown-mandate-or-deed",
        ),
        pytest.param(
            with_(is_consumer=False),
            (refs.CIV_1353, refs.R124_4_3, refs.R124_3, refs.L111_8_AL2),
            id="professional-no-l121-21",
        ),
        pytest.param(
            with_(has_court_title=True),
            (refs.CIV_1353, refs.R124_4_3, refs.R124_3),
            id="court-title-no-amicable-fee-rule",
        ),
        pytest.param(
            with_(documents_received=frozenset({"statement", "mandate_or_deed"})),
            (refs.CIV_1353, refs.L111_8_AL2, refs.L121_21),
            id="documents-received-not-asked",
        ),
    ],
)
def test_the_contestation_cites_what_applies(
    situation: LetterSituation, expected: tuple[str, ...]
) -> None:
    assert contestation_articles(situation) == expected


@pytest.mark.parametrize(
    ("situation", "expected"),
    [
        pytest.param(
            CONSUMER_MANDATE,
            (refs.L111_8_AL2, refs.L121_21, refs.CASS_2010_FEES, refs.L111_8_AL3),
            id="consumer-collection-fees",
        ),
        pytest.param(
            with_(fee_categories=frozenset({"flat_indemnity", "damages"})),
            (
                refs.L111_8_AL2,
                refs.L121_21,
                refs.CASS_2010_FEES,
                refs.L111_8_AL3,
                refs.L441_10,
                refs.CIV_1231_6,
            ),
            id="consumer-40-euros-and-damages",
        ),
        pytest.param(
            with_(is_consumer=False, fee_categories=frozenset({"collection"})),
            (refs.L111_8_AL2, refs.L111_8_AL3),
            id="professional-no-l121-21",
        ),
        pytest.param(
            with_(has_court_title=True, fee_categories=frozenset({"collection"})),
            (refs.L111_8_AL1, refs.L111_8_AL2),
            id="court-title-al1-execution-costs",
        ),
    ],
)
def test_the_fee_letter_cites_what_applies(
    situation: LetterSituation, expected: tuple[str, ...]
) -> None:
    assert fees_articles(situation) == expected


@pytest.mark.parametrize(
    ("situation", "expected"),
    [
        pytest.param(CONSUMER_MANDATE, (refs.L121_6, refs.L132_11), id="no-calls"),
        pytest.param(
            with_(contacts_recorded=True),
            (refs.L121_6, refs.L132_11, refs.PEN_222_16),
            id="calls-222-16",
        ),
        pytest.param(
            with_(mentions_missing=True),
            (refs.L121_6, refs.L132_11, refs.R124_4, refs.R124_7),
            id="mandate-mentions-missing-r124-7-penalty",
        ),
        pytest.param(
            with_(mentions_missing=True, agency_role="purchase"),
            (refs.L121_6, refs.L132_11),
            id="buyer-no-r124",
        ),
        pytest.param(
            with_(seizure_threatened=True, fake_document=True),
            (refs.L121_6, refs.L132_11, refs.L111_2, refs.PEN_433_13),
            id="seizure-threat-fake-act",
        ),
        pytest.param(
            with_(seizure_threatened=True, has_court_title=True),
            (refs.L121_6, refs.L132_11),
            id="seizure-threat-with-title-is-not-impossible",
        ),
    ],
)
def test_the_harassment_letter_cites_what_the_facts_support(
    situation: LetterSituation, expected: tuple[str, ...]
) -> None:
    assert harassment_articles(situation) == expected


@pytest.mark.parametrize(
    ("situation", "plan", "receipt"),
    [
        pytest.param(
            CONSUMER_MANDATE,
            (refs.L111_8_AL2, refs.R124_6),
            (refs.R124_6, refs.L111_8_AL2),
            id="mandate",
        ),
        pytest.param(
            with_(agency_role="purchase"),
            (refs.L111_8_AL2,),
            (refs.L111_8_AL2,),
            id="buyer-no-r124-6",
        ),
    ],
)
def test_payment_letters_never_cite_1343_5_nor_r124_6_to_a_buyer(
    situation: LetterSituation, plan: tuple[str, ...], receipt: tuple[str, ...]
) -> None:
    assert plan_articles(situation) == plan
    assert receipt_articles(situation, fees_excluded=True) == receipt
    assert refs.CIV_1343_5 not in plan
