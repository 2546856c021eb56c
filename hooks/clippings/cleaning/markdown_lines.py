"""Line-level view of Markdown that knows which lines sit inside fenced code."""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")


def lines_outside_code(lines: list[str]) -> Iterator[int]:
    """Indexes of the lines that are not inside (or delimiting) a fenced code block."""
    fence: str | None = None
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)[0] * len(opening.group(1))
            continue
        if fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            continue
        yield index
