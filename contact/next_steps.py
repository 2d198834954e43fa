"""What a reader may do after the form, offered on the thank-you page and in their copy by
e-mail. Other apps register a step (calls: book a call), so contact names none of them."""

from collections.abc import Callable
from typing import NamedTuple

from .models import Inquiry


class NextStep(NamedTuple):
    label: str  # the button's words
    url: str  # absolute: it is also sent by e-mail
    text: str  # one sentence saying what it is


_offered: list[Callable[[Inquiry], NextStep | None]] = []


def register(offer: Callable[[Inquiry], NextStep | None]) -> None:
    """`offer(inquiry)` is a step for that reader, or None when it has none to give."""
    if offer not in _offered:
        _offered.append(offer)


def next_steps_for(inquiry: Inquiry) -> list[NextStep]:
    return [step for offer in _offered if (step := offer(inquiry))]
