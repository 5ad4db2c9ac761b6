from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Comptes"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .lockout import remember_device
        from .middleware import start_staff_session

        user_logged_in.connect(start_staff_session, dispatch_uid="staff_session")
        user_logged_in.connect(remember_device, dispatch_uid="known_device")
