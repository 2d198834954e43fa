"""Reading what a page shows: its cards and its structured data."""

import json
import re


def card_titles(html: str) -> list[str]:
    titles = re.findall(r'class="card__title"><a href="[^"]+">(.*?)</a>', html)
    return [re.sub(r"</?mark>", "", title) for title in titles]


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))
