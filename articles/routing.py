"""Routing to a page's children in one query (Wagtail's default takes two)."""

from django.apps import apps
from django.http import HttpRequest


class ChildRouteMixin:
    """Route to a child of the one expected type in a single query (Wagtail's default takes two).

    Any other child falls back to Wagtail's routing, so nothing becomes unreachable.
    """

    child_page_model: str = ""
    child_related: tuple[str, ...] = ()
    child_prefetch: tuple[str, ...] = ()

    def child_annotations(self) -> dict:
        return {}

    def route(self, request: HttpRequest, path_components: list[str]):
        if path_components:
            model = apps.get_model(self.child_page_model)
            try:
                child = (
                    model.objects.child_of(self)
                    .select_related(*self.child_related)
                    .prefetch_related(*self.child_prefetch)
                    .annotate(**self.child_annotations())
                    .get(slug=path_components[0])
                )
            except model.DoesNotExist:
                return super().route(request, path_components)
            child._cached_parent_obj = self
            return child.route(request, path_components[1:])
        return super().route(request, path_components)
