"""Read the plain-text article format into data, touching no database.

The format, one unit per line, blank lines between units:

    Title
    by NAME, ROLE at COMPANY          (", ROLE" and " at COMPANY" optional)
    lead paragraphs …
    Section heading                   (a short line without closing punctuation)
    paragraphs …
    • bullet                          (consecutive bullets form one list)
    Scale Your Backend - SUBHEADING   (the shared call to action, up to its button line)
    Our offices                       (• CITY / street / "POSTCODE, TOWN, COUNTRY")
    More articles                     (TITLE / summary / "Read more", repeated)
"""

import re
from dataclasses import dataclass, field

BULLET = "•"
CTA_MARKER = "Scale Your Backend"
OFFICES_MARKER = "our offices"
MORE_MARKER = "more articles"
READ_MORE = "read more"
HEADING_MAX_CHARS = 120
CLOSING_PUNCTUATION = tuple(".!?:;,…\"'”’)]")
BYLINE = re.compile(r"^by\s+(?P<name>[^,]+?)\s*(?:,\s*(?P<credentials>.+))?$", re.IGNORECASE)
TITLE_MAX_CHARS = 255


class ArticleFormatError(ValueError):
    """The text is not an article in the seed format; the message says why in one line."""


@dataclass(frozen=True)
class Byline:
    name: str
    role: str = ""
    company: str = ""


@dataclass(frozen=True)
class Block:
    """One body block: ("heading", str), ("paragraph", str) or ("bullet_list", [str, …])."""

    kind: str
    value: str | tuple[str, ...]


@dataclass(frozen=True)
class Feature:
    title: str
    text: str


@dataclass(frozen=True)
class CallToActionText:
    heading: str
    subheading: str
    paragraphs: tuple[str, ...]
    features: tuple[Feature, ...]
    button_text: str


@dataclass(frozen=True)
class OfficeAddress:
    city: str
    street: str
    postcode: str
    postal_city: str
    country: str


@dataclass(frozen=True)
class ArticleReference:
    title: str
    summary: str


@dataclass
class ParsedArticle:
    title: str
    byline: Byline
    lead: list[str]
    body: list[Block]
    call_to_action: CallToActionText | None = None
    offices: list[OfficeAddress] = field(default_factory=list)
    references: list[ArticleReference] = field(default_factory=list)

    @property
    def plain_text(self) -> str:
        """Title, lead and body as one string, for inferring the city and topics."""
        parts = [self.title, *self.lead]
        for block in self.body:
            parts.extend([block.value] if isinstance(block.value, str) else block.value)
        return "\n".join(parts)


@dataclass
class _Unit:
    """A paragraph-like line, or a bullet with its continuation lines."""

    text: str
    bullet: bool = False
    lines: list[str] = field(default_factory=list)


