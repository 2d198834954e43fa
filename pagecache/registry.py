"""What content apps tell the edge cache about their models, so it never names them itself.

Pages need no registration: any page's publish, unpublish, move or privacy change purges its
own key and its type's (tags.py). Other models whose changes readers see (snippets: authors,
offices, the call to action) are registered here by their app.
"""

from django.db import models

_SHOWN: list[type[models.Model]] = []


def shown_to_readers(*model_classes: type[models.Model]) -> None:
    """Saving or deleting one of these soft-purges the pages that show it, or show its type."""
    _SHOWN.extend(m for m in model_classes if m not in _SHOWN)


def shown_models() -> list[type[models.Model]]:
    return list(_SHOWN)
