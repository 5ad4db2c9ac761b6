"""The form to add an event to a dossier's timeline."""

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dossiers.fields import PastDateField, reject_hidden_characters
from dossiers.law.checks import CONTACT_CONDUCT
from dossiers.models import (
    MAX_TIMELINE_EVENTS,
    Dossier,
    TimelineDirection,
    TimelineKind,
)
from dossiers.uploads import (
    ACCEPT,
    MAX_UPLOADS_PER_DOSSIER,
    CleanFile,
    clean_upload,
    say_files_not_kept,
    too_many_uploads,
)

MAX_CONTENT = 2000
TIMELINE_FULL = _(
    "Ce dossier compte déjà %(max)s événements, le maximum. Supprimez ceux qui ne "
    "servent plus (par exemple des appels notés deux fois) pour en ajouter d'autres."
)


def timeline_full() -> forms.ValidationError:
    return forms.ValidationError(
        TIMELINE_FULL, code="timeline_full", params={"max": MAX_TIMELINE_EVENTS}
    )


class TimelineEventForm(forms.Form):
    template_name_div = "includes/form.html"

    kind = forms.ChoiceField(
        label=_("Ce qui s'est passé"),
        choices=[("", _("— Choisissez —")), *TimelineKind.choices],
        error_messages={"required": _("Choisissez le type d'événement.")},
    )
    occurred_on = PastDateField(
        label=_("Date"),
        error_messages={"required": _("Indiquez la date, même approximative.")},
    )
    occurred_at_time = forms.TimeField(
        label=_("Heure"),
        required=False,
        help_text=_("Pour un appel ou une visite, par exemple 21:30."),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Saisissez une heure valide, par exemple 21:30.")},
    )
    direction = forms.ChoiceField(
        label=_("Sens"),
        required=False,
        choices=TimelineDirection.choices,
        widget=forms.RadioSelect,
    )
    who = forms.CharField(
        label=_("Qui"),
        required=False,
        max_length=200,
        help_text=_("Par exemple le nom de la personne qui a appelé."),
        validators=[reject_hidden_characters],
        error_messages={"max_length": _("200 caractères au maximum.")},
    )
    conduct = forms.MultipleChoiceField(
        label=_("Ce que l'agence a exigé ou dit"),
        required=False,
        choices=[(code, spec.label) for code, spec in CONTACT_CONDUCT.items()],
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Pour un appel, un SMS, un e-mail ou une visite. Vos lettres reprennent "
            "ces faits (avec la date, l'heure et le moyen), jamais vos notes."
        ),
    )
    content = forms.CharField(
        label=_("En quelques mots (pour vous)"),
        required=False,
        max_length=MAX_CONTENT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Ce qui a été dit ou écrit, 2 000 caractères au maximum. Ce texte reste "
            "dans votre dossier : il n'est jamais recopié dans une lettre."
        ),
        validators=[reject_hidden_characters],
        error_messages={
            "max_length": _(
                "Ce texte est trop long : 2 000 caractères au maximum "
                "(il en a %(show_value)d)."
            )
        },
    )
    attachment = forms.FileField(
        label=_("Pièce jointe (facultatif)"),
        required=False,
        help_text=_("Une photo JPEG ou PNG, ou un PDF, 10 Mo au maximum."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    def __init__(self, *args: Any, dossier: Dossier, **kwargs: Any) -> None:
        self.dossier = dossier
        super().__init__(*args, **kwargs)

    def full_clean(self) -> None:
        super().full_clean()
        say_files_not_kept(self, "attachment")

    def clean_attachment(self) -> CleanFile | None:
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        existing = self.dossier.uploads.count()
        if existing >= MAX_UPLOADS_PER_DOSSIER:
            raise too_many_uploads(existing)
        return clean_upload(upload)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.dossier.timeline_events.count() >= MAX_TIMELINE_EVENTS:
            raise timeline_full()
        day, time = data.get("occurred_on"), data.get("occurred_at_time")
        if day and time and _is_future(day, time):
            self.add_error(
                "occurred_at_time", _("Cette heure est dans le futur : vérifiez-la.")
            )
        return data


def _is_future(day: dt.date, time: dt.time) -> bool:
    now = timezone.localtime()
    return day == now.date() and time > now.time()
