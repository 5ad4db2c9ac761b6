from django.urls import path

from . import views

app_name = "letters"

urlpatterns = [
    path("<int:dossier_id>/export.zip", views.dossier_export, name="export"),
    path("<int:dossier_id>/lettres/<slug:kind>/", views.letter_page, name="page"),
    path(
        "<int:dossier_id>/lettres/<slug:kind>/apercu/",
        views.letter_preview,
        name="preview",
    ),
    path(
        "<int:dossier_id>/lettres/<slug:kind>/generer/",
        views.letter_generate,
        name="generate",
    ),
    path(
        "<int:dossier_id>/lettres/<slug:kind>/envoi/",
        views.letter_sent,
        name="sent",
    ),
    path(
        "<int:dossier_id>/lettres/<slug:kind>/v<int:number>.pdf",
        views.version_download,
        name="download",
    ),
]
