"""Paragraphs the exporter flattened: hard breaks, runs of spaces, images inside text.

WeChat exporters (html2text) end every line of the article with a Markdown hard break
("  " at the end of the line), so a whole section becomes one paragraph full of <br>;
others separate paragraphs with two spaces on one line. The shape tells which break
ends a paragraph: one after a sentence's end (punctuation, closing quotes and
emphasis markers after it) does, one in the middle of a sentence is the exporter's
wrapping.
"""

from __future__ import annotations

import re

from ..records import Article
from .markdown_lines import (
    INLINE_LITERAL,
    join_blocks,
    lines_outside_code,
    split_blocks,
    visible_text,
)
from .wrapping import STARTS_BLOCK, glue

# A sentence's last punctuation, then the quotes, brackets and emphasis that close it.
_CLOSERS = "”’\"'」』）)\\]】》*_"
_SENTENCE_END = re.compile(rf"[。！？!?…][{_CLOSERS}]*$|\.[{_CLOSERS}]*$")
_ENDS_WITH_COLON = re.compile(rf"[：:][{_CLOSERS}]*$")
_HARD_BREAK = re.compile(r"(?:[ \t]{2,}|\\)$")
_QUOTE_PREFIX = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_IMAGE = r"!\[(?:[^\]\\]|\\.)*\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"
_IMAGE_ONLY = re.compile(rf"^(?:\*\*)?{_IMAGE}(?:\*\*)?(?:\{{:[^}}]*\}})?$")
_LEADING_IMAGE = re.compile(rf"^(?P<image>{_IMAGE}(?:\{{:[^}}]*\}})?)[ \t]*(?P<rest>\S.*)$")
# A line that is one bold run, a label: `**采访全文：**`, not `**a** and **b**`.
_BOLD_LINE = re.compile(r"^\*\*(?:(?!\*\*).)+\*\*$")
# An emphasised run closing at the line's end (`…**机器之心编辑部**`, `…_`).
_ENDS_EMPHASIS = re.compile(r"\S[*_]+$")
_ENDS_WITH_URL = re.compile(r"(?:https?://\S+|<https?://[^>\s]+>|\]\([^)\s]+\))[*_]*$")
_ONLY_URL = re.compile(r"^(?:<)?https?://\S+$")
_ONLY_MARKERS = re.compile(r"^(?:\*\*|__)+$")
_SETEXT_UNDERLINE = re.compile(r"^(?:=+|-+)[ \t]*$")


def _block_break(content: str, following: str) -> str | None:
    """How a hard break between two lines is read: a paragraph break (""), a kept line
    break ("  "), or None when it sits inside a sentence and the lines are joined."""
    content, following = content.strip(), following.strip()
    if content.startswith(("#", "|")):
        return "  "  # a heading or table row ends at its line anyway
    if STARTS_BLOCK.match(following) or _IMAGE_ONLY.match(content):
        return ""
    if _LEADING_IMAGE.match(following):
        return ""
    if _ENDS_EMPHASIS.search(content) and not _ONLY_MARKERS.match(following):
        return ""
    if _SENTENCE_END.search(content) or _ENDS_WITH_URL.search(content):
        return ""
    if _ENDS_WITH_COLON.search(content):
        return "  " if _ONLY_URL.match(following) else ""
    return None


