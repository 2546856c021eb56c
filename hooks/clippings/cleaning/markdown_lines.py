"""Line- and block-level views of Markdown that know which lines sit inside fenced code."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..cjk import CJK

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
CJK_CHAR = re.compile(f"[{CJK}]")


def lines_outside_code(lines: list[str]) -> Iterator[int]:
    """Indexes of the lines that are not inside (or delimiting) a fenced code block."""
    fence: str | None = None
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)[0] * len(opening.group(1))
            continue
        if fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            continue
        yield index


def split_blocks(body: str) -> list[str]:
    """Blank-line-separated blocks; a fenced code block stays one block, blank lines and all."""
    lines = body.split("\n")
    outside = set(lines_outside_code(lines))
    blocks: list[str] = []
    current: list[str] = []
    for index, line in enumerate(lines):
        if index in outside and not line.strip():
            if current:
                blocks.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def join_blocks(blocks: list[str]) -> str:
    return "\n\n".join(blocks) + "\n" if blocks else ""


# Emphasis marks as a reader does not see them: `**`, `*`, and `_` that does not join words.
EMPHASIS_MARKS = re.compile(r"\*+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])")
MARKDOWN_LINK = re.compile(r"!?\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)[^)]*\)")
URL = re.compile(r"<?https?://[^\s)\]>]+>?")
# What no text pass may change inside: code spans, links and images, autolinks, bare URLs.
INLINE_LITERAL = re.compile(
    rf"(`+).+?\1|!?\[[^\]]*\]\([^)]*\)|<[^>\s]+>|https?://[^\s<>()\[\]{CJK}]+"
)


def outside_literals(text: str, change: Callable[[str], str]) -> str:
    """`change` applied to the text between inline literals, which stay as they are."""
    pieces, position = [], 0
    for literal in INLINE_LITERAL.finditer(text):
        pieces.extend([change(text[position : literal.start()]), literal[0]])
        position = literal.end()
    pieces.append(change(text[position:]))
    return "".join(pieces)


# A block's attribute list (`{: .archive-caption }`): markup, not words.
_ATTRIBUTE_LIST = re.compile(r"\{:[^}]*\}")


def visible_text(block: str) -> str:
    """A block's words as a reader sees them: no URLs, link syntax, or emphasis marks."""
    text = MARKDOWN_LINK.sub(lambda m: m["text"], _ATTRIBUTE_LIST.sub("", block))
    text = MARKDOWN_LINK.sub(lambda m: m["text"], text)  # links whose text holds an image
    text = URL.sub("", text)
    return re.sub(r"[*_#>`\\\[\]\s]+", " ", text).strip()
