"""Heading passes: the page title owns the only level-one heading."""

from __future__ import annotations

import re

from ..records import Article
from .markdown_lines import lines_outside_code

_ATX = re.compile(r"^(?P<marks>#{1,6})(?P<rest>[ \t].*|)$")


def _heading_text(line: str) -> str | None:
    match = _ATX.match(line)
    return match["rest"].strip().rstrip("#").strip() if match else None


def drop_repeated_title(body: str, article: Article) -> str:
    """Remove a heading at the top of the body that repeats the title."""
    lines = body.split("\n")
    for index in lines_outside_code(lines):
        if not lines[index].strip():
            continue
        if _heading_text(lines[index]) == article.title.strip():
            del lines[index]
        break
    return "\n".join(lines)


def demote_headings(body: str, article: Article) -> str:
    """Shift every heading down a level when the body uses level one.

    The page template prints the title as the page's h1; a second h1 from the body
    would compete with it in the outline and the table of contents.
    """
    lines = body.split("\n")
    outside = list(lines_outside_code(lines))
    if not any((m := _ATX.match(lines[i])) and len(m["marks"]) == 1 for i in outside):
        return body
    for index in outside:
        match = _ATX.match(lines[index])
        if match and len(match["marks"]) < 6:
            lines[index] = "#" + lines[index]
    return "\n".join(lines)
