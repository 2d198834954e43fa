"""Reading what a page shows: its cards, its structured data, the report's table."""

import json
import re
from html import unescape


def card_titles(html: str) -> list[str]:
    titles = re.findall(r'class="card__title"><a href="[^"]+">(.*?)</a>', html)
    return [re.sub(r"</?mark>", "", title) for title in titles]


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def rows_of(page: str) -> dict[str, list[str]]:
    """The content-performance report's table: each row's name → its cells' text."""
    body = page.split("performance__table", 1)[1].split("<tbody>", 1)[1].split("</tbody>")[0]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        name = re.sub(r"<[^>]+>", " ", re.search(r"<th[^>]*>(.*?)</th>", row, re.S)[1])
        name = unescape(re.sub(r"<div.*", "", name, flags=re.S)).split("  ")[0].strip()
        cells = [unescape(" ".join(re.sub(r"<[^>]+>", " ", c).split()))
                 for c in re.findall(r"<td>(.*?)</td>", row, re.S)]  # fmt: skip
        rows[name] = cells
    return rows
