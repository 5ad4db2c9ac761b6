"""The project's admin site: Django's, with "view on site" scoped.

Django's ``/admin/r/<content_type_id>/<object_id>/`` redirects any staff
member to any object's ``get_absolute_url()`` without asking its ModelAdmin,
so a volunteer could tell whether a dossier of another association exists
(a redirect instead of a 404). Here it answers only for an object that the
viewer's ModelAdmin would show (``get_queryset`` and the view permission),
otherwise 404 (tests/security/test_admin_matrix.py).
"""

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path, reverse_lazy


class AdminSite(admin.AdminSite):
    def get_urls(self) -> list[URLResolver | URLPattern]:
        urls = super().get_urls()
        view: Any = self.admin_view(self.view_on_site)
        view.login_url = reverse_lazy("admin:login", current_app=self.name)
        return [
            path(str(url.pattern), view, name=url.name)
            if getattr(url, "name", None) == "view_on_site"
            else url
            for url in urls
        ]

    def view_on_site(
        self, request: HttpRequest, content_type_id: str, object_id: str
    ) -> HttpResponse:
        try:
            model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
        except (ContentType.DoesNotExist, ValueError, OverflowError) as exc:
            raise Http404("Objet introuvable") from exc
        model_admin = self._registry.get(model) if model else None
        obj = None
        if model_admin and model_admin.has_view_or_change_permission(request):
            obj = model_admin.get_object(request, unquote(object_id))
        if model_admin is None or obj is None:
            raise Http404("Objet introuvable")
        if not model_admin.has_view_or_change_permission(request, obj):
            raise Http404("Objet introuvable")
        return shortcut(request, content_type_id, object_id)
