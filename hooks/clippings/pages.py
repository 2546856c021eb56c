"""From a cleaned Article to a Markdown page with front matter, at a stable path."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict
from datetime import datetime

import yaml

from .records import Article, ArticlePage

ARTICLES_DIR = "articles"
ARTICLE_TEMPLATE = "article.html"

_UNSAFE_RUN = re.compile(r"[^\w.-]+")


def _slug_segment(segment: str) -> str:
    return _UNSAFE_RUN.sub("-", segment).strip("-.") or "seed"


def article_slug(seed_id: str) -> str:
    """The page path for a seed id: the id itself where it is URL-safe.

    Characters that break URLs (spaces, `#`, `?`, `%`, ...) become `-`; when anything
    had to change, a hash of the original id is appended so two ids that differ only
    in those characters never share a page. CJK letters are kept: they are readable.
    """
    slug = "/".join(_slug_segment(part) for part in seed_id.split("/"))
    if slug != seed_id:
        slug += "-" + hashlib.sha1(seed_id.encode("utf-8")).hexdigest()[:8]
    return slug


def _front_matter_value(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def render_article_page(article: Article) -> ArticlePage:
    """The article as a Markdown document whose front matter carries every field.

    The page is self-describing: any Markdown engine that reads front matter can
    publish it, and the site template reads the sidebar from `article`.
    """
    fields = {
        key: _front_matter_value(value)
        for key, value in asdict(article).items()
        if key != "body" and value not in (None, (), "")
    }
    front_matter = {"template": ARTICLE_TEMPLATE, "title": article.title, "article": fields}
    header = yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False)
    return ArticlePage(
        article=article,
        src_uri=f"{ARTICLES_DIR}/{article_slug(article.seed_id)}.md",
        markdown=f"---\n{header}---\n\n{article.body.strip()}\n",
    )
