"""What a reader wants to know before starting: how long, and what it is about."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .cleaning.markdown_lines import CJK_CHAR, split_blocks, visible_text

# Typical silent reading speeds: Chinese characters and English words per minute.
CJK_PER_MINUTE = 400
WORDS_PER_MINUTE = 200
SUMMARY_LENGTH = 80

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")
_SKIPPED_BLOCK = re.compile(r"^\s*(?:#|!\[|\||```|~~~|>|[-*+] |\d+[.)] |!!!)")
# Credit lines at the top of WeChat articles: "图｜GettyImages", "编译｜汤源".
_CREDIT = re.compile(r"^[^\s｜|]{1,4}\s*[｜|]")


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


def lead_summary(body: str) -> str | None:
    """The first real paragraph, cut to one line at a sentence end where possible."""
    for block in split_blocks(body):
        if _SKIPPED_BLOCK.match(block):
            continue
        text = visible_text(block).replace("&lt;", "<")
        if len(text) < 12 or _CREDIT.match(text):
            continue
        if len(text) <= SUMMARY_LENGTH:
            return text
        cut = text[:SUMMARY_LENGTH]
        sentence_end = max(cut.rfind(mark) for mark in "。！？.!?")
        return cut[: sentence_end + 1] if sentence_end >= SUMMARY_LENGTH // 2 else cut + "…"
    return None
