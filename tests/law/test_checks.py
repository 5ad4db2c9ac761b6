"""Checks on a collection letter, one table per rule."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from dossiers.law import references as refs
from dossiers.law.checks import (
    AGENCY_ROLES,
    AMOUNT_KINDS,
    DOCUMENTS,
    LETTER_KINDS,
    R124_4_MENTIONS,
    RECOGNITION,
    WARNING_SIGNS,
    AmountLine,
    CheckInputError,
    Finding,
    check_amounts,
    check_documents,
    check_letter_kind,
    check_mentions,
    check_ownership,
    check_warning_signs,
    fee_category,
    is_collection_fee,
    opposition_last_day,
)

D = Decimal
ALL_MENTIONS = frozenset(R124_4_MENTIONS)
TODAY = dt.date(2026, 11, 26)


def codes(findings: list[Finding]) -> list[str]:
    return [finding.code for finding in findings]


# --- code tables -------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        pytest.param(
            R124_4_MENTIONS,
            [
                "collector_identity",
                "creditor_identity",
                "debt_details",
                "payment_terms",
                "fees_article",
            ],
            id="r124-4-five-mentions-in-order",
        ),
        pytest.param(
            LETTER_KINDS,
            [
                "relance",
                "mise_en_demeure",
                "injonction_signifiee",
                "commandement",
                "assignation",
                "autre",
            ],
            id="letter-kinds",
        ),
        pytest.param(AGENCY_ROLES, ["mandate", "purchase", "unknown"], id="roles"),
        pytest.param(RECOGNITION, ["yes", "partly", "no", "unknown"], id="recognises"),
        pytest.param(
            DOCUMENTS,
            ["contract", "invoices", "statement", "payment_history", "mandate_or_deed"],
            id="documents",
        ),
        pytest.param(
            WARNING_SIGNS,
            [
                "repeated_calls",
                "seizure_threats",
                "contact_third_parties",
                "night_or_sunday_calls",
                "fake_court_document",
                "personal_account_or_voucher",
            ],
            id="warning-signs",
        ),
        pytest.param(
            AMOUNT_KINDS,
            ["principal", "interest", "fees", "penalties", "other"],
            id="amount-kinds",
        ),
    ],
)
def test_code_tables_are_ordered_with_french_labels(
    table: dict[str, tuple[str, str]], expected: list[str]
) -> None:
    assert list(table) == expected
    for label, help_text in table.values():
        assert label
        assert help_text


# --- R124-4 mentions ---------------------------------------------------------


@pytest.mark.parametrize(
    ("present", "role", "expected", "uncertain"),
    [
        pytest.param(ALL_MENTIONS, "mandate", [], None, id="r124-4-complete"),
        pytest.param(
            ALL_MENTIONS - {"fees_article"},
            "mandate",
            ["r124_4_missing"],
            False,
            id="r124-4-missing-mandate-offence-r124-7",
        ),
        pytest.param(
            frozenset(),
            "unknown",
            ["r124_4_missing_role_unknown"],
            True,
            id="r124-4-missing-role-unknown-a-verifier",
        ),
        pytest.param(
            frozenset(),
            "purchase",
            ["r124_4_not_applicable"],
            False,
            id="r124-4-not-applicable-debt-bought",
        ),
        pytest.param(
            ALL_MENTIONS,
            "purchase",
            ["r124_4_not_applicable"],
            False,
            id="r124-4-purchase-says-so-anyway",
        ),
        pytest.param(ALL_MENTIONS, "unknown", [], None, id="r124-4-complete-unknown"),
    ],
)
def test_check_mentions(
    present: frozenset[str], role: str, expected: list[str], uncertain: bool | None
) -> None:
    findings = check_mentions(present, agency_role=role)
    assert codes(findings) == expected
    if uncertain is not None:
        assert findings[0].uncertain is uncertain


def test_missing_mentions_are_listed_and_cite_r124_7() -> None:
    [finding] = check_mentions(
        frozenset({"collector_identity", "payment_terms"}), agency_role="mandate"
    )
    assert finding.basis == (refs.R124_4, refs.R124_7)
    assert finding.responses == ("contestation",)
    assert R124_4_MENTIONS["creditor_identity"].label in finding.explanation
    assert R124_4_MENTIONS["payment_terms"].label not in finding.explanation


@pytest.mark.parametrize(
    ("present", "role"),
    [
        pytest.param(frozenset({"bogus"}), "mandate", id="unknown-mention"),
        pytest.param(ALL_MENTIONS, "owner", id="unknown-role"),
    ],
)
def test_check_mentions_rejects_unknown_codes(
    present: frozenset[str], role: str
) -> None:
    with pytest.raises(CheckInputError, match="inconnue"):
        check_mentions(present, agency_role=role)


# --- fee detection -----------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "kind", "category"),
    [
        pytest.param("Frais de recouvrement", "fees", "collection", id="frais-rec"),
        pytest.param("FRAIS DE DOSSIER", "other", "collection", id="frais-dossier"),
        pytest.param("Frais d'acte", "other", "collection", id="frais-acte"),
        pytest.param("Honoraires agence", "other", "collection", id="honoraires"),
        pytest.param("Gestion", "fees", "collection", id="fees-kind-default"),
        pytest.param("Dommages et intérêts", "other", "damages", id="damages"),
        pytest.param("Dommages-intérêts", "penalties", "damages", id="damages-dash"),
        pytest.param(
            "Indemnité forfaitaire de recouvrement 40 €",
            "other",
            "flat_indemnity",
            id="flat-indemnity-l441-10",
        ),
        pytest.param("Pénalités de retard", "other", "penalty", id="penalite"),
        pytest.param("Clause pénale", "other", "penalty", id="clause-penale"),
        pytest.param("Majoration", "other", "penalty", id="majoration"),
        pytest.param("Divers", "penalties", "penalty", id="penalties-kind-default"),
        pytest.param("Frais de rejet de prélèvement", "fees", "bank", id="rejet"),
        pytest.param("Capital restant dû", "principal", None, id="principal"),
        pytest.param("Frais de dossier", "principal", None, id="principal-trusted"),
        pytest.param("Intérêts de retard", "interest", None, id="interest-not-fee"),
        pytest.param("Solde dossier 1234", "other", None, id="other-plain"),
        pytest.param("Versement reçu", "other", None, id="payment-deducted"),
    ],
)
def test_fee_category(label: str, kind: str, category: str | None) -> None:
    assert fee_category(label, kind) == category
    assert is_collection_fee(label, kind) is (category is not None)


def test_fee_category_rejects_unknown_kind() -> None:
    with pytest.raises(CheckInputError):
        is_collection_fee("Frais", "tax")


# --- amounts -----------------------------------------------------------------

PRINCIPAL = AmountLine("Capital", "principal", D("1000.00"))
INTEREST = AmountLine("Intérêts", "interest", D("50.00"))
FEES = AmountLine("Frais de recouvrement", "fees", D("89.90"))
DOSSIER = AmountLine("Frais de dossier", "other", D("30.00"))
FLAT = AmountLine("Indemnité forfaitaire", "other", D("40.00"))
FLAT_BIG = AmountLine("Indemnité forfaitaire", "other", D("120.00"))
DAMAGES = AmountLine("Dommages et intérêts", "other", D("150.00"))
PENALTY = AmountLine("Clause pénale", "penalties", D("80.00"))
LUMP = AmountLine("Solde", "other", D("1050.00"))


@pytest.mark.parametrize(
    ("lines", "total", "consumer", "title", "expected", "amount"),
    [
        pytest.param(
            [PRINCIPAL, INTEREST], D("1050"), True, False, [], None, id="consistent"
        ),
        pytest.param([], None, True, False, [], None, id="nothing-entered"),
        pytest.param(
            [],
            D("1050"),
            True,
            False,
            ["no_breakdown"],
            None,
            id="no-breakdown-r124-4-3",
        ),
        pytest.param(
            [LUMP], D("1050"), True, False, ["no_breakdown"], None, id="lump-sum-only"
        ),
        pytest.param(
            [PRINCIPAL, INTEREST],
            D("1050.01"),
            True,
            False,
            ["total_mismatch"],
            D("0.01"),
            id="total-mismatch-to-the-cent-r124-4-3",
        ),
        pytest.param(
            [PRINCIPAL], None, True, False, ["total_missing"], None, id="total-missing"
        ),
        pytest.param(
            [PRINCIPAL, FEES, DOSSIER],
            D("1119.90"),
            True,
            False,
            ["fees_not_chargeable"],
            D("119.90"),
            id="fees-consumer-no-title-l111-8-l121-21",
        ),
        pytest.param(
            [PRINCIPAL, FLAT],
            D("1040"),
            True,
            False,
            ["fees_not_chargeable"],
            D("40"),
            id="flat-indemnity-never-for-consumers",
        ),
        pytest.param(
            [PRINCIPAL, DAMAGES],
            D("1150"),
            True,
            False,
            ["fees_not_chargeable"],
            D("150"),
            id="damages-without-bad-faith-1231-6",
        ),
        pytest.param(
            [PRINCIPAL, PENALTY],
            D("1080"),
            True,
            False,
            ["fees_to_check"],
            D("80"),
            id="penalty-a-verifier",
        ),
        pytest.param(
            [PRINCIPAL, FEES, PENALTY],
            D("1169.90"),
            True,
            False,
            ["fees_not_chargeable", "fees_to_check"],
            D("89.90"),
            id="fees-and-penalty",
        ),
        pytest.param(
            [PRINCIPAL, FLAT],
            D("1040"),
            False,
            False,
            ["flat_indemnity_b2b"],
            D("40"),
            id="flat-indemnity-b2b-due",
        ),
        pytest.param(
            [PRINCIPAL, FLAT_BIG],
            D("1120"),
            False,
            False,
            ["fees_professional_to_check"],
            D("120"),
            id="flat-indemnity-over-40-b2b-a-verifier",
        ),
        pytest.param(
            [PRINCIPAL, FEES],
            D("1089.90"),
            False,
            False,
            ["fees_professional_to_check"],
            D("89.90"),
            id="fees-professional-a-verifier",
        ),
        pytest.param(
            [PRINCIPAL, FEES],
            D("1089.90"),
            True,
            True,
            ["fees_with_title_to_check"],
            D("89.90"),
            id="fees-with-court-title-l111-8-al1",
        ),
        pytest.param(
            [PRINCIPAL, FEES],
            D("2000"),
            True,
            False,
            ["total_mismatch", "fees_not_chargeable"],
            D("910.10"),
            id="mismatch-and-fees",
        ),
    ],
)
def test_check_amounts(
    lines: list[AmountLine],
    total: Decimal | None,
    consumer: bool,
    title: bool,
    expected: list[str],
    amount: Decimal | None,
) -> None:
    findings = check_amounts(lines, total, is_consumer=consumer, has_court_title=title)
    assert codes(findings) == expected
    if amount is not None:
        assert findings[0].amount == amount


def test_fees_not_chargeable_cites_its_basis_and_answers_with_frais() -> None:
    [finding] = check_amounts(
        [PRINCIPAL, FEES, FLAT, DAMAGES],
        D("1279.90"),
        is_consumer=True,
        has_court_title=False,
    )
    assert finding.responses == ("frais",)
    assert finding.uncertain is False
    for ref in (
        refs.L111_8_AL2,
        refs.L121_21,
        refs.CASS_2010_FEES,
        refs.L441_10,
        refs.CIV_1231_6,
    ):
        assert ref in finding.basis
    assert "279,90" in finding.explanation


@pytest.mark.parametrize(
    ("role", "basis"),
    [
        pytest.param("mandate", (refs.R124_4_3, refs.CIV_1353), id="mandate-r124-4"),
        pytest.param("purchase", (refs.CIV_1353,), id="buyer-burden-of-proof-only"),
    ],
)
def test_breakdown_basis_depends_on_role(role: str, basis: tuple[str, ...]) -> None:
    [finding] = check_amounts(
        [], D("10"), is_consumer=True, has_court_title=False, agency_role=role
    )
    assert finding.basis == basis


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda: AmountLine("X", "tax", D("1")), "inconnue", id="kind"),
        pytest.param(lambda: AmountLine(" ", "fees", D("1")), "libellé", id="label"),
        pytest.param(
            lambda: AmountLine("Frais", "fees", D("-1")), "négatif", id="negative-fee"
        ),
        pytest.param(
            lambda: AmountLine("Capital", "principal", D("1.001")),
            "centime",
            id="sub-cent",
        ),
        pytest.param(
            lambda: AmountLine("Capital", "principal", D("NaN")), "invalide", id="nan"
        ),
        pytest.param(
            lambda: AmountLine("Capital", "principal", D("1e12")),
            "invalide",
            id="absurd",
        ),
        pytest.param(
            lambda: AmountLine("Capital", "principal", 10.5),  # type: ignore[arg-type]
            "invalide",
            id="float",
        ),
        pytest.param(
            lambda: check_amounts(
                [PRINCIPAL], D("-5"), is_consumer=True, has_court_title=False
            ),
            "négatif",
            id="negative-total",
        ),
    ],
)
def test_bad_amounts_raise(make: object, message: str) -> None:
    with pytest.raises(CheckInputError, match=message):
        make()  # type: ignore[operator]


def test_other_line_may_be_negative_payment_deducted() -> None:
    paid = AmountLine("Versement reçu", "other", D("-50.00"))
    assert (
        check_amounts(
            [PRINCIPAL, INTEREST, paid],
            D("1000"),
            is_consumer=True,
            has_court_title=False,
        )
        == []
    )


# --- ownership and documents -------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected", "uncertain"),
    [
        pytest.param("purchase", ["debt_sold"], False, id="debt-sold-1324"),
        pytest.param("unknown", ["owner_unknown"], True, id="owner-unknown-1324"),
        pytest.param("mandate", [], None, id="mandate"),
    ],
)
def test_check_ownership(
    role: str, expected: list[str], uncertain: bool | None
) -> None:
    findings = check_ownership(role)
    assert codes(findings) == expected
    if findings:
        assert refs.CIV_1324 in findings[0].basis
        assert findings[0].uncertain is uncertain
        assert findings[0].responses == ("contestation",)


ALL_DOCS = frozenset(DOCUMENTS)


@pytest.mark.parametrize(
    ("received", "recognises", "expected"),
    [
        pytest.param(ALL_DOCS, "yes", [], id="recognised-with-proofs"),
        pytest.param(
            frozenset({"invoices", "statement"}), "yes", [], id="invoices-enough"
        ),
        pytest.param(
            frozenset({"contract"}), "yes", ["documents_missing"], id="no-statement"
        ),
        pytest.param(frozenset(), "yes", ["documents_missing"], id="no-documents"),
        pytest.param(ALL_DOCS, "no", ["debt_contested"], id="not-recognised-1353"),
        pytest.param(ALL_DOCS, "partly", ["debt_partly_contested"], id="partly"),
        pytest.param(frozenset(), "unknown", ["debt_unclear"], id="unknown-debt"),
    ],
)
def test_check_documents(
    received: frozenset[str], recognises: str, expected: list[str]
) -> None:
    findings = check_documents(received, recognises)
    assert codes(findings) == expected
    for finding in findings:
        assert finding.basis == (refs.CIV_1353,)
        assert finding.responses == ("contestation",)


def test_missing_documents_are_listed() -> None:
    [finding] = check_documents(frozenset({"contract"}), "no")
    assert DOCUMENTS["statement"].label in finding.explanation
    assert DOCUMENTS["contract"].label not in finding.explanation


@pytest.mark.parametrize(
    ("received", "recognises"),
    [
        pytest.param(frozenset({"passport"}), "yes", id="unknown-document"),
        pytest.param(ALL_DOCS, "maybe", id="unknown-answer"),
    ],
)
def test_check_documents_rejects_unknown_codes(
    received: frozenset[str], recognises: str
) -> None:
    with pytest.raises(CheckInputError):
        check_documents(received, recognises)


# --- warning signs -----------------------------------------------------------


@pytest.mark.parametrize(
    ("signs", "expected", "basis"),
    [
        pytest.param(frozenset(), [], set(), id="none"),
        pytest.param(
            frozenset({"repeated_calls"}),
            ["harassment"],
            {refs.L121_6, refs.PEN_222_16},
            id="repeated-calls-l121-6-222-16",
        ),
        pytest.param(
            frozenset({"night_or_sunday_calls"}),
            ["harassment"],
            {refs.L121_6, refs.PEN_222_16},
            id="night-calls",
        ),
        pytest.param(
            frozenset({"seizure_threats"}),
            ["harassment"],
            {refs.L121_6, refs.L111_2},
            id="seizure-threat-without-title",
        ),
        pytest.param(
            frozenset({"contact_third_parties"}),
            ["harassment"],
            {refs.L121_6},
            id="third-parties",
        ),
        pytest.param(
            frozenset({"personal_account_or_voucher"}),
            ["scam_payment"],
            {refs.R124_2},
            id="scam-personal-account",
        ),
        pytest.param(
            frozenset({"fake_court_document"}),
            ["fake_court_document"],
            {refs.PEN_433_13},
            id="fake-court-act-433-13",
        ),
        pytest.param(
            frozenset(WARNING_SIGNS),
            ["scam_payment", "fake_court_document", "harassment"],
            set(),
            id="all-signs",
        ),
    ],
)
def test_check_warning_signs(
    signs: frozenset[str], expected: list[str], basis: set[str]
) -> None:
    findings = check_warning_signs(signs)
    assert codes(findings) == expected
    if findings:
        assert basis <= set(findings[0].basis)


def test_harassment_points_to_reports_and_letter() -> None:
    [finding] = check_warning_signs(frozenset({"repeated_calls"}))
    assert finding.responses == ("harcelement",)
    for authority in ("SignalConso", "procureur", "CNIL"):
        assert authority in finding.explanation


def test_night_calls_do_not_invent_a_calling_hours_rule() -> None:
    [finding] = check_warning_signs(frozenset({"night_or_sunday_calls"}))
    assert "Aucune règle d'horaires" in finding.explanation


def test_scam_is_urgent_and_says_do_not_pay() -> None:
    [finding] = check_warning_signs(frozenset({"personal_account_or_voucher"}))
    assert finding.severity == "urgent"
    assert "Ne payez pas" in finding.explanation


def test_unknown_sign_raises() -> None:
    with pytest.raises(CheckInputError):
        check_warning_signs(frozenset({"rude"}))


# --- letter kind / urgent procedures -----------------------------------------


@pytest.mark.parametrize(
    ("signified", "last_day"),
    [
        pytest.param(dt.date(2026, 3, 15), dt.date(2026, 4, 15), id="same-quantieme"),
        # 28 February 2026 is a Saturday: CPC 642 carries it to Monday 2 March.
        pytest.param(dt.date(2026, 1, 31), dt.date(2026, 3, 2), id="end-of-month-642"),
        pytest.param(dt.date(2027, 1, 31), dt.date(2027, 3, 1), id="end-of-month-sun"),
        pytest.param(dt.date(2028, 1, 31), dt.date(2028, 2, 29), id="leap-year"),
        pytest.param(dt.date(2026, 12, 20), dt.date(2027, 1, 20), id="new-year"),
        pytest.param(dt.date(2026, 11, 25), dt.date(2026, 12, 28), id="christmas-642"),
        pytest.param(dt.date(2026, 11, 20), dt.date(2026, 12, 21), id="sunday-642"),
        pytest.param(dt.date(2027, 4, 14), dt.date(2027, 5, 14), id="may-14-working"),
        pytest.param(dt.date(2027, 4, 1), dt.date(2027, 5, 3), id="may-1-saturday"),
        pytest.param(dt.date(2026, 4, 14), dt.date(2026, 5, 15), id="ascension-2026"),
    ],
)
def test_opposition_last_day_cpc_1416(signified: dt.date, last_day: dt.date) -> None:
    """CPC 1416 (one month), 641 (same day number), 642 (Saturday, Sunday or
    public holiday of C. trav. L3133-1: first working day after)."""
    assert opposition_last_day(signified) == last_day


@pytest.mark.parametrize(
    ("signified", "alsace", "last_day"),
    [
        # 26 December 2027 is a Sunday anyway; Good Friday 2027 is 26 March.
        pytest.param(
            dt.date(2027, 2, 26), False, dt.date(2027, 3, 26), id="gf-national"
        ),
        pytest.param(dt.date(2027, 2, 26), True, dt.date(2027, 3, 30), id="gf-alsace"),
        pytest.param(
            dt.date(2025, 11, 26), False, dt.date(2025, 12, 26), id="st-etienne"
        ),
        pytest.param(
            dt.date(2025, 11, 26), True, dt.date(2025, 12, 29), id="st-et-alsace"
        ),
    ],
)
def test_opposition_in_alsace_moselle(
    signified: dt.date, alsace: bool, last_day: dt.date
) -> None:
    """Good Friday and 26 December are holidays in Alsace-Moselle only."""
    assert opposition_last_day(signified, alsace_moselle=alsace) == last_day


@pytest.mark.parametrize(
    ("signified", "today", "due", "uncertain", "text"),
    [
        pytest.param(
            dt.date(2026, 11, 16),
            TODAY,
            dt.date(2026, 12, 16),
            False,
            "16 décembre 2026",
            id="injonction-opposition-one-month-cpc-1416",
        ),
        pytest.param(
            dt.date(2026, 11, 21),
            TODAY,
            dt.date(2026, 12, 21),
            False,
            "ne suffit pas",
            id="injonction-letter-to-agency-not-enough",
        ),
        pytest.param(
            dt.date(2026, 11, 19),
            TODAY,
            dt.date(2026, 12, 21),
            False,
            "samedi 19 décembre 2026, un samedi : il est reporté au premier jour "
            "ouvrable suivant (CPC, art. 642). Dernier jour légal : le lundi 21 "
            "décembre 2026 inclus.",
            id="injonction-weekend-cpc-642",
        ),
        pytest.param(
            dt.date(2026, 11, 25),
            TODAY,
            dt.date(2026, 12, 28),
            False,
            "vendredi 25 décembre 2026, un jour férié (Noël)",
            id="injonction-christmas-cpc-642",
        ),
        pytest.param(
            dt.date(2026, 9, 1),
            TODAY,
            dt.date(2026, 10, 1),
            True,
            "dépassé",
            id="injonction-overdue-1416-al2-a-verifier",
        ),
        pytest.param(
            dt.date(2026, 10, 26),
            TODAY,
            TODAY,
            False,
            "26 novembre 2026",
            id="injonction-last-day-is-today",
        ),
    ],
)
def test_injonction_signifiee(
    signified: dt.date, today: dt.date, due: dt.date, uncertain: bool, text: str
) -> None:
    [finding] = check_letter_kind(
        "injonction_signifiee", signification_date=signified, today=today
    )
    assert finding.code == "injonction_opposition"
    assert finding.severity == "urgent"
    assert finding.due == due
    assert finding.uncertain is uncertain
    assert text in finding.explanation
    assert refs.CPC_1416 in finding.basis
    assert "greffe" in finding.explanation


def test_injonction_without_date_is_urgent_and_a_verifier() -> None:
    [finding] = check_letter_kind(
        "injonction_signifiee", signification_date=None, today=TODAY
    )
    assert finding.severity == "urgent"
    assert finding.uncertain
    assert finding.due is None


def test_signification_in_the_future_raises() -> None:
    with pytest.raises(CheckInputError, match="futur"):
        check_letter_kind(
            "injonction_signifiee",
            signification_date=TODAY + dt.timedelta(days=1),
            today=TODAY,
        )


@pytest.mark.parametrize(
    ("kind", "expected", "severity"),
    [
        pytest.param("commandement", ["enforcement_act"], "urgent", id="commandement"),
        pytest.param("assignation", ["court_summons"], "urgent", id="assignation"),
        pytest.param(
            "mise_en_demeure", ["mise_en_demeure"], "info", id="mise-en-demeure"
        ),
        pytest.param("relance", [], None, id="relance"),
        pytest.param("autre", [], None, id="autre"),
    ],
)
def test_check_letter_kind(
    kind: str, expected: list[str], severity: str | None
) -> None:
    findings = check_letter_kind(kind, signification_date=None, today=TODAY)
    assert codes(findings) == expected
    if severity:
        assert findings[0].severity == severity


def test_commandement_mentions_one_month_and_an_association() -> None:
    [finding] = check_letter_kind("commandement", signification_date=None, today=TODAY)
    assert "un mois" in finding.explanation
    assert "association" in finding.explanation
    assert refs.WAGE_SEIZURE_2025 in finding.basis


def test_assignation_says_the_judge_will_not_raise_prescription() -> None:
    [finding] = check_letter_kind("assignation", signification_date=None, today=TODAY)
    assert refs.CIV_2247 in finding.basis


def test_unknown_letter_kind_raises() -> None:
    with pytest.raises(CheckInputError):
        check_letter_kind("telegramme", signification_date=None, today=TODAY)
