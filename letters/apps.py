from django.apps import AppConfig


class LettersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "letters"
    verbose_name = "Lettres"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (deletes PDF files with their rows)
