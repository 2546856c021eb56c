"""Feed captures: quoted `> key: value` lines, the title again, `_Published on <date>_`.

The exporter behind these captures drops CJK characters from titles
("GPT-8AI4"), so a title without CJK over a CJK body is flagged as suspect.
"""

from __future__ import annotations

import re

from ..cjk import HAN
from ..records import Capture

NAME = "feed"

_QUOTED_FIELD = re.compile(r">[ \t]*(?P<key>id|link|title)[ \t]*:[ \t]*(?P<value>.*)")
_PUBLISHED = re.compile(r"_Published on (?P<date>.+?)_")
_HAN = re.compile(f"[{HAN}]")


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


def _title_looks_stripped(title: str | None, body: str) -> bool:
    """A title with no CJK over a body written mostly in CJK (URLs aside)."""
    if not title or _HAN.search(title):
        return False
    letters = re.sub(r"https?://\S+", "", body)
    cjk = len(_HAN.findall(letters))
    return cjk > len(re.findall(r"[A-Za-z]", letters))


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
    return Capture(
        format=NAME,
        body=body,
        title=title,
        title_suspect=_title_looks_stripped(title, body),
        published=published,
        source_url=fields.get("link") or fields.get("id") or None,
    )
