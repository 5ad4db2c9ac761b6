"""The two roles of an association's members, as Django groups.

The data migration ``0002_roles`` creates the groups from a frozen copy of
these lists; ``services.roles_ensure`` brings an existing database up to date.
"""

from typing import Final

VOLUNTEERS: Final = "Bénévoles"
COORDINATORS: Final = "Coordinateurs"

VOLUNTEER_PERMISSIONS: Final = (
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

COORDINATOR_PERMISSIONS: Final = (
    *VOLUNTEER_PERMISSIONS,
    "associations.view_association",
    "associations.change_association",
    "associations.view_membership",
    "associations.add_membership",
    "associations.change_membership",
    "associations.delete_membership",
    "associations.view_share",
    "associations.view_accesslog",
    "associations.view_invitation",
    "associations.add_invitation",
    "associations.delete_invitation",
)

GROUP_PERMISSIONS: Final = {
    VOLUNTEERS: VOLUNTEER_PERMISSIONS,
    COORDINATORS: COORDINATOR_PERMISSIONS,
}
