"""Links, images and literal text."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..cjk import CJK_PUNCTUATION, FULL_WIDTH, HAN
from ..records import Article
from ..urls import WECHAT_HOST, canonical_url
from .markdown_lines import lines_outside_code

_WECHAT_LINK = re.compile(rf"https?://{re.escape(WECHAT_HOST)}/[^\s)\]>\"']+")
_IMAGE_LINE = re.compile(r"^\s*!\[[^\]]*\]\((?P<url>[^)\s]+)[^)]*\)\s*$")
_CODE_SPAN = re.compile(r"(`+).+?\1")
# Existing links, autolinks and code spans are left as they are.
_PROTECTED = re.compile(r"`+[^`]*`+|!?\[[^\]]*\]\([^)]*\)|<[^>\s]+>")
# A bare URL ends at whitespace, brackets, quotes, and CJK text or punctuation.
_BARE_URL = re.compile(rf"https?://[^\s<>()\[\]\"'{CJK_PUNCTUATION}{HAN}{FULL_WIDTH}]+")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])(?!(?:https?|mailto|ftp):[^\s>]+>)")


def canonicalise_wechat_links(body: str, article: Article) -> str:
    """Links to WeChat articles keep `__biz`, `mid`, `idx`, `sn` and lose tracking."""
    return _WECHAT_LINK.sub(lambda m: canonical_url(m[0]) or m[0], body)


def _image_identity(url: str) -> str:
    """The same WeChat image is served at several sizes: `/<bucket>/<id>/<size>`."""
    parts = urlsplit(url)
    path = parts.path
    if parts.hostname and parts.hostname.endswith("qpic.cn"):
        path = path.rsplit("/", 1)[0]
    return f"{parts.hostname}{path}"


def drop_cover_duplicate(body: str, article: Article) -> str:
    """The cover is shown beside the article; the same picture in the body is dropped."""
    if not article.cover_image:
        return body
    cover = _image_identity(article.cover_image)
    lines = body.split("\n")
    kept = [
        line
        for line in lines
        if not ((image := _IMAGE_LINE.match(line)) and _image_identity(image["url"]) == cover)
    ]
    return "\n".join(kept)


def _autolink(text: str) -> str:
    def link(match: re.Match[str]) -> str:
        url = match[0].rstrip(".,;:!?*_")
        return f"<{url}>{match[0][len(url) :]}"

    return _BARE_URL.sub(link, text)


def link_bare_urls(body: str, article: Article) -> str:
    """A bare URL becomes a Markdown autolink, `<https://…>`.

    Done here rather than by the renderer: pymdownx.magiclink runs after hard breaks
    are turned into placeholders and swallows the next line into the link.
    """
    lines = body.split("\n")
    for index in lines_outside_code(lines):
        line, pieces, position = lines[index], [], 0
        for protected in _PROTECTED.finditer(line):
            pieces.append(_autolink(line[position : protected.start()]))
            pieces.append(protected[0])
            position = protected.end()
        pieces.append(_autolink(line[position:]))
        lines[index] = "".join(pieces)
    return "\n".join(lines)


def _escape_outside_code_spans(line: str) -> str:
    pieces, position = [], 0
    for span in _CODE_SPAN.finditer(line):
        pieces.append(_TAG_START.sub("&lt;", line[position : span.start()]))
        pieces.append(span[0])
        position = span.end()
    pieces.append(_TAG_START.sub("&lt;", line[position:]))
    return "".join(pieces)


def escape_raw_html(body: str, article: Article) -> str:
    """Captures are text, not HTML: `<think>` in a capture is shown as those characters.

    Autolinks (`<https://…>`) stay Markdown; code keeps its text as it is.
    """
    lines = body.split("\n")
    for index in lines_outside_code(lines):
        lines[index] = _escape_outside_code_spans(lines[index])
    return "\n".join(lines)
