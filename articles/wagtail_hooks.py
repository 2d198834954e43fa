"""Admin screens for the content editors keep once and reuse across articles."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .newsroom import ArticleListingViewSet, add_newsroom_panel
from .snippets import Author, CallToAction, City, Office


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    list_display = ["name", "role", "company"]
    search_fields = ["name", "role", "company"]
    copy_view_enabled = False


class CityViewSet(SnippetViewSet):
    model = City
    icon = "site"
    list_display = ["name", "country"]
    list_filter = ["country"]
    search_fields = ["name", "country"]
    copy_view_enabled = False


class OfficeViewSet(SnippetViewSet):
    """Ordered by drag and drop: the order is the order readers see under "Our offices"."""

    model = Office
    icon = "home"
    list_display = ["city", "street", "country"]
    sort_order_field = "sort_order"
    copy_view_enabled = False


class CallToActionViewSet(SnippetViewSet):
    model = CallToAction
    icon = "pick"
    list_display = ["heading", "subheading", "is_default"]
    list_filter = ["is_default"]
    menu_label = "Calls to action"


class SiteContentGroup(SnippetViewSetGroup):
    menu_label = "Site content"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (AuthorViewSet, CityViewSet, OfficeViewSet, CallToActionViewSet)


register_snippet(SiteContentGroup)


@hooks.register("register_admin_viewset")
def register_article_listing():
    return ArticleListingViewSet("articles_articlepage")


hooks.register("construct_homepage_panels", add_newsroom_panel)
