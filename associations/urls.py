from django.urls import path

from . import views

app_name = "associations"

urlpatterns = [
    path("dossiers/<int:dossier_id>/partage/", views.share_create, name="share"),
    path(
        "dossiers/<int:dossier_id>/partage/<int:share_id>/retirer/",
        views.share_revoke,
        name="revoke",
    ),
    path(
        "admin-fichiers/<int:dossier_id>/<int:upload_id>/",
        views.upload_for_viewer,
        name="upload",
    ),
    path(
        "associations/invitation/<str:token>/",
        views.invitation_accept,
        name="invitation",
    ),
]
