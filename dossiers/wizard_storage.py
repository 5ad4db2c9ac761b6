"""The wizard's storage: formtools' storage API over the dossier's row.

The one place that knows formtools' storage internals (``BaseStorage.data``
and its keys): formtools has no public way to give a storage its initial
content. Everything else goes through the public methods
(``get_step_data``, ``set_step_data``, ``current_step``, ``extra_data``).
"""

import json
from collections.abc import Sequence
from typing import Any, Final

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.utils.datastructures import MultiValueDict
from formtools.wizard.storage.base import BaseStorage

from . import services
from .models import Dossier

DRAFTS: Final = "drafts"
COUNTED: Final = "counted_steps"
MAX_DRAFT_CHARS: Final = 50_000
"""A draft larger than this (as JSON) is not kept: more than the biggest step
holds (30 rows), so only a pasted book or a forged POST is refused."""


class DraftTooLarge(ValueError):
    """What she typed is too large to be kept as a draft."""


class DossierStorage(BaseStorage):  # type: ignore[misc]
    """Wizard storage backed by the dossier's row; files go to ``Upload``.

    - ``Dossier.wizard_data``: per step, what was typed (the declared fields
      only) the last time the step was valid, to show the step again; the
      typed answers are ``Dossier.answers``.
    - ``Dossier.wizard_extra``: formtools' ``extra_data``. Its ``drafts``
      hold, per step, what she typed on a step she left with an error: never
      an answer, shown again (with its errors) until the step is saved or she
      drops it. ``counted_steps``: the steps the questionnaire counted after
      her last saved step, so that a change of the count is told once.
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
            self.extra_data = dict(dossier.wizard_extra or {})

    def answered_steps(self) -> frozenset[str]:
        """Steps with stored data (answered at least once)."""
        return frozenset(self.data[self.step_data_key])

    # -- drafts ------------------------------------------------------------------

    @property
    def current_step_data(self) -> MultiValueDict | None:
        """What a step's page shows (formtools' GET): her draft if she left the
        step with an error, else the step as last saved. The final check of
        the questionnaire reads the saved steps only (``get_step_data``)."""
        draft = self.draft(self.current_step)
        return MultiValueDict(draft) if draft else self.get_step_data(self.current_step)

    def draft(self, step: str) -> dict[str, list[str]] | None:
        drafts = self.extra_data.get(DRAFTS) or {}
        return drafts.get(step)

    def keep_draft(self, step: str, typed: dict[str, list[str]]) -> None:
        """Keep what she typed on ``step`` (raises ``DraftTooLarge``)."""
        if len(json.dumps(typed, cls=DjangoJSONEncoder)) > MAX_DRAFT_CHARS:
            raise DraftTooLarge(step)
        drafts = dict(self.extra_data.get(DRAFTS) or {})
        drafts[step] = typed
        self.extra_data = {**self.extra_data, DRAFTS: drafts}

    def drop_draft(self, step: str) -> bool:
        """Forget the draft of ``step``; whether there was one."""
        drafts = dict(self.extra_data.get(DRAFTS) or {})
        if drafts.pop(step, None) is None:
            return False
        self.extra_data = {**self.extra_data, DRAFTS: drafts}
        return True

    def save_extra(self) -> None:
        """Store the extra data alone (a valid step stores it with the step)."""
        if self.dossier is not None:
            services.dossier_save_wizard_extra(
                dossier=self.dossier, extra=self.extra_data
            )

    # -- the count -----------------------------------------------------------------

    def counted_steps(self) -> tuple[str, ...] | None:
        """The steps counted after her last saved step (None: not known yet)."""
        counted = self.extra_data.get(COUNTED)
        return tuple(counted) if counted is not None else None

    def count_steps(self, names: Sequence[str]) -> None:
        self.extra_data = {**self.extra_data, COUNTED: list(names)}

    # -- formtools -------------------------------------------------------------------

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
