"""The read-only sections of a dossier's admin page, as the debtor agreed to
show them: her details, the findings, the documents, the timeline, the
letters with their versions and sending, the answers.

A mixin of ``DossierAdmin``; the object is always one the viewer may see
(the admin's ``get_queryset``). The letters are read through the dossier's
relation (``associations`` does not import ``letters``).
"""

from typing import Any

from django.apps import apps
from django.contrib import admin
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from dossiers.assessment import assess_dossier
from dossiers.law.checks import LETTER_KINDS
from dossiers.law.triage import LETTER_TITLES
from dossiers.models import Dossier
from dossiers.templatetags.dossier_tags import longdate

from .display import answers_rows

SECTION_FIELDS = {
    "La personne et son courrier": (
        "debtor_details",
        "title",
        "agency_name",
        "agency_reference",
        "letter_kind_label",
        "amount",
        "limitation",
        "limitation_last_day",
        "next_deadline",
        "urgent",
        "completed_at",
        "shared_with",
    ),
    "Ce que la personne voit": ("assessment",),
    "Réponses au questionnaire": ("answers_table",),
    "Chronologie": ("timeline",),
    "Lettres": ("letters_detail",),
    "Documents déposés": ("uploads_links",),
}


def version_url(dossier: Dossier, kind: str, number: int) -> str:
    """The permission-checked, logged download of a letter version."""
    return reverse(
        "admin:dossiers_dossier_letter_version", args=[dossier.pk, kind, number]
    )


def get_letter_version(dossier: Dossier, kind: str, number: int) -> Any:
    """A version of a letter of ``dossier`` (already scoped to the viewer),
    else Http404."""
    if not apps.is_installed("letters"):
        raise Http404("Version introuvable")
    version_model = apps.get_model("letters", "LetterVersion")
    try:
        return version_model.objects.select_related("letter__dossier").get(
            letter__dossier=dossier, letter__kind=kind, number=number
        )
    except (version_model.DoesNotExist, OverflowError) as exc:
        raise Http404("Version introuvable") from exc


def letter_rows(dossier: Dossier) -> list[dict[str, Any]]:
    """Each letter with its versions (two queries), the sent one marked."""
    if not apps.is_installed("letters"):
        return []
    rows = []
    for letter in dossier.letters.prefetch_related("versions"):  # type: ignore[attr-defined]
        versions = [
            {
                "number": version.number,
                "created_at": version.created_at,
                "sha256": version.sha256,
                "url": version_url(dossier, letter.kind, version.number),
                "sent": version.pk == letter.sent_version_id,
            }
            for version in letter.versions.all()
        ]
        rows.append(
            {
                "title": LETTER_TITLES.get(letter.kind, letter.kind),
                "letter": letter,
                "versions": versions,
            }
        )
    return rows


class DossierSections:
    """The read-only sections (``readonly_fields``) of ``DossierAdmin``."""

    @admin.display(description="personne")
    def debtor_details(self, obj: Dossier) -> str:
        owner = obj.owner
        return format_html(
            "{}<br>{}<br>{} {} {}",
            owner.get_full_name() or "—",
            owner.email,
            owner.address,
            owner.postal_code,
            owner.city,
        )

    @admin.display(description="partagé avec")
    def shared_with(self, obj: Dossier) -> str:
        # Only the viewer's own association(s) (set by ``get_object``): a
        # volunteer does not learn who else the debtor asked for help.
        shares = getattr(obj, "viewer_shares", [])
        return (
            ", ".join(
                f"{s.association.name} (depuis le {longdate(s.consented_at)})"
                for s in shares
            )
            or "—"
        )

    @admin.display(description="constats et prescription")
    def assessment(self, obj: Dossier) -> SafeString:
        context = {"assessment": assess_dossier(obj, today=timezone.localdate())}
        return render_to_string("associations/admin/assessment.html", context)

    @admin.display(description="documents déposés")
    def uploads_links(self, obj: Dossier) -> str:
        return (
            format_html_join(
                "",
                '<p><a href="{}">{}</a> <span class="quiet">({}, {})</span></p>',
                (
                    (
                        reverse("associations:upload", args=[obj.pk, upload.pk]),
                        upload.download_name,
                        upload.original_name or upload.get_kind_display(),
                        longdate(upload.uploaded_at),
                    )
                    for upload in obj.uploads.all()
                ),
            )
            or "—"
        )

    @admin.display(description="type de courrier")
    def letter_kind_label(self, obj: Dossier) -> str:
        choice = LETTER_KINDS.get(obj.letter_kind)
        return choice.label if choice else (obj.letter_kind or "—")

    @admin.display(description="événements")
    def timeline(self, obj: Dossier) -> SafeString:
        events = obj.timeline_events.select_related("attachment")
        return render_to_string(
            "associations/admin/timeline.html", {"dossier": obj, "events": events}
        )

    @admin.display(description="lettres préparées")
    def letters_detail(self, obj: Dossier) -> SafeString:
        return render_to_string(
            "associations/admin/letters.html", {"letters": letter_rows(obj)}
        )

    @admin.display(description="réponses")
    def answers_table(self, obj: Dossier) -> SafeString:
        rows = answers_rows(obj.answers)
        return render_to_string("associations/admin/answers.html", {"steps": rows})
