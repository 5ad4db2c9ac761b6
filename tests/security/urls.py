"""Every URL pattern of the project, enumerated from the resolver (not by hand)."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

SKIPPED_RESOLVERS = frozenset({"admin"})
"""Django's admin has its own matrix: admin_urls.py walks it, test_admin_matrix.py."""


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", or "<unnamed: route>" (which fails the meta-test)
    route: str
    params: tuple[str, ...]


def _walk(patterns: list, prefix: str = "", namespace: str = "") -> list[Route]:
    routes: list[Route] = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if pattern.app_name in SKIPPED_RESOLVERS:
                continue
            inner = namespace
            if pattern.namespace:
                inner = (
                    f"{namespace}:{pattern.namespace}"
                    if namespace
                    else (pattern.namespace)
                )
            routes += _walk(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern):
            if pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            else:
                name = f"<unnamed: {route}>"
            params = tuple(pattern.pattern.converters)
            routes.append(Route(name, route, params))
    return routes


def project_routes() -> list[Route]:
    return _walk(get_resolver().url_patterns)


def route_names() -> list[str]:
    return sorted({route.name for route in project_routes()})
