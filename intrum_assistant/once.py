"""Double submits: a creating POST is carried out once per form display.

Every form that creates something renders a one-time token
(``{% submit_once_field %}``, a hidden ``submit_token`` input, a fresh random
value at each display) and ``static/js/submit-once.js`` disables its buttons
after the first click. The server side does not rely on the script: the view
wraps its write in :func:`submit_once`::

    with submit_once(request, scope="timeline") as submission:
        if submission.duplicate:
            return redirect(submission.first_url or fallback)
        event = services.timeline_add(...)
        submission.done(dossier.get_absolute_url())

Why a token and not "identical content within N seconds": two calls noted
with the same words on the same day are two real events, and a repeat may
come long after the first click (a slow PDF, a reload of the POST). The key
is the token **and** what was posted: the same form sent again unchanged is
a repeat; sent again after a change (back button, new text) it is a new
submission.

The receipt row is written first, in its own short transaction, before the
work (which may render a PDF: no transaction is held meanwhile): a twin
request arriving during the work or after it hits the unique key and does
nothing, and goes where the first one led (or to a fallback while the first
one is still running). If the work fails or is refused, the receipt is
deleted, so that sending the form again works. A POST without a token (an
old page, a script) is simply carried out.
"""

import contextlib
import hashlib
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from .models import SubmitReceipt

FIELD = "submit_token"
IGNORED = frozenset({FIELD, "csrfmiddlewaretoken"})
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
KEEP = timezone.timedelta(days=1)
ALREADY_DONE = (
    "Cette demande avait déjà été envoyée : elle n'a été enregistrée qu'une fois."
)


def new_token() -> str:
    return secrets.token_urlsafe(16)


def content_digest(request: HttpRequest) -> str:
    """What was posted (but the tokens): fields in order, files by name and size."""
    parts = [
        f"{name}={value}"
        for name in sorted(request.POST)
        if name not in IGNORED
        for value in request.POST.getlist(name)
    ]
    parts += [
        f"{name}:{upload.name}:{upload.size}"
        for name in sorted(request.FILES)
        for upload in request.FILES.getlist(name)
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def receipt_key(request: HttpRequest, scope: str) -> str | None:
    token = request.POST.get(FIELD, "")
    if not TOKEN_RE.match(token):
        return None
    user = getattr(request, "user", None)
    who = str(user.pk) if user is not None and user.is_authenticated else "-"
    raw = f"{who}\n{scope}\n{token}\n{content_digest(request)}"
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass
class Submission:
    """What :func:`submit_once` yields."""

    duplicate: bool = False
    first_url: str = ""
    receipt: SubmitReceipt | None = field(default=None, repr=False)
    completed: bool = False

    def done(self, url: str) -> None:
        """The write succeeded: keep the receipt, with where it led (a repeat
        of this submission goes there too)."""
        self.completed = True
        if self.receipt is not None:
            self.receipt.result_url = url[:300]
            self.receipt.save(update_fields=["result_url"])


def _reserve(request: HttpRequest, key: str) -> SubmitReceipt | None:
    """The new receipt, or None when ``key`` was already submitted."""
    user = getattr(request, "user", None)
    owner = user if user is not None and user.is_authenticated else None
    try:
        with transaction.atomic():
            SubmitReceipt.objects.filter(created_at__lt=timezone.now() - KEEP).delete()
            return SubmitReceipt.objects.create(key=key, user=owner)
    except IntegrityError:
        return None


def repeat_of(request: HttpRequest, *, scope: str) -> str | None:
    """Where the first submission led when this POST repeats a completed one
    (``""`` if it recorded no URL), else None. For a view that must know
    before validating the form (sign-up: a repeat would be refused as
    « compte existe déjà »)."""
    key = receipt_key(request, scope)
    if key is None:
        return None
    first = SubmitReceipt.objects.filter(key=key).first()
    return first.result_url if first is not None else None


@contextlib.contextmanager
def submit_once(
    request: HttpRequest, *, scope: str, enabled: bool = True
) -> Iterator[Submission]:
    """Carry out the block once per form display and content (see the module).

    Put it around the write, once the form is valid; call ``done(url)`` when
    the write succeeded. A block that ends without ``done`` (refused by a
    check, an exception) leaves no receipt: the same form may be sent again.
    ``scope`` names the form's purpose (``"timeline"``, ``"letter-generate"``…);
    ``enabled=False`` runs the block unguarded (a step that creates nothing).
    """
    key = receipt_key(request, scope) if enabled else None
    if key is None:
        yield Submission()
        return
    receipt = _reserve(request, key)
    if receipt is None:
        first = SubmitReceipt.objects.filter(key=key).first()
        yield Submission(duplicate=True, first_url=first.result_url if first else "")
        return
    submission = Submission(receipt=receipt)
    try:
        yield submission
    finally:
        if not submission.completed:
            SubmitReceipt.objects.filter(pk=receipt.pk).delete()
