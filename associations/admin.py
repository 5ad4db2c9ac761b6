"""The volunteers' admin: the review queue over the dossiers shared with them.

Every queryset goes through ``dossiers.access.dossiers_for_reviewer`` or the
scoped selectors; an object outside it is "n'existe pas" (Django's redirect).
Debtor data is read-only and cannot be deleted except by a superuser.
"""

from typing import Any

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, QuerySet, Subquery
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from dossiers import access
from dossiers.assessment import assess_dossier
from dossiers.law.checks import LETTER_KINDS
from dossiers.law.findings import RESPONSE_TITLES
from dossiers.models import Dossier
from dossiers.templatetags.dossier_tags import euros, status_label

from . import selectors, services
from .admin_association import AssociationAdmin  # noqa: F401  (registers it)
from .admin_filters import (
    AssignedFilter,
    DeadlineFilter,
    LimitationFilter,
    ReviewStatusFilter,
)
from .admin_invitation import InvitationAdmin  # noqa: F401  (registers it)
from .display import answers_rows
from .models import Advice, InternalNote, Review

# Annotations of the changelist (``review_<name>``) from the viewer's review.
REVIEW_COLUMNS = {
    "status": "status",
    "assigned_id": "assigned_to_id",
    "assigned_first_name": "assigned_to__first_name",
    "assigned_last_name": "assigned_to__last_name",
    "assigned_email": "assigned_to__email",
}


class ReviewForm(ModelForm):  # type: ignore[type-arg]
    """Only members of the review's own association can be assigned."""

    class Meta:
        model = Review
        fields = ("status", "assigned_to")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("assigned_to")
        if field is not None:
            field.queryset = selectors.members_of(  # type: ignore[attr-defined]
                self.instance.association_id
            )


class ScopedInline(admin.StackedInline):  # type: ignore[type-arg]
    """Rows of the viewer's associations holding an active share only."""

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request).select_related("association")
        return selectors.scoped_to_viewer(queryset, request.user)

    @admin.display(description="association")
    def association_name(self, obj: Any) -> str:
        """Plain text: Django would link a read-only foreign key to the
        association's change page, which a volunteer may not open (403)."""
        association = getattr(obj, "association", None) if obj else None
        return str(association) if association is not None else "—"

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser


class ReviewInline(ScopedInline):
    """One review per association; created with the share (never here)."""

    model = Review
    form = ReviewForm
    fields = ("association_name", "status", "assigned_to", "updated_at")
    readonly_fields = ("association_name", "updated_at")
    can_delete = False
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class NoteInline(ScopedInline):
    """Append-only: the author edits their own text, others read it."""

    fields = ("association_name", "text", "author", "created_at")
    readonly_fields = ("association_name", "author", "created_at")
    extra = 1

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).select_related("author")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is None or selectors.acting_association(request.user, obj) is None:
            return False
        return super().has_add_permission(request, obj)

    def get_formset(
        self, request: HttpRequest, obj: Dossier | None = None, **kwargs: Any
    ) -> type[BaseInlineFormSet]:  # type: ignore[type-arg]
        formset = super().get_formset(request, obj, **kwargs)
        user_pk = request.user.pk

        class AuthorOnlyForm(formset.form):  # type: ignore[name-defined, misc]
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                text = self.fields.get("text")
                mine = self.instance.author_id == user_pk
                if text is not None and self.instance.pk is not None and not mine:
                    text.disabled = True  # posted values are ignored

        formset.form = AuthorOnlyForm
        return formset


class AdviceInline(NoteInline):
    model = Advice


class InternalNoteInline(NoteInline):
    model = InternalNote


