"""The pages every install needs: a home page as the site root and the /blog/ index under it."""

from django.db import transaction
from wagtail.models import Page, Site

from .pages import BlogIndexPage, HomePage

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
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home  # re-point, so the site keeps its id and settings
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
