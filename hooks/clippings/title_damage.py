"""Titles a feed exporter stripped of their Chinese characters, and the full title where
the capture still holds it.

The exporter behind feed captures keeps only Latin letters, digits and a few marks of a
title: `SynoCli - 来自 SynoCommunity，为群晖 NAS 安装 110+ 款开发者工具` arrives as
`SynoCli SynoCommunity NAS 110`. What it left is the full title's Latin skeleton, so a
Chinese text elsewhere in the capture (the cover image's alt text, the first heading)
whose skeleton is the same is that title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cjk import HAN
from .cleaning.markdown_lines import lines_outside_code

_HAN = re.compile(f"[{HAN}]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_NOT_SKELETON = re.compile(r"[^0-9a-z]+")
_URL = re.compile(r"https?://\S+")
_CODE_SPAN = re.compile(r"(`+).+?\1")
_IMAGE_ALT = re.compile(r"!\[((?:\\.|[^\]\\])*)\]\(")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
# Fewer Han characters than this and the body says nothing about the title's language.
MINIMUM_HAN = 20
# A Chinese article that lists tool names and commands still has well over one Han
# character for every four Latin words; an English one quoting some Chinese, far fewer.
LATIN_WORDS_PER_HAN = 4
# A skeleton this short ("AI") matches too many texts to recover a title from.
MINIMUM_SKELETON = 4
# Where a full title may be found, in the order it is trusted.
SOURCES = ("cover-alt", "heading")


@dataclass(frozen=True)
class RecoveredTitle:
    title: str
    source: str  # one of SOURCES


def skeleton(text: str) -> str:
    """What the exporter keeps of a title: its Latin letters and digits, in order."""
    return _NOT_SKELETON.sub("", text.casefold())


def _prose(body: str) -> str:
    """The body without code, URLs and image addresses: only what was written in words."""
    lines = body.split("\n")
    kept = "\n".join(lines[index] for index in lines_outside_code(lines))
    return _URL.sub(" ", _CODE_SPAN.sub(" ", kept))


def lost_han(title: str | None, body: str) -> bool:
    """A title without a Han character over a body written in Chinese.

    Chinese is counted in characters and Latin in words, outside code and URLs, so an
    article full of tool names and commands still counts as Chinese (the old count of
    Latin letters let such an article through unflagged).
    """
    if not title or _HAN.search(title):
        return False
    prose = _prose(body)
    han = len(_HAN.findall(prose))
    return han >= MINIMUM_HAN and han * LATIN_WORDS_PER_HAN >= len(_LATIN_WORD.findall(prose))


def _clean(text: str) -> str:
    return " ".join(text.replace("\\", "").split())


def title_candidates(body: str) -> list[tuple[str, str]]:
    """The capture's own places for a full title: its first image's alt text (a feed's
    cover) and its first heading, each as (source, text)."""
    lines = body.split("\n")
    found: dict[str, str] = {}
    for index in lines_outside_code(lines):
        line = lines[index]
        if "cover-alt" not in found and (alt := _IMAGE_ALT.search(line)):
            found["cover-alt"] = _clean(alt[1])
        if "heading" not in found and (heading := _HEADING.match(line)):
            found["heading"] = _clean(heading[1])
        if len(found) == 2:
            break
    return [(source, found[source]) for source in SOURCES if source in found]


def recover_title(title: str, candidates: list[tuple[str, str]]) -> RecoveredTitle | None:
    """The first candidate that is the title with its lost Chinese put back."""
    wanted = skeleton(title)
    if _HAN.search(title) or len(wanted) < MINIMUM_SKELETON:
        return None
    for source, text in candidates:
        if _HAN.search(text) and skeleton(text) == wanted:
            return RecoveredTitle(text, source)
    return None
