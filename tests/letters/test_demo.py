from django.utils import timezone

from dossiers import demo as dossiers_demo
from letters import demo
from letters.models import Letter


def test_demo_gives_sophie_a_sent_complete_answer(db: object) -> None:
    people = dossiers_demo.seed("demo-password-123")
    demo.seed(people)
    demo.seed(people)  # idempotent
    letter = Letter.objects.get(dossier=people.sophie_dossier)
    assert letter.kind == "reponse"  # the one letter the triage recommends
    assert letter.versions.count() == 1
    assert letter.registered_number == demo.DEMO_REGISTERED_NUMBER
    assert letter.sent_on
    assert letter.ar_received_on
    assert letter.ar_received_on >= letter.sent_on
    # The form's own rule holds for the demo: prepared before it left.
    prepared = letter.versions.get().created_at
    assert timezone.localdate(prepared) < letter.sent_on


def test_demo_gives_sophie_a_realistic_timeline(db: object) -> None:
    import datetime as dt

    from django.utils import timezone

    from dossiers.models import TimelineEvent
    from intrum_assistant import demo as project_demo

    project_demo.seed("demo-password-123")
    sophie = TimelineEvent.objects.filter(dossier__owner__email=dossiers_demo.SOPHIE)
    first = list(sophie.values_list("pk", flat=True).order_by("pk"))
    project_demo.seed("demo-password-123")  # idempotent
    events = list(
        TimelineEvent.objects.filter(
            dossier__owner__email=dossiers_demo.SOPHIE
        ).order_by("occurred_on", "occurred_at_time")
    )
    assert [e.pk for e in sorted(events, key=lambda e: e.pk)] == first
    assert events[0].source == "wizard:courrier"  # from « Le courrier »
    assert [e.kind for e in events] == [
        "letter_received",
        "call",
        "call",
        "letter_sent",
        "ar_received",
    ]
    calls = [e for e in events if e.kind == "call"]
    assert [c.occurred_at_time for c in calls] == [dt.time(21, 40), dt.time(22, 15)]
    assert all(c.who == "appel masqué" and c.content for c in calls)
    dossier = events[0].dossier
    ar = events[-1].occurred_on
    assert dossier.next_deadline == ar + dt.timedelta(days=30)
    assert ar <= timezone.localdate()
