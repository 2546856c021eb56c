"""Where a pass changed a line, as short before → after excerpts for the cleaning report.

Lines are first aligned by `line_diff` (close to linear in the body); only the lines a
replace block pairs up are compared character by character, so the cost stays with the
lines that changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher

from ..records import Rewrite
from .line_diff import line_changes

# Characters of unchanged text shown on each side of a change; a line this short or
# shorter is shown whole.
CONTEXT = 8
SHORT_LINE = 40
# Changes at most this many characters apart are shown as one place.
NEARBY = 3


def _excerpt(text: str, start: int, end: int) -> str:
    left, right = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def _line_rewrites(before: str, after: str) -> Iterator[Rewrite]:
    """One rewrite for a short line; in a longer one, one per place changed (changes a
    few characters apart, such as both ends of `_ _`, are one place)."""
    if len(before) <= SHORT_LINE and len(after) <= SHORT_LINE:
        yield Rewrite(before, after)
        return
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    places: list[list[int]] = []
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        if places and old_start - places[-1][1] <= NEARBY:
            places[-1][1], places[-1][3] = old_end, new_end
        else:
            places.append([old_start, old_end, new_start, new_end])
    for old_start, old_end, new_start, new_end in places:
        yield Rewrite(_excerpt(before, old_start, old_end), _excerpt(after, new_start, new_end))


def line_rewrites(old: list[str], new: list[str]) -> tuple[Rewrite, ...]:
    """Each changed place in the lines a pass rewrote, with a little context.

    A replace block of as many lines on both sides is compared line by line; one that
    joined or split lines is compared as one text.
    """
    found: list[Rewrite] = []
    for tag, old_start, old_end, new_start, new_end in line_changes(old, new):
        if tag != "replace":
            continue
        olds, news = old[old_start:old_end], new[new_start:new_end]
        pairs = (
            zip(olds, news, strict=True)
            if len(olds) == len(news)
            else [("\n".join(olds), "\n".join(news))]
        )
        for before, after in pairs:
            if before != after:
                found.extend(_line_rewrites(before, after))
    return tuple(found)
