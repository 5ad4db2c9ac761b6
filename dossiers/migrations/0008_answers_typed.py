"""``Dossier.answers`` becomes typed (``dossiers.answers.Answers``).

The column stays JSON, one object per step. Two yes/no questions are now
stored as booleans: « envisagez-vous de payer ? » (``verifications``) and
« dossier de surendettement recevable ? » (``situation``). Self-contained on
purpose: the conversion must not change when the application code does.
"""

import django.core.serializers.json
from django.db import migrations

import dossiers.models

YES_NO = {"yes": True, "no": False}
AS_BOOLEANS = (
    ("verifications", "payment_considered"),
    ("situation", "surendettement_admissible"),
)


def _converted(answers, mapping):
    changed = False
    for step, name in AS_BOOLEANS:
        values = answers.get(step)
        if isinstance(values, dict) and values.get(name) in mapping:
            values[name] = mapping[values[name]]
            changed = True
    return changed


def forwards(apps, schema_editor):
    _convert(apps, YES_NO)


def backwards(apps, schema_editor):
    _convert(apps, {True: "yes", False: "no"})


def _convert(apps, mapping):
    Dossier = apps.get_model("dossiers", "Dossier")
    for dossier in Dossier.objects.only("answers").iterator():
        answers = dossier.answers
        if isinstance(answers, dict) and _converted(answers, mapping):
            Dossier.objects.filter(pk=dossier.pk).update(answers=answers)


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0007_calendar_token_hash"),
    ]

    # Converted while the column is still a plain JSONField (rows as dicts).
    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.AlterField(
            model_name="dossier",
            name="answers",
            field=dossiers.models.AnswersField(
                blank=True,
                default=dict,
                encoder=django.core.serializers.json.DjangoJSONEncoder,
            ),
        ),
    ]
