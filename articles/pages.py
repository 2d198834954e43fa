"""Page types: the home page, the /blog/ index and the articles under it."""

from datetime import date

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.admin.widgets import AdminAutoHeightTextInput
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from pagecache import tags

from .admin.editing import ArticlePageForm, LinkSuggestionsPanel, SeoPanel, ToWritePanel
from .blocks import ArticleBodyBlock, block_text
from .listing import paginate
from .routing import ChildRouteMixin, KnownRestrictionsMixin
from .snippets import CallToAction

WORDS_PER_MINUTE = 238  # Wagtail's content checks read English at this speed
HOME_LATEST_COUNT = 6
# What a card or header needs to show the cover in one query (plus one for its renditions).
COVER_RELATED = ("feed_image", "generated_cover__image")
COVER_RENDITIONS = ("feed_image__renditions", "generated_cover__image__renditions")
NEWEST_FIRST = ("-date", models.F("first_published_at").desc(nulls_last=True), "-pk")


class ArticleTopic(TaggedItemBase):
    """Through-model for an article's topics (free tags an editor types)."""

    content_object = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_topics"
    )


class HomePage(KnownRestrictionsMixin, ChildRouteMixin, Page):
    """The site's front door: what the consultancy writes about, and the latest articles."""

    headline = models.CharField(max_length=160, blank=True)
    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("headline"), FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["articles.BlogIndexPage"]
    max_count = 1
    child_page_model = "articles.BlogIndexPage"
    path_page_model = "articles.ArticlePage"  # /blog/<slug>/ in one query

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["latest_articles"] = ArticlePage.objects.listed()[:HOME_LATEST_COUNT]
        tags.shows(request, ArticlePage)
        context["blog_index"] = BlogIndexPage.objects.live().first()
        return context


