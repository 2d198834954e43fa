"""The pages every install needs: a home page as the site root and the /blog/ index under it,
and the Site record at SITE_URL."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from .pages import BlogIndexPage, HomePage
from .site_url import site_address

HOME_DEFAULTS = {
    "title": "Backend engineering, city by city",
    "headline": "Hiring backend engineers, city by city",
    "intro": (
        "Field notes from Clean Systems Consulting on finding senior backend engineers in "
        "Helsinki, Tallinn and beyond, and on the async contracting model that gets backend "
        "work shipped while the local search runs."
    ),
}
BLOG_DEFAULTS = {
    "title": "Articles",
    "slug": "blog",
    "intro": "Every article we have published, newest first.",
}


@transaction.atomic
def ensure_site_tree() -> BlogIndexPage:
    """Create what is missing and leave what exists alone, so it is safe to run on every setup."""
    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    if home is None:
        # The root page's slug never shows in URLs; this one cannot clash with Wagtail's "home".
        home = root.add_child(instance=HomePage(slug="site-home", **HOME_DEFAULTS))
        home.save_revision().publish()
    # An existing site is re-pointed, so it keeps its id and settings.
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    hostname, port = site_address(settings.SITE_URL)
    if site.root_page_id != home.pk or settings.SITE_URL_GIVEN:
        # A site of ours keeps its address unless one is given: a `make setup` beside a running
        # `make run PORT=…` must not re-point the links at another port.
        wanted = (home.pk, hostname, port)
    else:
        wanted = (home.pk, site.hostname, site.port)
    if (site.root_page_id, site.hostname, site.port) != wanted:
        site.root_page_id, site.hostname, site.port = wanted
        site.save()
    # Wagtail's install ships a placeholder "Welcome" page; ours replaces it (only after the site
    # points away from it: deleting a site's root page deletes the site too).
    placeholders = root.get_children().filter(content_type__model="page", slug="home")
    for placeholder in placeholders.exclude(sites_rooted_here__isnull=False):
        placeholder.delete()

    blog = BlogIndexPage.objects.child_of(home).first()
    if blog is None:
        blog = home.add_child(instance=BlogIndexPage(**BLOG_DEFAULTS))
        blog.save_revision().publish()
    return blog
