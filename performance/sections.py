"""What counts as a page view and which page a counted path names, as the content apps declare
it (settings.COUNTED_PAGES, COUNTED_CLICKS): counting and folding name no content model or URL.
"""

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from django.conf import settings
from django.utils.module_loading import import_string


class Section(NamedTuple):
    kind: str
    pattern: re.Pattern
    resolve: Callable[[set[str]], dict[str, tuple[str, int | None]]] | None


@cache
def sections() -> tuple[Section, ...]:
    return tuple(
        Section(kind, re.compile(pattern), resolve)
        for name in settings.COUNTED_PAGES
        for kind, pattern, resolve in import_string(name)
    )


@cache
def counted_paths() -> re.Pattern:
    """One pattern for every section: a view is worth a dictionary increment, no more."""
    return re.compile("|".join(f"(?:{section.pattern.pattern})" for section in sections()))


def is_counted(path: str) -> bool:
    return counted_paths().fullmatch(path) is not None


def resolve(paths: set[str]) -> dict[str, tuple[str, str, int | None]]:
    """Path → (kind, key, article id) for the paths that name a page still there."""
    resolved: dict[str, tuple[str, str, int | None]] = {}
    for section in sections():
        mine = {path for path in paths - resolved.keys() if section.pattern.fullmatch(path)}
        if not mine:
            continue
        found = section.resolve(mine) if section.resolve else {p: (p, None) for p in mine}
        resolved |= {path: (section.kind, key, pk) for path, (key, pk) in found.items()}
    return resolved


def existing_clicked(ids: list[int]) -> set[int]:
    """Which of the ids named by clicks and form views are pages still there."""
    return import_string(settings.COUNTED_CLICKS)(ids) if ids else set()
