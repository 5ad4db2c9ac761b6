"""Factories for the security suite: a complete "world" owned by one user.

A world is everything a URL of the project can point at: a dossier filled so
that letters are offered, an upload, a letter with a PDF version, a timeline
event, an active share with an association, and a calendar token. The URL
matrix fills every URL's kwargs from a world (``kwargs_for``).
"""

import copy
import hashlib
import io
from dataclasses import dataclass
from typing import Any, Final

from django.core.files.base import ContentFile
from PIL import Image

from accounts.models import User
from associations import services as association_services
from associations.models import Association, Share
from dossiers import demo, services
from dossiers.models import CalendarToken, Dossier, TimelineEvent, Upload
from dossiers.uploads import CleanFile
from letters.models import Letter, LetterVersion
from tests import factories
from tests.factories import coordinates

LETTER_KIND = "prescription"
"""A kind offered for Sophie's (time-barred) dossier."""

WIZARD_STEP = "courrier"


def png_bytes(size: tuple[int, int] = (40, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "blue").save(out, "PNG")
    return out.getvalue()


def jpeg_bytes(size: tuple[int, int] = (40, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "white").save(out, "JPEG")
    return out.getvalue()


def filled_answers() -> dict[str, dict[str, Any]]:
    data = copy.deepcopy(demo.SOPHIE_ANSWERS)
    data.pop("coordonnees", None)
    return data


def fill(dossier: Dossier, answers: dict[str, dict[str, Any]] | None = None) -> Dossier:
    """Sophie's time-barred case, saved through the real step forms."""
    demo.fill(dossier, answers or filled_answers())
    dossier.refresh_from_db()
    dossier.answers = {**dossier.answers.to_json(), "coordonnees": coordinates()}
    dossier.save()
    return dossier


@dataclass
class World:
    """Every object a URL can name, all owned by ``user``."""

    user: User
    dossier: Dossier
    upload: Upload
    letter: Letter
    version: LetterVersion
    event: TimelineEvent
    association: Association
    share: Share
    token: CalendarToken
    calendar_secret: str
    marker: str

    def exists(self) -> dict[str, bool]:
        """Which of the world's objects still exist, unchanged where it matters."""
        return {
            "user": User.objects.filter(pk=self.user.pk, is_active=True).exists(),
            "dossier": Dossier.objects.filter(
                pk=self.dossier.pk, title=self.marker
            ).exists(),
            "upload": Upload.objects.filter(pk=self.upload.pk).exists(),
            "letter": Letter.objects.filter(
                pk=self.letter.pk, personal_text=self.marker, sent_on=None
            ).exists(),
            "version": LetterVersion.objects.filter(pk=self.version.pk).exists(),
            "event": TimelineEvent.objects.filter(pk=self.event.pk).exists(),
            "share": Share.objects.filter(
                pk=self.share.pk, revoked_at__isnull=True
            ).exists(),
            "token": CalendarToken.objects.filter(
                token_hash=self.token.token_hash
            ).exists(),
            "only_one_dossier": Dossier.objects.filter(owner=self.user).count() == 1,
        }


def letter_version(letter: Letter, number: int = 1, marker: str = "") -> LetterVersion:
    """A stored version without rendering (the matrix needs the row, not a PDF);
    ``marker`` in its bytes, so that a leak of the file shows."""
    pdf = f"%PDF-1.4\n% test version {marker}\n%%EOF\n".encode()
    version = LetterVersion(
        letter=letter,
        number=number,
        sha256=hashlib.sha256(pdf).hexdigest(),
        size=len(pdf),
    )
    version.pdf.save("lettre.pdf", ContentFile(pdf), save=False)
    version.save()
    return version


WORLD_A: Final = ("alice.secu@example.org", "ALICE-SECRET-7f3a")
"""The target's e-mail and the marker written in every object of hers."""
WORLD_B: Final = ("bob.secu@example.org", "BOB-OWN-91c2")
"""The attacker's own."""


def world(email: str, marker: str, *, association: Association | None = None) -> World:
    user = factories.user(email, first_name=marker, last_name="Secret")
    dossier = fill(factories.dossier(owner=user))
    Dossier.objects.filter(pk=dossier.pk).update(title=marker)
    dossier.refresh_from_db()
    upload = services.upload_add(
        dossier=dossier,
        clean=CleanFile(jpeg_bytes(), "image", "image/jpeg", "scan.jpg"),
    )
    letter = Letter.objects.create(
        dossier=dossier, kind=LETTER_KIND, personal_text=marker
    )
    version = letter_version(letter, marker=marker)
    event = services.timeline_add(
        dossier=dossier,
        kind="call",
        occurred_on=dossier.created_at.date(),
        who=marker,
        content=marker,
    )
    association = association or Association.objects.create(
        name=f"Asso {marker}", city="Lyon"
    )
    share = association_services.share_create(dossier=dossier, association=association)
    token, calendar_secret = services.calendar_token_create(user=user)
    return World(
        user=user,
        dossier=dossier,
        upload=upload,
        letter=letter,
        version=version,
        event=event,
        association=association,
        share=share,
        token=token,
        calendar_secret=calendar_secret,
        marker=marker,
    )


def invitation_token(w: World) -> str:
    """An invitation of the world's association to the world's own user."""
    _, token = association_services.invitation_create(
        association=w.association,
        email=w.user.email,
        role="volunteer",
        created_by=None,
        base_url="http://testserver",
    )
    return token


PARAMS: dict[str, Any] = {
    "dossier_id": lambda w: w.dossier.pk,
    "upload_id": lambda w: w.upload.pk,
    "event_id": lambda w: w.event.pk,
    "share_id": lambda w: w.share.pk,
    "kind": lambda w: w.letter.kind,
    "number": lambda w: w.version.number,
    "step": lambda w: WIZARD_STEP,
    "token": lambda w: invitation_token(w),
}
"""How to fill each URL parameter from a world: a new URL whose parameters are
all here is covered automatically; a new parameter fails the meta-test."""

OBJECT_PARAMS = frozenset({"dossier_id"})
"""A URL with one of these names an object of its owner: others get 404."""

NESTED_PARAMS = frozenset({"upload_id", "event_id", "share_id"})
"""Objects looked up through the dossier of the URL."""

PER_USER_URLS = frozenset(
    {
        "dossiers:list",
        "dossiers:new",
        "dossiers:new_step",
        "accounts:profile",
        "accounts:password_change",
        "accounts:password_change_done",
        "accounts:delete",
        "accounts:calendar",
        "logout",
        "associations:invitation",
    }
)
"""Behind the login wall, no object in the URL: each user sees only their own."""

PUBLIC_URLS: dict[str, dict[str, Any]] = {
    "landing": {},
    "legal_notice": {},
    "healthz": {},
    "favicon": {},
    "login": {},
    "accounts:signup": {},
    "accounts:password_reset": {},
    "accounts:password_reset_done": {},
    "accounts:password_reset_complete": {},
    "accounts:password_reset_confirm": {"uidb64": "MQ", "token": "set-password"},
}
"""The explicit allow-list of pages open to anonymous visitors."""

TOKEN_URLS = frozenset({"calendar:feed"})
"""Outside the login wall, the token in the URL is the secret."""


def routes() -> dict[str, tuple[str, ...]]:
    from tests.security.urls import project_routes

    return {route.name: route.params for route in project_routes()}


def owned_urls() -> list[str]:
    """Every URL naming a dossier (so an object of its owner)."""
    return sorted(
        name
        for name, params in routes().items()
        if OBJECT_PARAMS & set(params) and name not in PUBLIC_URLS
    )


def kwargs_for(name: str, w: World) -> dict[str, Any]:
    """The kwargs of URL ``name`` pointing at the objects of world ``w``."""
    if name in PUBLIC_URLS:
        return PUBLIC_URLS[name]
    if name in TOKEN_URLS:
        return {"token": w.calendar_secret}
    return {param: PARAMS[param](w) for param in routes()[name]}


def unclassified() -> list[str]:
    """URLs the matrix cannot handle: unlisted, or with an unknown parameter."""
    problems = []
    for name, params in routes().items():
        if name in PUBLIC_URLS or name in TOKEN_URLS:
            continue
        unknown = set(params) - set(PARAMS)
        if unknown:
            problems.append(f"{name}: no filler for {sorted(unknown)}")
        elif not OBJECT_PARAMS & set(params) and name not in PER_USER_URLS:
            problems.append(f"{name}: neither owned, per-user, public nor token")
    return problems


def stale() -> list[str]:
    names = set(routes())
    listed = set(PER_USER_URLS) | set(PUBLIC_URLS) | set(TOKEN_URLS)
    return sorted(listed - names)