@admin.register(Dossier)
class DossierAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "title_display",
        "debtor",
        "agency_name",
        "amount",
        "limitation",
        "next_deadline",
        "review_status",
        "assigned",
    )
    list_select_related = ("owner",)
    list_filter = (
        ReviewStatusFilter,
        "agency_name",
        LimitationFilter,
        DeadlineFilter,
        AssignedFilter,
    )
    search_fields = (
        "agency_reference",
        "owner__first_name",
        "owner__last_name",
        "owner__email",
    )
    show_full_result_count = False
    view_on_site = False
    actions = ("assign_to_me", "mark_in_progress", "mark_waiting", "mark_closed")
    inlines = (ReviewInline, AdviceInline, InternalNoteInline)
    change_form_template = "admin/associations/dossier_change_form.html"
    fieldsets = (
        (
            "La personne et son courrier",
            {
                "fields": (
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
                )
            },
        ),
        ("Ce que la personne voit", {"fields": ("assessment",)}),
        ("Documents", {"fields": ("uploads_links", "letters_list")}),
        (
            "Réponses au questionnaire",
            {"fields": ("answers_table",), "classes": ("collapse",)},
        ),
    )
    readonly_fields = tuple(
        name for _, options in fieldsets for name in options["fields"]
    )

    class Media:
        css = {"all": ("associations/admin.css",)}

    # Scoping and permissions

    def get_queryset(self, request: HttpRequest) -> QuerySet[Dossier]:
        # The review columns and filters read the viewer's own review (that of
        # the association they act for), never another association's.
        reviews = selectors.scoped_to_viewer(
            Review.objects.filter(dossier=OuterRef("pk")), request.user
        ).order_by("association_id")
        queryset = access.dossiers_for_reviewer(request.user).annotate(
            **{
                f"review_{name}": Subquery(reviews.values(field)[:1])
                for name, field in REVIEW_COLUMNS.items()
            }
        )
        return queryset.order_by(*(self.get_ordering(request) or ("-updated_at",)))

    def history_view(
        self,
        request: HttpRequest,
        object_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        # LogEntry rows carry no association (and quote notes' text): only
        # superusers read a dossier's history.
        if not request.user.is_superuser:
            if self.get_object(request, unquote(object_id)) is None:
                return self._get_obj_does_not_exist_redirect(
                    request, self.opts, object_id
                )
            raise PermissionDenied
        return super().history_view(request, object_id, extra_context)

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        if not message:
            return None  # nothing changed: no empty "modified" entry
        return super().log_change(request, obj, message)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # dossiers are created by debtors only

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    def save_model(
        self, request: HttpRequest, obj: Dossier, form: ModelForm, change: bool
    ) -> None:
        # Every field is read-only: never write the dossier back, so that a
        # volunteer's save cannot overwrite what the debtor is editing.
        return None

    def save_formset(
        self, request: HttpRequest, form: ModelForm, formset: Any, change: bool
    ) -> None:
        if formset.model not in (Advice, InternalNote):
            super().save_formset(request, form, formset, change)
            return
        for note in formset.save(commit=False):
            services.note_save(note=note, author=request.user)
        for note in formset.deleted_objects:
            if request.user.is_superuser:
                note.delete()

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        dossier = self.get_object(request, object_id)
        if dossier is not None and dossier.owner_id != request.user.pk:
            services.access_log_record(
                user=request.user, dossier=dossier, path=request.path
            )
        return super().change_view(request, object_id, form_url, extra_context)

    # Columns

    @admin.display(description="dossier", ordering="title")
    def title_display(self, obj: Dossier) -> str:
        return obj.display_title

    @admin.display(description="personne", ordering="owner__last_name")
    def debtor(self, obj: Dossier) -> str:
        return obj.owner.get_full_name() or obj.owner.email

    @admin.display(description="montant réclamé", ordering="total_claimed")
    def amount(self, obj: Dossier) -> str:
        return euros(obj.total_claimed)

    @admin.display(description="prescription", ordering="limitation_status")
    def limitation(self, obj: Dossier) -> str:
        return status_label(obj.limitation_status)

    @admin.display(description="suivi", ordering="review_status")
    def review_status(self, obj: Dossier) -> str:
        status = getattr(obj, "review_status", None)
        return str(Review.Status(status).label) if status else "—"

    @admin.display(description="suivi par", ordering="review_assigned_last_name")
    def assigned(self, obj: Dossier) -> str:
        if getattr(obj, "review_assigned_id", None) is None:
            return "—"
        full_name = " ".join(
            part
            for part in (obj.review_assigned_first_name, obj.review_assigned_last_name)  # type: ignore[attr-defined]
            if part
        )
        return full_name or obj.review_assigned_email  # type: ignore[attr-defined, no-any-return]

    # Read-only sections of the change page

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

    def get_object(
        self, request: HttpRequest, object_id: str, from_field: str | None = None
    ) -> Dossier | None:
        dossier = super().get_object(request, object_id, from_field)
        if dossier is not None:
            # « Partagé avec » names only the viewer's own association(s): a
            # volunteer does not learn who else the debtor asked for help.
            dossier.viewer_shares = list(  # type: ignore[attr-defined]
                selectors.active_shares_for_viewer(dossier, request.user)
            )
        return dossier

    @admin.display(description="partagé avec")
    def shared_with(self, obj: Dossier) -> str:
        shares = getattr(obj, "viewer_shares", [])
        return (
            ", ".join(
                f"{s.association.name} (depuis le {timezone.localdate(s.consented_at):%d/%m/%Y})"
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
                        f"{timezone.localdate(upload.uploaded_at):%d/%m/%Y}",
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

    @admin.display(description="lettres")
    def letters_list(self, obj: Dossier) -> str:
        if not apps.is_installed("letters"):
            return "—"
        return (
            ", ".join(
                f"{RESPONSE_TITLES.get(letter.kind, letter.kind)}"
                + (
                    f" (envoyée le {letter.sent_on:%d/%m/%Y})"
                    if letter.sent_on
                    else " (non envoyée)"
                )
                for letter in obj.letters.all()  # type: ignore[attr-defined]
            )
            or "—"
        )

    @admin.display(description="réponses")
    def answers_table(self, obj: Dossier) -> SafeString:
        rows = answers_rows(obj.answers or {})
        return render_to_string("associations/admin/answers.html", {"steps": rows})

    # Actions (the changelist queryset is already scoped)

    @admin.action(description="M'assigner", permissions=["change"])
    def assign_to_me(self, request: HttpRequest, queryset: QuerySet[Dossier]) -> None:
        count = services.review_update(
            dossiers=queryset, user=request.user, assign=request.user
        )
        self.message_user(request, f"{count} dossier(s) vous sont assignés.")

    @admin.action(description="Passer en cours", permissions=["change"])
    def mark_in_progress(
        self, request: HttpRequest, queryset: QuerySet[Dossier]
    ) -> None:
        self._set_status(request, queryset, Review.Status.IN_PROGRESS)

    @admin.action(description="Passer en attente de réponse", permissions=["change"])
    def mark_waiting(self, request: HttpRequest, queryset: QuerySet[Dossier]) -> None:
        self._set_status(request, queryset, Review.Status.WAITING)

    @admin.action(description="Clore", permissions=["change"])
    def mark_closed(self, request: HttpRequest, queryset: QuerySet[Dossier]) -> None:
        self._set_status(request, queryset, Review.Status.CLOSED)

    def _set_status(
        self, request: HttpRequest, queryset: QuerySet[Dossier], status: str
    ) -> None:
        count = services.review_update(
            dossiers=queryset, user=request.user, status=status, assign=None
        )
        label = Review.Status(status).label
        self.message_user(request, f"{count} dossier(s) passés à « {label} ».")
