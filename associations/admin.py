"""The volunteers' admin: the review queue over the dossiers shared with them.

Every queryset goes through ``dossiers.access.dossiers_for_reviewer`` or the
scoped selectors; an object outside it is "n'existe pas" (Django's redirect).
Debtor data is read-only and cannot be deleted except by a superuser.
"""

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, QuerySet, Subquery
from django.forms import BaseInlineFormSet, ModelForm
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, path

from dossiers import access
from dossiers.models import Dossier
from dossiers.templatetags.dossier_tags import euros, status_label
from dossiers.views import private_download

from . import admin_sections as sections
from . import selectors, services
from .admin_association import AssociationAdmin  # noqa: F401  (registers it)
from .admin_filters import (
    AssignedFilter,
    DeadlineFilter,
    LimitationFilter,
    ReviewStatusFilter,
)
from .admin_invitation import InvitationAdmin  # noqa: F401  (registers it)
from .admin_sections import SECTION_FIELDS, DossierSections
from .models import Advice, InternalNote, Review

# Annotations of the changelist (``review_<name>``) from the viewer's review.
REVIEW_COLUMNS = {
    "status": "status",
    "assigned_id": "assigned_to_id",
    "assigned_first_name": "assigned_to__first_name",
    "assigned_last_name": "assigned_to__last_name",
    "assigned_email": "assigned_to__email",
}


def person_label(user: Any) -> str:
    """« Sophie Martin (sophie.martin@example.org) »: two members of the same
    name are told apart."""
    name = user.get_full_name()
    return f"{name} ({user.email})" if name else user.email


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
            field.label_from_instance = person_label  # type: ignore[attr-defined]


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

    fields = ("association_name", "text", "author_name", "created_at")
    readonly_fields = ("association_name", "author_name", "created_at")
    extra = 1

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).select_related("author")

    @admin.display(description="auteur")
    def author_name(self, obj: Any) -> str:
        """Plain text: a link to the author's account is a 403 to a volunteer."""
        author = getattr(obj, "author", None) if obj else None
        return person_label(author) if author is not None else "—"

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
class DossierAdmin(DossierSections, admin.ModelAdmin):  # type: ignore[type-arg]
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
    fieldsets = tuple(
        (title, {"fields": fields}) for title, fields in SECTION_FIELDS.items()
    )
    readonly_fields = tuple(
        name for fields in SECTION_FIELDS.values() for name in fields
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

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view(self.letter_version_view)
        return [
            path(
                "<path:object_id>/lettres/<slug:kind>/<int:number>/",
                view,
                name="dossiers_dossier_letter_version",
            ),
            *super().get_urls(),
        ]

    def letter_version_view(
        self, request: HttpRequest, object_id: str, kind: str, number: int
    ) -> FileResponse:
        """A PDF of a letter of a dossier the viewer may see, else 404; every
        download by someone other than the owner is in the access log."""
        if request.method != "GET":
            raise Http404("Version introuvable")
        dossier = self.get_object(request, unquote(object_id))
        if dossier is None or not self.has_view_permission(request, dossier):
            raise Http404("Dossier introuvable")
        version = sections.get_letter_version(dossier, kind, number)
        if dossier.owner_id != request.user.pk:
            services.access_log_record(
                user=request.user,  # type: ignore[arg-type]
                dossier=dossier,
                path=request.path,
            )
        return private_download(
            version.pdf.open("rb"),
            filename=version.download_name,
            content_type="application/pdf",
        )

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

    def get_object(
        self, request: HttpRequest, object_id: str, from_field: str | None = None
    ) -> Dossier | None:
        dossier = super().get_object(request, object_id, from_field)
        if dossier is not None:
            dossier.viewer_shares = list(  # type: ignore[attr-defined]
                selectors.active_shares_for_viewer(dossier, request.user)
            )
        return dossier

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
