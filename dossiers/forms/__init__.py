"""The dossier's forms: one per wizard step, and the timeline's.

Labels in plain French, the legal term beside them. ``base`` holds what every
step's form shares (:class:`StepForm`, :class:`RowsForm` for a repeatable
group, the choices helpers); one module per step, named after it; ``timeline``
is the dossier page's form to add an event.
"""

from .base import (
    MAX_ROWS,
    MultipleFileField,
    MultipleFileInput,
    RowsForm,
    StepForm,
    choices,
    row_choices,
)
from .coordonnees import CoordonneesForm
from .courrier import CourrierForm
from .montants import AmountLineForm, MontantsForm
from .prescription import EventForm, PrescriptionForm
from .reponse import ReponseForm
from .situation import SituationForm
from .timeline import TimelineEventForm, timeline_full
from .verifications import VerificationsForm

__all__ = [
    "MAX_ROWS",
    "AmountLineForm",
    "CoordonneesForm",
    "CourrierForm",
    "EventForm",
    "MontantsForm",
    "MultipleFileField",
    "MultipleFileInput",
    "PrescriptionForm",
    "ReponseForm",
    "RowsForm",
    "SituationForm",
    "StepForm",
    "TimelineEventForm",
    "VerificationsForm",
    "choices",
    "row_choices",
    "timeline_full",
]
