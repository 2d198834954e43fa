"""What the editor's Checks panel says of an article's writing, beyond accessibility: the focus
keyphrase in the places search engines read, enough words, links to other articles, sections,
and a short address. Worked out here from the page being previewed (so it follows the unsaved
form); articles/admin/checks.py shows each finding in Wagtail's Checks panel."""

import re
from dataclasses import dataclass

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from articles import meta
from articles.blocks import block_text

MIN_WORDS = 300  # below this an article rarely answers a reader's question (Yoast's minimum)
LINKS_FROM_WORDS = 600  # a longer article should point readers to at least two others
LONG_SLUG_CHARACTERS = 60  # search results cut the address about here
SECTION_FROM_WORDS = 400  # a longer article wants headings to scan by
PAGE_LINK = re.compile(r'<a\b[^>]*\blinktype="page"')


@dataclass(frozen=True)
class Check:
    error_name: str
    help_text: str


CHECKS = {
    "keyphrase-missing": Check(
        _("No focus keyphrase"),
        _("Promote tab › Focus keyphrase: the words a reader would search for this article by."),
    ),
    "keyphrase-title": Check(
        _("Focus keyphrase not in the title"),
        _("Search engines weigh the title most: use the keyphrase in it (Content tab › Title)."),
    ),
    "keyphrase-intro": Check(
        _("Focus keyphrase not in the intro"),
        _("The intro is the lead on listings: name the keyphrase there (Content tab › Intro)."),
    ),
    "keyphrase-first-paragraph": Check(
        _("Focus keyphrase not in the first paragraph"),
        _("Readers and search engines look at the opening: use it early (Content tab › Body)."),
    ),
    "keyphrase-slug": Check(
        _("Focus keyphrase not in the address"),
        _("Put the keyphrase's words in the slug (Promote tab › Slug)."),
    ),
    "keyphrase-description": Check(
        _("Focus keyphrase not in the meta description"),
        _("Search results bold the words searched for (Promote tab › Meta description)."),
    ),
    "too-short": Check(
        _("The article is short"),
        _("Under %(words)s words rarely answers a reader's question; add to the body.")
        % {"words": MIN_WORDS},
    ),
    "no-internal-links": Check(
        _("No links to other articles"),
        _("Link another article from the body (Content tab › Body, link › Internal link)."),
    ),
    "few-internal-links": Check(
        _("Only one link to another article"),
        _("An article this long should point readers to at least two others (Content tab › Body)."),
    ),
    "no-headings": Check(
        _("No section headings"),
        _("A long article wants headings to scan by: add Heading blocks (Content tab › Body)."),
    ),
    "empty-section": Check(
        _("A heading with nothing under it"),
        _("Write the section, or remove the heading (Content tab › Body)."),
    ),
    "long-slug": Check(
        _("The address is long"),
        _("Keep the slug under %(characters)s characters (Promote tab › Slug).")
        % {"characters": LONG_SLUG_CHARACTERS},
    ),
}


def _has(text: str, phrase: str) -> bool:
    return phrase in " ".join(text.lower().split())


def _keyphrase_findings(page, phrase: str) -> list[str]:
    first = next((b for b in page.body if b.block_type == "paragraph"), None)
    places = {
        "keyphrase-title": page.title,
        "keyphrase-intro": page.intro,
        "keyphrase-first-paragraph": block_text(first) if first else "",
        "keyphrase-description": meta.meta_description(page),
    }
    found = [name for name, text in places.items() if not _has(text, phrase)]
    if slugify(phrase) not in page.slug:
        found.append("keyphrase-slug")
    return found


def _structure_findings(page, words: int) -> list[str]:
    kinds = [block.block_type for block in page.body]
    found = []
    if "heading" not in kinds and words >= SECTION_FROM_WORDS:
        found.append("no-headings")
    if any(k == "heading" and (i + 1 == len(kinds) or kinds[i + 1] == "heading")
           for i, k in enumerate(kinds)):  # fmt: skip
        found.append("empty-section")
    return found


def findings(page) -> list[str]:
    """The ids (keys of CHECKS) of what the article could do better; empty when all is well."""
    words = sum(len(block_text(block).split()) for block in page.body)
    phrase = " ".join(getattr(page, "focus_keyphrase", "").lower().split())
    found = _keyphrase_findings(page, phrase) if phrase else ["keyphrase-missing"]
    if words < MIN_WORDS:
        found.append("too-short")
    links = sum(len(PAGE_LINK.findall(b.value.source)) for b in page.body
                if b.block_type == "paragraph")  # fmt: skip
    if links == 0:
        found.append("no-internal-links")
    elif links == 1 and words >= LINKS_FROM_WORDS:
        found.append("few-internal-links")
    found += _structure_findings(page, words)
    if len(page.slug) > LONG_SLUG_CHARACTERS:
        found.append("long-slug")
    return found