def recover_hard_break_paragraphs(body: str, article: Article) -> str:
    """Each hard break ends a paragraph or is joined, as the sentence around it says.

    A break after a sentence's end, an image, a bold label or a URL starts a new
    paragraph; after a colon it does too, except before a lone URL (`论文地址：` /
    `https://…`), where the line break is kept. A break in the middle of a sentence
    is the exporter's wrapping: the two pieces are glued as wrapped lines are.
    """
    lines = body.split("\n")
    outside = set(lines_outside_code(lines))
    result: list[str] = []
    for index, line in enumerate(lines):
        previous = result[-1] if result else ""
        if not (index in outside and index - 1 in outside and line.strip()):
            result.append(line)
            continue
        before_prefix = _QUOTE_PREFIX.match(previous)
        now_prefix = _QUOTE_PREFIX.match(line)
        prefix = before_prefix[0] if before_prefix else ""
        if prefix.replace(" ", "") != (now_prefix[0] if now_prefix else "").replace(" ", ""):
            result.append(line)
            continue
        content = _HARD_BREAK.sub("", previous[len(prefix) :])
        following = line[now_prefix.end() :] if now_prefix else line
        label = _BOLD_LINE.match(content.strip())
        if label and not _ONLY_MARKERS.match(following) and not _SETEXT_UNDERLINE.match(following):
            # A bold label is a block of its own, with a hard break after it or not.
            result[-1] = prefix + content.rstrip()
            result.extend([prefix.rstrip(), line])
            continue
        decision = _block_break(content, following) if _HARD_BREAK.search(previous) else "  "
        if not content.strip() or decision == "  ":
            result.append(line)
        elif decision is None:
            # `**label  \n**`: the closing marker goes straight after the label.
            markers_only = _ONLY_MARKERS.match(following.strip())
            glued = content.rstrip() + following.strip() if markers_only else None
            result[-1] = prefix + (glued or glue(content, following))
        else:
            result[-1] = prefix + content.rstrip()
            result.extend([prefix.rstrip(), line])
    return "\n".join(result)


def isolate_images(body: str, article: Article) -> str:
    """An image on its own line is its own block, and so is one that starts a line
    the exporter glued text to (`![](…)Karpathy` / `称：…`): the text after it is the
    next paragraph. An image inside a sentence (a formula, an emoji) stays inline."""
    lines = body.split("\n")
    outside = set(lines_outside_code(lines))
    result: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        leading = _LEADING_IMAGE.match(line.lstrip())
        is_image = bool(_IMAGE_ONLY.match(stripped))
        if index not in outside or line != line.lstrip() or not (is_image or leading):
            result.append(line)
            continue
        if result and result[-1].strip():
            if not _QUOTE_PREFIX.match(result[-1]):
                result[-1] = _HARD_BREAK.sub("", result[-1])
            result.append("")
        if leading and not is_image:
            result.extend([leading["image"], "", leading["rest"]])
            continue
        result.append(stripped)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if following.strip():
            result.append("")
    return "\n".join(result)


# A caption under an image: "△ …", "▲ …", "图 3 …", "图：…", "图源：…", "来源：…".
_CAPTION_MARK = re.compile(r"^(?:[△▲▽▼↑]|图\s*\d|图(?:片)?(?:源|来源)?\s*[：:｜|丨]|来源[：:])")
# The exporter's caption style: the whole line in italics (bold lines are labels).
_WHOLLY_EMPHASISED = re.compile(r"^([*_])[^*_].*[^*_\s]\1$")
CAPTION_LENGTH = 60
CAPTION_CLASS = "archive-caption"


def _is_caption(block: str) -> bool:
    if "\n" in block or "![" in block or block.lstrip().startswith(("#", ">", "|", "{:")):
        return False
    text = visible_text(block)
    if not text or len(text) > CAPTION_LENGTH:
        return False
    return bool(_CAPTION_MARK.match(text) or _WHOLLY_EMPHASISED.match(block.strip()))


def mark_image_captions(body: str, article: Article) -> str:
    """A short captioning paragraph right under an image is marked as its caption
    (a paragraph with the class `archive-caption`), so it reads as one, not as text."""
    blocks = split_blocks(body)
    for index in range(1, len(blocks)):
        if _IMAGE_ONLY.match(blocks[index - 1].strip()) and _is_caption(blocks[index]):
            blocks[index] = f"{blocks[index]}\n{{: .{CAPTION_CLASS} }}"
    return join_blocks(blocks)


