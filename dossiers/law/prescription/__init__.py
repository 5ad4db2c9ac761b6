"""French limitation engine: is a debt time-barred (prescription, forclusion)?

Pure Python, no Django, no clock: ``today`` is always passed in. Example::

    from datetime import date
    from dossiers.law.prescription import Claim, Event, Status, estimate

    e = estimate(
        Claim(nature="consumer_service", start=date(2021, 6, 10),
              events=(Event("partial_payment", date(2022, 9, 3)),)),
        today=date(2024, 6, 15),
    )
    e.status  # Status.NOT_BARRED; e.last_day == date(2024, 9, 3)

See the README ("The law inside") for the rules covered and their limits.
"""

from dossiers.law.prescription.engine import estimate
from dossiers.law.prescription.model import (
    Claim,
    Estimate,
    Event,
    Kind,
    LawInputError,
    LawWarning,
    Part,
    Status,
)
from dossiers.law.prescription.natures import (
    EVENT_KINDS,
    NATURES,
    EventSpec,
    NatureSpec,
)
from dossiers.law.references import Ref

__all__ = [
    "EVENT_KINDS",
    "NATURES",
    "Claim",
    "Estimate",
    "Event",
    "EventSpec",
    "Kind",
    "LawInputError",
    "LawWarning",
    "NatureSpec",
    "Part",
    "Ref",
    "Status",
    "estimate",
]
