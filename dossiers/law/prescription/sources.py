"""Legal references used by the limitation engine, as data.

``cite`` is the string shown to the user in ``Estimate.basis``; ``certainty`` is
the tag of the law reference (``V`` verified, ``S`` secondary, ``M`` professional
knowledge, ``U`` uncertain: never a confident answer); ``source`` is where the
text was read, as given by the reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Certainty = Literal["V", "S", "M", "U"]


@dataclass(frozen=True, slots=True)
class Ref:
    """One legal reference: citation, certainty tag and source."""

    cite: str
    certainty: Certainty
    source: str = ""


# Periods by nature of debt (reference §1).
L218_2: Final = Ref("C. consom., art. L218-2", "V", "reference §1.2")
R312_35: Final = Ref("C. consom., art. R312-35", "V", "reference §1.5")
L312_93: Final = Ref("C. consom., art. L312-93", "S", "reference §1.5, point 4")
L34_2: Final = Ref("C. postes et comm. électr., art. L34-2", "V", "reference §1.6")
RENT_7_1: Final = Ref("Loi n° 89-462 du 6 juillet 1989, art. 7-1", "V", "§1.7")
CIV_2224: Final = Ref("C. civ., art. 2224", "V", "reference §1.3")
L110_4: Final = Ref("C. com., art. L110-4", "V", "reference §1.4")
L111_4: Final = Ref("CPCE, art. L111-4", "V", "reference §1.9")
L114_1: Final = Ref("C. assur., art. L114-1", "S", "reference §1.10")
L114_2: Final = Ref("C. assur., art. L114-2", "V", "reference §1.10")
L1617_5: Final = Ref("CGCT, art. L1617-5", "U", "reference §1.12")
ALIMONY_2016: Final = Ref("Cass. 1re civ., 22 juin 2016", "S", "reference §1.11")
SIGNIFICATION_2023: Final = Ref(
    "Cass. 2e civ., 5 oct. 2023, n° 20-23.523", "S", "reference §1.9"
)
INSTALMENTS_2016: Final = Ref(
    "Cass. 1re civ., 11 févr. 2016, n° 14-22.938", "V", "reference §1.2"
)

# Interruption, suspension, renunciation (reference §2).
CIV_2220: Final = Ref("C. civ., art. 2220", "V", "reference §2.1")
CIV_2231: Final = Ref("C. civ., art. 2231", "V", "reference §2.1")
CIV_2232: Final = Ref("C. civ., art. 2232", "V", "reference §2.1")
CIV_2233: Final = Ref("C. civ., art. 2233", "V", "reference §2.1")
CIV_2238: Final = Ref("C. civ., art. 2238", "V", "reference §2.1, §2.5")
CIV_2240: Final = Ref("C. civ., art. 2240", "V", "reference §2.1")
CIV_2241: Final = Ref("C. civ., art. 2241", "V", "reference §2.1")
CIV_2242: Final = Ref("C. civ., art. 2242", "V", "reference §2.1")
CIV_2244: Final = Ref("C. civ., art. 2244", "V", "reference §2.1")
CIV_2247: Final = Ref("C. civ., art. 2247", "V", "reference §2.1")
CIV_2249: Final = Ref("C. civ., art. 2249", "V", "reference §2.1")
CIV_2250: Final = Ref("C. civ., art. 2250", "V", "reference §2.1")
CIV_2251: Final = Ref("C. civ., art. 2251", "V", "reference §2.1")
PLAN_REQUEST_2020: Final = Ref(
    "Cass. 1re civ., 11 mars 2020, n° 19-11.309", "S", "reference §2.2"
)
SURENDETTEMENT_2014: Final = Ref(
    "Cass. 2e civ., 9 janv. 2014, n° 12-28.272", "S", "reference §2.2"
)
SURENDETTEMENT_FORCLUSION_2017: Final = Ref(
    "Cass. 2e civ., 1er juin 2017, n° 15-25.519", "S", "reference §1.5"
)
FORMAL_NOTICE_2022: Final = Ref(
    "Cass. com., 18 mai 2022, n° 20-23.204", "V", "reference §2.4"
)

# Day counting (reference §3).
NO_WEEKEND_2016: Final = Ref(
    "Cass. 2e civ., 7 avr. 2016, n° 15-12.960", "V", "reference §3.1"
)
CPC_642: Final = Ref("CPC, art. 642", "V", "reference §3.1 (forclusion: [U])")
CIV_2222: Final = Ref("C. civ., art. 2222", "V", "reference §2.1")
