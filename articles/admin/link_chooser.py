"""The rich text's link chooser opens at the blog, where the articles an editor links to are,
rather than at the site's root: Draftail's link feature is given a page-chooser address of ours
that opens Wagtail's own chooser at the blog (a link being edited still opens at its page)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path, reverse_lazy
from wagtail.admin.rich_text.editors.draftail.features import EntityFeature
from wagtail.admin.views.chooser import BrowseView
from wagtail.rich_text.feature_registry import FeatureRegistry

from articles.pages import BlogIndexPage

browse = BrowseView.as_view()


def browse_from_blog(request: HttpRequest) -> HttpResponse:
    blog = BlogIndexPage.objects.order_by("path").first()
    return browse(request, parent_page_id=blog.pk if blog else None)


urlpatterns = [
    path("articles/choose-page/", browse_from_blog, name="article_link_chooser"),
    # Draftail appends the linked page's parent to the same address when a link is edited.
    path("articles/choose-page/<int:parent_page_id>/", browse, name="article_link_chooser_at"),
]


def open_links_at_blog(features: FeatureRegistry) -> None:
    """Runs after Wagtail registered its link feature: the same feature, our chooser address."""
    link = features.plugins_by_editor.get("draftail", {}).get("link")
    if link is None:
        return
    urls = {**link.data["chooserUrls"], "pageChooser": reverse_lazy("article_link_chooser")}
    features.register_editor_plugin(
        "draftail",
        "link",
        EntityFeature({**link.data, "chooserUrls": urls}, js=link.js, css=link.css),
    )
