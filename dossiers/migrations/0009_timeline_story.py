"""Two timeline events for the story that goes on (an injonction de payer
signified later, the saisine of the mediator), and the marks the rules read
now include the letters she sent: every dossier's marks are recomputed."""

from django.db import migrations, models

KINDS = [
    ("letter_received", "Courrier reçu de l'agence"),
    ("letter_sent", "Courrier envoyé à l'agence"),
    ("ar_received", "Avis de réception reçu (lettre recommandée)"),
    ("call", "Appel téléphonique"),
    ("sms", "SMS"),
    ("email", "E-mail"),
    ("visit", "Visite à domicile"),
    ("payment", "Paiement"),
    ("injonction", "Injonction de payer signifiée (acte du commissaire de justice)"),
    ("mediation", "Saisine du médiateur de la consommation"),
    ("other", "Autre"),
]
MARKED_BEFORE = ("ar_received", "letter_received")
MARKED_NOW = (*MARKED_BEFORE, "letter_sent", "injonction", "mediation")


def _recompute(apps, kinds):
    Dossier = apps.get_model("dossiers", "Dossier")
    Event = apps.get_model("dossiers", "TimelineEvent")
    for dossier in Dossier.objects.only("pk").iterator():
        rows = Event.objects.filter(dossier=dossier, kind__in=kinds).values_list(
            "kind", "occurred_on"
        )
        marks = sorted([kind, day.isoformat()] for kind, day in rows)
        Dossier.objects.filter(pk=dossier.pk).update(timeline_marks=marks)


def forwards(apps, schema_editor):
    _recompute(apps, MARKED_NOW)


def backwards(apps, schema_editor):
    _recompute(apps, MARKED_BEFORE)


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0008_answers_typed"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="timelineevent",
            name="timeline_event_kind_valid",
        ),
        migrations.AlterField(
            model_name="timelineevent",
            name="kind",
            field=models.CharField(
                choices=KINDS, max_length=20, verbose_name="type d'événement"
            ),
        ),
        migrations.AddConstraint(
            model_name="timelineevent",
            constraint=models.CheckConstraint(
                condition=models.Q(("kind__in", [code for code, _ in KINDS])),
                name="timeline_event_kind_valid",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
