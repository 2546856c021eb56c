"""Anchor passage notes in the cleaned text by exact quote, and mark them up for
Material's annotations: the passage highlighted, a numbered marker after it, the note
in a pop-over.

A quote is matched against the text a reader sees (emphasis markers and the `> ` of
quotes left out), inside one paragraph. Found nowhere, or found more than once without a
prefix or suffix that tells the places apart, is a problem: a note is never dropped or
moved in silence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..cleaning.markdown_lines import join_blocks, split_blocks
from .sidecar import PassageNote

_QUOTE_PREFIX = re.compile(r"^[ \t]{0,3}>[ \t]?")
_NOT_PROSE = re.compile(r"^\s*(?:#|\||```|~~~|!\[|[-*+] |\d+[.)] |!!!|\{:|<)")


@dataclass(frozen=True)
class VisibleText:
    """A block's visible characters, each with the span of source it came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def text_with_offsets(block: str) -> VisibleText:
    """What a reader sees of a block, each character mapped back to its source span."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for line_number, line in enumerate(block.split("\n")):
        if line_number:
            chars.append("\n")
            starts.append(position - 1)
            ends.append(position)
        prefix = _QUOTE_PREFIX.match(line)
        index = prefix.end() if prefix else 0
        while index < len(line):
            if line.startswith("&lt;", index):
                chars.append("<")
                starts.append(position + index)
                ends.append(position + index + 4)
                index += 4
                continue
            if line[index] != "*":
                chars.append(line[index])
                starts.append(position + index)
                ends.append(position + index + 1)
            index += 1
        position += len(line) + 1
    return VisibleText("".join(chars), tuple(starts), tuple(ends))


def _is_prose(block: str) -> bool:
    lines = block.split("\n")
    if all(_QUOTE_PREFIX.match(line) for line in lines):
        inner = "\n".join(_QUOTE_PREFIX.sub("", line) for line in lines)
        return not _NOT_PROSE.match(inner)
    return not _NOT_PROSE.match(block)


@dataclass(frozen=True)
class Placement:
    note: PassageNote
    block: int
    start: int  # source offsets in the block
    end: int


def _occurrences(note: PassageNote, text: str) -> list[int]:
    found, start = [], text.find(note.quote)
    while start >= 0:
        before_ok = not note.prefix or text[:start].endswith(note.prefix)
        after_ok = not note.suffix or text[start + len(note.quote) :].startswith(note.suffix)
        if before_ok and after_ok:
            found.append(start)
        start = text.find(note.quote, start + 1)
    return found


def place_notes(
    body: str, notes: tuple[PassageNote, ...]
) -> tuple[list[Placement], list[tuple[PassageNote, str]]]:
    """Where each note's quote sits, or why it could not be placed."""
    blocks = split_blocks(body)
    visible = [text_with_offsets(block) if _is_prose(block) else None for block in blocks]
    placements: list[Placement] = []
    failures: list[tuple[PassageNote, str]] = []
    for note in notes:
        hits = [
            (index, start)
            for index, view in enumerate(visible)
            if view is not None
            for start in _occurrences(note, view.text)
        ]
        if not hits:
            failures.append((note, "not found in the cleaned text of a paragraph"))
        elif len(hits) > 1:
            failures.append(
                (note, f"found {len(hits)} times; add a prefix or suffix to choose one")
            )
        else:
            index, start = hits[0]
            view = visible[index]
            assert view is not None
            end = start + len(note.quote) - 1
            placements.append(Placement(note, index, view.starts[start], view.ends[end]))
    return placements, failures


def mark_up(
    body: str, placements: list[Placement], note_markdown: Callable[[PassageNote], str]
) -> str:
    """Highlight each placed passage, number it, and list the notes after its block."""
    blocks = split_blocks(body)
    by_block: dict[int, list[Placement]] = {}
    for placement in placements:
        by_block.setdefault(placement.block, []).append(placement)
    for index, here in by_block.items():
        here.sort(key=lambda p: p.start)
        block = blocks[index]
        for number, placement in reversed(list(enumerate(here, start=1))):
            block = (
                block[: placement.start]
                + f'<mark class="archive-note" id="note-{placement.note.number}">'
                + block[placement.start : placement.end]
                + f"</mark> ({number})"
                + block[placement.end :]
            )
        items = []
        for number, placement in enumerate(here, start=1):
            text = note_markdown(placement.note).replace("\n", "\n    ")
            items.append(f"{number}.  {text}")
        addition = "{ .annotate }\n\n" + "\n\n".join(items)
        if _QUOTE_PREFIX.match(block):
            addition = "\n".join(f"> {line}".rstrip() for line in addition.split("\n"))
        blocks[index] = f"{block}\n{addition}"
    return join_blocks(blocks)
