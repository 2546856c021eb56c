"""Shared reading of `{% tag args %}` markup (Liquid, and Hexo's Nunjucks-style tags)."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable

from ..cleaning.markdown_lines import lines_outside_code

TAG = re.compile(r"\{%-?\s*(?P<name>\w+)(?P<args>[^%]*?)\s*-?%\}")


def block(name: str) -> re.Pattern[str]:
    """`{% name args %}content{% endname %}`, the content as it is."""
    return re.compile(
        rf"\{{%-?\s*{name}\b(?P<args>[^%]*?)\s*-?%\}}\n?(?P<content>.*?)\n?\{{%-?\s*end{name}\s*-?%\}}",
        re.DOTALL,
    )


def arguments(args: str) -> list[str]:
    """A tag's arguments, quoted ones kept together."""
    try:
        return shlex.split(args)
    except ValueError:
        return args.split()


def outside_fences(body: str, change: Callable[[str], str]) -> str:
    """body with change applied to each stretch of lines outside fenced code."""
    lines = body.split("\n")
    outside = set(lines_outside_code(lines))
    pieces: list[str] = []
    stretch: list[str] = []
    for index, line in enumerate(lines):
        if index in outside:
            stretch.append(line)
            continue
        if stretch:
            pieces.append(change("\n".join(stretch)))
            stretch = []
        pieces.append(line)
    if stretch:
        pieces.append(change("\n".join(stretch)))
    return "\n".join(pieces)


def fenced(code: str, language: str = "") -> str:
    """Code as a fenced block, with a fence longer than any run of backticks in it."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"\n{fence}{language}\n{code.strip(chr(10))}\n{fence}\n"


def excerpt_and_rest(body: str, marker: re.Pattern[str]) -> tuple[str | None, str]:
    """The text before an excerpt marker (a summary), and the body without the marker."""
    found = marker.search(body)
    if found is None:
        return None, body
    excerpt = " ".join(body[: found.start()].split()) or None
    return excerpt, body[: found.start()] + body[found.end() :]
