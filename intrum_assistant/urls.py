from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from accounts import views as account_views

from . import views

admin.site.site_header = "Assistant recouvrement — espace bénévoles"
admin.site.site_title = "Assistant recouvrement"
admin.site.index_title = "Dossiers partagés avec votre association"
# Volunteers use one list: the sidebar would hide its columns on a laptop.
admin.site.enable_nav_sidebar = False

urlpatterns = [
    path("", views.landing, name="landing"),
    path("mentions-legales/", views.legal_notice, name="legal_notice"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(
        "connexion/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("deconnexion/", account_views.LogoutView.as_view(), name="logout"),
    path("compte/", include("accounts.urls")),
    path("", include("associations.urls")),
    path("dossiers/", include("dossiers.urls")),
    path("calendrier/", include("dossiers.calendar_urls")),
    path("dossiers/", include("letters.urls")),
    path("dossiers/", include("reading.urls")),
    path("admin/", admin.site.urls),
]
