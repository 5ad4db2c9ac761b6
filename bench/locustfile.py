"""Item 6: simulated debtors doing the whole journey (locust, headless).

Each user logs in with its own seeded account (bench<N>@example.org), then
loops: dossier list → wizard step (GET + POST) → dossier page → letter page →
letter preview → PDF generation → the new PDF. Any unexpected status fails.
"""

import itertools
import re

from locust import HttpUser, between, task

PASSWORD = "bench-password-2026"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
DOSSIER = re.compile(r'<h2><a href="(/dossiers/\d+/)"')
PDF = re.compile(r'href="(/dossiers/\d+/lettres/prescription/v\d+\.pdf)"')
MONTANTS = {
    "questionnaire-current_step": "montants",
    "montants-total_claimed": "2 486,90",
    "montants-is_consumer": "yes",
    "montants-lines-TOTAL_FORMS": "2",
    "montants-lines-INITIAL_FORMS": "0",
    "montants-lines-0-label": "Capital",
    "montants-lines-0-kind": "principal",
    "montants-lines-0-amount": "2 140,00",
    "montants-lines-1-label": "Frais de recouvrement",
    "montants-lines-1-kind": "fees",
    "montants-lines-1-amount": "346,90",
}
_ids = itertools.count()


class Debtor(HttpUser):
    wait_time = between(0.5, 1.5)

    def _get(self, path: str, name: str, status: int = 200) -> str:
        with self.client.get(
            path, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != status:
                response.failure(f"{response.status_code} != {status}")
            return response.text or ""

    def _post(self, path: str, name: str, data: dict[str, str], page: str) -> None:
        token = CSRF.search(page)
        payload = {**data, "csrfmiddlewaretoken": token.group(1) if token else ""}
        with self.client.post(
            path,
            data=payload,
            name=name,
            allow_redirects=False,
            catch_response=True,
            headers={"Referer": self.host + path},
        ) as response:
            if response.status_code != 302:
                response.failure(f"{response.status_code} != 302")

    def on_start(self) -> None:
        email = f"bench{next(_ids)}@example.org"
        page = self._get("/connexion/", "login page")
        self._post(
            "/connexion/", "log in", {"username": email, "password": PASSWORD}, page
        )
        match = DOSSIER.search(self._get("/dossiers/", "dossier list"))
        self.dossier = match.group(1) if match else "/dossiers/0/"

    @task
    def journey(self) -> None:
        self._get("/dossiers/", "dossier list")
        step = self.dossier + "modifier/montants/"
        page = self._get(step, "wizard step GET")
        self._post(step, "wizard step POST", MONTANTS, page)
        self._get(self.dossier, "dossier page")
        letter = self.dossier + "lettres/prescription/"
        page = self._get(letter, "letter page")
        self._get(letter + "apercu/", "letter preview")
        self._post(letter + "generer/", "PDF generation", {}, page)
        match = PDF.search(self._get(letter, "letter page"))
        if match:
            self._get(match.group(1), "PDF download")
