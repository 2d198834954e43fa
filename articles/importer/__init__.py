"""Import articles written in the seed text format (see parser.py for the format)."""

import hashlib
from pathlib import Path

from .loader import ArticleLoader, ImportOutcome
from .parser import ArticleFormatError, decode, parse_article

__all__ = ["ArticleFormatError", "ArticleLoader", "ImportOutcome", "article_files", "import_file"]


def article_files(path: Path) -> list[Path]:
    """A file as given, or a folder's *.txt files in name order (the order they were written)."""
    if path.is_dir():
        return sorted(child for child in path.glob("*.txt") if child.is_file())
    if path.is_file():
        return [path]
    raise ArticleFormatError("no such file or folder")


def import_file(path: Path, loader: ArticleLoader) -> ImportOutcome:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ArticleFormatError(f"cannot read it ({error.strerror})") from error
    text = decode(raw)
    return loader.load(parse_article(text), checksum=hashlib.sha256(raw).hexdigest())
