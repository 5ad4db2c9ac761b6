from dossiers import demo as dossiers_demo
from letters import demo
from letters.models import Letter


def test_demo_gives_sophie_a_sent_limitation_letter(db: object) -> None:
    people = dossiers_demo.seed("demo-password-123")
    demo.seed(people)
    demo.seed(people)  # idempotent
    letter = Letter.objects.get(dossier=people.sophie_dossier)
    assert letter.kind == "prescription"
    assert letter.versions.count() == 1
    assert letter.registered_number == demo.DEMO_REGISTERED_NUMBER
    assert letter.sent_on
    assert letter.ar_received_on
    assert letter.ar_received_on >= letter.sent_on
