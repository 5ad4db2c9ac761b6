"""Sign-up and profile; log-in, log-out and passwords use Django's views."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, authenticate, login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.sessions.models import Session
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django.views.generic import CreateView

from intrum_assistant import once

from . import throttle
from .deletion import account_delete
from .forms import ProfileForm, SignUpForm
from .models import User

SIGNUP = "signup"
SIGNUP_THROTTLED = gettext_lazy(
    "Trop de comptes demandés depuis cette connexion internet : réessayez dans "
    "une heure. Si vous avez déjà un compte, connectez-vous ou utilisez "
    "« Mot de passe oublié »."
)


class LogoutView(auth_views.LogoutView):
    """Django's log-out (POST), then a word on the page it lands on."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        messages.success(
            request,
            _("Vous êtes déconnecté(e). Vos dossiers sont enregistrés : à bientôt."),
        )
        return response


@method_decorator(login_not_required, name="dispatch")
class SignUpView(CreateView):  # type: ignore[type-arg]
    form_class = SignUpForm
    template_name = "registration/signup.html"

    def dispatch(
        self, request: HttpRequest, *args: object, **kwargs: object
    ) -> HttpResponse:
        if request.user.is_authenticated:
            return redirect("dossiers:list")
        return super().dispatch(request, *args, **kwargs)

    def post(
        self, request: HttpRequest, *args: object, **kwargs: object
    ) -> HttpResponse:
        """Every sign-up form sent counts, valid or not: the « un compte
        existe déjà » answer must not be asked for many addresses."""
        if not throttle.allow(throttle.SIGNUP_PER_IP, throttle.client_ip(request)):
            typed = {
                k: request.POST.get(k, "") for k in ("email", "first_name", "last_name")
            }
            context = {"form": SignUpForm(initial=typed), "throttled": SIGNUP_THROTTLED}
            return render(request, self.template_name, context, status=429)
        if once.repeat_of(request, scope=SIGNUP) is not None:
            return self.repeated()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: SignUpForm) -> HttpResponse:
        with once.submit_once(self.request, scope=SIGNUP) as submission:
            if submission.duplicate:  # its twin, sent at the same moment
                return self.repeated()
            user = form.save()
            submission.done(reverse("dossiers:list"))
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, _("Bienvenue ! Votre compte est créé."))
        return redirect("dossiers:list")

    def repeated(self) -> HttpResponse:
        """A double click on « Créer mon compte »: the account exists (the first
        click made it) and the same password opens it."""
        user = authenticate(
            self.request,
            username=self.request.POST.get("email", ""),
            password=self.request.POST.get("password1", ""),
        )
        if user is None:
            return redirect("login")
        login(self.request, user)
        messages.success(self.request, _("Bienvenue ! Votre compte est créé."))
        return redirect("dossiers:list")


def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, profile_saved_message(form))
        return redirect("accounts:profile")
    return render(request, "registration/profile.html", {"form": form})


def profile_saved_message(form: ProfileForm) -> str:
    """What was saved: her details, her choice of e-mails, both, or nothing."""
    changed = set(form.changed_data)
    parts = []
    if changed - {"reminders_opt_in"}:
        parts.append(_("Vos coordonnées sont enregistrées."))
    if "reminders_opt_in" in changed:
        parts.append(
            _("C'est noté : vous serez prévenu(e) par e-mail.")
            if form.cleaned_data["reminders_opt_in"]
            else _(
                "C'est noté : vous ne recevrez plus d'e-mails de rappel ni de conseil."
            )
        )
    return " ".join(parts) or _("Rien n'a changé : tout était déjà enregistré.")


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Votre mot de passe, pour confirmer"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Saisissez votre mot de passe pour confirmer.")},
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("Ce mot de passe n'est pas le bon."), code="wrong_password"
            )
        return password


@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    """Delete the account, its dossiers, files and tokens, after the password."""
    user = request.user
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        user_id = str(user.pk)
        logout(request)
        account_delete(user=user)
        _end_other_sessions(user_id)
        messages.success(
            request, _("Votre compte et toutes vos données sont supprimés.")
        )
        return redirect("landing")
    return render(request, "registration/delete_account.html", {"form": form})


def _end_other_sessions(user_id: str) -> None:
    """Delete the user's sessions on other devices (ASVS 7.4.2): rows, not just
    their validity. Sessions carry no user index: scan the live ones."""
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get(SESSION_KEY)) == user_id:
            session.delete()
