"""Legal references used by the rule modules of ``dossiers.law``.

Each constant is the citation shown to the user next to a conclusion. ``CERTAINTY``
gives the tag of the law reference (``../shared/reference/french-debt-law.md``):

* ``V`` verified text, ``S`` secondary source, ``M`` professional knowledge
  (wording to check), ``U`` uncertain: never a confident answer ("à vérifier").
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

# Amicable collection (CPCE).
R124_1: Final = "CPCE, art. R124-1"
R124_2: Final = "CPCE, art. R124-2"
R124_3: Final = "CPCE, art. R124-3"
R124_4: Final = "CPCE, art. R124-4"
R124_4_3: Final = "CPCE, art. R124-4, 3°"
R124_6: Final = "CPCE, art. R124-6"
R124_7: Final = "CPCE, art. R124-7"
L111_2: Final = "CPCE, art. L111-2"
L111_8_AL1: Final = "CPCE, art. L111-8, al. 1"
L111_8_AL2: Final = "CPCE, art. L111-8, al. 2"
L111_8_AL3: Final = "CPCE, art. L111-8, al. 3"
CASS_2010_FEES: Final = "Cass. 1re civ., 20 mai 2010, n° 09-67.591"

# Consumer code.
L121_6: Final = "C. consom., art. L121-6"
L121_21: Final = "C. consom., art. L121-21"
L132_11: Final = "C. consom., art. L132-11"
L711_1: Final = "C. consom., art. L711-1"
L722_2: Final = "C. consom., art. L722-2"
L722_5: Final = "C. consom., art. L722-5"
R312_35: Final = "C. consom., art. R312-35"

# Commercial code (B2B flat collection indemnity of 40 euros).
L441_10: Final = "C. com., art. L441-10 et D441-5"

# Civil code.
CIV_1231_6: Final = "C. civ., art. 1231-6"
CIV_1324: Final = "C. civ., art. 1324"
CIV_1343_5: Final = "C. civ., art. 1343-5"
CIV_1344_1: Final = "C. civ., art. 1344-1"
CIV_1353: Final = "C. civ., art. 1353"
CIV_2240: Final = "C. civ., art. 2240"
CIV_2247: Final = "C. civ., art. 2247"
CIV_2248: Final = "C. civ., art. 2248"
CIV_2249: Final = "C. civ., art. 2249"
CIV_2250: Final = "C. civ., art. 2250"
CIV_2251: Final = "C. civ., art. 2251"
CASS_2022_MISE_EN_DEMEURE: Final = "Cass. com., 18 mai 2022, n° 20-23.204"

# Civil procedure.
CPC_641: Final = "CPC, art. 641"
CPC_642: Final = "CPC, art. 642"
CPC_1416: Final = "CPC, art. 1416"
CPC_1422: Final = "CPC, art. 1422"
WAGE_SEIZURE_2025: Final = "Loi n° 2023-1059, art. 47 ; décret n° 2025-125"

# Criminal code.
PEN_222_16: Final = "C. pén., art. 222-16"
PEN_433_13: Final = "C. pén., art. 433-13"

CERTAINTY: Final[Mapping[str, str]] = MappingProxyType(
    {
        R124_1: "V",
        R124_2: "V",
        R124_3: "V",
        R124_4: "V",
        R124_4_3: "V",
        R124_6: "V",
        R124_7: "V",
        L111_2: "V",
        L111_8_AL1: "V",
        L111_8_AL2: "V",
        L111_8_AL3: "V",
        CASS_2010_FEES: "S",
        L121_6: "V",
        L121_21: "V",
        L132_11: "V",
        L711_1: "S",
        L722_2: "V",
        L722_5: "V",
        R312_35: "V",
        L441_10: "M",
        CIV_1231_6: "V",
        CIV_1324: "V",
        CIV_1343_5: "V",
        CIV_1344_1: "V",
        CIV_1353: "M",
        CIV_2240: "V",
        CIV_2247: "V",
        CIV_2248: "V",
        CIV_2249: "V",
        CIV_2250: "V",
        CIV_2251: "V",
        CASS_2022_MISE_EN_DEMEURE: "V",
        CPC_641: "V",
        CPC_642: "V",
        CPC_1416: "V",
        CPC_1422: "S",
        WAGE_SEIZURE_2025: "V",
        PEN_222_16: "S",
        PEN_433_13: "S",
    }
)
"""Certainty tag of each reference, as given by the law reference document."""

DISCLAIMER: Final = (
    "Cet assistant est une aide : il ne remplace pas le conseil d'un juriste, "
    "d'une association ou d'un avocat."
)
"""Plain statement that the product is an aid, not legal advice."""
