"""Password pages: Django's views, throttled, with links from ``SITE_URL``,
and revoking the calendar link whenever the password changes."""

from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dossiers import services as dossier_services
from dossiers.models import CalendarToken

from . import throttle
from .forms import NormalizedEmailField

RESET_THROTTLED = gettext_lazy(
    "Trop de demandes de nouveau mot de passe depuis cette connexion : "
    "réessayez dans une heure. Si vous attendez déjà un e-mail, regardez aussi "
    "dans les indésirables."
)
CALENDAR_REVOKED = gettext_lazy(
    "Votre lien de calendrier a été désactivé avec l'ancien mot de passe : "
    "créez-en un nouveau dans « Mon compte » si vous l'utilisiez."
)


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = NormalizedEmailField(
        label=_("Adresse e-mail"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class PasswordResetView(auth_views.PasswordResetView):
    """At most ``RESET_PER_IP`` requests per IP address (then a 429 page) and
    ``RESET_PER_EMAIL`` e-mails per address (then the same page as usual,
    without an e-mail: nobody learns anything about the account)."""

    form_class = PasswordResetForm
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not throttle.allow(throttle.RESET_PER_IP, throttle.client_ip(request)):
            context = {"form": self.form_class(), "throttled": RESET_THROTTLED}
            return render(request, self.template_name, context, status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        if not throttle.allow(throttle.RESET_PER_EMAIL, form.cleaned_data["email"]):
            return HttpResponseRedirect(self.get_success_url())
        # The link is built from SITE_URL, never from the request's Host header.
        self.domain_override = urlsplit(settings.SITE_URL).netloc
        self.extra_email_context = {"site_url": settings.SITE_URL}
        return super().form_valid(form)


def revoke_calendar(request: HttpRequest, user: Any) -> None:
    """A new password closes the calendar link too: whoever had the old
    password may have copied the link."""
    if CalendarToken.objects.filter(user=user).exists():
        dossier_services.calendar_token_revoke(user=user)
        messages.info(request, CALENDAR_REVOKED)


class PasswordChangeView(auth_views.PasswordChangeView):
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form: auth_forms.PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        revoke_calendar(self.request, form.user)
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: auth_forms.SetPasswordForm) -> HttpResponse:
        response = super().form_valid(form)
        revoke_calendar(self.request, form.user)
        return response
