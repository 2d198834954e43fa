"""Admin screens for the content editors (articles/admin/ holds them; this only registers)."""

from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .admin.newsroom import ArticleListingViewSet, add_newsroom_panel
from .admin.views import title_check
from .admin.viewsets import SiteContentGroup

register_snippet(SiteContentGroup)


@hooks.register("register_admin_viewset")
def register_article_listing():
    return ArticleListingViewSet("articles_articlepage")


hooks.register("construct_homepage_panels", add_newsroom_panel)


@hooks.register("register_admin_urls")
def register_title_check():
    return [path("articles/title-check/", title_check, name="article_title_check")]


@hooks.register("insert_editor_css")
def editor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/editor.css"))
