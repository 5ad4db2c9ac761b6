"""Groups « Bénévoles » and « Coordinateurs » with their model permissions.

Idempotent: running it again (or after new permissions appear) only adds what
is missing. The permission lists are frozen here on purpose: a migration must
not change meaning when ``associations/roles.py`` evolves.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VOLUNTEER = (
    "dossiers.view_dossier",
    "dossiers.change_dossier",
    "dossiers.view_upload",
    "associations.view_review",
    "associations.add_review",
    "associations.change_review",
    "associations.view_advice",
    "associations.add_advice",
    "associations.change_advice",
    "associations.view_internalnote",
    "associations.add_internalnote",
    "associations.change_internalnote",
)
COORDINATOR = (
    *VOLUNTEER,
    "associations.view_association",
    "associations.change_association",
    "associations.view_membership",
    "associations.add_membership",
    "associations.change_membership",
    "associations.delete_membership",
    "associations.view_share",
    "associations.view_accesslog",
)
GROUPS = {"Bénévoles": VOLUNTEER, "Coordinateurs": COORDINATOR}


def _ensure_permissions(apps):
    # Permissions are normally created after all migrations (post_migrate);
    # create them now so that this migration works on an empty database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for perm in perms:
            app_label, codename = perm.split(".")
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("associations", "0001_initial"),
        ("dossiers", "0002_wizard"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
