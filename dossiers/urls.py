from django.urls import path

from . import views

app_name = "dossiers"

urlpatterns = [
    path("", views.dossier_list, name="list"),
    path("<int:dossier_id>/", views.dossier_detail, name="detail"),
    path("<int:dossier_id>/supprimer/", views.dossier_delete, name="delete"),
]