class BlogIndexPage(KnownRestrictionsMixin, ChildRouteMixin, Page):
    """/blog/: every live article, newest first, a page at a time."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["articles.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    max_count = 1
    child_page_model = "articles.ArticlePage"

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate(request, ArticlePage.objects.listed().child_of(self))
        tags.shows(request, ArticlePage)
        return context


class ArticlePageQuerySet(PageQuerySet):
    def visible(self) -> "ArticlePageQuerySet":
        """Live and not private: no view restriction on the article or any page above it.

        Wagtail's public() reads every restriction in a query of its own; this stays in one.
        """
        restricted = PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
        return self.live().exclude(Exists(restricted))

    def listed(self) -> "ArticlePageQuerySet":
        """Visible articles, newest first, with what a listing card shows."""
        return (
            self.visible()
            .select_related("author", "city", *COVER_RELATED)
            .prefetch_related(*COVER_RENDITIONS)
            .order_by(*NEWEST_FIRST)
        )


class ArticlePage(KnownRestrictionsMixin, Page):
    """A city-specific article about hiring backend engineers, ending in the shared pitch."""

    # What routing loads with the article (routing.routed): everything its page shows of it.
    route_related = ("author", "author__photo", "city", "call_to_action", *COVER_RELATED)
    route_prefetch = COVER_RENDITIONS

    @staticmethod
    def route_annotations() -> dict:
        """The article's stored related ids, read in the routing query itself."""
        stored = StoredRelated.objects.filter(article=OuterRef("pk")).values("ids")[:1]
        return {"stored_related_ids": Subquery(stored, output_field=models.JSONField())}

    intro = models.TextField(help_text=_("The lead: shown under the title and on listings."))
    date = models.DateField(_("Publish date"), default=date.today)
    author = models.ForeignKey(
        "articles.Author", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    city = models.ForeignKey(
        "articles.City", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    topics = ClusterTaggableManager(
        "topics",
        through=ArticleTopic,
        blank=True,
        help_text=_("Comma-separated. A topic not used before is added as you type it."),
    )
    feed_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on listings and when the article is shared."),
    )
    body = StreamField(ArticleBodyBlock(), blank=True)
    call_to_action = models.ForeignKey(
        "articles.CallToAction",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to use the default call to action."),
    )

    focus_keyphrase = models.CharField(
        _("focus keyphrase"), max_length=100, blank=True,
        help_text=_("What a reader would search for to find this article; the Checks panel "
                    "looks for it in the title, intro, first paragraph, slug and description."),
    )  # fmt: skip
    source_checksum = models.CharField(
        max_length=64, blank=True, editable=False, help_text=_("SHA-256 of the imported text file.")
    )
    send_to_subscribers = models.BooleanField(
        _("send to subscribers"),
        default=True,
        help_text=_("With the next digest of new articles, once it is first published."),
    )
    to_write = models.BooleanField(
        _("article to write"),
        default=False,
        help_text=_(
            "A title and summary waiting to be written (named in another article's "
            "More articles). Cleared when it is first published."
        ),
    )

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    content_panels = [
        # Long titles (90+ characters are common here) wrap instead of scrolling out of sight.
        TitleFieldPanel("title", widget=AdminAutoHeightTextInput(attrs={"rows": 1})),
        FieldPanel("intro"),
        ToWritePanel("to_write"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
                FieldRowPanel([FieldPanel("city"), FieldPanel("topics")]),
            ],
            heading=_("About this article"),
        ),
        FieldPanel("feed_image"),
        FieldPanel("body"),
        LinkSuggestionsPanel(heading=_("Link to other articles")),
        FieldPanel("call_to_action"),
        InlinePanel(
            "related_links",
            heading=_("Related articles"),
            label=_("Related article"),
            help_text=_("Shown first; the rest is filled with articles on the same city or topic."),
        ),
    ]
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("focus_keyphrase"),
            ],  # fmt: skip
            heading=_("For search engines"),
        ),
        SeoPanel(heading=_("Search and social previews")),
        FieldPanel("send_to_subscribers", heading=_("Newsletter")),
    ]
    base_form_class = ArticlePageForm
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("author", [index.SearchField("name")]),
        index.RelatedFields("city", [index.SearchField("name"), index.SearchField("country")]),
        index.FilterField("date"),
    ]
    parent_page_types = ["articles.BlogIndexPage"]
    subpage_types: list[str] = []

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = list(self.topics.all())  # the related cards tag reads them too
        context["call_to_action"] = self.shown_call_to_action()
        return context

    def shown_call_to_action(self) -> CallToAction | None:
        """The one the editor picked while it is published, else the default."""
        chosen = self.call_to_action
        return chosen if chosen and chosen.live else CallToAction.default()

    @property
    def cover(self):
        """The editor's feed image, else the drawn cover (None until the first publish)."""
        if self.feed_image_id:
            return self.feed_image
        try:
            return self.generated_cover.image
        except ObjectDoesNotExist:
            return None

    @property
    def reading_minutes(self) -> int:
        """Rounded like the editor's Checks panel (which reads the page's <main>), so they agree."""
        words = len(f"{self.title} {self.intro}".split())
        words += sum(len(block_text(block).split()) for block in self.body)
        return max(1, round(words / WORDS_PER_MINUTE))


class StoredRelated(models.Model):
    """An article's "More articles" as the worker last worked them out (related.py), so a
    render reads four ids with the article instead of ranking every article."""

    article = models.OneToOneField(
        ArticlePage, on_delete=models.CASCADE, primary_key=True, related_name="stored_related"
    )
    ids = models.JSONField(default=list)

    class Meta:
        verbose_name = _("stored related articles")

    def __str__(self) -> str:
        return f"Related to article {self.article_id}: {self.ids}"


class ArticleRelatedLink(Orderable):
    """An editor's pick for "More articles"; shown before the automatic suggestions."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    target = models.ForeignKey(
        ArticlePage, on_delete=models.CASCADE, related_name="linked_from", verbose_name=_("article")
    )

    panels = [FieldPanel("target")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["page", "target"], name="unique_related_article")
        ]
