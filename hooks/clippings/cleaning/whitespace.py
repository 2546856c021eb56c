"""Whitespace and encoding debris left by exporters."""

from __future__ import annotations

import re

from ..cjk import CJK
from ..records import Article

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_TRAILING = re.compile(r"[ \t\u00a0\u3000]+$")
_HARD_BREAK = re.compile(r"\S(?:  +|\\)$")
_BLANK_RUN = re.compile(r"\n{3,}")
_NBSP_BESIDE_CJK = re.compile(f"(?<=[{CJK}])\u00a0+|\u00a0+(?=[{CJK}])")


def strip_invisible_characters(body: str, article: Article) -> str:
    """Zero-width spaces and joiners, stray byte-order marks, soft hyphens."""
    return _INVISIBLE.sub("", body)


def strip_nbsp_beside_cjk(body: str, article: Article) -> str:
    """Non-breaking spaces next to CJK text: Chinese uses no spaces, these are debris.

    Between Latin words (`100\u00a0km`) a non-breaking space is meant, and stays.
    """
    return _NBSP_BESIDE_CJK.sub("", body)


def strip_trailing_whitespace(body: str, article: Article) -> str:
    """Trailing spaces and non-breaking spaces; lines of only spaces become blank.

    Two trailing ASCII spaces before another text line are a Markdown hard break
    (html2text writes one for `<br>`), so that one case keeps exactly two spaces.
    """
    lines = body.split("\n")
    cleaned = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        stripped = _TRAILING.sub("", line)
        if _HARD_BREAK.search(line) and line.endswith("  ") and following.strip():
            stripped += "  "
        cleaned.append(stripped)
    return "\n".join(cleaned)


def collapse_blank_lines(body: str, article: Article) -> str:
    """At most one blank line between blocks, none at the start or end."""
    return _BLANK_RUN.sub("\n\n", body).strip("\n") + "\n"
