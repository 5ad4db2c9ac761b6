"""Citations in sentences read as French legal prose (issue 18, item 9); the
short forms stay in « Textes cités »."""

import pytest

from dossiers.law import references as refs
from dossiers.law.prose import articles, cited, in_application_of


@pytest.mark.parametrize(
    ("cites", "expected"),
    [
        (
            [refs.L34_2],
            "en application de l'article L34-2 du code des postes et des "
            "communications électroniques",
        ),
        (
            [refs.L218_2],
            "en application de l'article L218-2 du code de la consommation",
        ),
        (
            [refs.R312_35, refs.L312_93],
            "en application des articles R312-35 et L312-93 du code de la consommation",
        ),
        (
            [refs.RENT_7_1],
            "en application de l'article 7-1 de la loi n° 89-462 du 6 juillet 1989",
        ),
        ([refs.CIV_2224], "en application de l'article 2224 du code civil"),
        (
            [refs.L111_4],
            "en application de l'article L111-4 du code des procédures civiles "
            "d'exécution",
        ),
    ],
)
def test_in_application_of(cites: list, expected: str) -> None:
    assert in_application_of(cites) == expected


def test_brackets_and_alineas() -> None:
    assert (
        cited([refs.CIV_2241, refs.CIV_2244]) == "articles 2241 et 2244 du code civil"
    )
    assert cited([refs.L121_6]) == "article L121-6 du code de la consommation"
    assert cited([refs.L111_8_AL2]) == (
        "article L111-8, alinéa 2, du code des procédures civiles d'exécution"
    )
    assert cited([refs.L441_10]) == "articles L441-10 et D441-5 du code de commerce"
    assert articles([refs.RENT_7_1, refs.CIV_2224]) == (
        "l'article 7-1 de la loi n° 89-462 du 6 juillet 1989 et l'article 2224 du "
        "code civil"
    )


def test_a_decision_is_not_an_article() -> None:
    with pytest.raises(ValueError, match="Not an article"):
        articles([refs.FORMAL_NOTICE_2022])
