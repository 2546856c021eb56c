"""The images an article shows, and its body with archived images pointed at the site's
own copies. The original URL stays on every image as provenance."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

from ..cleaning.markdown_lines import lines_outside_code
from ..records import Article
from .manifest import ImageRecord

# Where archived images are published in the site, one file per content hash.
SITE_MEDIA_DIR = "media"

_IMAGE = re.compile(
    r"!\[(?P<alt>(?:\\.|[^\]\\])*)\]\(\s*<?(?P<url>https?://[^)\s>]+)>?(?:\s+(?P<title>\"[^\"]*\"))?\s*\)"
)
# Characters that would end an attribute value in an attr_list.
_ATTRIBUTE_BREAKERS = str.maketrans({'"': "%22", "{": "%7B", "}": "%7D"})


def body_image_urls(body: str) -> list[str]:
    """The http(s) image URLs in a Markdown body, in order, code blocks left out."""
    lines = body.split("\n")
    return [
        match.group("url")
        for index in lines_outside_code(lines)
        for match in _IMAGE.finditer(lines[index])
    ]


def image_urls(article: Article) -> list[str]:
    """Every remote image the article shows: its cover, then its body images, once each."""
    urls = [article.cover_image] if article.cover_image else []
    return list(dict.fromkeys(urls + body_image_urls(article.body)))


def site_media_uri(record: ImageRecord) -> str:
    return f"{SITE_MEDIA_DIR}/{record.file}"


def _attribute(value: str) -> str:
    return value.translate(_ATTRIBUTE_BREAKERS)


def localise_images(body: str, src_uri: str, records: Mapping[str, ImageRecord]) -> str:
    """The body with every archived image shown from the site.

    An archived image links to its file relative to the page (MkDocs resolves it for
    both URL styles) and carries its size, so nothing shifts as it loads, and its
    original URL in `data-original-src`. Every image after the first is lazy-loaded.
    """
    lines = body.split("\n")
    seen = 0

    def rewrite(match: re.Match[str]) -> str:
        nonlocal seen
        url = match.group("url")
        attributes = ['loading="lazy"'] if seen else []
        seen += 1
        record = records.get(url)
        if record is None or not record.archived:
            return f"{match.group(0)}{{: {' '.join(attributes)} }}" if attributes else match[0]
        local = posixpath.relpath(site_media_uri(record), posixpath.dirname(src_uri) or ".")
        if record.width and record.height:
            attributes += [f'width="{record.width}"', f'height="{record.height}"']
        attributes.append(f'data-original-src="{_attribute(url)}"')
        title = f" {match.group('title')}" if match.group("title") else ""
        return f"![{match.group('alt')}]({local}{title}){{: {' '.join(attributes)} }}"

    for index in lines_outside_code(lines):
        lines[index] = _IMAGE.sub(rewrite, lines[index])
    return "\n".join(lines)
