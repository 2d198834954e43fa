"""What search engines and social sites read: structured data and the sitemap's extra entries."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from . import covers
from .contents import Crumb, trail
from .pages import ArticlePage
from .site_url import absolute, site_root
from .snippets import Author, City


def article_structured_data(article: ArticlePage, environ: dict | None = None) -> dict:
    """schema.org BlogPosting for the article (https://schema.org/BlogPosting)."""
    url = absolute(article.url)
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": article.title[:110],
        "description": article.search_description or article.intro,
        "datePublished": article.date.isoformat(),
        "dateModified": (
            article.last_published_at
            or article.latest_revision_created_at
            or article.first_published_at
            or article.date
        ).isoformat(),  # fmt: skip
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "publisher": {
            "@type": "Organization",
            "name": settings.WAGTAIL_SITE_NAME,
            "url": absolute("/"),
        },
    }
    if article.author:
        data["author"] = {
            "@type": "Person",
            "name": article.author.name,
            "url": absolute(article.author.get_absolute_url()),
            **({"jobTitle": article.author.role} if article.author.role else {}),
        }
    if image := covers.share_of(article, environ):
        data["image"] = {
            "@type": "ImageObject",
            "url": absolute(image.url),
            "width": image.width,
            "height": image.height,
        }
    return data


class PageSitemap(WagtailSitemap):
    """Every live, public page in one query: no page type here changes its sitemap entry, so
    the generic page rows serve (Wagtail's default also loads each page's specific type)."""

    def items(self):
        root = self.get_wagtail_site().root_page
        pages = root.get_descendants(inclusive=True).live().public()
        return pages.order_by("path").defer_streamfields()


class TaxonomySitemap(Sitemap):
    """Author and city pages that list at least one live article."""

    def items(self) -> list:
        live = Q(articles__live=True)
        authors = Author.objects.filter(live).annotate(lastmod=Max("articles__last_published_at"))
        cities = City.objects.filter(live).annotate(lastmod=Max("articles__last_published_at"))
        return [*authors.order_by("slug"), *cities.order_by("slug")]

    def location(self, item) -> str:
        return item.get_absolute_url()

    # The host of the Site record, like the page entries (not the request's Host header).
    def get_protocol(self, protocol=None) -> str:
        return urlsplit(site_root()).scheme

    def get_domain(self, site=None) -> str:
        return urlsplit(site_root()).netloc

    def lastmod(self, item):
        return item.lastmod


def breadcrumb_structured_data(article: ArticlePage) -> dict:
    """schema.org BreadcrumbList: the trail shown above the title, then the article itself."""
    crumbs = [*trail(article), Crumb(article.title, article.url)]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": crumb.name, "item": absolute(crumb.url)}
            for n, crumb in enumerate(crumbs, start=1)
        ],
    }
