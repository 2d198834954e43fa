"""The editors' newsroom: articles by state (to write, draft, scheduled, live) in the page
listing and on the dashboard."""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.ui.tables.pages import BulkActionsColumn, PageStatusColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page, Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from articles.pages import ArticlePage
from articles.snippets import Author, City

PANEL_ROWS = 8
TO_WRITE_SHOWN = 3  # the rest of the articles to write fold away under the first few


def scheduled() -> Exists:
    """The page has a revision waiting for its go-live time."""
    return Exists(
        Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=Cast(OuterRef("pk"), CharField()),
            approved_go_live_at__isnull=False,
        )
    )


def states() -> dict[str, Q]:
    waiting = Q(scheduled=True)
    return {
        "to_write": Q(to_write=True),
        "draft": (Q(live=False) | Q(has_unpublished_changes=True)) & ~waiting & Q(to_write=False),
        "scheduled": waiting,
        "live": Q(live=True),
    }


class ArticleFilterSet(PageFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=[
            ("to_write", _("To write (placeholder)")),
            ("draft", _("Draft in progress")),
            ("scheduled", _("Scheduled")),
            ("live", _("Live")),
        ],  # fmt: skip
        method="filter_state",
        empty_label=_("Any"),
    )

    author = django_filters.ModelChoiceFilter(
        label=_("Author"), queryset=Author.objects.order_by("name"), empty_label=_("Any")
    )
    city = django_filters.ModelChoiceFilter(
        label=_("City"), queryset=City.objects.order_by("name"), empty_label=_("Any")
    )
    live = django_filters.DateFromToRangeFilter(
        label=_("Goes or went live"), method="filter_live", widget=DateRangePickerWidget
    )

    class Meta:
        model = ArticlePage
        fields = []

    def filter_live(self, queryset, name, value):
        """Between two dates: scheduled to go live then, or first published then."""
        queryset = queryset.annotate(_live_from=Coalesce("go_live_at", "first_published_at"))
        if value.start:
            queryset = queryset.filter(_live_from__date__gte=value.start)
        if value.stop:
            queryset = queryset.filter(_live_from__date__lte=value.stop)
        return queryset

    def filter_state(self, queryset, name, value):
        wanted = states().get(value)
        return queryset.annotate(scheduled=scheduled()).filter(wanted) if wanted else queryset


class ArticleIndexView(IndexView):
    def annotate_queryset(self, pages):
        # After Wagtail's specific(): prefetched onto the ArticlePage rows it yields.
        return super().annotate_queryset(pages).prefetch_related("author", "city")


class ArticleListingViewSet(PageListingViewSet):
    """Every article with what an editor plans by: author, city, when it goes (or went) live and
    its state, each a filter too."""

    model = ArticlePage
    icon = "doc-full-inverse"
    menu_label = _("Articles")
    menu_order = 110
    add_to_admin_menu = True
    index_view_class = ArticleIndexView
    filterset_class = ArticleFilterSet
    columns = [
        BulkActionsColumn("bulk_actions"),
        PageTitleColumn("title", label=_("Title"), sort_key="title", classname="title"),
        Column("author", label=_("Author"), sort_key="author__name", width="14%"),
        Column("city", label=_("City"), sort_key="city__name", width="12%"),
        DateColumn(
            "live_from",
            label=_("Goes or went live"),
            accessor=lambda page: page.go_live_at or page.first_published_at,
            sort_key="first_published_at",
            width="14%",
        ),  # fmt: skip
        PageStatusColumn("status", label=_("Status"), sort_key="live", width="12%"),
    ]


def newsroom() -> dict:
    articles = ArticlePage.objects.annotate(scheduled=scheduled())
    found = states()
    to_write = articles.filter(found["to_write"]).prefetch_related("linked_from__page")
    waiting = list(to_write.order_by("title")[:PANEL_ROWS])
    return {
        "to_write": waiting,
        "to_write_first": waiting[:TO_WRITE_SHOWN],
        "to_write_more": waiting[TO_WRITE_SHOWN:],
        "to_write_count": to_write.count(),
        "drafts": articles.filter(found["draft"]).order_by("-latest_revision_created_at")[
            :PANEL_ROWS
        ],
        "scheduled": articles.filter(found["scheduled"]).order_by("go_live_at")[:PANEL_ROWS],
        "published": articles.live().order_by("-last_published_at")[:PANEL_ROWS],
    }


class NewsroomPanel(Component):
    name = "newsroom"
    order = 60
    template_name = "articles/admin/newsroom_panel.html"

    def get_context_data(self, parent_context=None) -> dict:
        return newsroom()


def add_newsroom_panel(request, panels: list) -> None:
    """Editors (anyone who may write pages) see the newsroom first."""
    if PagePermissionPolicy().user_has_any_permission(request.user, {"add", "change", "publish"}):
        panels.insert(0, NewsroomPanel())


def written(sender=None, instance=None, **kwargs) -> None:
    """A placeholder that is published has been written."""
    if isinstance(instance, ArticlePage) and instance.to_write:
        ArticlePage.objects.filter(pk=instance.pk).update(to_write=False)
