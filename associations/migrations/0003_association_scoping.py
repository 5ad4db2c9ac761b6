"""Review, advice and notes belong to one association; invitations.

Step 1 of 3: the ``association`` columns are added nullable here, filled by
``0004_backfill_association`` and made non-null by ``0005``. Three migrations
so that PostgreSQL never alters a table with pending trigger events.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("associations", "0002_roles"),
        ("dossiers", "0002_wizard"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="review",
            name="dossier",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="reviews",
                to="dossiers.dossier",
                verbose_name="dossier",
            ),
        ),
        migrations.AddField(
            model_name="review",
            name="association",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="reviews",
                to="associations.association",
                verbose_name="association",
            ),
        ),
        migrations.AlterModelOptions(
            name="review",
            options={
                "ordering": ("association", "id"),
                "verbose_name": "suivi",
                "verbose_name_plural": "suivis",
            },
        ),
        migrations.AddField(
            model_name="advice",
            name="association",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                to="associations.association",
                verbose_name="association",
            ),
        ),
        migrations.AddField(
            model_name="internalnote",
            name="association",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                to="associations.association",
                verbose_name="association",
            ),
        ),
        migrations.CreateModel(
            name="Invitation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "email",
                    models.EmailField(
                        max_length=254, verbose_name="adresse e-mail invitée"
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("volunteer", "bénévole"),
                            ("coordinator", "coordinateur·rice"),
                        ],
                        default="volunteer",
                        max_length=20,
                        verbose_name="rôle",
                    ),
                ),
                (
                    "token_hash",
                    models.CharField(editable=False, max_length=64, unique=True),
                ),
                (
                    "created_at",
                    models.DateTimeField(auto_now_add=True, verbose_name="envoyée le"),
                ),
                ("expires_at", models.DateTimeField(verbose_name="expire le")),
                (
                    "accepted_at",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="acceptée le"
                    ),
                ),
                (
                    "association",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="invitations",
                        to="associations.association",
                        verbose_name="association",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="invité·e par",
                    ),
                ),
            ],
            options={
                "verbose_name": "invitation",
                "verbose_name_plural": "invitations",
                "ordering": ("-created_at", "-id"),
            },
        ),
    ]
