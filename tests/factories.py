"""Test data builders: the app's own sample generator serves the tests too."""

from articles.sample import add_articles

__all__ = ["add_articles"]
