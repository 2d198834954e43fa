"""The article editor's help: a title that reads in full, a slug clash the editor can act on,
and SEO counters, previews and warnings built from what the page will output."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, Panel

from articles import meta

from .scheduling import zone_label


def page_state(page) -> str:
    if getattr(page.specific, "to_write", False):
        return "article to write"
    return "live" if page.live else "draft"


class ArticlePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("go_live_at", "expire_at"):  # Wagtail's schedule dialog: which zone
            if name in self.fields:
                self.fields[name].help_text = gettext("In the time zone %(zone)s.") % {
                    "zone": zone_label()
                }

    def clean_title(self) -> str:
        # The title box wraps long titles over several lines; a line break typed in it is a space.
        return " ".join(self.cleaned_data["title"].split())

    def clean(self) -> dict:
        slug = self.cleaned_data.get("slug")
        cleaned_data = super().clean()
        if slug and self.has_error("slug") and self.parent_page:
            clash = self.parent_page.get_children().filter(slug=slug).exclude(pk=self.instance.pk)
            if page := clash.first():
                # Under the title (Content tab) and the slug (Promote tab): in sight either way.
                message = slug_clash_message(slug, page)
                self.errors["slug"] = self.error_class([message])
                self.add_error("title", message)
        return cleaned_data


def slug_clash_message(slug: str, page) -> str:
    """Names the page in the way, with a link to it (same tab: the form keeps its data)."""
    return format_html(
        "The address “{}” is already taken by “{}” ({}). "
        '<a href="{}">Open that page</a> to finish or delete it, '
        "or give this article another title or slug (Promote tab).",
        slug,
        page.get_admin_display_title(),
        page_state(page),
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
    )


def title_clash(model, title: str, exclude_pk: int | None):
    """Another article already using this title (as its title or its SEO title)."""
    title = " ".join(title.split())
    if not title:
        return None
    others = model.objects.exclude(pk=exclude_pk) if exclude_pk else model.objects.all()
    return (
        others.filter(title__iexact=title).first() or others.filter(seo_title__iexact=title).first()
    )


def drawn_cover_url(page) -> str:
    """The cover the site drew (shared when the editor picks no feed image), if any yet."""
    try:
        return page.generated_cover.share_url
    except ObjectDoesNotExist:
        return ""


class ToWritePanel(FieldPanel):
    """The "Article to write" box on articles that exist: a new article is being written."""

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self) -> bool:
            return bool(self.instance.pk) and super().is_shown()


class SeoPanel(Panel):
    """Counters for the title tag and meta description, a search-result and a social-card
    preview, and warnings: what Yoast and Ghost show editors, in Wagtail's own editor."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/admin/seo_panel.html"

        def get_context_data(self, parent_context=None) -> dict:
            context = super().get_context_data(parent_context)
            page = self.instance
            parent = getattr(self.form, "parent_page", None) or page.get_parent()
            base = (parent.full_url or "") if parent else ""
            clash = title_clash(type(page), page.seo_title or page.title, page.pk)
            context.update(
                site_name=settings.WAGTAIL_SITE_NAME,
                title_tag=meta.title_tag(page),
                share_title=meta.share_title(page),
                description=meta.meta_description(page),
                title_limit=meta.TITLE_TAG_LIMIT,
                description_limit=meta.DESCRIPTION_LIMIT,
                fallback_words=meta.DESCRIPTION_FALLBACK_WORDS,
                address_base=base,
                address=f"{base}{page.slug}/",
                domain=urlsplit(base).netloc,
                image=page.feed_image and page.feed_image.get_rendition(meta.OG_IMAGE_SPEC),
                drawn=drawn_cover_url(page),
                drawing=drawn_cover_url(page) or meta.cover_drawing_url(page),
                clash=clash,
                check_url=reverse("article_title_check"),
            )
            return context

        @property
        def media(self) -> forms.Media:
            return forms.Media(js=["js/seo-panel.js"], css={"all": ["css/seo-panel.css"]})


class LinkSuggestionsPanel(Panel):
    """Beside the body: what to link to, and a button that links the selected words (or adds
    the title) at the cursor of the body's text block last edited."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/admin/link_suggestions.html"

        def get_context_data(self, parent_context=None) -> dict:
            context = super().get_context_data(parent_context)
            page = self.instance
            from .suggestions import suggestions_for  # it reads ArticlePage, whose panels these are

            context["suggestions"] = suggestions_for(page) if page.pk else []
            return context

        @property
        def media(self) -> forms.Media:
            return forms.Media(js=["js/link-suggestions.js"])
