"""From a cleaned Article to a Markdown page with front matter, at a stable path."""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Mapping
from dataclasses import asdict
from datetime import datetime
from pathlib import PurePosixPath

import yaml

from .markdown_escape import markdown_text
from .records import Article, ArticlePage, raw_seed_uri

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
ARTICLES_DIR = "articles"
ARTICLE_TEMPLATE = "article.html"

_UNSAFE_RUN = re.compile(r"[^\w.-]+")


def _path_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


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
        slug += "-" + _path_hash(seed_id)
    return slug


def slug_with_path_hash(slug: str, seed_path: str) -> str:
    """A slug told apart from others by a hash of the full seed path, suffix included."""
    return f"{slug}-{_path_hash(seed_path)}"


def article_src_uri(slug: str) -> str:
    return f"{ARTICLES_DIR}/{slug}.md"


def _same_source_notice(src_uri: str, others: Mapping[str, str]) -> str:
    """An editorial box linking the other captures of the same article."""
    links = "、".join(
        f"[seeds/{markdown_text(path)}]"
        f"({posixpath.relpath(article_src_uri(slug), posixpath.dirname(src_uri))})"
        for path, slug in others.items()
    )
    return (
        '!!! warning archive-same-source "重复采集"\n\n'
        f"    这份采集与 {links} 采集自同一篇原文，两份都保留。\n\n"
    )


def _front_matter_value(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _byline(article: Article) -> str:
    """Who and where, under the title. A repost's original account is not repeated
    here: the sidebar's 原载 row states it once, with its link (issue #14)."""
    parts = [article.author or "", article.place or ""]
    text = " · ".join(markdown_text(part) for part in parts if part)
    return f"{text}\n{{: .archive-byline }}\n\n" if text else ""


def render_article_page(
    article: Article,
    slug: str | None = None,
    slugs: Mapping[str, str] | None = None,
    body: str | None = None,
) -> ArticlePage:
    """The article as a Markdown document whose front matter carries every field.

    The page is self-describing: any Markdown engine that reads front matter can
    publish it, and the site template reads the sidebar from `article`. `slug` is the
    page address chosen for the archive (default: from the seed id), `slugs` the
    addresses of the other seeds, for links between captures of one article; `body`
    the body as published when it differs from the record's (archived images).
    """
    src_uri = article_src_uri(slug or article_slug(article.seed_id))
    notice = ""
    if article.same_source_as:
        slugs = slugs or {}
        others = {
            path: slugs.get(path, article_slug(str(PurePosixPath(path).with_suffix(""))))
            for path in article.same_source_as
        }
        notice = _same_source_notice(src_uri, others)
    fields = {
        key: _front_matter_value(value)
        for key, value in asdict(article).items()
        if key != "body" and value not in (None, (), "", {})
    }
    fields["raw_uri"] = raw_seed_uri(article.seed_path)
    front_matter: dict[str, object] = {"template": ARTICLE_TEMPLATE, "title": article.title}
    if article.summary:
        front_matter["description"] = article.summary
    if article.tags:
        front_matter["tags"] = list(article.tags)
    front_matter["article"] = fields
    # Articles are found through the archive's own sharded index, not Material's.
    front_matter["search"] = {"exclude": True}
    # libyaml's emitter: the pure-Python one was the pipeline's largest cost.
    text = (body or article.body).strip()
    header = yaml.dump(front_matter, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    return ArticlePage(
        article=article,
        src_uri=src_uri,
        markdown=f"---\n{header}---\n\n{_byline(article)}{notice}{text}\n",
    )
