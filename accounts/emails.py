"""One normalisation of e-mail addresses, used wherever one is typed.

Sign-up, login (the user manager's natural-key lookup and the lock-out
counter), password reset, the admin's user form and invitations all go
through :func:`normalize_email`, so that ``Sophie.Durand@EXAMPLE.NET``, the
same address with a trailing space, and the same address with a zero-width
space pasted in the middle are one and the same account.

:func:`validate_email_address` then refuses what remains unusual: after NFKC
and the removal of invisible characters, an address must be plain ASCII, so
that a Cyrillic « а » cannot pass for a Latin « a ».
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"})
"""Control, format (zero-width, direction marks…), separators, private use,
surrogates and unassigned code points: none of them belongs in an address."""

MAX_EMAIL_LENGTH = 254


def strip_invisible(value: str) -> str:
    """``value`` without control, format and other invisible characters."""
    return "".join(
        char for char in value if unicodedata.category(char) not in INVISIBLE_CATEGORIES
    )


def normalize_email(value: object) -> str:
    """The canonical form of a typed address: NFKC, invisible characters
    removed, surrounding spaces removed, lower case (whole address)."""
    text = unicodedata.normalize("NFKC", str(value or ""))
    return strip_invisible(text).strip().lower()


def validate_email_address(value: str) -> None:
    """Refuse an address that is not a plain, well-formed ASCII address
    (call it on the normalised value)."""
    if not value.isascii():
        raise ValidationError(
            _(
                "Cette adresse contient une lettre accentuée ou d'un autre alphabet : "
                "écrivez-la avec des lettres sans accent, des chiffres et . _ - + @ "
                "seulement, comme elle figure dans votre messagerie."
            ),
            code="unusual_email",
        )
    if len(value) > MAX_EMAIL_LENGTH:
        raise ValidationError(_("Cette adresse est trop longue."), code="max_length")
    validate_email(value)
