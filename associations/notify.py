"""E-mails to the debtor about her dossiers' sharing (only with her consent).

The consent is the one of the reminders (``User.reminders_opt_in``): the
assistant's e-mails about her dossiers. No e-mail says anything of the debt
(agency, amount, reference) nor quotes the advice: a link, and she logs in.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from .models import Advice

logger = logging.getLogger(__name__)


def advice_notify(*, advice: Advice) -> bool:
    """Tell the dossier's owner that advice arrived, once the advice is saved
    (``on_commit``); False when she did not opt in."""
    owner = advice.dossier.owner
    if not (owner.reminders_opt_in and owner.is_active and owner.email):
        return False
    context = {
        "link": settings.SITE_URL + advice.dossier.get_absolute_url() + "#partage",
        "site_url": settings.SITE_URL,
    }
    subject = render_to_string("emails/advice_subject.txt", context).strip()
    body = render_to_string("emails/advice_body.txt", context)
    transaction.on_commit(lambda: _send(subject, body, owner.email))
    return True


def _send(subject: str, body: str, to: str) -> None:
    """The advice is saved whatever happens to the e-mail: a failure is
    logged, never shown to the volunteer as an error of their save."""
    try:
        send_mail(subject, body, None, [to])
    except (OSError, smtplib.SMTPException):
        logger.exception("Advice notice not sent")
