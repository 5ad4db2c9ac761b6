"""Triage: one case per row of PRODUCT.md's "Findings" table, plus the order of
findings and responses and the warnings."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from dossiers.law import references as refs
from dossiers.law.budget import assess_budget
from dossiers.law.checks import DOCUMENTS, R124_4_MENTIONS, AmountLine
from dossiers.law.findings import (
    DISCLAIMER,
    RESPONSE_TITLES,
    Assessment,
    Facts,
    FactsError,
    LimitationView,
    Response,
    assess,
)

D = Decimal
TODAY = dt.date(2026, 11, 26)
NOT_BARRED = LimitationView(
    status="not_barred",
    last_day=dt.date(2027, 6, 1),
    basis=("C. consom., art. L218-2",),
    kind="prescription",
)
BARRED = LimitationView(
    status="barred",
    last_day=dt.date(2025, 3, 14),
    basis=("C. consom., art. L218-2",),
    kind="prescription",
)
FORCLOSED = dataclasses.replace(BARRED, basis=(refs.R312_35,), kind="forclusion")
PARTLY = dataclasses.replace(BARRED, status="partly_barred")
UNCERTAIN = LimitationView(status="uncertain")
AFFORDABLE = assess_budget(
    monthly_income=D("2500"),
    fixed_charges=D("1000"),
    dependants=0,
    debt_total=D("1050"),
)
PAY_IN_ONE_GO = assess_budget(
    monthly_income=D("5000"),
    fixed_charges=D("1000"),
    dependants=0,
    debt_total=D("1050"),
)
UNAFFORDABLE = assess_budget(
    monthly_income=D("1200"), fixed_charges=D("500"), dependants=1, debt_total=D("1050")
)

# A letter with nothing wrong: recognised, proven, not barred, affordable.
CLEAN = Facts(
    letter_kind="relance",
    letter_date=dt.date(2026, 11, 2),
    received_on=dt.date(2026, 11, 4),
    agency_role="mandate",
    is_consumer=True,
    amount_lines=(
        AmountLine("Capital", "principal", D("1000")),
        AmountLine("Intérêts", "interest", D("50")),
    ),
    total_claimed=D("1050"),
    mentions_present=frozenset(R124_4_MENTIONS),
    documents_received=frozenset(DOCUMENTS),
    recognises="yes",
    limitation=NOT_BARRED,
    budget=AFFORDABLE,
    considers_payment=True,
)


def run(**changes: object) -> Assessment:
    return assess(dataclasses.replace(CLEAN, **changes), today=TODAY)  # type: ignore[arg-type]


def codes(assessment: Assessment) -> list[str]:
    return [finding.code for finding in assessment.findings]


def response(assessment: Assessment, slug: str) -> Response:
    return next(item for item in assessment.responses if item.slug == slug)


def recommended(assessment: Assessment) -> list[str]:
    return [item.slug for item in assessment.recommended]


# --- one case per row of the Findings table ----------------------------------


@pytest.mark.parametrize(
    ("changes", "finding", "slugs"),
    [
        pytest.param(
            {"mentions_present": frozenset({"collector_identity"})},
            "r124_4_missing",
            ["contestation"],
            id="row-r124-4-mention-missing-r124-7",
        ),
        pytest.param(
            {
                "amount_lines": (
                    AmountLine("Capital", "principal", D("1000")),
                    AmountLine("Frais de recouvrement", "fees", D("50")),
                )
            },
            "fees_not_chargeable",
            ["frais"],
            id="row-fees-consumer-no-title-l111-8-l121-21",
        ),
        pytest.param(
            {"total_claimed": D("1100")},
            "total_mismatch",
            ["contestation"],
            id="row-total-mismatch-r124-4-3",
        ),
        pytest.param(
            {"amount_lines": ()},
            "no_breakdown",
            ["contestation"],
            id="row-no-breakdown-r124-4-3",
        ),
        pytest.param(
            {"limitation": BARRED},
            "limitation_barred",
            ["prescription"],
            id="row-limitation-barred",
        ),
        pytest.param(
            {"limitation": FORCLOSED},
            "limitation_barred",
            ["prescription"],
            id="row-limitation-forclosed",
        ),
        pytest.param(
            {"limitation": PARTLY},
            "limitation_partly_barred",
            ["prescription", "contestation"],
            id="row-limitation-partly-barred",
        ),
        pytest.param(
            {"limitation": UNCERTAIN},
            "limitation_uncertain",
            ["contestation"],
            id="row-limitation-uncertain-dates-needed",
        ),
        pytest.param(
            {"recognises": "no"},
            "debt_contested",
            ["contestation"],
            id="row-debt-not-recognised-1353",
        ),
        pytest.param(
            {"documents_received": frozenset()},
            "documents_missing",
            ["contestation"],
            id="row-documents-missing-1353",
        ),
        pytest.param(
            {"agency_role": "purchase"},
            "debt_sold",
            ["contestation"],
            id="row-debt-bought-1324",
        ),
        pytest.param(
            {"agency_role": "unknown"},
            "owner_unknown",
            ["contestation"],
            id="row-owner-unknown-1324",
        ),
        pytest.param(
            {
                "letter_kind": "injonction_signifiee",
                "signification_date": dt.date(2026, 11, 20),
            },
            "injonction_opposition",
            [],
            id="row-injonction-signifiee-cpc-1416",
        ),
        pytest.param(
            {"letter_kind": "commandement"},
            "enforcement_act",
            [],
            id="row-commandement-commissaire-de-justice",
        ),
        pytest.param(
            {"letter_kind": "assignation"},
            "court_summons",
            [],
            id="row-assignation",
        ),
        pytest.param(
            {"warning_signs": frozenset({"repeated_calls", "night_or_sunday_calls"})},
            "harassment",
            ["harcelement", "echeancier"],
            id="row-harassment-l121-6-222-16",
        ),
        pytest.param(
            {},
            "negotiation_possible",
            ["echeancier"],
            id="row-recognised-not-barred-affordable",
        ),
        pytest.param(
            {"budget": PAY_IN_ONE_GO},
            "negotiation_possible",
            ["quittance", "echeancier"],
            id="row-affordable-in-one-payment-r124-6",
        ),
        pytest.param(
            {"budget": UNAFFORDABLE},
            "over_indebtedness",
            [],
            id="row-no-sustainable-plan-l711-1",
        ),
        pytest.param(
            {"surendettement_admissible": True},
            "surendettement_admissible",
            [],
            id="row-surendettement-admissible-l722-5",
        ),
        pytest.param(
            {"warning_signs": frozenset({"personal_account_or_voucher"})},
            "scam_payment",
            [],
            id="row-scam-signs",
        ),
        pytest.param(
            {"warning_signs": frozenset({"fake_court_document"})},
            "fake_court_document",
            ["harcelement"],
            id="row-fake-court-document-433-13",
        ),
    ],
)
def test_findings_table_row(
    changes: dict[str, object], finding: str, slugs: list[str]
) -> None:
    assessment = run(**changes)
    assert finding in codes(assessment)
    assert recommended(assessment) == slugs
    cited = {cite for found in assessment.findings for cite in found.basis}
    assert cited <= set(refs.CERTAINTY), "every citation has its tag"


def test_clean_letter_only_gives_information() -> None:
    assessment = run()
    assert codes(assessment) == ["limitation_not_barred", "negotiation_possible"]


# --- limitation --------------------------------------------------------------


@pytest.mark.parametrize(
    "limitation",
    [pytest.param(BARRED, id="prescrite"), pytest.param(FORCLOSED, id="forclose")],
)
def test_barred_never_proposes_payment(limitation: LimitationView) -> None:
    assessment = run(limitation=limitation)
    for slug in ("echeancier", "quittance"):
        item = response(assessment, slug)
        assert not item.recommended
        assert not item.available
        assert item.warning
    assert assessment.responses[0].slug == "prescription"
    assert "aucune proposition de paiement" in (
        response(assessment, "prescription").warning or ""
    )
    assert not any("fait repartir" in warning for warning in assessment.warnings)


def test_barred_prescription_warns_of_renunciation_2250_2251() -> None:
    assessment = run(limitation=BARRED)
    [finding] = [f for f in assessment.findings if f.code == "limitation_barred"]
    assert refs.CIV_2250 in finding.basis
    assert refs.CIV_2251 in finding.basis
    assert any("2250-2251" in warning for warning in assessment.warnings)


def test_forclusion_is_not_said_to_be_renounceable() -> None:
    assessment = run(limitation=FORCLOSED)
    [finding] = [f for f in assessment.findings if f.code == "limitation_barred"]
    assert refs.CIV_2251 not in finding.basis
    assert "forclose" in finding.title


def test_partly_barred_discourages_payment() -> None:
    item = response(run(limitation=PARTLY), "echeancier")
    assert item.available
    assert not item.recommended
    assert "partie" in (item.warning or "")


def test_uncertain_limitation_asks_for_dates() -> None:
    assessment = run(limitation=UNCERTAIN)
    [finding] = [f for f in assessment.findings if f.code == "limitation_uncertain"]
    assert finding.uncertain
    assert "historique des paiements" in finding.explanation
    assert not response(assessment, "echeancier").recommended
    assert "Ne payez rien avant d'avoir reçu les justificatifs." in assessment.warnings


def test_no_limitation_estimate_is_a_verifier() -> None:
    assessment = run(limitation=None)
    [finding] = [f for f in assessment.findings if f.code == "limitation_unknown"]
    assert finding.uncertain
    assert not response(assessment, "prescription").available


def test_prescription_letter_unavailable_when_not_barred() -> None:
    item = response(run(), "prescription")
    assert not item.available
    assert not item.recommended


# --- payments ----------------------------------------------------------------


def test_payment_plan_warns_it_acknowledges_the_debt() -> None:
    assessment = run()
    expected = (
        "Proposer un échéancier vaut reconnaissance de dette et fait repartir la "
        "prescription."
    )
    assert expected in assessment.warnings
    assert response(assessment, "echeancier").warning == expected


def test_forclusion_plan_warning_mentions_restart_after_rescheduling() -> None:
    limitation = dataclasses.replace(NOT_BARRED, kind="forclusion")
    item = response(run(limitation=limitation), "echeancier")
    assert "forclusion" in (item.warning or "")


@pytest.mark.parametrize(
    ("changes", "available"),
    [
        pytest.param({"surendettement_admissible": True}, False, id="l722-5"),
        pytest.param(
            {"warning_signs": frozenset({"personal_account_or_voucher"})},
            False,
            id="scam",
        ),
        pytest.param({"recognises": "partly"}, True, id="not-recognised"),
        pytest.param({"documents_received": frozenset()}, True, id="no-proofs"),
        pytest.param({"budget": UNAFFORDABLE}, True, id="unaffordable"),
        pytest.param({"budget": None}, True, id="no-budget"),
        pytest.param({"letter_kind": "assignation"}, True, id="court-procedure"),
        pytest.param(
            {
                "amount_lines": (
                    AmountLine("Capital", "principal", D("1000")),
                    AmountLine("Frais de dossier", "other", D("50")),
                )
            },
            True,
            id="fees-to-remove-first",
        ),
    ],
)
def test_payment_not_recommended(changes: dict[str, object], available: bool) -> None:
    assessment = run(**changes)
    for slug in ("echeancier", "quittance"):
        item = response(assessment, slug)
        assert not item.recommended
        assert item.available is available
    assert "negotiation_possible" not in codes(assessment)


def test_surendettement_admissible_warns_not_to_pay() -> None:
    assessment = run(surendettement_admissible=True)
    assert any("L722-5" in warning for warning in assessment.warnings)
    assert not any("fait repartir" in warning for warning in assessment.warnings)


def test_over_indebtedness_points_to_banque_de_france() -> None:
    assessment = run(budget=UNAFFORDABLE)
    [finding] = [f for f in assessment.findings if f.code == "over_indebtedness"]
    assert "Banque de France" in finding.explanation
    assert refs.L722_5 in finding.basis


def test_do_not_pay_before_proofs_warning() -> None:
    assessment = run(recognises="no")
    assert "Ne payez rien avant d'avoir reçu les justificatifs." in assessment.warnings


def test_fee_warning() -> None:
    assessment = run(
        amount_lines=(
            AmountLine("Capital", "principal", D("1000")),
            AmountLine("Frais de dossier", "other", D("50")),
        )
    )
    assert any("frais contestés" in warning for warning in assessment.warnings)


# --- order -------------------------------------------------------------------


def test_urgent_first_and_injonction_deadline_in_warnings() -> None:
    assessment = run(
        letter_kind="injonction_signifiee",
        signification_date=dt.date(2026, 11, 20),
        limitation=BARRED,
        recognises="no",
        warning_signs=frozenset({"repeated_calls"}),
    )
    first = assessment.findings[0]
    assert first.code == "injonction_opposition"
    # One month ends on Sunday 20 December 2026: CPC 642 moves it to Monday.
    assert first.due == dt.date(2026, 12, 21)
    severities = [finding.severity for finding in assessment.findings]
    ranks = {"urgent": 0, "important": 1, "info": 2}
    assert severities == sorted(severities, key=ranks.__getitem__)
    assert assessment.warnings[0].startswith("Un courrier à l'agence ne suffit pas")
    assert "21 décembre 2026" in assessment.warnings[0]


def test_responses_cover_every_slug_recommended_first() -> None:
    assessment = run(
        limitation=BARRED,
        recognises="no",
        warning_signs=frozenset({"repeated_calls"}),
        amount_lines=(
            AmountLine("Capital", "principal", D("1000")),
            AmountLine("Frais de recouvrement", "fees", D("50")),
        ),
    )
    assert sorted(item.slug for item in assessment.responses) == sorted(RESPONSE_TITLES)
    flags = [(item.recommended, item.available) for item in assessment.responses]
    assert flags == sorted(flags, reverse=True)
    assert recommended(assessment) == [
        "prescription",
        "contestation",
        "frais",
        "harcelement",
    ]
    for item in assessment.responses:
        assert item.title == RESPONSE_TITLES[item.slug]
        assert item.reason


def test_recommended_reason_names_the_findings() -> None:
    assessment = run(recognises="no")
    item = response(assessment, "contestation")
    assert "prouver" in item.reason


def test_disclaimer_is_last_warning() -> None:
    assert run().warnings[-1] == DISCLAIMER


def test_warnings_are_not_repeated() -> None:
    warnings = run(recognises="no", limitation=UNCERTAIN).warnings
    assert len(warnings) == len(set(warnings))


# --- bad facts ---------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"letter_kind": "fax"}, id="letter-kind"),
        pytest.param({"agency_role": "friend"}, id="agency-role"),
        pytest.param({"recognises": "perhaps"}, id="recognises"),
        pytest.param({"documents_received": frozenset({"selfie"})}, id="document"),
        pytest.param({"warning_signs": frozenset({"rain"})}, id="warning-sign"),
        pytest.param({"mentions_present": frozenset({"logo"})}, id="mention"),
        pytest.param(
            {"received_on": dt.date(2026, 11, 1)}, id="received-before-written"
        ),
    ],
)
def test_bad_facts_raise(changes: dict[str, object]) -> None:
    with pytest.raises(FactsError):
        dataclasses.replace(CLEAN, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "field",
    ["letter_date", "received_on", "signification_date"],
)
def test_dates_in_the_future_raise(field: str) -> None:
    changes: dict[str, object] = {field: TODAY + dt.timedelta(days=1)}
    if field == "letter_date":
        changes["received_on"] = None
    with pytest.raises(FactsError, match="futur"):
        run(**changes)


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        pytest.param("gone", None, id="status"),
        pytest.param("barred", "decheance", id="kind"),
    ],
)
def test_bad_limitation_view_raises(status: str, kind: str | None) -> None:
    with pytest.raises(FactsError):
        LimitationView(status=status, kind=kind)  # type: ignore[arg-type]


def test_facts_error_is_a_value_error() -> None:
    assert issubclass(FactsError, ValueError)


def test_no_proof_finding_before_the_checks_step_is_answered() -> None:
    """``recognises=None``: she has not said yet whether she owes the sum, nor
    which documents she has; nothing is concluded about the proofs."""
    unanswered = codes(assess(Facts(recognises=None), today=TODAY))
    assert "debt_unclear" not in unanswered
    assert "documents_missing" not in unanswered
    assert "debt_unclear" in codes(assess(Facts(recognises="unknown"), today=TODAY))


# --- Issue 18 ------------------------------------------------------------------

from dossiers.law.instalments import DebtPart  # noqa: E402

LOAN_PARTS = (
    DebtPart(
        "Échéance du 10 janvier 2021",
        dt.date(2021, 1, 10),
        D("450"),
        "barred",
        dt.date(2023, 1, 10),
        dt.date(2023, 1, 11),
    ),
    DebtPart(
        "Échéance du 10 février 2021",
        dt.date(2021, 2, 10),
        D("450"),
        "barred",
        dt.date(2023, 2, 10),
        dt.date(2023, 2, 11),
    ),
    DebtPart(
        "Échéance du 10 avril 2021",
        dt.date(2021, 4, 10),
        D("450"),
        "not_barred",
        dt.date(2027, 4, 10),
        dt.date(2027, 4, 11),
    ),
    DebtPart(
        "Capital restant dû (déchéance du terme du 20 avril 2021)",
        dt.date(2021, 4, 20),
        D("9000"),
        "not_barred",
        dt.date(2027, 4, 20),
        dt.date(2027, 4, 21),
    ),
)


def test_a_partly_barred_debt_says_plainly_what_remains_claimable() -> None:
    """§1.2, §7 (b): which sums are barred, which are not, with their amounts;
    no future date given as an expiry."""
    view = dataclasses.replace(PARTLY, parts=LOAN_PARTS, last_day=dt.date(2027, 4, 20))
    [finding] = [
        f for f in run(limitation=view).findings if f.code.startswith("limitation")
    ]
    text = finding.explanation.replace("\u00a0", " ")
    assert (
        "Ne peuvent plus être réclamées en justice (prescrites) : 2 échéances, du 10 "
        "janvier 2021 au 10 février 2021 (900,00 €)."
    ) in text
    assert (
        "Peuvent encore être réclamées en justice : l'échéance du 10 avril 2021 "
        "(450,00 €) ; le capital restant dû (déchéance du terme du 20 avril 2021) "
        "(9 000,00 €), soit 9 450,00 € en tout ; la plus ancienne de ces sommes "
        "peut l'être jusqu'au 10 avril 2027 inclus."
    ) in text
    assert "dernier jour estimé" not in text


def test_a_judgment_is_enforced_not_sued_upon() -> None:
    """CPCE L111-4 (§1.9): ten years to enforce, not to sue."""
    view = dataclasses.replace(NOT_BARRED, enforcement=True, basis=(refs.L111_4,))
    [finding] = [
        f for f in run(limitation=view).findings if f.code == "limitation_not_barred"
    ]
    assert (
        "peut encore faire exécuter la décision de justice (saisies)"
        in finding.explanation
    )
    assert "agir en justice" not in finding.explanation
    barred = dataclasses.replace(BARRED, enforcement=True, basis=(refs.L111_4,))
    [finding] = [
        f for f in run(limitation=barred).findings if f.code == "limitation_barred"
    ]
    assert finding.title == "Le délai pour faire exécuter le jugement semble expiré"


@pytest.mark.parametrize(
    ("limitation", "delays"),
    [
        pytest.param(NOT_BARRED, True, id="not-barred-with-acknowledgment-warning"),
        pytest.param(PARTLY, False, id="partly-barred-no-delays"),
        pytest.param(
            dataclasses.replace(NOT_BARRED, nature="alimony"),
            False,
            id="alimony-1343-5",
        ),
    ],
)
def test_judicial_delays_always_say_they_acknowledge_the_debt(
    limitation: LimitationView, delays: bool
) -> None:
    """§5.4, §2.2: délais de paiement acknowledge the debt; not for a barred
    part; not for « dettes d'aliment »."""
    [finding] = [
        f
        for f in run(limitation=limitation, budget=UNAFFORDABLE).findings
        if f.code == "over_indebtedness"
    ]
    assert ("délais de paiement" in finding.explanation) is delays
    if delays:
        assert "c'est une reconnaissance de dette" in finding.explanation
        assert refs.CIV_2240 in finding.basis


def test_the_court_summons_ties_delays_to_an_acknowledgment() -> None:
    [finding] = [
        f for f in run(letter_kind="assignation").findings if f.code == "court_summons"
    ]
    assert "délais de paiement" in finding.explanation
    assert "c'est une reconnaissance de dette" in finding.explanation
    assert "pas pour une somme prescrite" in finding.explanation


def test_mentions_not_checked_conclude_nothing() -> None:
    """Issue 18, item 13: « je n'ai pas vérifié » is not « absent »."""
    assessment = run(mentions_present=None, agency_role="mandate")
    assert not {c for c in codes(assessment) if c.startswith("r124_4")}


def test_a_commissaire_acting_amicably_makes_the_mentions_a_verifier() -> None:
    """R124-1 may exclude commissaires de justice (§4.1, §9 point 3: [U])."""
    assessment = run(
        mentions_present=frozenset({"collector_identity"}),
        agency_role="mandate",
        sender_is_commissaire=True,
    )
    [finding] = [f for f in assessment.findings if f.code.startswith("r124_4")]
    assert finding.uncertain
    assert "à vérifier" in finding.explanation
    assert refs.R124_7 not in finding.basis
