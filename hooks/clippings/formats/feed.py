"""Feed captures: quoted `> key: value` lines, the title again, `_Published on <date>_`.

The exporter behind these captures drops CJK characters from titles
("GPT-8AI4"): such a title is flagged as suspect, or replaced by the full title where
the capture still holds it (title_damage.py).
"""

from __future__ import annotations

import re

from ..records import Capture
from ..title_damage import lost_han, recover_title, title_candidates

NAME = "feed"

_QUOTED_FIELD = re.compile(r">[ \t]*(?P<key>id|link|title)[ \t]*:[ \t]*(?P<value>.*)")
_PUBLISHED = re.compile(r"_Published on (?P<date>.+?)_")


def _header(text: str) -> tuple[dict[str, str], str]:
    """The quoted fields and what follows them."""
    fields: dict[str, str] = {}
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        quoted = _QUOTED_FIELD.fullmatch(line)
        if quoted:
            fields.setdefault(quoted["key"], quoted["value"].strip())
        elif line:
            break
        index += 1
    return fields, "\n".join(lines[index:])


def detect(text: str) -> bool:
    fields, _ = _header(text.lstrip("\ufeff"))
    return "id" in fields or "link" in fields


def parse(text: str) -> Capture:
    fields, rest = _header(text.lstrip("\ufeff"))
    title = fields.get("title") or None
    lines = rest.split("\n")
    if lines and title and lines[0].lstrip("#").strip() == title and lines[0].startswith("#"):
        lines.pop(0)
    published = None
    if lines and (stamp := _PUBLISHED.fullmatch(lines[0].strip())):
        published = stamp["date"].strip()
        lines.pop(0)
    body = "\n".join(lines)
    recovered = recover_title(title, title_candidates(body)) if title else None
    return Capture(
        format=NAME,
        body=body,
        title=recovered.title if recovered else title,
        title_suspect=recovered is None and lost_han(title, body),
        damaged_title=title if recovered else None,
        title_recovered_from=recovered.source if recovered else None,
        published=published,
        source_url=fields.get("link") or fields.get("id") or None,
    )
