import pytest
from django.core.management import call_command

from associations.models import Advice, InternalNote, Membership, Share
from dossiers.models import Dossier

pytestmark = pytest.mark.django_db


def test_seed_demo_shares_sophie_not_marc(settings) -> None:
    settings.DEBUG = True
    call_command("seed_demo")
    call_command("seed_demo")
    share = Share.objects.get()
    assert share.association.name == "Association Démo"
    assert share.dossier.owner.email == "sophie@example.org"
    assert not Share.objects.filter(dossier__owner__email="marc@example.org").exists()
    roles = dict(Membership.objects.values_list("user__email", "role"))
    assert roles == {
        "benevole@example.org": "volunteer",
        "coordination@example.org": "coordinator",
    }
    assert Advice.objects.count() == InternalNote.objects.count() == 1
    review = Dossier.objects.get(pk=share.dossier_id).reviews.get()
    assert (review.status, review.association) == ("nouveau", share.association)
    assert set(Advice.objects.values_list("association__name", flat=True)) == {
        "Association Démo"
    }
    assert set(InternalNote.objects.values_list("association__name", flat=True)) == {
        "Association Démo"
    }
