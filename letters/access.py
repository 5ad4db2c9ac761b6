"""Letters are reached only through the owner's dossier (dossiers.access)."""

from django.http import Http404

from dossiers.access import UserLike, get_dossier_for_owner
from dossiers.models import Dossier

from .catalog import LETTERS, LetterSpec
from .models import Letter, LetterVersion


def get_spec(kind: str) -> LetterSpec:
    spec = LETTERS.get(kind)
    if spec is None:
        raise Http404("Type de lettre inconnu")
    return spec


def get_dossier_and_spec(
    user: UserLike, dossier_id: int | str, kind: str
) -> tuple[Dossier, LetterSpec]:
    """The user's dossier and a known letter kind, or Http404."""
    spec = get_spec(kind)
    return get_dossier_for_owner(user, dossier_id), spec


def find_letter(dossier: Dossier, kind: str) -> Letter | None:
    return dossier.letters.filter(kind=kind).first()


def get_version_for_owner(
    user: UserLike, dossier_id: int | str, kind: str, number: int | str
) -> LetterVersion:
    """A version of a letter of the user's own dossier, or Http404."""
    dossier, spec = get_dossier_and_spec(user, dossier_id, kind)
    try:
        return LetterVersion.objects.select_related("letter__dossier").get(
            letter__dossier=dossier, letter__kind=spec.slug, number=int(number)
        )
    except (LetterVersion.DoesNotExist, ValueError, TypeError, OverflowError) as exc:
        raise Http404("Version introuvable") from exc
