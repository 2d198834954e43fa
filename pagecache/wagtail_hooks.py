"""Every served page carries its own tag, whatever its type (Wagtail's before_serve_page)."""

from wagtail import hooks

from . import tags


@hooks.register("before_serve_page")
def tag_served_page(page, request, serve_args, serve_kwargs) -> None:
    tags.shows(request, page)
    request.META.setdefault(tags.TAGS, set()).add(tags.own_key(page.pk))
