"""Reprint attributions: "本文来自微信公众号“智东西”（ID：zhidxcom），作者：王涵，36氪经授权发布".

The line stays in the body as content; its account and author also become metadata,
since the capture's header names only the site that reprinted the article.
"""

from __future__ import annotations

import re

_SOURCE = re.compile(
    r"本文(?:来自|转载自|转自|原载于)(?:微信)?公众号[：:\s]*\[?[“\"「『]?(?P<account>[^”\"」』（(\]\n，,]+)"
)
_AUTHOR = re.compile(r"作者[：:｜|]\s*(?P<author>[^，,。；;\s\n]+)")


def reprint_attribution(body: str) -> tuple[str | None, str | None]:
    """The original account and author named by a reprint line, if the body has one."""
    source = _SOURCE.search(body)
    if source is None:
        return None, None
    line_end = body.find("\n", source.end())
    author = _AUTHOR.search(body, source.end(), line_end if line_end >= 0 else len(body))
    return source["account"].strip(), author["author"] if author else None
