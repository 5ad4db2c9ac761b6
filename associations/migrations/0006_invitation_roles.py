"""Coordinators see, send and cancel their association's invitations.

Same frozen-list approach as ``0002_roles`` (idempotent).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATOR = (
    "associations.view_invitation",
    "associations.add_invitation",
    "associations.delete_invitation",
)


def add_permissions(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Coordinateurs")
    for perm in COORDINATOR:
        app_label, codename = perm.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


class Migration(migrations.Migration):
    dependencies = [("associations", "0005_association_required")]

    operations = [migrations.RunPython(add_permissions, migrations.RunPython.noop)]
