"""Templates say what they show, where they show it: `{% shows page page.author %}` on a page,
`{% lists "app.model" %}` on a listing of that model (tags.py)."""

from django import template
from django.apps import apps

from pagecache import tags

register = template.Library()


@register.simple_tag(takes_context=True)
def shows(context, *things) -> str:
    tags.shows(context.get("request"), *things)
    return ""


@register.simple_tag(takes_context=True)
def lists(context, *labels: str) -> str:
    """This page lists some objects of these models: any change among them refreshes it."""
    tags.shows(context.get("request"), *(apps.get_model(label) for label in labels))
    return ""
