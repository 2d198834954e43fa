"""The reader's links: to book (their lead, signed, for CALL_LINK_DAYS) and to move or cancel
the call they booked (its unguessable key)."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext as _

from articles.site_url import absolute
from contact.models import Inquiry
from contact.next_steps import NextStep

SALT = "calls.book"


def booking_url(inquiry: Inquiry) -> str:
    return absolute(reverse("calls:book", args=(signing.dumps(inquiry.pk, salt=SALT),)))


def inquiry_of(token: str) -> Inquiry | None:
    try:
        pk = signing.loads(token, salt=SALT, max_age=settings.CALL_LINK_DAYS * 86400)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return Inquiry.objects.filter(pk=pk).first() if isinstance(pk, int) else None


def call_url(call) -> str:
    return absolute(reverse("calls:call", args=(call.key,)))


def offer_a_call(inquiry: Inquiry) -> NextStep | None:
    """contact's next step: when someone has hours for calls."""
    from .slots import hosts_for

    if not hosts_for(inquiry):
        return None
    return NextStep(
        _("Book a call"), booking_url(inquiry),
        _("Rather talk it through? Pick a time for a %(minutes)s-minute call with us.")
        % {"minutes": settings.CALL_MINUTES},
    )  # fmt: skip
