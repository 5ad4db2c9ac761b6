"""Demo association for `manage.py seed_demo` (idempotent).

« Association Démo » (Lyon): the volunteer and the coordinator are members;
Sophie's dossier is shared with it, with its review (« nouveau »), one piece
of advice and one internal note, all attributed to « Association Démo »;
Marc's dossier is not shared.
"""

from dossiers.demo import DemoPeople

from . import services
from .models import Advice, Association, InternalNote, Membership

ADVICE = (
    "Bonjour Sophie, nous avons relu votre dossier. Le crédit semble forclos : "
    "ne payez rien pour l'instant et envoyez à l'agence la lettre « dette "
    "prescrite ou forclose », en recommandé avec avis de réception. "
    "Appelez-nous si l'agence insiste."
)
NOTE = "Vérifier la date du premier incident non régularisé avec le relevé de compte."


def seed(people: DemoPeople) -> Association:
    association, _ = Association.objects.update_or_create(
        name="Association Démo",
        defaults={
            "city": "Lyon",
            "contact_email": "contact@association-demo.example.org",
            "description": "Association de consommateurs (données de démonstration).",
        },
    )
    services.roles_ensure()
    services.membership_add(
        user=people.volunteer, association=association, role=Membership.Role.VOLUNTEER
    )
    services.membership_add(
        user=people.coordinator,
        association=association,
        role=Membership.Role.COORDINATOR,
    )
    services.share_create(dossier=people.sophie_dossier, association=association)
    _note(Advice, people, association, ADVICE)
    _note(InternalNote, people, association, NOTE)
    return association


def _note(
    model: type[Advice] | type[InternalNote],
    people: DemoPeople,
    association: Association,
    text: str,
) -> None:
    dossier = people.sophie_dossier
    if not model.objects.filter(
        dossier=dossier, association=association, text=text
    ).exists():
        services.note_save(
            note=model(dossier=dossier, association=association, text=text),
            author=people.volunteer,
        )
