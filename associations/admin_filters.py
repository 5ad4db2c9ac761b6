"""Custom list filters of the review queue."""

import datetime as dt
from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from dossiers.models import Dossier
from dossiers.templatetags.dossier_tags import STATUS_LABELS

from .models import Review


class DeadlineFilter(admin.SimpleListFilter):
    title = "prochaine échéance"
    parameter_name = "echeance"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("7", "dans les 7 jours"), ("30", "dans les 30 jours")]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[Dossier]
    ) -> QuerySet[Dossier]:
        if self.value() not in {"7", "30"}:
            return queryset
        today = timezone.localdate()
        until = today + dt.timedelta(days=int(self.value() or 0))
        return queryset.filter(next_deadline__gte=today, next_deadline__lte=until)


class AssignedFilter(admin.SimpleListFilter):
    title = "suivi par"
    parameter_name = "assigne"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("moi", "moi"), ("personne", "personne")]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[Dossier]
    ) -> QuerySet[Dossier]:
        # ``review_assigned_id`` is annotated by ``DossierAdmin.get_queryset``
        # from the viewer's own review (never another association's).
        if self.value() == "moi":
            return queryset.filter(review_assigned_id=request.user.pk)
        if self.value() == "personne":
            return queryset.filter(review_assigned_id__isnull=True)
        return queryset


class ReviewStatusFilter(admin.SimpleListFilter):
    title = "suivi"
    parameter_name = "suivi"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(value, str(label)) for value, label in Review.Status.choices]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[Dossier]
    ) -> QuerySet[Dossier]:
        if self.value() not in Review.Status.values:
            return queryset
        return queryset.filter(review_status=self.value())


class LimitationFilter(admin.SimpleListFilter):
    title = "prescription"
    parameter_name = "prescription"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(code or "inconnue", label) for code, label in STATUS_LABELS.items()]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[Dossier]
    ) -> QuerySet[Dossier]:
        value = self.value()
        if value is None:
            return queryset
        return queryset.filter(limitation_status="" if value == "inconnue" else value)
