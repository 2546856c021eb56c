"""What the search index reads from an article."""

from __future__ import annotations

from ..cleaning.markdown_lines import visible_text
from ..records import Article
from .shards import SearchDocument


def article_document(article: Article, location: str) -> SearchDocument:
    """Title, people, place and tags are matched (and weighed) apart from the body."""
    # The byline left the body for the record: its names are still found.
    people = (
        article.author,
        *article.byline_authors,
        *article.editors,
        *article.contributors,
        article.account,
        article.original_account,
        article.original_author,
    )
    return SearchDocument(
        location=location,
        title=article.title,
        summary=article.summary or "",
        tags=article.tags,
        metadata=tuple(value for value in (*people, article.place) if value),
        body=visible_text(article.body),
    )
