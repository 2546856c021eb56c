"""Cleaning: an ordered list of small, named, pure passes over an article's body.

Each pass takes the body and the article it belongs to and returns the new body; it
never reads files or keeps state, so each can be tested on a few lines of its own.
Order matters, as in Python-Markdown's processors: later passes rely on earlier ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..records import Article
from . import headings


@dataclass(frozen=True)
class CleaningPass:
    name: str
    run: Callable[[str, Article], str]


PASSES: tuple[CleaningPass, ...] = (
    CleaningPass("drop_repeated_title", headings.drop_repeated_title),
    CleaningPass("demote_headings", headings.demote_headings),
)


def clean(article: Article, passes: tuple[CleaningPass, ...] = PASSES) -> Article:
    """The article with every pass applied to its body, in order."""
    body = article.body
    for cleaning_pass in passes:
        body = cleaning_pass.run(body, article)
    return replace(article, body=body)
