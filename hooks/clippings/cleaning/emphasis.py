"""Emphasis debris: markers that wrap nothing, or split one bold run into many."""

from __future__ import annotations

import re

from ..records import Article

# `****` or `** **` alone on a line is bold around nothing; `***` and `* * *` are rules.
_ONLY_MARKERS = re.compile(r"^[ \t]*(?:(?:\*\*){2,}|(?:__){2,}|(\*\*|__)[ \t]+\1)[ \t]*$")
_EMPTY_EMPHASIS = re.compile(r"(?<![*_])(\*\*|__)[ \t\u00a0]*\1(?![*_])")
_SPLIT_BOLD = re.compile(r"(?<=\S)\*\*\*\*(?=\S)")
_BOLD_IMAGE = re.compile(r"^\*\*[ \t]*(!\[[^\]]*\]\([^)]*\))[ \t]*\*\*$")


def remove_stray_emphasis(body: str, article: Article) -> str:
    """Drop lines of bare `****`, empty `** **`, and the `****` that splits a bold run.

    `**用你的****赞**` is one bold run the exporter cut in two: removing `****`
    leaves `**用你的赞**`. Thematic breaks such as `* * *` are left alone.
    """
    lines = []
    for line in body.split("\n"):
        if _ONLY_MARKERS.match(line):
            continue
        line = _SPLIT_BOLD.sub("", line)
        lines.append(_EMPTY_EMPHASIS.sub("", line))
    return "\n".join(lines)


def unwrap_bold_images(body: str, article: Article) -> str:
    """`**![](x)**` is an image the exporter wrapped in bold; bold does nothing to it."""
    return "\n".join(_BOLD_IMAGE.sub(r"\1", line) for line in body.split("\n"))
