"""Step 3 of 3: the association is required; one review per association."""

import django.db.models.deletion
from django.db import migrations, models


def _required(model_name, **extra):
    return migrations.AlterField(
        model_name=model_name,
        name="association",
        field=models.ForeignKey(
            on_delete=django.db.models.deletion.CASCADE,
            to="associations.association",
            verbose_name="association",
            **extra,
        ),
    )


class Migration(migrations.Migration):
    dependencies = [("associations", "0004_backfill_association")]

    operations = [
        _required("review", related_name="reviews"),
        _required("advice"),
        _required("internalnote"),
        migrations.AddConstraint(
            model_name="review",
            constraint=models.UniqueConstraint(
                fields=("dossier", "association"), name="review_unique"
            ),
        ),
    ]
