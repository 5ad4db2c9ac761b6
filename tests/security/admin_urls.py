"""Every URL pattern of the Django admin, enumerated from the resolver.

``tests/security/urls.py`` skips the admin's resolver; this module walks it
(recursively, under the ``admin`` namespace), so that a new ModelAdmin, a
custom admin view or a new Django admin URL shows up here by itself.
"""

import re
from dataclasses import dataclass
from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.urls import URLPattern, URLResolver, get_resolver, resolve


@dataclass(frozen=True)
class AdminRoute:
    name: str  # "admin:<name>", or "<unnamed: route>"
    route: str  # the full route, e.g. "admin/dossiers/dossier/<path:object_id>/change/"
    params: tuple[str, ...]
    model: type[Model] | None  # the ModelAdmin's model; None: a site-wide view

    @property
    def label(self) -> str | None:
        return self.model._meta.label_lower if self.model else None

    def url(self, **kwargs: Any) -> str:
        """The path of this route with ``kwargs`` (checked by resolving it)."""
        path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(kwargs[m[1]]), self.route)
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m[1]]), path)
        path = "/" + path.replace("^", "").replace("$", "")
        resolved = resolve(path).route
        assert resolved.replace("^", "") == self.route.replace("^", ""), (
            path,
            resolved,
        )
        return path


def _admin_resolver() -> URLResolver:
    (resolver,) = [
        pattern
        for pattern in get_resolver().url_patterns
        if isinstance(pattern, URLResolver) and pattern.namespace == admin.site.name
    ]
    return resolver


def _model_prefixes() -> dict[str, type[Model]]:
    return {
        f"{model._meta.app_label}/{model._meta.model_name}/": model
        for model in admin.site._registry
    }


def _walk(
    patterns: list[Any],
    prefix: str,
    model: type[Model] | None,
    outer: tuple[str, ...] = (),
) -> list[AdminRoute]:
    routes: list[AdminRoute] = []
    prefixes = _model_prefixes()
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        params = outer + tuple(pattern.pattern.regex.groupindex)
        if isinstance(pattern, URLResolver):
            inner = model or prefixes.get(str(pattern.pattern))
            routes += _walk(pattern.url_patterns, route, inner, params)
        elif isinstance(pattern, URLPattern):
            name = f"admin:{pattern.name}" if pattern.name else f"<unnamed: {route}>"
            routes.append(AdminRoute(name, route, params, model))
    return routes


def admin_routes() -> list[AdminRoute]:
    resolver = _admin_resolver()
    return _walk(resolver.url_patterns, str(resolver.pattern), None)
