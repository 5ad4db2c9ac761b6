"""Coordinators invite members by e-mail (no account lookup, no staff flag).

The invitee becomes a member (staff + group) only by accepting the link while
logged in with the invited address (``views.invitation_accept``).
"""

from typing import Any, ClassVar

from django import forms
from django.contrib import admin, messages
from django.db.models import ForeignKey, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone

from accounts.forms import NormalizedEmailField

from . import selectors, services
from .models import Invitation

SENT = (
    "Invitation envoyée à {email}. La personne doit se connecter avec cette "
    "adresse (ou créer son compte avec elle) puis ouvrir le lien reçu, valable "
    "7 jours."
)


class InvitationForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Invitation
        fields = ("email", "association", "role")
        field_classes: ClassVar = {"email": NormalizedEmailField}


class PendingFilter(admin.SimpleListFilter):
    title = "état"
    parameter_name = "etat"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [
            ("attente", "en attente"),
            ("acceptee", "acceptée"),
            ("expiree", "expirée"),
        ]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[Invitation]
    ) -> QuerySet[Invitation]:
        now = timezone.now()
        if self.value() == "attente":
            return queryset.filter(accepted_at__isnull=True, expires_at__gt=now)
        if self.value() == "acceptee":
            return queryset.filter(accepted_at__isnull=False)
        if self.value() == "expiree":
            return queryset.filter(accepted_at__isnull=True, expires_at__lte=now)
        return queryset


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = InvitationForm
    list_display = ("email", "association", "role", "state", "created_by", "expires_at")
    list_select_related = ("association", "created_by")
    list_filter = (PendingFilter, "role")
    search_fields = ("email",)
    readonly_fields = ("created_by", "created_at", "expires_at", "accepted_at")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Invitation]:
        return selectors.invitations_for_coordinator(request.user)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is None:
            return ["email", "association", "role"]
        return ["email", "association", "role", *self.readonly_fields]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # an invitation is sent, not edited (cancel = delete)

    def formfield_for_foreignkey(
        self, db_field: ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> Any:
        if db_field.name == "association":
            kwargs["queryset"] = selectors.coordinated_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="état")
    def state(self, obj: Invitation) -> str:
        if obj.accepted_at is not None:
            return "acceptée"
        return "expirée" if obj.expires_at <= timezone.now() else "en attente"

    def save_model(
        self, request: HttpRequest, obj: Invitation, form: Any, change: bool
    ) -> None:
        saved, _ = services.invitation_create(
            association=obj.association,
            email=obj.email,
            role=obj.role,
            created_by=request.user,
            base_url=request.build_absolute_uri("/"),
        )
        obj.pk = saved.pk

    def log_addition(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        return None  # the invitation itself is the record

    def response_add(
        self, request: HttpRequest, obj: Invitation, post_url_continue: Any = None
    ) -> HttpResponse:
        # Same message whether or not an account exists with this address.
        self.message_user(request, SENT.format(email=obj.email), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:associations_invitation_changelist"))
