"""Heading passes: real sections become clean ATX headings, false headings become what
they are, and the page title owns the only level-one heading."""

from __future__ import annotations

import re

from ..records import Article
from .markdown_lines import lines_outside_code

_ATX = re.compile(r"^(?P<marks>#{1,6})(?P<rest>[ \t].*|)$")
_UNDERLINE = re.compile(r"^ {0,3}(?P<char>=|-)(?P=char)*[ \t]*$")
_BOLD = re.compile(r"^(\*\*|__)(?P<text>.+?)\1$")
_URL_ONLY = re.compile(r"^<?(https?://\S+?)>?$")
_ENTRY = re.compile(r"^[-–—•·]\s*(?P<text>\S.*)$")
_BLOCK_START = re.compile(r"^\s*(?:[#>|]|[-*+] |\d+[.)] |```|~~~|!\[)")


def _heading_text(line: str) -> str | None:
    match = _ATX.match(line)
    return match["rest"].strip().rstrip("#").strip() if match else None


def _unbold(text: str) -> str:
    match = _BOLD.match(text.strip())
    return match["text"].strip() if match else text.strip()


def setext_to_atx(body: str, article: Article) -> str:
    """`Title` over `-----` (or `=====`) becomes `## Title`, without wrapping bold."""
    lines = body.split("\n")
    outside = set(lines_outside_code(lines))
    for index in range(1, len(lines)):
        underline = _UNDERLINE.match(lines[index])
        text = lines[index - 1].strip()
        if not (underline and index in outside and index - 1 in outside and text):
            continue
        if _BLOCK_START.match(text) or (index >= 2 and lines[index - 2].strip()):
            continue
        level = "#" if underline["char"] == "=" else "##"
        lines[index - 1] = f"{level} {_unbold(text)}"
        lines[index] = ""
    return "\n".join(lines)


def unbold_headings(body: str, article: Article) -> str:
    """`## **Section**` becomes `## Section`: the heading style already sets the weight."""
    lines = body.split("\n")
    for index in lines_outside_code(lines):
        match = _ATX.match(lines[index])
        if match and match["rest"].strip():
            lines[index] = f"{match['marks']} {_unbold(match['rest'])}"
    return "\n".join(lines)


_LABEL = re.compile(r"^[^\s#>|!\[\-*+].{0,19}$")
_SENTENCE_END = re.compile(r"[。！？.!?，,：:；;]$")


def _label_after(lines: list[str], index: int) -> int | None:
    """The line of a short one-line paragraph that follows lines[index], if any."""
    following = index + 1
    while following < len(lines) and not lines[following].strip():
        following += 1
    if following >= len(lines):
        return None
    text = lines[following].strip()
    next_line = lines[following + 1] if following + 1 < len(lines) else ""
    if next_line.strip() or not _LABEL.match(text) or _SENTENCE_END.search(text):
        return None
    return following


def repair_false_headings(body: str, article: Article) -> str:
    """Headings that are not sections become what they are.

    - an empty heading (`##`) lends its level to a short label right after it
      (`##`, blank, `参考`), and is dropped when there is none;
    - a heading that is only a URL becomes a paragraph holding the link;
    - a heading that starts with a dash is a reference entry and becomes a list item;
    - level 5 and 6 headings become paragraphs: WeChat editors use them for small
      print (bylines, image captions), never for sections.
    """
    lines = body.split("\n")
    for index in lines_outside_code(lines):
        match = _ATX.match(lines[index])
        if not match:
            continue
        text = _heading_text(lines[index]) or ""
        if not text:
            lines[index] = ""
            label = _label_after(lines, index)
            if label is not None and len(match["marks"]) < 5:
                lines[label] = f"{match['marks']} {_unbold(lines[label])}"
        elif url := _URL_ONLY.match(text):
            lines[index] = f"<{url[1]}>"
        elif entry := _ENTRY.match(text):
            lines[index] = f"- {entry['text']}"
        elif len(match["marks"]) >= 5:
            lines[index] = text + "\n"
    return "\n".join(lines)


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
