from django.urls import path

from . import views

app_name = "reading"

urlpatterns = [
    path("<int:dossier_id>/lecture/", views.progress, name="progress"),
    path("<int:dossier_id>/lecture/etat/", views.status, name="status"),
]
