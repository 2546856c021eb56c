"""Capture formats, each a module with the same two functions.

`detect(text) -> bool` says whether a seed's text is in that format, judged from its
content and never from its file name; `parse(text) -> Capture` reads it. FORMATS is
tried in order and `plain` accepts anything, so it comes last.
"""

from __future__ import annotations

from ..records import Capture
from . import feed, front_matter, html_page, plain, wechat

FORMATS = (html_page, front_matter, wechat, feed, plain)


def parse_capture(text: str) -> Capture:
    """Parse text with the first format that recognises it."""
    for capture_format in FORMATS:
        if capture_format.detect(text):
            return capture_format.parse(text)
    raise AssertionError("the plain format accepts every text")
