from django.apps import AppConfig


class ReadingConfig(AppConfig):
    name = "reading"
    verbose_name = "Lecture des courriers"

    def ready(self) -> None:
        """What a letter's reading found prefills the wizard (``dossiers.drafts``)."""
        from dossiers import drafts  # noqa: PLC0415

        from .drafting import provide  # noqa: PLC0415

        drafts.register(provide)
