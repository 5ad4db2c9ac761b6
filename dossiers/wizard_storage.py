"""The wizard's storage: formtools' storage API over the dossier's row.

The one place that knows formtools' storage internals (``BaseStorage.data``
and its keys): formtools has no public way to give a storage its initial
content. Everything else goes through the public methods
(``get_step_data``, ``set_step_data``, ``current_step``).
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from formtools.wizard.storage.base import BaseStorage

from . import services
from .models import Dossier


class DossierStorage(BaseStorage):  # type: ignore[misc]
    """Wizard storage backed by ``Dossier.wizard_data``; files go to ``Upload``.

    ``wizard_data`` keeps, per step, what was typed (the declared fields only)
    to show the step again; the typed answers are ``Dossier.answers``.
    """

    def __init__(
        self, prefix: str, request: HttpRequest, dossier: Dossier | None
    ) -> None:
        super().__init__(prefix, request, file_storage=None)
        self.dossier = dossier
        self.init_data()
        if dossier is not None:
            self.data[self.step_data_key] = dict(dossier.wizard_data or {})
            self.data[self.step_key] = dossier.current_step or None

    def answered_steps(self) -> frozenset[str]:
        """Steps with stored data (answered at least once)."""
        return frozenset(self.data[self.step_data_key])

    def update_response(self, response: HttpResponse) -> None:
        """Remember where she stopped: on POST only (no state change on GET),
        one write, and only when it changed."""
        step = self.current_step
        if self.dossier is not None and step and self.request.method == "POST":
            services.dossier_set_current_step(dossier=self.dossier, step=step)

    def reset(self) -> None:
        """Answers are the dossier's: finishing the wizard keeps them."""

    def get_step_files(self, step: str) -> None:
        return None

    def set_step_files(self, step: str, files: Any) -> None:
        return None
