"""What a reader wants to know before starting: how long, and what it is about."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .cleaning.boilerplate import is_promotion
from .cleaning.bylines import line_credits
from .cleaning.markdown_lines import CJK_CHAR, EMPHASIS_MARKS, split_blocks, visible_text

# Typical silent reading speeds: Chinese characters and English words per minute.
CJK_PER_MINUTE = 400
WORDS_PER_MINUTE = 200
SUMMARY_LENGTH = 80

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")
_SKIPPED_BLOCK = re.compile(r"^\s*(?:#|!\[|\||```|~~~|>|[-*+] |\d+[.)] |!!!)")
# Credit lines at the top of WeChat articles: "图｜GettyImages", "编译｜汤源".
_CREDIT = re.compile(r"^[^\s｜|]{1,4}\s*[｜|]")
# A note before the article proper: "注：<URL> （by Manish Singh)" or "注：本文译自……。".
# A link and its attribution end it; without them, its first sentence does.
_NOTE = re.compile(
    r"^(?:注|注释|备注|译注|译者注|说明)\s*[：:]\s*"
    r"(?:(?:<?https?://\S+?>?|\S*?\.\S+/\S*)?\s*[（(][^）)]{0,60}[）)]|[^。！？]*[。！？])\s*"
)
# Words that make a paragraph; a block of punctuation and symbols is debris.
_WORDS = re.compile(rf"{CJK_CHAR.pattern}|[A-Za-z0-9]")


@dataclass(frozen=True)
class Length:
    """How long an article is: characters as a Chinese reader counts them, and minutes."""

    characters: int
    minutes: int


def measure(body: str) -> Length:
    """Each CJK character and each Latin word counts; reading speeds as above."""
    text = visible_text(body)
    cjk, words = len(CJK_CHAR.findall(text)), len(_WORD.findall(text))
    minutes = cjk / CJK_PER_MINUTE + words / WORDS_PER_MINUTE
    return Length(characters=cjk + words, minutes=max(1, math.ceil(minutes)))


def _lead_text(block: str) -> str | None:
    """The block's words as a summary may use them, or None when it is no article prose:
    a byline or credit, a promotion, debris; a note before the article is skipped."""
    lines = block.split("\n")
    while lines and line_credits(lines[0]) is not None:
        lines.pop(0)
    block = "\n".join(lines)
    if not block or _SKIPPED_BLOCK.match(block) or is_promotion(block):
        return None
    # Marks dropped without a gap: "在**视觉理解** 任务" reads "在视觉理解 任务".
    text = visible_text(EMPHASIS_MARKS.sub("", block)).replace("&lt;", "<")
    text = _NOTE.sub("", text)
    if len(_WORDS.findall(text)) < 10 or _CREDIT.match(text):
        return None
    return text


def lead_summary(body: str) -> str | None:
    """The first real paragraph, cut to one line at a sentence end where possible."""
    for block in split_blocks(body):
        text = _lead_text(block)
        if text is None:
            continue
        if len(text) <= SUMMARY_LENGTH:
            return text
        cut = text[:SUMMARY_LENGTH]
        sentence_end = max(cut.rfind(mark) for mark in "。！？.!?")
        return cut[: sentence_end + 1] if sentence_end >= SUMMARY_LENGTH // 2 else cut + "…"
    return None
