from django.urls import path

from reading.views import intake

from . import views
from .wizard import DossierWizard

app_name = "dossiers"

wizard = DossierWizard.as_view(
    url_name="dossiers:wizard_step", done_step_name="termine"
)

urlpatterns = [
    path("", views.dossier_list, name="list"),
    # A new dossier starts with a photo of the letter (the reader, issue 16);
    # the questionnaire's first step stays at « nouveau/courrier/ ».
    path("nouveau/", intake, name="new"),
    path("nouveau/<str:step>/", wizard, name="new_step"),
    path("<int:dossier_id>/", views.dossier_detail, name="detail"),
    path("<int:dossier_id>/modifier/", wizard, name="wizard"),
    path("<int:dossier_id>/modifier/<str:step>/", wizard, name="wizard_step"),
    path("<int:dossier_id>/supprimer/", views.dossier_delete, name="delete"),
    path(
        "<int:dossier_id>/fichiers/<int:upload_id>/", views.upload_file, name="upload"
    ),
    path(
        "<int:dossier_id>/fichiers/<int:upload_id>/supprimer/",
        views.upload_delete,
        name="upload_delete",
    ),
    path(
        "<int:dossier_id>/chronologie/ajouter/",
        views.timeline_add,
        name="timeline_add",
    ),
    path(
        "<int:dossier_id>/chronologie/<int:event_id>/supprimer/",
        views.timeline_delete,
        name="timeline_delete",
    ),
]
