"""Jekyll posts: Liquid's `highlight` and `raw` tags and the excerpt separator.

Runs after the Hexo dialect, so a `{% … %}` tag still left is one no dialect knows:
it stays as text and the archivist is told which tag it was.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import Capture
from .liquid import TAG, arguments, block, excerpt_and_rest, fenced, outside_fences

NAME = "jekyll"
_HIGHLIGHT = block("highlight")
_RAW = block("raw")


def detect(capture: Capture) -> bool:
    separator = capture.metadata.get("excerpt_separator")
    return TAG.search(capture.body) is not None or (
        isinstance(separator, str) and separator.strip() in capture.body
    )


def _highlight(match: re.Match[str]) -> str:
    words = arguments(match["args"])
    return fenced(match["content"], words[0] if words else "")


def apply(capture: Capture) -> Capture:
    summary, body = capture.summary, capture.body
    separator = capture.metadata.get("excerpt_separator")
    if isinstance(separator, str) and separator.strip():
        excerpt, body = excerpt_and_rest(body, re.compile(re.escape(separator.strip()) + r"\n?"))
        summary = summary or excerpt
    raw_blocks: list[str] = []

    def keep_raw(match: re.Match[str]) -> str:
        raw_blocks.append(match["content"])
        return f"\x00raw{len(raw_blocks) - 1}\x00"

    problems = list(capture.problems)

    def convert(text: str) -> str:
        text = _HIGHLIGHT.sub(_highlight, _RAW.sub(keep_raw, text))
        for tag in dict.fromkeys(match[0] for match in TAG.finditer(text)):
            problems.append(f"template tag {tag} is not known; kept as text")
        return text

    body = outside_fences(body, convert)
    for number, content in enumerate(raw_blocks):
        body = body.replace(f"\x00raw{number}\x00", content)
    return replace(capture, body=body, summary=summary, problems=tuple(problems))
