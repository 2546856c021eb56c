"""MarkDownload: front matter without a title, then `# Title | Site`, an excerpt block.

Its default template writes `created: 2024-06-02T10:15:00 (UTC +08:00)`, `tags`,
`source` and `author`; the body starts with `# {pageTitle}`, then `> ## Excerpt` and
the page's excerpt quoted, then a `---` rule.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import Capture

NAME = "markdownload"

_CREATED = re.compile(
    r"(?P<time>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)\s*\(UTC\s*(?P<offset>[+-]\d{2}:\d{2})\)"
)
_FIRST_HEADING = re.compile(r"\A\s*#[ \t]+(?P<title>[^\n]+?)[ \t#]*(?:\n|\Z)")
_EXCERPT = re.compile(r"\A\s*>[ \t]*##[ \t]+Excerpt[ \t]*\n(?P<quoted>(?:>[^\n]*(?:\n|\Z))*)")
_RULE = re.compile(r"\A\s*(?:---|\*\*\*|___)[ \t]*(?:\n|\Z)")
# Where a page title ends and the site's name begins.
SITE_SEPARATORS = (" | ", " - ", " _ ", " – ", " — ")


def detect(capture: Capture) -> bool:
    created = capture.metadata.get("created")
    dated = isinstance(created, str) and _CREATED.fullmatch(created.strip()) is not None
    return dated or _EXCERPT.match(_FIRST_HEADING.sub("", capture.body, count=1)) is not None


def split_site_name(title: str) -> tuple[str, str | None]:
    """`标题 | 站点名` as the title and the part after the last separator."""
    for separator in SITE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head.strip() and tail.strip():
            return head.strip(), tail.strip()
    return title, None


def apply(capture: Capture) -> Capture:
    body, title = capture.body, capture.title
    heading = _FIRST_HEADING.match(body)
    if heading:
        body = body[heading.end() :]
        title = title or heading["title"].strip()
    summary = capture.summary
    excerpt = _EXCERPT.match(body)
    if excerpt:
        quoted = [line[1:].strip() for line in excerpt["quoted"].split("\n") if line.strip()]
        summary = summary or " ".join(line for line in quoted if line) or None
        body = body[excerpt.end() :]
        rule = _RULE.match(body)
        body = body[rule.end() :] if rule else body
    created = capture.metadata.get("created")
    clipped = capture.clipped
    stamp = _CREATED.fullmatch(created.strip()) if isinstance(created, str) else None
    if stamp:
        clipped = f"{stamp['time']}{stamp['offset']}"
    site = split_site_name(title)[1] if title else None
    return replace(
        capture,
        format=NAME,
        body=body,
        title=title,
        summary=summary,
        clipped=clipped,
        # Whether the suffix is the site's name is settled across the archive
        # (`site_names.settle_site_names`); until then the title is kept whole.
        title_site_suffix=site,
    )
