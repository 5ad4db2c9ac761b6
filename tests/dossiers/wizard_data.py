"""Realistic answers for each wizard step, as a browser would post them."""

import datetime as dt

P = "questionnaire-current_step"

# A consumer credit that is NOT time-barred whatever the day the suite runs:
# first unpaid instalment six months ago, a payment three months ago.
CREDIT_START = (dt.date.today() - dt.timedelta(days=180)).isoformat()  # noqa: DTZ011
CREDIT_PAYMENT = (dt.date.today() - dt.timedelta(days=90)).isoformat()  # noqa: DTZ011

COURRIER = {
    "courrier-agency": "",
    "courrier-agency_name": "Intrum Justitia",
    "courrier-agency_address": "97 allée Borodine\n69800 Saint-Priest",
    "courrier-agency_reference": "INT-2026-48213",
    "courrier-letter_date": "2026-10-02",
    "courrier-received_date": "2026-10-05",
    "courrier-channel": "courrier",
    "courrier-letter_kind": "relance",
    "courrier-signification_date": "",
    "courrier-creditor_name": "Cetelem",
    "courrier-creditor_address": "",
    "courrier-agency_role": "mandate",
}

MONTANTS = {
    "montants-total_claimed": "1 318,40",
    "montants-is_consumer": "yes",
    "montants-lines-TOTAL_FORMS": "3",
    "montants-lines-INITIAL_FORMS": "0",
    "montants-lines-MIN_NUM_FORMS": "0",
    "montants-lines-MAX_NUM_FORMS": "30",
    "montants-lines-0-label": "Capital restant dû",
    "montants-lines-0-kind": "principal",
    "montants-lines-0-amount": "1 150,00",
    "montants-lines-1-label": "Intérêts",
    "montants-lines-1-kind": "interest",
    "montants-lines-1-amount": "98,40",
    "montants-lines-2-label": "Frais de recouvrement",
    "montants-lines-2-kind": "fees",
    "montants-lines-2-amount": "70",
}

VERIFICATIONS = {
    "verifications-mentions_checked": "checked",
    "verifications-mentions": [
        "collector_identity",
        "creditor_identity",
        "payment_terms",
    ],
    "verifications-documents": [],
    "verifications-recognises": "partly",
    "verifications-warning_signs": ["night_or_sunday_calls"],
    "verifications-has_court_title": "no",
    "verifications-payment_considered": "yes",
}

PRESCRIPTION = {
    "prescription-nature": "consumer_credit",
    "prescription-start": CREDIT_START,
    "prescription-acceleration": "",
    "prescription-events-TOTAL_FORMS": "1",
    "prescription-events-INITIAL_FORMS": "0",
    "prescription-events-MIN_NUM_FORMS": "0",
    "prescription-events-MAX_NUM_FORMS": "30",
    "prescription-events-0-kind": "partial_payment",
    "prescription-events-0-on": CREDIT_PAYMENT,
    "prescription-events-0-end": "",
}

SITUATION = {
    "situation-monthly_income": "1 650",
    "situation-fixed_charges": "1 050",
    "situation-other_debt_payments": "",
    "situation-dependants": "1",
    "situation-surendettement_admissible": "no",
}

COORDONNEES = {
    "coordonnees-first_name": "Sophie",
    "coordonnees-last_name": "Test",
    "coordonnees-address": "12 rue des Lilas",
    "coordonnees-postal_code": "69003",
    "coordonnees-city": "Lyon",
    "coordonnees-phone": "",
    "coordonnees-save_to_profile": "on",
}

STEPS = {
    "courrier": COURRIER,
    "montants": MONTANTS,
    "verifications": VERIFICATIONS,
    "prescription": PRESCRIPTION,
    "situation": SITUATION,
    "reponse": {},
    "coordonnees": COORDONNEES,
}


def post_data(step: str, **changes: object) -> dict[str, object]:
    return {P: step, **STEPS[step], **changes}
