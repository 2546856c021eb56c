"""Images: every image says what it shows, for readers who cannot see it."""

from __future__ import annotations

import re

from ..records import Article
from .markdown_lines import lines_outside_code, visible_text

_EMPTY_ALT = re.compile(r"!\[\s*\]\(")
_LONE_IMAGE = re.compile(r"^\s*(?:\*\*)?!\[\s*\]\([^)]*\)(?:\*\*)?\s*$")
# A caption under a WeChat image: "图：…", "图源：…", "▲ …", "来源：…", or one
# emphasised line.
_CAPTION = re.compile(
    r"^(?:图(?:片)?(?:源|来源)?\s*[：:｜|丨/\d]|▲|△|↑|来源[：:]|(?:Photo|Source)\b)"
)
_EMPHASISED = re.compile(r"^\s*([*_]{1,2})[^*_].*\1\s*$")
CAPTION_LENGTH = 40


def _alt_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _caption(line: str) -> str | None:
    text = visible_text(line)
    if not text or len(text) > CAPTION_LENGTH or "![" in line:
        return None
    return text if _CAPTION.match(text) or _EMPHASISED.match(line) else None


def describe_images(body: str, article: Article) -> str:
    """An image without alt text gets its caption (a short captioning line right under
    it) or, failing that, the article's title."""
    lines = body.split("\n")
    for index in lines_outside_code(lines):
        line = lines[index]
        if not _EMPTY_ALT.search(line):
            continue
        description = article.title
        if _LONE_IMAGE.match(line):
            following = next((other for other in lines[index + 1 :] if other.strip()), "")
            description = _caption(following) or article.title
        # Backslashes are the only characters special in a replacement string.
        replacement = f"![{_alt_text(description)}](".replace("\\", "\\\\")
        lines[index] = _EMPTY_ALT.sub(replacement, line)
    return "\n".join(lines)
