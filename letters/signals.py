"""Delete a version's PDF file once its row is gone (also on dossier deletion)."""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import LetterVersion


@receiver(post_delete, sender=LetterVersion)
def delete_pdf_file(sender: type, instance: LetterVersion, **kwargs: Any) -> None:
    storage, name = instance.pdf.storage, instance.pdf.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))