# Runs of two or more spaces in the middle of a line, and the inline list marker.
_SPACE_RUN = re.compile(r"[ \t\u3000]{2,}(?=\S)")
_LIST_ITEM = re.compile(r"^[-*+][ \t]+\S")
_LIST_MARKER = re.compile(r"^[-*+][ \t]+")
_LINE_STRUCTURE = re.compile(r"^(?:[ \t]{4}|\t|[ \t]*(?:#|\||[-*+][ \t]|\d+[.)][ \t]|\{:))")


def _literal_spans(line: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in INLINE_LITERAL.finditer(line)]


def _split_points(text: str) -> list[tuple[int, int, str]]:
    """(start, end, separator) for each space run in `text` that ends a block."""
    literals = _literal_spans(text)
    points: list[tuple[int, int, str]] = []
    in_list = False
    for run in _SPACE_RUN.finditer(text):
        if any(start < run.start() < end for start, end in literals):
            continue
        before, after = text[: run.start()], text[run.end() :]
        starts_item = bool(_LIST_ITEM.match(after))
        if in_list and starts_item:
            points.append((run.start(), run.end(), "\n"))
        elif in_list or _SENTENCE_END.search(before):
            points.append((run.start(), run.end(), "\n\n"))
            in_list = starts_item
    return points


def _open_bold(text: str) -> bool:
    """Whether a `**` run is open at the end of `text` (an odd number of markers)."""
    return len(re.findall(r"(?<!\*)\*\*(?!\*)", INLINE_LITERAL.sub("", text))) % 2 == 1


def split_run_on_paragraphs(body: str, article: Article) -> str:
    """Two or more spaces after a sentence's end, in the middle of a line, start a new
    paragraph; ` - ` items after such a break become a list, up to the next run of
    spaces not followed by `- `. A bold run cut by a break is closed and reopened."""
    lines = body.split("\n")
    outside = set(lines_outside_code(lines))
    result: list[str] = []
    for index, line in enumerate(lines):
        prefix_match = _QUOTE_PREFIX.match(line)
        prefix = prefix_match[0] if prefix_match else ""
        text = line[len(prefix) :]
        spaced = index in outside and _SPACE_RUN.search(text)
        points = _split_points(text) if spaced else []
        if not points or _LINE_STRUCTURE.match(text):
            result.append(line)
            continue
        pieces, position = [], 0
        for start, end, separator in points:
            pieces.append((text[position:start], separator))
            position = end
        pieces.append((text[position:], ""))
        rebuilt, bold_open = "", False
        for piece, separator in pieces:
            closes = _open_bold(piece)
            if bold_open:
                item = _LIST_MARKER.match(piece)
                cut = item.end() if item else 0
                piece = piece[:cut] + "**" + piece[cut:]
            bold_open = bold_open != closes
            if separator and bold_open:
                piece += "**"
            if separator:
                quoted = separator.replace("\n", "\n" + prefix.rstrip())
                separator = quoted + prefix[len(prefix.rstrip()) :]
            rebuilt += piece + separator
        result.append(prefix + rebuilt)
    return "\n".join(result)


# A source note at the start of a paragraph: `注：<URL> （by …)`, emphasised or not.
_SOURCE_NOTE = re.compile(
    r"^(?P<note>(?P<mark>[*_]{1,2})?(?:\\?\*)?注[：:]\s*\S*https?://[^\s)]+>?"
    r"(?:\s*[（(][^）)\n]*[）)])?(?(mark)(?P=mark)))[ \t]+(?P<rest>[^\s（(])"
)


def separate_source_notes(body: str, article: Article) -> str:
    """A source note (`注：<URL> （by …)`) that the exporter ran into the paragraph
    after it becomes its own paragraph."""
    blocks = split_blocks(body)
    separated = []
    for block in blocks:
        note = _SOURCE_NOTE.match(block.lstrip())
        if note:
            block = block.lstrip()
            separated.extend([note["note"], block[note.start("rest") :]])
        else:
            separated.append(block)
    return join_blocks(separated)
