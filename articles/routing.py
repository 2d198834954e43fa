"""Routing a reader's request in as few queries as the page needs (Wagtail's default walks the
tree a level at a time, two queries a level, then reads the view restrictions in two more)."""

from django.apps import apps
from django.http import HttpRequest
from wagtail.models import Page, PageViewRestriction

from pagecache import memo


def routed(model: type[Page]):
    """The model's pages with what its view reads, declared on the model (`route_related`,
    `route_prefetch`, `route_annotations()`): one query loads all of it."""
    annotations = model.route_annotations() if hasattr(model, "route_annotations") else {}
    return (
        model.objects.select_related(*getattr(model, "route_related", ()))
        .prefetch_related(*getattr(model, "route_prefetch", ()))
        .annotate(**annotations)
    )


class ChildRouteMixin:
    """Route to a child of the one expected type in a single query; a URL ending deeper, at a
    page of `path_page_model`, by its URL path in one query too.

    Anything else falls back to Wagtail's routing, so nothing becomes unreachable.
    """

    child_page_model: str = ""
    path_page_model: str = ""

    def route(self, request: HttpRequest, path_components: list[str]):
        if len(path_components) > 1 and self.path_page_model:
            url_path = self.url_path + "/".join(path_components) + "/"
            pages = routed(apps.get_model(self.path_page_model))
            if page := pages.filter(slug=path_components[-1], url_path=url_path).first():
                return page.route(request, [])
        if path_components and self.child_page_model:
            pages = routed(apps.get_model(self.child_page_model)).child_of(self)
            if child := pages.filter(slug=path_components[0]).first():
                return child.route(request, path_components[1:])
        return super().route(request, path_components)


class KnownRestrictionsMixin:
    """Wagtail reads the view restrictions above a page in two queries on every serve: the
    restricted and aliased paths are kept per process (pagecache.memo), so a page with neither
    above it costs none."""

    def get_view_restrictions(self):
        if not memo.active() or self.alias_of_id:
            return super().get_view_restrictions()
        restricted, aliases = memo.shared("wagtail:restricted-paths", _special_paths)
        above = {self.path[:end] for end in range(Page.steplen, len(self.path) + 1, Page.steplen)}
        if restricted.isdisjoint(above) and aliases.isdisjoint(above):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def _special_paths() -> tuple[frozenset[str], frozenset[str]]:
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
    aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
    return frozenset(restricted), frozenset(aliases)
