"""Save a parsed article: one transaction per file, so a failure keeps nothing of that file.

Re-importing a file updates the one article with that title (idempotent). Shared records
(authors, cities, offices, the call to action) are created when missing; once they exist they
belong to the editors, and an import only fills in fields that are still blank.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.rich_text import RichText

from ..pages import ArticlePage, ArticleRelatedLink, BlogIndexPage
from ..snippets import CONTACT_PATH, Author, CallToAction, City, Office
from .parser import ArticleReference, Block, CallToActionText, OfficeAddress, ParsedArticle
from .taxonomy import infer_place, infer_topics

CONTACT_MENTION = re.compile(r"(?<![\w/])/contact\b/?")
SLUG_MAX = 200


@dataclass(frozen=True)
class ImportOutcome:
    article: ArticlePage
    status: str  # "created", "updated" or "unchanged"
    drafts_created: int = 0


def title_key(title: str) -> str:
    """Match titles the way a reader would: ignore case, curly quotes and dash styles."""
    text = unicodedata.normalize("NFKC", title).casefold()
    text = text.translate(
        str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
    )
    return " ".join(text.split())


def article_slug(title: str) -> str:
    return slugify(title)[:SLUG_MAX].strip("-") or "article"


def paragraph_html(text: str) -> str:
    """Escape the text and link mentions of the contact form, so readers can reach it."""
    html = CONTACT_MENTION.sub(f'<a href="{CONTACT_PATH}">/contact</a>', escape(text))
    return f"<p>{html}</p>"


def body_stream(blocks: list[Block]) -> list[tuple[str, object]]:
    stream: list[tuple[str, object]] = []
    for block in blocks:
        if block.kind == "paragraph":
            stream.append(("paragraph", RichText(paragraph_html(block.value))))
        else:
            stream.append(
                (block.kind, list(block.value) if block.kind == "bullet_list" else block.value)
            )
    return stream


class ArticleLoader:
    """Imports parsed articles under one blog index; reuse it across files of one run."""

    def __init__(self, blog: BlogIndexPage):
        self.blog = blog
        self._by_title: dict[str, int] | None = None

    def _title_index(self) -> dict[str, int]:
        """Forgiving title → article id, read once per loader and kept current as it creates."""
        if self._by_title is None:
            articles = ArticlePage.objects.child_of(self.blog).values_list("pk", "title")
            self._by_title = {title_key(title): pk for pk, title in articles}
        return self._by_title

    @transaction.atomic
    def load(self, parsed: ParsedArticle, checksum: str = "") -> ImportOutcome:
        """Create or update the article; an unchanged file leaves editors' later edits alone."""
        article = self.find(parsed.title)
        created = article is None
        if not created and checksum and article.live and article.source_checksum == checksum:
            return ImportOutcome(article, "unchanged")
        if created:
            article = ArticlePage(title=parsed.title, slug=self.free_slug(parsed.title))
        references, drafts_created = self.resolve(parsed.references, exclude=article)

        place = infer_place(parsed.title, parsed.plain_text)
        article.title = parsed.title
        article.source_checksum = checksum
        article.intro = "\n\n".join(parsed.lead) or self.first_paragraph(parsed.body)
        article.author = self.author(parsed)
        article.city = self.city(place.city, place.country) if place else None
        article.body = body_stream(parsed.body)
        article.call_to_action = self.call_to_action(parsed.call_to_action)
        article.topics.set(infer_topics(parsed.title, " ".join(parsed.lead)))
        article.related_links = [
            ArticleRelatedLink(target=target, sort_order=position)
            for position, target in enumerate(references)
        ]
        for office in parsed.offices:
            self.office(office)

        if created:
            self.blog.add_child(instance=article)
            self._title_index()[title_key(article.title)] = article.pk
        article.save_revision().publish()
        return ImportOutcome(article, "created" if created else "updated", drafts_created)

    def find(self, title: str) -> ArticlePage | None:
        """The article with this title: by its slug first, then by a forgiving title match."""
        articles = ArticlePage.objects.child_of(self.blog)
        found = articles.filter(slug=article_slug(title)).first()
        if found:
            return found
        pk = self._title_index().get(title_key(title))
        return articles.filter(pk=pk).first() if pk else None

    def free_slug(self, title: str) -> str:
        slug = article_slug(title)
        siblings = set(self.blog.get_children().values_list("slug", flat=True))
        candidate, number = slug, 2
        while candidate in siblings:
            candidate, number = f"{slug[: SLUG_MAX - 4]}-{number}", number + 1
        return candidate

    def resolve(
        self, references: list[ArticleReference], exclude: ArticlePage
    ) -> tuple[list[ArticlePage], int]:
        """Existing articles for "More articles"; an unwritten one becomes a draft to write."""
        targets: list[ArticlePage] = []
        drafts = 0
        for reference in references:
            target = self.find(reference.title)
            if target is None:
                target = self.draft(reference)
                drafts += 1
            if target.pk != exclude.pk and target not in targets:
                targets.append(target)
        return targets, drafts

    def draft(self, reference: ArticleReference) -> ArticlePage:
        page = ArticlePage(
            title=reference.title,
            slug=self.free_slug(reference.title),
            intro=reference.summary or reference.title,
            live=False,
            to_write=True,
        )
        self.blog.add_child(instance=page)
        self._title_index()[title_key(page.title)] = page.pk
        page.save_revision()
        return page

    @staticmethod
    def first_paragraph(body: list[Block]) -> str:
        return next((str(block.value) for block in body if block.kind == "paragraph"), "")

    @staticmethod
    def author(parsed: ParsedArticle) -> Author:
        byline = parsed.byline
        author, _ = Author.objects.get_or_create(name=byline.name)
        fill_blanks(author, role=byline.role, company=byline.company)
        return author

    @staticmethod
    def city(name: str, country: str) -> City:
        city, _ = City.objects.get_or_create(name=name, defaults={"country": country})
        fill_blanks(city, country=country)
        return city

    @staticmethod
    def call_to_action(text: CallToActionText | None) -> CallToAction | None:
        """The CTA the file ends with; None when that is the site default (so it follows edits)."""
        if text is None:
            return None
        cta = CallToAction.objects.filter(heading=text.heading, subheading=text.subheading).first()
        if cta is None:
            cta = CallToAction.objects.create(
                heading=text.heading,
                subheading=text.subheading,
                text="".join(paragraph_html(paragraph) for paragraph in text.paragraphs),
                features=[("feature", {"title": f.title, "text": f.text}) for f in text.features],
                button_text=text.button_text or CallToAction._meta.get_field("button_text").default,
                is_default=not CallToAction.objects.filter(is_default=True).exists(),
            )
        return None if cta.is_default else cta

    @staticmethod
    def office(address: OfficeAddress) -> Office:
        office = Office.objects.filter(city=address.city, street=address.street).first()
        if office is None:
            last = Office.objects.aggregate(last=Max("sort_order"))["last"]
            office = Office.objects.create(
                city=address.city,
                street=address.street,
                postcode=address.postcode,
                postal_city=address.postal_city if address.postal_city != address.city else "",
                country=address.country,
                sort_order=0 if last is None else last + 1,
            )
        return office


def fill_blanks(instance, **values: str) -> None:
    """Set the fields that are still empty; what an editor has written stays."""
    changed = [name for name, value in values.items() if value and not getattr(instance, name)]
    for name in changed:
        setattr(instance, name, values[name])
    if changed:
        instance.save(update_fields=changed)
