"""Every value a letter's template prints exists in its context: a name the
template expects but the context lacks would print nothing (« Aucun acte
interruptif () … », « une dette  en menaçant »), silently."""

import pytest
from django.template import engines

from dossiers.assessment import assess_dossier
from letters import compose
from letters.catalog import LETTERS

from .test_next_letters import OPTIONS, TODAY, story

pytestmark = pytest.mark.django_db

MARK = "@@MISSING@@"


@pytest.fixture
def loud_templates():
    engine = engines["django"].engine
    before = engine.string_if_invalid
    engine.string_if_invalid = MARK
    yield
    engine.string_if_invalid = before


def html_of(dossier, slug: str) -> str:
    assessment = assess_dossier(dossier, today=TODAY)
    data = compose.letter_input(
        dossier=dossier, assessment=assessment, today=TODAY, options=OPTIONS.get(slug)
    )
    return compose.build(LETTERS[slug], data)[1]


@pytest.mark.parametrize("slug", sorted(LETTERS))
@pytest.mark.parametrize("case", ["barred", "barred_story", "payable"])
def test_every_value_a_letter_prints_is_in_its_context(
    slug, case, loud_templates, request
) -> None:
    dossier = request.getfixturevalue(
        "payable_dossier" if case == "payable" else "barred_dossier"
    )
    if case == "barred_story":
        story(dossier)
    if not LETTERS[slug].is_available(assess_dossier(dossier, today=TODAY))[0]:
        pytest.skip("not offered for this dossier (its page says why)")
    html = html_of(dossier, slug)
    assert MARK not in html, html[
        max(0, html.index(MARK) - 300) : html.index(MARK) + 50
    ]
