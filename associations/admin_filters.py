"""Custom list filters of the review queue, and bounded date hierarchies."""

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
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


FIRST_YEAR = 2000
"""Nothing in the admin is older; a date outside ``FIRST_YEAR`` … next year
would make Django's date hierarchy, or the database, fail on an invalid or
unrepresentable datetime (a 500)."""
DATE_PARTS = ("year", "month", "day")


def _year_of(lookup: str, value: str) -> int | None:
    """The year a date lookup's value names (``None``: not a date)."""
    if lookup == "year":
        return int(value) if value.strip().lstrip("-").isdigit() else None
    match = re.match(r"^\s*(-?\d{1,})-\d{1,2}-\d{1,2}", value)
    return int(match.group(1)) if match else None


def date_hierarchy_error(field: str, params: Mapping[str, str]) -> str:
    """Why the date parameters of ``field`` are refused, or ``""``."""
    last_year = timezone.localdate().year + 1
    message = f"Choisissez une année entre {FIRST_YEAR} et {last_year}."
    for key, value in params.items():
        lookup = key.removeprefix(f"{field}__")
        if lookup == key or lookup in ("month", "day"):
            continue
        year = _year_of(lookup, value)
        if year is not None and not FIRST_YEAR <= year <= last_year:
            return message
    year, month, day = (params.get(f"{field}__{part}") for part in DATE_PARTS)
    if year is not None and _year_of("year", year) is not None:
        try:
            dt.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            return "Cette date n'existe pas : choisissez-la dans la liste."
    return ""


class BoundedDateHierarchyMixin:
    """A changelist with ``date_hierarchy``: an out-of-range year or date in
    ``?<field>__year=`` or ``?<field>__gte=`` (``9999``, ``0001-01-01``…), or a
    day that does not exist, gets a French message and the list without those
    parameters, never a 500."""

    date_hierarchy: str | None

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        field = self.date_hierarchy
        error = date_hierarchy_error(field, request.GET) if field else ""
        if error:
            messages.error(request, error)
            kept = request.GET.copy()
            for key in list(kept):
                if key.startswith(f"{field}__"):
                    kept.pop(key)
            return HttpResponseRedirect(f"{request.path}?{kept.urlencode()}")
        return super().changelist_view(request, extra_context)  # type: ignore[misc, no-any-return]
