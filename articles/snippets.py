"""Snippets: content edited once in the admin and shown across many articles."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models, transaction
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PublishingPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin
from wagtail.search import index

from pagecache import memo

from .admin.shared_preview import serve_preview
from .blocks import FeatureBlock

CONTACT_PATH = "/contact/"


class SlugFromNameMixin(models.Model):
    """Authors and cities get stable URL slugs from their names unless an editor sets one."""

    slug = models.SlugField(max_length=120, unique=True, blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120] or "item"
        super().save(*args, **kwargs)


class Author(SlugFromNameMixin, index.Indexed):
    """A person who writes articles; one record serves every by-line they appear in."""

    name = models.CharField(max_length=120, unique=True)
    role = models.CharField(max_length=120, blank=True)
    company = models.CharField(max_length=120, blank=True)
    bio = RichTextField(blank=True, features=["bold", "italic", "link"])
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("company")]),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("slug"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("author", args=(self.slug,))

    @property
    def credentials(self) -> str:
        """The by-line's second half: "Backend Developer at Clean Systems Consulting"."""
        if self.role and self.company:
            return f"{self.role} at {self.company}"
        return self.role or self.company


class City(SlugFromNameMixin, index.Indexed):
    """The market an article is about; editors extend the list as the site covers new cities."""

    name = models.CharField(max_length=80, unique=True)
    country = models.CharField(max_length=80, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("country")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("country"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("cities")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("city", args=(self.slug,))


class SharedBlockMixin(DraftStateMixin, RevisionMixin, PreviewableMixin, models.Model):
    """Shown on every article at once: an edit is a draft until published, and the editor
    previews it on a real article first (articles/admin/shared_preview.py renders it)."""

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(class)s")

    class Meta:
        abstract = True

    @property
    def revisions(self):
        # Deleting the snippet deletes its revisions too (Wagtail's documented pattern).
        return self._revisions

    def serve_preview(self, request, mode_name: str):
        return serve_preview(request, self.preview_shown(), self.preview_picked_by())

    def preview_shown(self) -> dict:
        """What the article's context gets from this draft in a preview."""
        raise NotImplementedError

    def preview_picked_by(self) -> dict | None:
        """Which article previews it: one matching these filters, else the newest."""
        return None


class Office(SharedBlockMixin):
    """A company office; the whole list shows under "Our offices" and on the contact page."""

    city = models.CharField(max_length=80)
    street = models.CharField(max_length=160)
    postcode = models.CharField(max_length=20, blank=True)
    postal_city = models.CharField(
        max_length=80,
        blank=True,
        help_text=_("The town as the address writes it, if not the city."),
    )
    country = models.CharField(max_length=80)
    sort_order = models.PositiveIntegerField(default=0, db_index=True)

    panels = [
        FieldPanel("city"),
        FieldPanel("street"),
        FieldRowPanel([FieldPanel("postcode"), FieldPanel("postal_city"), FieldPanel("country")]),
        PublishingPanel(),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["city", "street"], name="unique_office_address")
        ]

    def __str__(self) -> str:
        return f"{self.city}, {self.street}"

    @classmethod
    def published(cls) -> list["Office"]:
        """The list readers see, kept per process until content changes (pagecache.memo)."""
        return memo.shared("articles:offices", lambda: list(cls.objects.filter(live=True)))

    def preview_shown(self) -> dict:
        """The live office list as it will read once this office is published."""
        offices = [other for other in Office.objects.filter(live=True) if other.pk != self.pk]
        listed = sorted([*offices, self], key=lambda item: (item.sort_order, item.pk or 0))
        return {"preview_offices": listed, "preview_focus": "offices-heading"}

    @property
    def locality(self) -> str:
        """Third address line as the articles print it: "1260, København, Denmark"."""
        town = self.postal_city or self.city
        return ", ".join(part for part in (self.postcode, town, self.country) if part)


class CallToAction(SharedBlockMixin):
    """The closing pitch of an article ("Scale Your Backend"); one default serves every article."""

    heading = models.CharField(max_length=120)
    subheading = models.CharField(max_length=160, blank=True)
    text = RichTextField(features=["bold", "italic", "link"])
    features = StreamField([("feature", FeatureBlock())], blank=True)
    button_text = models.CharField(max_length=80, default="Tell us about your project")
    button_url = models.CharField(
        max_length=200,
        default=CONTACT_PATH,
        help_text=_("Where the button leads; the contact form by default."),
    )
    is_default = models.BooleanField(
        default=False,
        help_text=_("Shown on every article that does not pick another call to action."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("heading"), FieldPanel("subheading"), FieldPanel("text")],
            heading=_("Pitch"),
        ),
        FieldPanel("features"),
        FieldRowPanel([FieldPanel("button_text"), FieldPanel("button_url")]),
        FieldPanel("is_default"),
        PublishingPanel(),
    ]

    class Meta:
        verbose_name = _("call to action")
        verbose_name_plural = _("calls to action")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True, live=True),
                name="one_default_call_to_action",
            )
        ]

    def __str__(self) -> str:
        return f"{self.heading} – {self.subheading}" if self.subheading else self.heading

    def save(self, *args, update_fields=None, **kwargs):
        # Publishing this one as the default demotes the previous one instead of failing the
        # constraint; a draft (or a save of draft bookkeeping only) changes nothing readers see.
        writes_default = update_fields is None or "is_default" in update_fields
        with transaction.atomic():
            if self.is_default and self.live and writes_default:
                CallToAction.objects.filter(is_default=True).exclude(pk=self.pk).update(
                    is_default=False
                )
            super().save(*args, update_fields=update_fields, **kwargs)

    def preview_shown(self) -> dict:
        return {"call_to_action": self, "preview_focus": "cta-heading"}

    def preview_picked_by(self) -> dict | None:
        return {"call_to_action": self} if self.pk else None  # an article that picked it

    @classmethod
    def default(cls) -> "CallToAction | None":
        return memo.shared(
            "articles:default-cta", cls.objects.filter(is_default=True, live=True).first
        )
