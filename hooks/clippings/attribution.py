"""Reprint attributions: "本文来自微信公众号“智东西”（ID：zhidxcom），作者：王涵，36氪经授权发布".

The account, author, editors and link of the original become metadata, since the
capture's header names only the site that reprinted the article; the line itself is
then said once, in the sidebar (`boilerplate.strip_trailing_promotions` cuts it at the
end of the body). The byline block at the top of a body is `cleaning/bylines.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SOURCE = re.compile(
    r"本文(?:来自|转载自|转自|原载于)(?:微信)?公众号[：:\s]*\[?[“\"「『]?(?P<account>[^”\"」』（(\]\n，,]+)"
)
_AUTHOR = re.compile(r"作者[：:｜|]\s*(?P<author>[^，,。；;\s\n]+)")
_EDITORS = re.compile(r"编辑[：:｜|]\s*(?P<editors>[^，,。；;\n]+)")
_LINK_TARGET = re.compile(r"\]\((?P<url>https?://[^)\s]+)\)")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def split_names(names: str) -> tuple[str, ...]:
    """Names in a credit: "梦晨 西风" and "张三、李四" are two each, "vivo AI Lab" one."""
    parts = [part.strip() for part in re.split(r"[、,，/&＆]|\s和\s", names) if part.strip()]
    split: list[str] = []
    for part in parts:
        words = part.split()
        split.extend(words if not _ASCII_LETTER.search(part) else [part])
    return tuple(split)


@dataclass(frozen=True)
class Reprint:
    """What a reprint line says about the original."""

    account: str
    author: str | None = None
    editors: tuple[str, ...] = ()
    url: str | None = None


def reprint_attribution(body: str) -> Reprint | None:
    """The original account, author, editors and link named by a reprint line, if any."""
    source = _SOURCE.search(body)
    if source is None:
        return None
    line_start = body.rfind("\n", 0, source.start()) + 1
    line_end = body.find("\n", source.end())
    line_end = line_end if line_end >= 0 else len(body)
    author = _AUTHOR.search(body, source.end(), line_end)
    editors = _EDITORS.search(body, source.end(), line_end)
    link = _LINK_TARGET.search(body, line_start, line_end)
    return Reprint(
        account=source["account"].strip(),
        author=author["author"] if author else None,
        editors=split_names(editors["editors"]) if editors else (),
        url=link["url"] if link else None,
    )


def is_reprint_line(text: str) -> bool:
    return _SOURCE.search(text) is not None
