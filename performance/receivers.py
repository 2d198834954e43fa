"""What performance counts of other apps' events (connected at start-up)."""

from contact.signals import form_viewed_from_article as form_viewed

from .counting import FORM, count


def form_viewed_from_article(sender, environ: dict, article_pk: int, **kwargs) -> None:
    count(environ, f"{FORM} {article_pk}")


def connect() -> None:
    form_viewed.connect(form_viewed_from_article, dispatch_uid="performance-form-viewed")
