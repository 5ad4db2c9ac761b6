"""Every legal reference of ``dossiers.law``, each defined once, as data.

A :class:`Ref` holds the citation shown to the user (``cite``, byte for byte), the
certainty tag given by the law reference (``../shared/reference/french-debt-law.md``)
and the section of that document where the rule was read (``source``). Tags:

* ``V`` verified text, ``S`` secondary source, ``M`` professional knowledge
  (wording to check), ``U`` uncertain: never a confident answer (« à vérifier »).

A ``Ref`` *is* its citation string, so the rules and the letters cite these
constants directly (they import this module as ``refs``: ``refs.CIV_2240``). To add
or change a reference, edit this module only; ``tests/law/test_references.py``
fails if a citation is defined twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal, get_args

Certainty = Literal["V", "S", "M", "U"]
CERTAINTIES: Final[tuple[Certainty, ...]] = get_args(Certainty)
"""The valid tags, from the most to the least certain."""


class Ref(str):
    """One legal reference: the citation shown to the user — the string itself,
    byte for byte — with its certainty tag and the section of the law reference
    where it was read. Immutable; equal to its citation string."""

    certainty: Certainty
    source: str

    def __new__(cls, cite: str, certainty: Certainty, source: str = "") -> Ref:
        ref = super().__new__(cls, cite)
        vars(ref).update(certainty=certainty, source=source)  # __setattr__ refuses
        return ref

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("A legal reference is immutable.")

    def __reduce__(self) -> tuple[type[Ref], tuple[str, Certainty, str]]:
        return (Ref, (str(self), self.certainty, self.source))

    def __copy__(self) -> Ref:
        return self

    def __deepcopy__(self, memo: object) -> Ref:
        return self

    @property
    def cite(self) -> str:
        """The citation as a plain string."""
        return str(self)


# §1 Limitation periods by nature of debt.
L218_2: Final = Ref("C. consom., art. L218-2", "V", "reference §1.2")
INSTALMENTS_2016: Final = Ref(
    "Cass. 1re civ., 11 févr. 2016, n° 14-22.938", "V", "reference §1.2"
)
CIV_2224: Final = Ref("C. civ., art. 2224", "V", "reference §1.3")
L110_4: Final = Ref("C. com., art. L110-4", "V", "reference §1.4")
R312_35: Final = Ref("C. consom., art. R312-35", "V", "reference §1.5")
L312_93: Final = Ref("C. consom., art. L312-93", "S", "reference §1.5, point 4")
SURENDETTEMENT_FORCLUSION_2017: Final = Ref(
    "Cass. 2e civ., 1er juin 2017, n° 15-25.519", "S", "reference §1.5"
)
L34_2: Final = Ref("C. postes et comm. électr., art. L34-2", "V", "reference §1.6")
RENT_7_1: Final = Ref(
    "Loi n° 89-462 du 6 juillet 1989, art. 7-1", "V", "reference §1.7"
)
L111_4: Final = Ref("CPCE, art. L111-4", "V", "reference §1.9")
SIGNIFICATION_2023: Final = Ref(
    "Cass. 2e civ., 5 oct. 2023, n° 20-23.523", "S", "reference §1.9"
)
L114_1: Final = Ref("C. assur., art. L114-1", "S", "reference §1.10")
L114_2: Final = Ref("C. assur., art. L114-2", "V", "reference §1.10")
ALIMONY_2016: Final = Ref("Cass. 1re civ., 22 juin 2016", "S", "reference §1.11")
L1617_5: Final = Ref("CGCT, art. L1617-5", "U", "reference §1.12")
CREDIT_DIRECTIVE_2023: Final = Ref(
    "Directive (UE) 2023/2225", "U", "reference §1.5, point 5"
)

# §2 Interruption, suspension, renunciation.
CIV_2220: Final = Ref("C. civ., art. 2220", "V", "reference §2.1")
CIV_2222: Final = Ref("C. civ., art. 2222", "V", "reference §2.1")
CIV_2231: Final = Ref("C. civ., art. 2231", "V", "reference §2.1")
CIV_2232: Final = Ref("C. civ., art. 2232", "V", "reference §2.1")
CIV_2233: Final = Ref("C. civ., art. 2233", "V", "reference §2.1")
CIV_2238: Final = Ref("C. civ., art. 2238", "V", "reference §2.1, §2.5")
CIV_2240: Final = Ref("C. civ., art. 2240", "V", "reference §2.1")
CIV_2241: Final = Ref("C. civ., art. 2241", "V", "reference §2.1")
CIV_2242: Final = Ref("C. civ., art. 2242", "V", "reference §2.1")
CIV_2244: Final = Ref("C. civ., art. 2244", "V", "reference §2.1")
CIV_2247: Final = Ref("C. civ., art. 2247", "V", "reference §2.1")
CIV_2248: Final = Ref("C. civ., art. 2248", "V", "reference §2.1")
CIV_2249: Final = Ref("C. civ., art. 2249", "V", "reference §2.1")
CIV_2250: Final = Ref("C. civ., art. 2250", "V", "reference §2.1")
CIV_2251: Final = Ref("C. civ., art. 2251", "V", "reference §2.1")
PLAN_REQUEST_2020: Final = Ref(
    "Cass. 1re civ., 11 mars 2020, n° 19-11.309", "S", "reference §2.2"
)
SURENDETTEMENT_2014: Final = Ref(
    "Cass. 2e civ., 9 janv. 2014, n° 12-28.272", "S", "reference §2.2"
)
FORMAL_NOTICE_2022: Final = Ref(
    "Cass. com., 18 mai 2022, n° 20-23.204", "V", "reference §2.4"
)
LATE_PAYMENT_2021: Final = Ref(
    "Cass. 1re civ., 19 mai 2021, n° 19-26.253", "S", "reference §2.3"
)

# §3 Day counting.
CPC_641: Final = Ref("CPC, art. 641", "V", "reference §3.1")
CPC_642: Final = Ref("CPC, art. 642", "V", "reference §3.1 (forclusion: [U])")
NO_WEEKEND_2016: Final = Ref(
    "Cass. 2e civ., 7 avr. 2016, n° 15-12.960", "V", "reference §3.1"
)
L3133_1: Final = Ref("C. trav., art. L3133-1", "M", "reference §3.1")

# §4 Amicable collection agencies (CPCE R124, fees, debt sold).
R124_1: Final = Ref("CPCE, art. R124-1", "V", "reference §4.1")
R124_2: Final = Ref("CPCE, art. R124-2", "V", "reference §4.2")
R124_3: Final = Ref("CPCE, art. R124-3", "V", "reference §4.2")
R124_4: Final = Ref("CPCE, art. R124-4", "V", "reference §4.3")
R124_4_3: Final = Ref("CPCE, art. R124-4, 3°", "V", "reference §4.3")
R124_6: Final = Ref("CPCE, art. R124-6", "V", "reference §4.4")
R124_7: Final = Ref("CPCE, art. R124-7", "V", "reference §4.5")
L111_8_AL1: Final = Ref("CPCE, art. L111-8, al. 1", "V", "reference §4.6")
L111_8_AL2: Final = Ref("CPCE, art. L111-8, al. 2", "V", "reference §4.6")
L111_8_AL3: Final = Ref("CPCE, art. L111-8, al. 3", "V", "reference §4.6")
CASS_2010_FEES: Final = Ref(
    "Cass. 1re civ., 20 mai 2010, n° 09-67.591", "S", "reference §4.6"
)
L121_21: Final = Ref("C. consom., art. L121-21", "V", "reference §4.6")
L441_10: Final = Ref(
    "C. com., art. L441-10 et D441-5", "M", "reference §4.6 (€40 amount: [V])"
)
CIV_1231_6: Final = Ref("C. civ., art. 1231-6", "V", "reference §4.6")
CIV_1324: Final = Ref("C. civ., art. 1324", "V", "reference §4.7")

# §5 Procedures that can follow.
CIV_1344_1: Final = Ref("C. civ., art. 1344-1", "V", "reference §5.1")
CPC_1411: Final = Ref(
    "CPC, art. 1411", "V", "reference §5.2 (three months from 1 Sept 2026: [U])"
)
CPC_1416: Final = Ref("CPC, art. 1416", "V", "reference §5.2")
CPC_1422: Final = Ref("CPC, art. 1422", "S", "reference §5.2")
L111_2: Final = Ref("CPCE, art. L111-2", "V", "reference §5.3")
WAGE_SEIZURE_2025: Final = Ref(
    "Loi n° 2023-1059, art. 47 ; décret n° 2025-125", "V", "reference §5.3"
)
PEN_433_13: Final = Ref("C. pén., art. 433-13", "S", "reference §5.3, §6.2")
CIV_1343_5: Final = Ref("C. civ., art. 1343-5", "V", "reference §5.4")
L711_1: Final = Ref("C. consom., art. L711-1", "S", "reference §5.5")
L722_2: Final = Ref("C. consom., art. L722-2", "V", "reference §5.5")
L722_5: Final = Ref("C. consom., art. L722-5", "V", "reference §5.5")

# §6 Harassment and abusive practices.
L121_6: Final = Ref("C. consom., art. L121-6", "V", "reference §6.1")
L132_11: Final = Ref("C. consom., art. L132-11", "V", "reference §6.1")
PEN_222_16: Final = Ref("C. pén., art. 222-16", "S", "reference §6.2")

# §7 Letters the debtor sends.
CIV_1353: Final = Ref("C. civ., art. 1353", "M", "reference §7(a)")

# §8 Beyond the first letter.
CIV_2044: Final = Ref("C. civ., art. 2044", "V", "reference §8.1")
CIV_2052: Final = Ref("C. civ., art. 2052", "V", "reference §8.1")
CIV_1350: Final = Ref("C. civ., art. 1350", "V", "reference §8.1")
L314_20: Final = Ref("C. consom., art. L314-20", "S", "reference §5.4, §8.2")
L612_1: Final = Ref("C. consom., art. L612-1", "M", "reference §8.3")
L612_2: Final = Ref("C. consom., art. L612-2", "M", "reference §8.3")
L616_1: Final = Ref("C. consom., art. L616-1", "M", "reference §8.3")

REFERENCES: Final[tuple[Ref, ...]] = tuple(
    value for value in tuple(globals().values()) if isinstance(value, Ref)
)
"""Every reference above, in the order of the module."""

CERTAINTY: Final[Mapping[str, Certainty]] = MappingProxyType(
    {ref.cite: ref.certainty for ref in REFERENCES}
)
"""Certainty tag of each citation string."""
