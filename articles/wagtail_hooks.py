"""Admin screens for the content editors (articles/admin/ holds them; this only registers)."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from access.menu import ContentStaffMenuItem

from .admin.calendar import PlanningCalendarView
from .admin.checks import use_article_checks
from .admin.link_chooser import open_links_at_blog
from .admin.link_chooser import urlpatterns as link_chooser_urls
from .admin.links import ArticleLinksView
from .admin.newsroom import ArticleListingViewSet, add_newsroom_panel
from .admin.scheduling import ScheduleMenuItem
from .admin.views import cover_preview, title_check
from .admin.viewsets import SiteContentGroup

register_snippet(SiteContentGroup)


@hooks.register("register_admin_viewset")
def register_article_listing():
    return ArticleListingViewSet("articles_articlepage")


hooks.register("construct_homepage_panels", add_newsroom_panel)
hooks.register("construct_wagtail_userbar", use_article_checks)
# After Wagtail's own features (order 0): the link feature is there to adapt.
hooks.register("register_rich_text_features", open_links_at_blog, order=1)


@hooks.register("register_admin_urls")
def register_editor_endpoints():
    return [
        path("articles/title-check/", title_check, name="article_title_check"),
        path("articles/cover-preview/", cover_preview, name="article_cover_preview"),
        path("articles/calendar/", PlanningCalendarView.as_view(), name="article_calendar"),
        path("articles/links/", ArticleLinksView.as_view(), name="article_links"),
        *link_chooser_urls,
    ]


@hooks.register("register_admin_menu_item")
def register_calendar_menu_item():
    return ContentStaffMenuItem(
        _("Planning calendar"), reverse("article_calendar"), icon_name="calendar-alt", order=111
    )


@hooks.register("register_page_action_menu_item")
def register_schedule_menu_item():
    return ScheduleMenuItem(order=35)  # just after Publish


@hooks.register("insert_editor_js")
def editor_js():
    return format_html(
        '<script src="{}"></script><script src="{}" data-message="{}"></script>',
        static("js/saves-in-turn.js"),
        static("js/empty-blocks.js"),
        _(
            "This block is empty. The draft keeps it, but the article cannot be published "
            "with it: write in it, or delete it."
        ),
    )


@hooks.register("insert_global_admin_css")  # Wagtail 8 has no editor-only CSS hook any more
def editor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/editor.css"))


@hooks.register("register_reports_menu_item")
def register_links_report():
    return ContentStaffMenuItem(
        _("Links between articles"), reverse("article_links"), icon_name="link", order=710
    )
