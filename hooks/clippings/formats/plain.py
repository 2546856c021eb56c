"""Plain text or Markdown with no metadata: the title is the first heading, if any."""

from __future__ import annotations

import re

from ..records import Capture

NAME = "plain"

_FIRST_HEADING = re.compile(r"\A\s*#{1,6}[ \t]+(?P<title>[^\n]*?)[ \t#]*(?:\n|\Z)")


def detect(text: str) -> bool:
    return True


def parse(text: str) -> Capture:
    heading = _FIRST_HEADING.match(text)
    if heading and heading["title"]:
        return Capture(format=NAME, body=text[heading.end() :], title=heading["title"])
    return Capture(format=NAME, body=text)
