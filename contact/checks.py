"""Set-up mistakes of the contact app found at start-up (`manage.py check`, the worker, the web
processes) rather than by the first job that needs them."""

from django.conf import settings
from django.core.checks import Error
from django.core.exceptions import ImproperlyConfigured

from .mailbox import Mailbox


def mailbox_address(app_configs=None, **kwargs) -> list[Error]:
    if not settings.INBOUND_IMAP_URL:
        return []
    try:
        Mailbox.from_url(settings.INBOUND_IMAP_URL)
    except ImproperlyConfigured as problem:
        return [Error(str(problem), id="contact.E001")]
    return []
