"""What an agency demanded or threatened in a contact, and « not checked » mentions.

* ``TimelineEvent.conduct``: the codes of what the agency demanded or threatened
  in a call, SMS, e-mail or visit. The letters state these facts, never her
  free notes (issue 18, item 11).
* ``verifications.mentions``: the old form stored an empty list both when she
  checked the letter and found none of the five R124-4 mentions and when she
  skipped the question — and the triage then called the letter irregular. « Not
  checked » is not « absent » (issue 18, item 13): an empty list becomes
  ``null`` (not checked), so nothing is concluded until she answers the new
  question. Self-contained on purpose: the conversion must not change when the
  application code does.
"""

from django.db import migrations, models
from django.db.models.functions import Cast

import dossiers.models


def _rows(apps):
    """(pk, answers as plain JSON): the column is an AnswersField by now, which
    would read typed answers; a cast to JSONField reads the stored JSON."""
    Dossier = apps.get_model("dossiers", "Dossier")
    raw = Cast("answers", models.JSONField())
    return Dossier, Dossier.objects.annotate(raw=raw).values_list("pk", "raw")


def _convert(apps, old, new):
    Dossier, rows = _rows(apps)
    for pk, answers in rows.iterator():
        checks = answers.get("verifications") if isinstance(answers, dict) else None
        if (
            isinstance(checks, dict)
            and "mentions" in checks
            and checks["mentions"] == old
        ):
            checks["mentions"] = new
            Dossier.objects.filter(pk=pk).update(answers=answers)


def forwards(apps, schema_editor):
    _convert(apps, [], None)


def backwards(apps, schema_editor):
    _convert(apps, None, [])


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0010_mediators"),
    ]

    operations = [
        migrations.AddField(
            model_name="timelineevent",
            name="conduct",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Codes de dossiers.law.checks.CONTACT_CONDUCT.",
                validators=[dossiers.models.validate_conduct],
                verbose_name="ce qui a été exigé ou dit",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
