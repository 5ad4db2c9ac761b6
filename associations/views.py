"""Debtor side of consent (share, revoke) and the reviewers' file view."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from accounts.emails import normalize_email
from accounts.middleware import start_staff_session
from dossiers import access
from dossiers.views import private_file_response

from . import selectors, services
from .models import Association

SHARING_ANCHOR = "#partage"


class ShareForm(forms.Form):
    association = forms.ModelChoiceField(
        queryset=Association.objects.all(), label="Association"
    )


@require_POST
def share_create(request: HttpRequest, dossier_id: int) -> HttpResponse:
    dossier = access.get_dossier_for_owner(request.user, dossier_id)
    form = ShareForm(request.POST)
    if form.is_valid():
        association = form.cleaned_data["association"]
        services.share_create(dossier=dossier, association=association)
        messages.success(request, f"Votre dossier est partagé avec {association.name}.")
    else:
        messages.error(request, "Choisissez une association dans la liste.")
    return redirect(dossier.get_absolute_url() + SHARING_ANCHOR)


@require_POST
def share_revoke(request: HttpRequest, dossier_id: int, share_id: int) -> HttpResponse:
    share = selectors.get_active_share_for_owner(request.user, dossier_id, share_id)
    services.share_revoke(share=share)
    messages.success(
        request,
        f"{share.association.name} n'a plus accès à votre dossier.",
    )
    return redirect(share.dossier.get_absolute_url() + SHARING_ANCHOR)


def upload_for_viewer(
    request: HttpRequest, dossier_id: int, upload_id: int
) -> FileResponse:
    """A file of a dossier the user owns or reviews for an association."""
    upload = access.get_upload_for_viewer(request.user, dossier_id, upload_id)
    if upload.dossier.owner_id != request.user.pk:
        services.access_log_record(
            user=request.user,  # type: ignore[arg-type]
            dossier=upload.dossier,
            path=request.path,
        )
    return private_file_response(upload)


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """Join an association by its invitation (logged in with the invited address).

    Unknown, used or expired token: 404. Another account: 403, and the page
    says which address is expected only by « the one the e-mail was sent to ».
    """
    invitation = selectors.get_pending_invitation(token)
    if normalize_email(request.user.email) != normalize_email(invitation.email):  # type: ignore[union-attr]
        return render(
            request, "associations/invitation.html", {"wrong_account": True}, status=403
        )
    if request.method == "POST":
        try:
            services.invitation_accept(
                invitation=invitation,
                user=request.user,  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            raise Http404("Invitation introuvable") from exc
        # More privileges, new session key (ASVS 7.2.4 spirit); staff sessions
        # get their timeouts and browser-session cookie from now on.
        request.session.cycle_key()
        start_staff_session(sender=None, request=request, user=request.user)
        messages.success(
            request, f"Vous êtes maintenant membre de {invitation.association.name}."
        )
        return redirect("admin:index")
    return render(request, "associations/invitation.html", {"invitation": invitation})
