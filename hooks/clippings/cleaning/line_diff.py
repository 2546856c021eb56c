"""What a cleaning pass changed, line by line, in time close to linear in the body's length.

difflib's SequenceMatcher (without its junk heuristic, which mis-pairs the many blank
lines of an article) is quadratic in the lines that repeat: on a 50 KB capture the
cleaning report cost five times the cleaning itself. This is patience diff (Bram
Cohen's, as in git and Bazaar): lines found exactly once on both sides anchor the
alignment, in the longest order-preserving run; the stretches between anchors are
aligned the same way after their common ends are trimmed. A stretch with no anchor left
(lines that differ only around blank lines) is small in practice: SequenceMatcher aligns
it when it is below a fixed size, so the cost stays bounded; a larger one is a
replacement.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher
from itertools import pairwise
from typing import Literal

Tag = Literal["delete", "insert", "replace"]
# (tag, old_start, old_end, new_start, new_end), as difflib's opcodes without "equal".
Change = tuple[Tag, int, int, int, int]
# (old_start, old_end, new_start, new_end): a stretch of both sides still to align.
Stretch = tuple[int, int, int, int]
# Line pairs SequenceMatcher may compare in one stretch without anchors.
SMALL_STRETCH = 10_000


def _unique_positions(lines: Sequence[str], start: int, end: int) -> dict[str, int]:
    seen: dict[str, int] = {}
    repeated: set[str] = set()
    for index in range(start, end):
        line = lines[index]
        if line in seen:
            repeated.add(line)
        else:
            seen[line] = index
    return {line: index for line, index in seen.items() if line not in repeated}


def _anchors(old: Sequence[str], new: Sequence[str], stretch: Stretch) -> list[tuple[int, int]]:
    """Pairs of lines unique on both sides, the longest run in the same order on both."""
    old_start, old_end, new_start, new_end = stretch
    in_new = _unique_positions(new, new_start, new_end)
    pairs = [
        (old_index, in_new[line])
        for line, old_index in _unique_positions(old, old_start, old_end).items()
        if line in in_new
    ]
    pairs.sort()
    # Longest increasing subsequence of the new positions (patience sorting).
    tails: list[int] = []  # new position ending the best run of each length
    tail_pair: list[int] = []  # index into pairs of that run's last pair
    previous: list[int] = [-1] * len(pairs)
    for number, (_, new_index) in enumerate(pairs):
        length = bisect_left(tails, new_index)
        if length == len(tails):
            tails.append(new_index)
            tail_pair.append(number)
        else:
            tails[length] = new_index
            tail_pair[length] = number
        previous[number] = tail_pair[length - 1] if length else -1
    run: list[tuple[int, int]] = []
    number = tail_pair[-1] if tail_pair else -1
    while number >= 0:
        run.append(pairs[number])
        number = previous[number]
    return run[::-1]


def _without_anchors(old: Sequence[str], new: Sequence[str], stretch: Stretch) -> Iterator[Change]:
    old_start, old_end, new_start, new_end = stretch
    if (old_end - old_start) * (new_end - new_start) > SMALL_STRETCH:
        yield ("replace", old_start, old_end, new_start, new_end)
        return
    matcher = SequenceMatcher(None, old[old_start:old_end], new[new_start:new_end], False)
    for tag, old_from, old_to, new_from, new_to in matcher.get_opcodes():
        if tag != "equal":
            yield (
                tag,
                old_start + old_from,
                old_start + old_to,
                new_start + new_from,
                new_start + new_to,
            )


def line_changes(old: Sequence[str], new: Sequence[str]) -> Iterator[Change]:
    """The stretches of `old` deleted, inserted before or replaced to make `new`."""
    stack: list[Stretch] = [(0, len(old), 0, len(new))]
    while stack:
        old_start, old_end, new_start, new_end = stack.pop()
        while old_start < old_end and new_start < new_end and old[old_start] == new[new_start]:
            old_start, new_start = old_start + 1, new_start + 1
        while old_start < old_end and new_start < new_end and old[old_end - 1] == new[new_end - 1]:
            old_end, new_end = old_end - 1, new_end - 1
        if old_start == old_end and new_start == new_end:
            continue
        if old_start == old_end:
            yield ("insert", old_start, old_end, new_start, new_end)
            continue
        if new_start == new_end:
            yield ("delete", old_start, old_end, new_start, new_end)
            continue
        anchors = _anchors(old, new, (old_start, old_end, new_start, new_end))
        if not anchors:
            yield from _without_anchors(old, new, (old_start, old_end, new_start, new_end))
            continue
        # The stretches around the anchors, pushed so that they come out in order.
        bounds = [(old_start - 1, new_start - 1), *anchors, (old_end, new_end)]
        for (old_before, new_before), (old_after, new_after) in reversed(list(pairwise(bounds))):
            stack.append((old_before + 1, old_after, new_before + 1, new_after))
