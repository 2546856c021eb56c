"""Whitespace and encoding debris left by exporters."""

from __future__ import annotations

import re

from ..cjk import CJK, CJK_CLOSING_QUOTES, CJK_OPENING_QUOTES, FULL_WIDTH_PUNCTUATION
from ..records import Article
from .markdown_lines import lines_outside_code, outside_literals

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


# Spaces the capture put beside full-width punctuation (`是， 这`, `Mamba ，`), just
# inside Chinese quotes next to CJK text (`“ 中文`), or between such a quote and CJK text
# outside it (`。” 他补充说`). Each run of spaces is judged by its neighbours, which is
# several times faster than lookbehinds tried at every position of a long article.
_SPACES = re.compile("[ \t\u00a0]+")
_FULL_WIDTH_MARK = re.compile(f"[{FULL_WIDTH_PUNCTUATION}]")
_CJK_CHARACTER = re.compile(f"[{CJK}]")
_OPENING_QUOTE = re.compile(f"[{CJK_OPENING_QUOTES}]")
_CLOSING_QUOTE = re.compile(f"[{CJK_CLOSING_QUOTES}]")


def _beside_punctuation(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    preceding, following = text[max(0, start - 2) : start].rjust(2), text[end : end + 2].ljust(2)
    before2, before, after, after2 = preceding[0], preceding[1], following[0], following[1]
    cjk_before, cjk_after = _CJK_CHARACTER.match(before), _CJK_CHARACTER.match(after)
    debris = (
        (before.strip() and _FULL_WIDTH_MARK.match(after))
        or (_FULL_WIDTH_MARK.match(before) and after.strip())
        or (_OPENING_QUOTE.match(before) and cjk_after)
        or (cjk_before and _CLOSING_QUOTE.match(after))
        or (_CJK_CHARACTER.match(before2) and _CLOSING_QUOTE.match(before) and cjk_after)
        or (cjk_before and _OPENING_QUOTE.match(after) and _CJK_CHARACTER.match(after2))
    )
    return "" if debris or _beside_bold_cjk(text, start, end) else match[0]


def _beside_bold_cjk(text: str, start: int, end: int) -> bool:
    """A space between bold CJK text and the CJK text next to it (`**视觉理解** 任务`,
    `在 **视觉理解**`): html2text puts it beside emphasis, the article never had it.

    This pass runs after `repair_bold_markers`, so a `**` before a space closes a run
    and one after a space opens it.
    """
    closes = (
        text[start - 2 : start] == "**"
        and start >= 3
        and _CJK_CHARACTER.match(text[start - 3])
        and _CJK_CHARACTER.match(text[end : end + 1])
    )
    opens = (
        text[end : end + 2] == "**"
        and start >= 1
        and _CJK_CHARACTER.match(text[start - 1])
        and _CJK_CHARACTER.match(text[end + 2 : end + 3])
    )
    return bool(closes or opens)


def _tightened(text: str) -> str:
    return _SPACES.sub(_beside_punctuation, text)


_INDENTED_CODE = re.compile(r"^(?: {4}|\t)")
# A line's Markdown markers (quote, heading, list), whose spaces are syntax.
_LINE_MARKERS = re.compile(r"^[ \t]*(?:>[ \t]?|#{1,6}[ \t]+|[-*+][ \t]+|\d+[.)][ \t]+)*")


def tighten_cjk_punctuation(body: str, article: Article) -> str:
    """No space around full-width punctuation or just inside Chinese quotes, as a
    Chinese reader expects: full-width marks carry their own space.

    Code (fenced, indented or inline), links and URLs are left as they are, and so is
    a space between a URL and the punctuation after it (the URL would swallow it).
    """
    lines = body.split("\n")
    for index in lines_outside_code(lines):
        line = lines[index]
        if _INDENTED_CODE.match(line):
            continue
        markers = _LINE_MARKERS.match(line)
        start = markers.end() if markers else 0
        lines[index] = line[:start] + outside_literals(line[start:], _tightened)
    return "\n".join(lines)
