"""Heading passes: real sections become clean ATX headings, false headings become what
they are, and the page title owns the only level-one heading."""

from __future__ import annotations

import re

from ..cjk import CJK
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


# A bold-only line: `**label**`, `__label__`, or html2text's `**label  ` over `**`.
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?P<text>[^*_].*?)\1\s*$")
_BOLD_OPEN = re.compile(r"^\s*\*\*(?P<text>[^*].*?) {2,}$")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")
# A label ends without a sentence's end or a lead-in's colon; a short question may be one.
_LABEL_END = re.compile(r"[。！!；;，,、：:…]$|\.$")
_INNER_SENTENCE_END = re.compile(r"[。！？!?；;]")
_LABEL_UNITS = 24
_LABEL_CHARACTERS = 60
_QUOTED = re.compile(r"^[“\"「『‘'《]|^>")
_LINKED = re.compile(r"\]\(|https?://|!\[")
_RULE_LINE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")


def _label_units(text: str) -> int:
    """CJK characters and Latin words: how long a label reads."""
    return len(re.findall(rf"[{CJK}]|[A-Za-z0-9]+", text))


def _is_label(text: str) -> bool:
    """Short, one phrase, not a quotation, a link or a sentence."""
    text = text.strip()
    if not text or len(text) > _LABEL_CHARACTERS or _label_units(text) > _LABEL_UNITS:
        return False
    if _QUOTED.match(text) or _LINKED.search(text) or "**" in text or "__" in text:
        return False
    if text.endswith(("？", "?")) and re.search("[：:]", text):
        return False  # a speaker's question in an interview: "主持人：这是什么意思？"
    return not _LABEL_END.search(text) and not _INNER_SENTENCE_END.search(text[:-1])


def _heading_levels(lines: list[str], outside: list[int]) -> list[int]:
    """For each line, the level of the last heading above it (0 before the first)."""
    levels, current = [0] * (len(lines) + 1), 0
    inside = set(outside)
    for index, line in enumerate(lines):
        levels[index] = current
        match = _ATX.match(line) if index in inside else None
        if match and _heading_text(line):
            current = len(match["marks"])
    levels[len(lines)] = current
    return levels


def _next_content(lines: list[str], index: int) -> str | None:
    following = index
    while following < len(lines) and not lines[following].strip():
        following += 1
    return lines[following] if following < len(lines) else None


def _label_at(lines: list[str], index: int) -> tuple[str, int] | None:
    """The label a line holds and how many lines it takes, if it stands alone there:
    a block of its own, or a hard-broken line at the start of a block or after another
    hard break (html2text's `**label  ` over `**` included)."""
    line = lines[index]
    before = lines[index - 1] if index else ""
    after = lines[index + 1] if index + 1 < len(lines) else ""
    if before.strip() and not _HARD_BREAK.search(before):
        return None
    if (opened := _BOLD_OPEN.match(line)) and after.lstrip().startswith("**"):
        return opened["text"], 2
    bold = _BOLD_LINE.match(line)
    if bold is None:
        return None
    if after.strip() and not _HARD_BREAK.search(line):
        return None
    return bold["text"], 1


def promote_section_labels(body: str, article: Article) -> str:
    """A bold-only short line standing alone becomes a heading, one level below the
    section it sits in (level two before any heading), so the table of contents has it.

    Lead-ins (`**采访全文：**`), bold sentences, quotes and links stay bold text, and so
    does a label with nothing of its own after it (another label, a heading, the end).
    """
    lines = body.split("\n")
    outside = list(lines_outside_code(lines))
    levels = _heading_levels(lines, outside)
    inside = set(outside)
    skip_to = 0
    for index in outside:
        if index < skip_to:
            continue
        found = _label_at(lines, index)
        if found is None or not _is_label(found[0]):
            continue
        text, taken = found
        # html2text's closing `**` may carry the section's first words: `**正文……`.
        rest = lines[index + 1].lstrip()[2:] if taken == 2 else ""
        following = rest if rest.strip() else _next_content(lines, index + taken)
        if (
            following is None
            or _ATX.match(following)
            or (_label_at([following], 0) and _is_label(_unbold(following)))
        ):
            continue
        if not all(i in inside for i in range(index, index + taken)):
            continue
        level = min(levels[index] + 1, 6) if levels[index] else 2
        if index:
            lines[index - 1] = _HARD_BREAK.sub("", lines[index - 1])
        lines[index] = f"\n{'#' * level} {text.strip()}\n"
        if taken == 2:
            lines[index + 1] = rest.strip() and rest
        skip_to = index + taken
    return "\n".join(lines)


def drop_empty_sections(body: str, article: Article) -> str:
    """A heading with nothing under it before the next heading of its level or higher
    (or the end of the body) is dropped: the capture lost its section, or never had one."""
    lines = body.split("\n")
    outside = set(lines_outside_code(lines))
    headings = [
        (index, len(match["marks"]))
        for index in sorted(outside)
        if (match := _ATX.match(lines[index])) and _heading_text(lines[index])
    ]
    empty = set()
    for position, (index, level) in enumerate(headings):
        end = headings[position + 1][0] if position + 1 < len(headings) else len(lines)
        between = lines[index + 1 : end]
        has_content = any(line.strip() and not _RULE_LINE.match(line) for line in between)
        next_level = headings[position + 1][1] if position + 1 < len(headings) else 0
        if not has_content and (next_level == 0 or next_level <= level):
            empty.add(index)
    return "\n".join(line for index, line in enumerate(lines) if index not in empty)
