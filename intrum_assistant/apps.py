from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class IntrumAssistantConfig(AppConfig):
    name = "intrum_assistant"
    verbose_name = "Assistant recouvrement"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from . import (
            checks,  # noqa: F401  (registers the system checks)
            db,
            logs,
        )

        logs.install()
        connection_created.connect(
            db.make_sqlite_private, dispatch_uid="sqlite_private"
        )


class AdminConfig(DjangoAdminConfig):
    """``django.contrib.admin`` with the project's site (``admin_site``)."""

    default_site = "intrum_assistant.admin_site.AdminSite"
