"""WeChat article exports: `# title`, then labelled header lines, then Markdown.

The header's times carry no zone; WeChat shows them in Beijing time.
"""

from __future__ import annotations

import re

from ..dates import ARCHIVE_TIME_ZONE
from ..records import Capture

NAME = "wechat"

_TITLE = re.compile(r"\A\ufeff?#[ \t]+(?P<title>.+)\n")
_FIELDS_BY_LABEL = {
    "文章作者": "author",
    "发布时间": "published",
    "发布地": "place",
    "原文链接": "source_url",
    "封面图链接": "cover_image",
}
_FIELD = re.compile(rf"(?P<label>{'|'.join(_FIELDS_BY_LABEL)})[ \t]*[:：][ \t]*(?P<value>.*)")


def _header_fields(text: str) -> tuple[dict[str, str], int]:
    """The labelled lines after the title, and the offset where the body begins."""
    title_line = _TITLE.match(text)
    if title_line is None:
        return {}, 0
    fields: dict[str, str] = {}
    offset = title_line.end()
    for line in text[offset:].splitlines(keepends=True):
        field_line = _FIELD.fullmatch(line.strip())
        if field_line:
            fields[_FIELDS_BY_LABEL[field_line["label"]]] = field_line["value"].strip()
        elif line.strip():
            break
        offset += len(line)
    return fields, offset


def detect(text: str) -> bool:
    fields, _ = _header_fields(text)
    return "author" in fields or "source_url" in fields


def parse(text: str) -> Capture:
    title_line = _TITLE.match(text)
    assert title_line is not None
    fields, offset = _header_fields(text)
    return Capture(
        format=NAME,
        body=text[offset:],
        title=title_line["title"].strip(),
        naive_timezone=ARCHIVE_TIME_ZONE,
        author=fields.get("author") or None,
        published=fields.get("published") or None,
        place=fields.get("place") or None,
        source_url=fields.get("source_url") or None,
        cover_image=fields.get("cover_image") or None,
    )
