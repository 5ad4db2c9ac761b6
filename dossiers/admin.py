"""The operator's directories in the admin: collection agencies and consumer
mediators.

Django's model permissions decide who sees them: superusers (the operator)
have them all, and so would a staff account given ``dossiers.*_agency`` or
``dossiers.*_mediator`` one by one. The association groups
(``associations/roles.py``) have none: volunteers and coordinators get a 403
and the directories are not in their admin index. The debtors read the
directories through the wizard (« Le courrier ») and the mediator letter.
"""

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest

from .addresses import address_without_name, postal_town
from .fields import TextField
from .models import Agency, Mediator

ADDRESS_MAX_LENGTH = 300
"""What the forms that receive a directory address accept: « Adresse de la
société » in « Le courrier » and the mediator letter's « Adresse du médiateur »
(the model allows 500, which a debtor could then not submit)."""


class DirectoryForm(forms.ModelForm):  # type: ignore[type-arg]
    """Name and address as the wizard takes them: no invisible characters, an
    address it accepts, and no name twice (whatever its case)."""

    name = TextField(max_length=200, label="Nom")
    address = TextField(
        max_length=ADDRESS_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Adresse postale",
        help_text=(
            "Sans le nom, une ligne par ligne de l'enveloppe, le code postal et la "
            "ville sur la dernière (ex. : 97 allée Borodine / 69800 Saint-Priest)."
        ),
    )
    website = forms.URLField(
        required=False,
        assume_scheme="https",
        label="Site web",
        help_text="Ex. : https://www.exemple.fr (https:// est ajouté s'il manque).",
    )

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        others = self._meta.model.objects.exclude(pk=self.instance.pk)
        if others.filter(name__iexact=name).exists():
            raise forms.ValidationError("Ce nom est déjà dans l'annuaire.")
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "address" in data:
            data["address"] = address_without_name(
                data["address"], data.get("name", "")
            )
        return data


class AgencyForm(DirectoryForm):
    class Meta:
        model = Agency
        fields = ("name", "address", "website", "notes")


class MediatorForm(DirectoryForm):
    class Meta:
        model = Mediator
        fields = ("name", "sector", "address", "website", "notes")


class AddressFilter(admin.SimpleListFilter):
    """What the operator has left to complete (the migrations seed names only)."""

    title = "adresse"
    parameter_name = "adresse"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("oui", "renseignée"), ("non", "à compléter")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        empty = Q(address="")
        if self.value() == "oui":
            return queryset.exclude(empty)
        if self.value() == "non":
            return queryset.filter(empty)
        return queryset


class DirectoryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    search_fields = ("name", "address", "notes")
    show_full_result_count = False

    @admin.display(description="ville")
    def town(self, obj: Model) -> str:
        return postal_town(getattr(obj, "address", "")) or "—"


@admin.register(Agency)
class AgencyAdmin(DirectoryAdmin):
    form = AgencyForm
    list_display = ("name", "town", "website")
    list_filter = (AddressFilter,)


@admin.register(Mediator)
class MediatorAdmin(DirectoryAdmin):
    form = MediatorForm
    list_display = ("name", "sector", "town", "website")
    list_filter = ("sector", AddressFilter)
