"""Models of the articles app, kept in modules by kind: snippets and pages."""

from .covers import GeneratedCover
from .pages import (
    ArticlePage,
    ArticleRelatedLink,
    ArticleTopic,
    BlogIndexPage,
    HomePage,
    StoredRelated,
)
from .snippets import Author, CallToAction, City, Office

__all__ = [
    "ArticlePage",
    "ArticleRelatedLink",
    "ArticleTopic",
    "Author",
    "BlogIndexPage",
    "CallToAction",
    "City",
    "GeneratedCover",
    "HomePage",
    "Office",
    "StoredRelated",
]
