"""Coordinators' admin: their association(s), members, access log, figures."""

import csv
import datetime as dt
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import ForeignKey, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.html import format_html

from accounts.forms import NormalizedEmailField
from accounts.models import User

from . import selectors, services
from .activity import Activity, activity
from .admin_filters import BoundedDateHierarchyMixin
from .models import AccessLog, Association, Membership

FIRST_DAY = dt.date(2000, 1, 1)
"""The activity figures start no earlier (nothing was shared before)."""
DAYS_AHEAD = 366
"""…and end at most a year from today: far enough for any report, and the
period's bounds stay valid datetimes (``9999-12-31`` + 1 day is not one)."""


def _bounded(day: dt.date) -> dt.date:
    last = timezone.localdate() + dt.timedelta(days=DAYS_AHEAD)
    if not FIRST_DAY <= day <= last:
        raise ValidationError(
            f"Choisissez une date entre le {FIRST_DAY:%d/%m/%Y} et le {last:%d/%m/%Y}."
        )
    return day


class PeriodForm(forms.Form):
    du = forms.DateField(label="du", widget=forms.DateInput(attrs={"type": "date"}))
    au = forms.DateField(label="au", widget=forms.DateInput(attrs={"type": "date"}))

    def clean_du(self) -> dt.date:
        return _bounded(self.cleaned_data["du"])

    def clean_au(self) -> dt.date:
        return _bounded(self.cleaned_data["au"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("du") and data.get("au") and data["du"] > data["au"]:
            raise ValidationError("La date de début doit précéder la date de fin.")
        return data


def period(request: HttpRequest) -> tuple[PeriodForm, dt.date, dt.date]:
    """The period asked for, or this month so far."""
    today = timezone.localdate()
    start, end = today.replace(day=1), today
    form = PeriodForm(request.GET or {"du": start, "au": end})
    if form.is_valid():
        start, end = form.cleaned_data["du"], form.cleaned_data["au"]
    return form, start, end


def activity_csv(figures: Activity) -> HttpResponse:
    """French headers, ';' separator, UTF-8 with BOM so that Excel reads it."""
    name = f"activite-{figures.association.pk}-{figures.start}-{figures.end}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["Indicateur", "Valeur"])
    writer.writerows(figures.rows())
    return response


@admin.register(Association)
class AssociationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "city", "contact_email", "activity_link")
    fields = ("name", "city", "contact_email", "description", "activity_link")
    readonly_fields = ("activity_link",)
    search_fields = ("name", "city")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Association]:
        return selectors.coordinated_by(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser

    @admin.display(description="activité")
    def activity_link(self, obj: Association) -> str:
        if obj.pk is None:
            return "—"
        url = reverse("admin:associations_association_activity", args=[obj.pk])
        return format_html('<a href="{}">Chiffres d\'activité et export CSV</a>', url)

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view(self.activity_view)
        return [
            path(
                "<path:object_id>/activite/",
                view,
                name="associations_association_activity",
            ),
            *super().get_urls(),
        ]

    def activity_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        association = self.get_object(request, object_id)
        if association is None or not self.has_view_permission(request, association):
            raise Http404("Association introuvable")
        form, start, end = period(request)
        figures = activity(association, start, end)
        # A CSV only for the period asked for; otherwise the page says why.
        if request.GET.get("format") == "csv" and form.is_valid():
            return activity_csv(figures)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Activité — {association.name}",
            "opts": self.opts,
            "original": association,
            "form": form,
            "figures": figures,
            "csv_query": f"du={start.isoformat()}&au={end.isoformat()}&format=csv",
        }
        return TemplateResponse(request, "associations/admin/activity.html", context)


class MembershipForm(forms.ModelForm):  # type: ignore[type-arg]
    """Superusers only: add an existing account by its e-mail address.

    Coordinators invite instead (``admin_invitation``), which neither tells
    whether an account exists nor gives staff access before acceptance.
    """

    email = NormalizedEmailField(label="adresse e-mail du membre")

    class Meta:
        model = Membership
        fields = ("association", "role")

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        try:
            self.member = User.objects.get(email__iexact=email)
        except User.DoesNotExist as exc:
            raise ValidationError(
                "Aucun compte avec cette adresse : la personne doit d'abord créer son compte."
            ) from exc
        return email


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    # On a phone (static/css/admin.css) the association and the date give way,
    # so that the e-mail, which tells two members of the same name apart, shows.
    list_display = ("member_name", "member_email", "role", "association", "created_at")
    list_select_related = ("user", "association")
    list_filter = ("role",)
    search_fields = ("user__email", "user__last_name")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Membership]:
        if request.user.is_superuser:
            return Membership.objects.all()
        return selectors.memberships_for_coordinator(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Coordinators invite (Invitations › Ajouter): see admin_invitation.
        return request.user.is_superuser

    def get_form(
        self, request: HttpRequest, obj: Membership | None = None, **kwargs: Any
    ) -> Any:
        if obj is None:
            kwargs["form"] = MembershipForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is None:
            return ["email", "association", "role"]
        return ["member_email", "association", "role"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [] if obj is None else ["member_email", "association"]

    def formfield_for_foreignkey(
        self, db_field: ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> Any:
        if db_field.name == "association":
            kwargs["queryset"] = selectors.coordinated_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="e-mail", ordering="user__email")
    def member_email(self, obj: Membership) -> str:
        return obj.user.email

    @admin.display(description="membre", ordering="user__last_name")
    def member_name(self, obj: Membership) -> str:
        return obj.user.get_full_name() or obj.user.email

    def save_model(
        self, request: HttpRequest, obj: Membership, form: Any, change: bool
    ) -> None:
        user = obj.user if change else form.member
        saved = services.membership_add(
            user=user, association=obj.association, role=obj.role
        )
        obj.pk, obj.user = saved.pk, saved.user

    def delete_model(self, request: HttpRequest, obj: Membership) -> None:
        services.membership_remove(membership=obj)

    def delete_queryset(
        self, request: HttpRequest, queryset: QuerySet[Membership]
    ) -> None:
        for membership in queryset.select_related("user"):
            services.membership_remove(membership=membership)


@admin.register(AccessLog)
class AccessLogAdmin(BoundedDateHierarchyMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    # The dossier by its number, never its title: the log outlives the
    # debtor's consent, and what she typed must not (test_admin_matrix.py).
    list_display = ("opened_at", "user_email", "dossier_number", "path")
    fields = ("opened_at", "user_email", "dossier_number", "path")
    readonly_fields = fields
    search_fields = ("user_email",)
    date_hierarchy = "opened_at"
    show_full_result_count = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[AccessLog]:
        return selectors.access_logs_for_coordinator(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="dossier", ordering="dossier_id")
    def dossier_number(self, obj: AccessLog) -> str:
        return f"n° {obj.dossier_id}"
