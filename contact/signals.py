"""What the contact journey tells other apps, without knowing them (performance counts it)."""

from django.dispatch import Signal

# A reader opened the form from an article's call to action: sent with `environ` (the request's
# META, for the counting's exclusions) and `article_pk`.
form_viewed_from_article = Signal()
