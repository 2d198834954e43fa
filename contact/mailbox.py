"""Leads' answers from a shared mailbox over IMAP, for a company without an inbound-mail
provider: the worker reads new mail every minute by UID (so what people open in their own mail
program is still read, and nothing is marked) and keeps each message as the webhook does."""

import contextlib
import imaplib
import logging
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import unquote, urlsplit

from anymail.inbound import AnymailInboundMessage
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from background.locks import only_one_worker

from .inbox import received
from .models import MailboxPosition

logger = logging.getLogger(__name__)
BATCH = 100  # messages kept per poll at most: a full mailbox is read over several minutes
FIRST_DAYS = 2  # a mailbox read for the first time is read from this many days back
# IMAP's month names, whatever the locale
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Mailbox:
    host: str
    port: int
    tls: bool
    user: str
    password: str
    folder: str

    @classmethod
    def from_url(cls, url: str) -> "Mailbox":
        """imaps://USER:PASSWORD@HOST:PORT/FOLDER (INBOX when no folder is named)."""
        parts = urlsplit(url)
        if parts.scheme not in ("imap", "imaps") or not parts.hostname or not parts.username:
            raise ImproperlyConfigured(
                "INBOUND_IMAP_URL must look like imaps://USER:PASSWORD@HOST:993/INBOX"
            )
        tls = parts.scheme == "imaps"
        return cls(
            host=parts.hostname, port=parts.port or (993 if tls else 143), tls=tls,
            user=unquote(parts.username), password=unquote(parts.password or ""),
            folder=unquote(parts.path.strip("/")) or "INBOX",
        )  # fmt: skip

    @property
    def name(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.folder}"

    def connect(self) -> imaplib.IMAP4:
        """Signed in, with every answer bounded by INBOUND_IMAP_TIMEOUT (a server that hangs
        costs the worker one timeout, never its other jobs)."""
        kind = imaplib.IMAP4_SSL if self.tls else imaplib.IMAP4
        imap = kind(self.host, self.port, timeout=settings.INBOUND_IMAP_TIMEOUT)
        imap.login(self.user, self.password)
        return imap


def poll() -> int:
    """The worker's every-minute job: keep the mailbox's new messages; how many were read."""
    if not settings.INBOUND_IMAP_URL:
        return 0
    mailbox = Mailbox.from_url(settings.INBOUND_IMAP_URL)
    with only_one_worker("contact.mailbox.poll") as mine:
        if not mine:
            return 0
        imap = mailbox.connect()
        try:
            return read_new(imap, mailbox)
        finally:
            with contextlib.suppress(imaplib.IMAP4.error, OSError):
                imap.logout()


def ok(reply: tuple[str, list]) -> list:
    """The data of an OK answer; any other is an error, so the position stays where it was."""
    status, data = reply
    if status != "OK":
        raise imaplib.IMAP4.error(f"{status} {data!r}")
    return data


def read_new(imap: imaplib.IMAP4, mailbox: Mailbox) -> int:
    """Each message after the last one read, oldest first; the position moves after each is
    kept, so a worker stopped midway reads the rest, and never one twice, next time."""
    ok(imap.select(f'"{mailbox.folder}"', readonly=True))
    validity = int(imap.response("UIDVALIDITY")[1][0])
    position = MailboxPosition.objects.filter(mailbox=mailbox.name).first()
    if position is None or position.uid_validity != validity:  # new, or the mailbox rebuilt
        position = position or MailboxPosition(mailbox=mailbox.name)
        position.uid_validity, position.last_uid = validity, first_position(imap)
        position.save()
    found = ok(imap.uid("SEARCH", "UID", f"{position.last_uid + 1}:*"))[0].split()
    uids = sorted(uid for uid in map(int, found) if uid > position.last_uid)[:BATCH]
    for uid in uids:
        parts = ok(imap.uid("FETCH", str(uid), "(BODY.PEEK[])"))
        raw = next(part[1] for part in parts if isinstance(part, tuple))
        received(AnymailInboundMessage.parse_raw_mime_bytes(raw))
        position.last_uid = uid
        position.save(update_fields=["last_uid"])
    return len(uids)


def first_position(imap: imaplib.IMAP4) -> int:
    """Just before the mail of the last FIRST_DAYS: a mailbox's years of mail are not read."""
    since = timezone.now() - timedelta(days=FIRST_DAYS)
    day = f"{since.day}-{MONTHS[since.month - 1]}-{since.year}"
    recent = ok(imap.uid("SEARCH", "SINCE", day))[0].split()
    if recent:
        return min(map(int, recent)) - 1
    return max(map(int, ok(imap.uid("SEARCH", "ALL"))[0].split()), default=0)
