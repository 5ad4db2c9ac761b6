"""Calendar feed tokens: store the SHA-256 of the secret instead of the secret.

Links already given out keep working: the feed now looks up the digest of the
token in its URL, and each existing secret is replaced by its digest. The clear
value is blanked in the same update before the column is dropped, so the rows
no longer carry it (PostgreSQL keeps a dropped column's bytes in place until the
row is rewritten).

Reversing cannot give the secrets back (a digest does not tell its secret), so
it revokes every link instead: the rows are deleted, and each user creates a
new link on « Mes échéances dans mon agenda ».
"""

import hashlib

from django.db import migrations, models


def hash_clear_tokens(apps, schema_editor):
    """Each stored secret becomes its SHA-256 hex digest; the secret is blanked."""
    CalendarToken = apps.get_model("dossiers", "CalendarToken")
    rows = list(CalendarToken.objects.exclude(token=None).only("pk", "token"))
    for row in rows:
        row.token_hash = hashlib.sha256(row.token.encode()).hexdigest()
        row.token = None
    CalendarToken.objects.bulk_update(rows, ["token_hash", "token"], batch_size=500)


def revoke_all_tokens(apps, schema_editor):
    """Backwards: the secrets cannot be recovered from their digests, so every
    link is revoked (deleted); users create a new one."""
    apps.get_model("dossiers", "CalendarToken").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0006_agency_directory"),
    ]

    operations = [
        migrations.AddField(
            model_name="calendartoken",
            name="token_hash",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        # Nullable so that the secret can be blanked before the column goes
        # (and so that reversing can add the column back to existing rows).
        migrations.AlterField(
            model_name="calendartoken",
            name="token",
            field=models.CharField(max_length=64, null=True, unique=True),
        ),
        migrations.RunPython(hash_clear_tokens, revoke_all_tokens),
        migrations.RemoveField(
            model_name="calendartoken",
            name="token",
        ),
        migrations.AlterField(
            model_name="calendartoken",
            name="token_hash",
            field=models.CharField(editable=False, max_length=64, unique=True),
        ),
    ]
