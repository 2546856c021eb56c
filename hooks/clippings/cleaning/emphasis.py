"""Emphasis debris: markers that wrap nothing, or split one bold run into many."""

from __future__ import annotations

import re

from ..cjk import FULL_WIDTH_PUNCTUATION, HAN
from ..records import Article
from .markdown_lines import INLINE_LITERAL, lines_outside_code

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


# A `**` marker (not part of `***`), a space run, and a CJK character on either side.
_BOLD_MARKER = re.compile(r"(?<!\*)\*\*(?!\*)")
# A bold run closed one or two characters before the sentence goes on: `的内** 容。`.
_WORD_SPLIT_AFTER_CLOSER = re.compile(
    f"(?<=[{HAN}])\\*\\*[ \t]+([{HAN}]{{1,2}})(?=[{FULL_WIDTH_PUNCTUATION}])"
)


def _markers(line: str) -> list[int]:
    """Positions of the `**` markers in a line, outside code, links and URLs."""
    literals = [(m.start(), m.end()) for m in INLINE_LITERAL.finditer(line)]
    return [
        m.start()
        for m in _BOLD_MARKER.finditer(line)
        if not any(start <= m.start() < end for start, end in literals)
    ]


def _stray(line: str, marker: int) -> bool:
    """A marker with space (or a line's end) on both sides can open or close nothing."""
    return line[marker - 1 : marker] in ("", " ", "\t") and line[marker + 2 : marker + 3] in (
        "",
        " ",
        "\t",
    )


def _repaired(line: str, markers: list[int], opening: set[int], dropped: set[int]) -> str:
    pieces, position = [], 0
    for marker in markers:
        pieces.append(line[position:marker])
        position = marker + 2
        if marker in dropped:
            if pieces[-1].endswith((" ", "\t")) and line[position : position + 1] in (" ", "\t"):
                position += 1
            continue
        if marker in opening:
            pieces.append("**")
            while position < len(line) and line[position] in " \t":
                position += 1
        else:
            pieces[-1] = pieces[-1].rstrip(" \t") or pieces[-1]
            pieces.append("**")
    pieces.append(line[position:])
    return "".join(pieces)


def repair_bold_markers(body: str, article: Article) -> str:
    """Bold runs the exporter spaced or split become real emphasis, or plain text.

    A closing `**` after a space is no closing marker to Markdown, so
    `**sam 演讲关键信息摘要： **` showed its asterisks: spaces just inside a pair go.
    A closing marker and space that leave one or two characters before the sentence's
    punctuation split a word (`内** 容。`): the run closes after the word (`内容**。`). Markers pair
    within a paragraph; one left without a partner (the one with spaces on both
    sides, else the last) is dropped, its text kept.
    """
    lines = body.split("\n")
    outside = set(lines_outside_code(lines))
    paragraph: list[int] = []
    for index in [*range(len(lines)), len(lines)]:
        if index < len(lines) and index in outside and lines[index].strip():
            paragraph.append(index)
            continue
        found = [
            (line, marker)
            for line in paragraph
            if "**" in lines[line]
            for marker in _markers(lines[line])
        ]
        dropped: set[tuple[int, int]] = set()
        if len(found) % 2:
            dropped.add(next((f for f in found if _stray(lines[f[0]], f[1])), found[-1]))
        kept = [f for f in found if f not in dropped]
        opening = set(kept[0::2])
        for line in paragraph:
            markers = [m for n, m in found if n == line]
            if not markers:
                continue
            repaired = _repaired(
                lines[line],
                markers,
                {m for n, m in opening if n == line},
                {m for n, m in dropped if n == line},
            )
            lines[line] = _WORD_SPLIT_AFTER_CLOSER.sub(r"\1**", repaired)
        paragraph = []
    return "\n".join(lines)


# Adjacent emphasis runs the exporter split at a space: `_（by_ _Manish Singh)_`;
# and an underscore standing alone between spaces, which emphasises nothing.
_SPLIT_ITALIC = re.compile(r"(?<=[^\s_*])_[ \t]+_(?=[^\s_*])")
_LONE_UNDERSCORE = re.compile(r"(?:(?<=[ \t])|^)_(?=[ \t]|$)")
# Underscores that open a run (after a space or the line's start) and a doubled one
# closing the line: `_参考链接：<URL>__` closes one italic run and adds a stray `_`.
_OPENS_ITALIC = re.compile(r"(?:^|(?<=\s))_(?=[^\s_])")
_OPENS_BOLD = re.compile(r"(?:^|(?<=\s))__(?=[^\s_])")
_DOUBLE_CLOSER = re.compile(r"(?<=[^\s_])__$")
# A list item with nothing in it: `*` or `+` alone on a line.
_EMPTY_ITEM = re.compile(r"^[ \t]*[*+][ \t]*$")


def merge_split_italics(body: str, article: Article) -> str:
    """`_a_ _b_` is one italic run cut in two by the exporter: it reads `_a b_`; a lone
    `_` between spaces is what is left of such a cut, and goes, as does the second `_`
    of a `__` that closes the one italic run open on its line."""
    lines = body.split("\n")
    opened = 0  # italic runs opened so far in this paragraph
    for index in lines_outside_code(lines):
        if "_" not in lines[index]:
            opened = opened if lines[index].strip() else 0
            continue
        merged = _SPLIT_ITALIC.sub(" ", lines[index])
        merged = _LONE_UNDERSCORE.sub("", merged) if merged.strip() != "_" else merged
        opened = opened + len(_OPENS_ITALIC.findall(merged)) if merged.strip() else 0
        if opened % 2 and not _OPENS_BOLD.search(merged):
            content = merged.rstrip(" ")
            merged = _DOUBLE_CLOSER.sub("_", content) + merged[len(content) :]
        lines[index] = merged
    return "\n".join(lines)


def drop_empty_list_items(body: str, article: Article) -> str:
    """A lone `*` or `+` line is an empty list item: it would show as a bare marker."""
    lines = body.split("\n")
    outside = set(lines_outside_code(lines))
    kept = [
        line
        for index, line in enumerate(lines)
        if index not in outside or not _EMPTY_ITEM.match(line)
    ]
    return "\n".join(kept)