def decode(raw: bytes) -> str:
    if b"\x00" in raw:
        raise ArticleFormatError("not a text file (it contains binary data)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleFormatError(f"not UTF-8 text (bad byte at offset {error.start})") from error


def parse_article(text: str) -> ParsedArticle:
    units = _units(text)
    if not units:
        raise ArticleFormatError("the file is empty")
    title, *rest = units
    if title.bullet or len(title.text) > TITLE_MAX_CHARS:
        raise ArticleFormatError("the first line must be the title (one line, at most 255 chars)")
    if not rest or rest[0].bullet or not (match := BYLINE.match(rest[0].text)):
        raise ArticleFormatError("no by-line: expected 'by NAME, ROLE at COMPANY' after the title")
    byline = _byline(match)
    content, tail = _split_tail(rest[1:])
    lead, body = _lead_and_body(content)
    if not lead and not body:
        raise ArticleFormatError("no article text after the by-line")
    return ParsedArticle(
        title=title.text,
        byline=byline,
        lead=lead,
        body=body,
        call_to_action=_call_to_action(tail.get("cta", [])),
        offices=[_office(unit) for unit in tail.get("offices", []) if unit.bullet],
        references=_references(tail.get("more", [])),
    )


def _units(text: str) -> list[_Unit]:
    units: list[_Unit] = []
    previous_blank = True
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line:
            previous_blank = True
            continue
        if line.startswith(BULLET):
            units.append(_Unit(line.lstrip(BULLET).strip(), bullet=True))
        elif raw_line[:1].isspace() and units and units[-1].bullet and not previous_blank:
            units[-1].lines.append(line)
        else:
            units.append(_Unit(line))
        previous_blank = False
    return units


def _byline(match: re.Match) -> Byline:
    credentials = (match["credentials"] or "").strip()
    role, _, company = credentials.partition(" at ")
    return Byline(match["name"].strip(), role.strip(), company.strip())


def _split_tail(units: list[_Unit]) -> tuple[list[_Unit], dict[str, list[_Unit]]]:
    """Cut the shared tail sections off the article's own content."""
    content: list[_Unit] = []
    tail: dict[str, list[_Unit]] = {}
    current = content
    for unit in units:
        key = None if unit.bullet else _tail_key(unit.text)
        if key:
            current = tail.setdefault(key, [])
            if key != "cta":
                continue
        current.append(unit)
    return content, tail


def _tail_key(line: str) -> str | None:
    lowered = line.casefold()
    if lowered.startswith(CTA_MARKER.casefold()):
        return "cta"
    if lowered == OFFICES_MARKER:
        return "offices"
    if lowered == MORE_MARKER:
        return "more"
    return None


def is_heading(line: str) -> bool:
    return len(line) <= HEADING_MAX_CHARS and not line.endswith(CLOSING_PUNCTUATION)


def _lead_and_body(units: list[_Unit]) -> tuple[list[str], list[Block]]:
    lead: list[str] = []
    body: list[Block] = []
    for unit in units:
        if unit.bullet:
            item = " ".join([unit.text, *unit.lines])
            if body and body[-1].kind == "bullet_list":
                body[-1] = Block("bullet_list", (*body[-1].value, item))
            else:
                body.append(Block("bullet_list", (item,)))
        elif is_heading(unit.text):
            body.append(Block("heading", unit.text))
        elif body:
            body.append(Block("paragraph", unit.text))
        else:
            lead.append(unit.text)
    return lead, body


def _call_to_action(units: list[_Unit]) -> CallToActionText | None:
    if not units:
        return None
    heading, subheading = _split_dash(units[0].text)
    paragraphs = [unit.text for unit in units[1:] if not unit.bullet]
    button_text = ""
    if paragraphs and is_heading(paragraphs[-1]):
        button_text = paragraphs.pop()
    features = tuple(_feature(unit) for unit in units[1:] if unit.bullet)
    return CallToActionText(heading, subheading, tuple(paragraphs), features, button_text)


def _split_dash(line: str) -> tuple[str, str]:
    parts = re.split(r"\s+[-–—]\s+", line, maxsplit=1)
    return (parts[0].strip(), parts[1].strip()) if len(parts) == 2 else (line.strip(), "")


def _feature(unit: _Unit) -> Feature:
    """ "Scalable Architecture. Design backend systems …" → title and sentence."""
    title, separator, text = unit.text.partition(". ")
    if not separator:
        return Feature(unit.text.rstrip("."), " ".join(unit.lines))
    return Feature(title, " ".join([text, *unit.lines]).strip())


def _office(unit: _Unit) -> OfficeAddress:
    street = unit.lines[0] if unit.lines else ""
    locality = [part.strip() for part in (unit.lines[1] if len(unit.lines) > 1 else "").split(",")]
    locality = [part for part in locality if part]
    postcode = locality.pop(0) if len(locality) == 3 else ""
    country = locality.pop() if locality else ""
    postal_city = locality[0] if locality else unit.text
    return OfficeAddress(unit.text, street, postcode, postal_city, country)


def _references(units: list[_Unit]) -> list[ArticleReference]:
    references: list[ArticleReference] = []
    pending: list[str] = []
    for unit in units:
        text = unit.text if not unit.bullet else " ".join([unit.text, *unit.lines])
        if text.casefold() == READ_MORE:
            if pending:
                references.append(ArticleReference(pending[0], " ".join(pending[1:])))
            pending = []
        else:
            pending.append(text)
    if pending:  # a last entry without its "Read more" line still names an article
        references.append(ArticleReference(pending[0], " ".join(pending[1:])))
    return references
