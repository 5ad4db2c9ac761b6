"""Citation strings of the legal references, for the rule modules and the letters.

Each constant is the citation shown to the user next to a conclusion, taken from the
single table :mod:`dossiers.law.references` (``CIV_2240 == references.CIV_2240.cite``):
add or change a reference there, never here. ``CERTAINTY`` gives the tag of every
citation string (``../shared/reference/french-debt-law.md``):

* ``V`` verified text, ``S`` secondary source, ``M`` professional knowledge
  (wording to check), ``U`` uncertain: never a confident answer ("à vérifier").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from . import references
from .references import Certainty

# Amicable collection (CPCE).
R124_1: Final = references.R124_1.cite
R124_2: Final = references.R124_2.cite
R124_3: Final = references.R124_3.cite
R124_4: Final = references.R124_4.cite
R124_4_3: Final = references.R124_4_3.cite
R124_6: Final = references.R124_6.cite
R124_7: Final = references.R124_7.cite
L111_2: Final = references.L111_2.cite
L111_8_AL1: Final = references.L111_8_AL1.cite
L111_8_AL2: Final = references.L111_8_AL2.cite
L111_8_AL3: Final = references.L111_8_AL3.cite
CASS_2010_FEES: Final = references.CASS_2010_FEES.cite

# Consumer code.
L121_6: Final = references.L121_6.cite
L121_21: Final = references.L121_21.cite
L132_11: Final = references.L132_11.cite
L711_1: Final = references.L711_1.cite
L722_2: Final = references.L722_2.cite
L722_5: Final = references.L722_5.cite
R312_35: Final = references.R312_35.cite

# Commercial code (B2B flat collection indemnity of 40 euros).
L441_10: Final = references.L441_10.cite

# Civil code.
CIV_1231_6: Final = references.CIV_1231_6.cite
CIV_1324: Final = references.CIV_1324.cite
CIV_1343_5: Final = references.CIV_1343_5.cite
CIV_1344_1: Final = references.CIV_1344_1.cite
CIV_1353: Final = references.CIV_1353.cite
CIV_2240: Final = references.CIV_2240.cite
CIV_2241: Final = references.CIV_2241.cite
CIV_2244: Final = references.CIV_2244.cite
CIV_2247: Final = references.CIV_2247.cite
CIV_2248: Final = references.CIV_2248.cite
CIV_2249: Final = references.CIV_2249.cite
CIV_2250: Final = references.CIV_2250.cite
CIV_2251: Final = references.CIV_2251.cite
CASS_2022_MISE_EN_DEMEURE: Final = references.FORMAL_NOTICE_2022.cite

# Civil procedure.
CPC_641: Final = references.CPC_641.cite
CPC_642: Final = references.CPC_642.cite
CPC_1416: Final = references.CPC_1416.cite
CPC_1422: Final = references.CPC_1422.cite
WAGE_SEIZURE_2025: Final = references.WAGE_SEIZURE_2025.cite

# Criminal code.
PEN_222_16: Final = references.PEN_222_16.cite
PEN_433_13: Final = references.PEN_433_13.cite

CERTAINTY: Final[Mapping[str, Certainty]] = references.CERTAINTY
"""Certainty tag of each citation string, as given by the law reference document."""

DISCLAIMER: Final = (
    "Cet assistant est une aide : il ne remplace pas le conseil d'un juriste, "
    "d'une association ou d'un avocat."
)
"""Plain statement that the product is an aid, not legal advice."""
