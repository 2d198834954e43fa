"""What performance counts of other apps' events (connected in PerformanceConfig.ready)."""

from .counting import FORM, count


def form_viewed_from_article(sender, environ: dict, article_pk: int, **kwargs) -> None:
    count(environ, f"{FORM} {article_pk}")
