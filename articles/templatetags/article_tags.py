"""Template tags for what every article shows: the office list and the call-to-action link."""

from urllib.parse import urlencode, urlsplit, urlunsplit

from django import template

from articles.snippets import CONTACT_PATH, Office

register = template.Library()


@register.inclusion_tag("includes/offices.html")
def office_list(heading_id: str = "offices-heading") -> dict:
    return {"offices": list(Office.objects.all()), "heading_id": heading_id}


@register.simple_tag
def cta_href(call_to_action, article=None) -> str:
    """The button's link; to the contact form it carries the article the reader came from."""
    url = call_to_action.button_url if call_to_action else CONTACT_PATH
    parts = urlsplit(url)
    if article is None or getattr(article, "pk", None) is None or parts.path != CONTACT_PATH:
        return url
    query = "&".join(filter(None, [parts.query, urlencode({"article": article.pk})]))
    return urlunsplit(parts._replace(query=query))
