"""Hard-wrapped lines: exporters wrap long lines, readers should not see the seams."""

from __future__ import annotations

import re

from ..records import Article
from .markdown_lines import CJK_CHAR, lines_outside_code

# Lines that start a Markdown block, or a line-by-line list the exporter wrote as text
# (◆ bullets, "1、" and "（1）" numbering): never glued to the line before.
STARTS_BLOCK = re.compile(
    r"^\s*(?:#|\||```|~~~|!\[|[-*+][ \t]|\d+[.)][ \t]|\d+、(?!\d)|[（(]\d+[)）]"
    r"|[◆●•■▪►▶★☆◇○·※▽△▲]|(?:[-*_][ \t]*){3,}$)"
)
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?")
_ENDS_BLOCK = re.compile(r"^\s*(?:#|\||!\[.*\)\s*$|(?:[-*_=][ \t]*){3,}$)")
_HARD_BREAK = re.compile(r"(?:  |\\)$")


_BROKEN_AT_HYPHEN = re.compile(r"[A-Za-z]-$")


def glue(left: str, right: str) -> str:
    """Join two wrapped pieces: no space between CJK characters, one space otherwise.

    Exporters wrap English after a hyphen too ("Multi-" / "Modal"): no space there.
    """
    left, right = left.rstrip(), right.lstrip()
    if CJK_CHAR.match(left[-1:]) and CJK_CHAR.match(right[:1]):
        return left + right
    if _BROKEN_AT_HYPHEN.search(left) and right[:1].isalpha():
        return left + right
    return f"{left} {right}"


def _joinable(previous: str, line: str) -> bool:
    if not previous.strip() or not line.strip():
        return False
    if _HARD_BREAK.search(previous) or _ENDS_BLOCK.match(previous):
        return False
    return not STARTS_BLOCK.match(line)


def join_wrapped_lines(body: str, article: Article) -> str:
    """Glue each wrapped line to the line it continues, inside paragraphs and quotes.

    Lists, tables, headings, code, images and rules are never glued; a quote line is
    glued only to the quote line before it, never to a paragraph.
    """
    lines = body.split("\n")
    outside = set(lines_outside_code(lines))
    joined: list[str] = []
    for index, line in enumerate(lines):
        if joined and index in outside and index - 1 in outside:
            previous = joined[-1]
            quoted_before, quoted_now = _QUOTE.match(previous), _QUOTE.match(line)
            if quoted_before and quoted_now:
                inner_before = previous[quoted_before.end() :]
                inner_now = line[quoted_now.end() :]
                if _joinable(inner_before, inner_now) and not _QUOTE.match(inner_now):
                    joined[-1] = previous[: quoted_before.end()] + glue(inner_before, inner_now)
                    continue
            elif not quoted_before and not quoted_now and _joinable(previous, line):
                joined[-1] = glue(previous, line)
                continue
        joined.append(line)
    return "\n".join(joined)


_LISTED_LINE = re.compile(r"^\s*(?:\d+、(?!\d)|[（(]\d+[)）]|[◆●•■▪►▶★☆◇○※])")


def separate_listed_lines(body: str, article: Article) -> str:
    """Lines the exporter wrote as a list in text (◆ bullets, "1、") become paragraphs.

    Left in one paragraph they would run together on the page, since Markdown treats
    the newline between them as a space.
    """
    lines = body.split("\n")
    outside = set(lines_outside_code(lines))
    separated: list[str] = []
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else ""
        if (
            index in outside
            and index - 1 in outside
            and _LISTED_LINE.match(line)
            and previous.strip()
            and not _QUOTE.match(previous)
        ):
            separated.append("")
        separated.append(line)
    return "\n".join(separated)
