"""The shared content editors keep once and reuse across articles: authors, cities, offices and
calls to action, under "Site content"."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ..snippets import Author, CallToAction, City, Office


def chooser_that_creates(fields: list[str], label: str) -> type[SnippetChooserViewSet]:
    """A chooser with a "Create" tab: the editor adds a missing author or city without
    leaving the article (the rest of the record can be filled in later)."""
    return type(
        "CreatingChooserViewSet",
        (SnippetChooserViewSet,),
        {"form_fields": fields, "create_action_label": label, "creation_tab_label": label},
    )


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    list_display = ["name", "role", "company"]
    search_fields = ["name", "role", "company"]
    copy_view_enabled = False
    chooser_viewset_class = chooser_that_creates(["name", "role", "company"], _("Add an author"))


class CityViewSet(SnippetViewSet):
    model = City
    icon = "site"
    list_display = ["name", "country"]
    list_filter = ["country"]
    search_fields = ["name", "country"]
    copy_view_enabled = False
    chooser_viewset_class = chooser_that_creates(["name", "country"], _("Add a city"))


class OfficeViewSet(SnippetViewSet):
    """Ordered by drag and drop: the order is the order readers see under "Our offices"."""

    model = Office
    icon = "home"
    list_display = ["city", "street", "country", LiveStatusTagColumn()]
    sort_order_field = "sort_order"
    copy_view_enabled = False


class CallToActionViewSet(SnippetViewSet):
    model = CallToAction
    icon = "pick"
    list_display = ["heading", "subheading", "is_default", LiveStatusTagColumn()]
    list_filter = ["is_default"]
    menu_label = _("Calls to action")


class SiteContentGroup(SnippetViewSetGroup):
    menu_label = _("Site content")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (AuthorViewSet, CityViewSet, OfficeViewSet, CallToActionViewSet)
