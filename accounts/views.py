"""Sign-up and profile; log-in, log-out and passwords use Django's views."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import CreateView

from .forms import ProfileForm, SignUpForm


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

    def form_valid(self, form: SignUpForm) -> HttpResponse:
        user = form.save()
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, _("Bienvenue ! Votre compte est créé."))
        return redirect("dossiers:list")


def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Vos coordonnées sont enregistrées."))
        return redirect("accounts:profile")
    return render(request, "registration/profile.html", {"form": form})
