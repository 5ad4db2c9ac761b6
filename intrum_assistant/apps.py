from django.apps import AppConfig


class IntrumAssistantConfig(AppConfig):
    name = "intrum_assistant"
    verbose_name = "Assistant recouvrement"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
