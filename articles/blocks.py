"""StreamField blocks: the pieces an editor builds an article body from."""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.CharBlock):
    """A section heading; rendered as the article's h2 so the outline stays valid."""

    class Meta:
        icon = "title"
        template = "articles/blocks/heading.html"


class BulletListBlock(blocks.ListBlock):
    """An unordered list of short points."""

    def __init__(self, **kwargs):
        super().__init__(blocks.CharBlock(label=_("Point")), **kwargs)

    class Meta:
        icon = "list-ul"
        template = "articles/blocks/bullet_list.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "articles/blocks/quote.html"


class FigureBlock(blocks.StructBlock):
    """An image with its alt text (ImageBlock asks for it) and an optional caption."""

    image = ImageBlock()
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        template = "articles/blocks/figure.html"


class CodeBlock(blocks.StructBlock):
    language = blocks.CharBlock(required=False, max_length=30, help_text=_("e.g. python, sql"))
    code = blocks.TextBlock()

    class Meta:
        icon = "code"
        template = "articles/blocks/code.html"


class ArticleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link", "code"])
    bullet_list = BulletListBlock()
    quote = QuoteBlock()
    image = FigureBlock()
    code = CodeBlock()


class FeatureBlock(blocks.StructBlock):
    """One selling point of a call to action: a bold lead-in and a sentence."""

    title = blocks.CharBlock(max_length=80)
    text = blocks.CharBlock(max_length=240)

    class Meta:
        icon = "tick"


def block_text(block) -> str:
    """The words a body block shows a reader (images and other blocks: none)."""
    value = block.value
    match block.block_type:
        case "paragraph":
            return strip_tags(value.source)
        case "bullet_list":
            return " ".join(value)
        case "quote" | "code":
            return value[block.block_type]
        case "heading":
            return value
    return ""
