"""Annotation sidecars: `<seed>.notes.yml` beside a seed, never inside it.

corrections:           # metadata an editor corrects; captured values stay visible
  title: 正确的标题
  author: 作者
  date: 2025-08-16 12:21
  tags: [甲, 乙]
  summary: 一句话摘要
editor_note: |         # shown above the article as the editor's note (Markdown)
  ...
notes:                 # passage notes, anchored by an exact quote (W3C TextQuoteSelector)
  - quote: 被批注的原文
    prefix: 引文之前的文字    # optional, to tell repeated quotes apart
    suffix: 引文之后的文字    # optional
    note: 批注正文（Markdown）
    tags: [预测]
    refers_to: 003_c5574c47c0f95dce   # optional: another article's seed id
    imported_from: https://…          # optional: the Web Annotation it was imported from
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

SIDECAR_SUFFIX = ".notes.yml"
CORRECTABLE = ("title", "author", "date", "tags", "summary")


@dataclass(frozen=True)
class PassageNote:
    """One note on one passage; `number` is its place in the sidecar, which names it."""

    number: int
    quote: str
    text: str
    prefix: str = ""
    suffix: str = ""
    tags: tuple[str, ...] = ()
    refers_to: str | None = None
    imported_from: str | None = None


@dataclass(frozen=True)
class Annotations:
    """Everything an editor said about one seed."""

    source: str
    corrections: dict[str, object] = field(default_factory=dict)
    editor_note: str | None = None
    notes: tuple[PassageNote, ...] = ()


def sidecar_path(seed_path: Path) -> Path:
    return seed_path.with_name(seed_path.stem + SIDECAR_SUFFIX)


def _text(value: object) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip() or None
    return None


def _names(value: object) -> tuple[str, ...] | None:
    if isinstance(value, list) and all(_text(item) for item in value):
        return tuple(_text(item) for item in value)  # type: ignore[misc]
    return None


def _note(number: int, raw: object, problems: list[str]) -> PassageNote | None:
    if not isinstance(raw, dict) or not _text(raw.get("quote")) or not _text(raw.get("note")):
        problems.append(f"note {number} needs a 'quote' and a 'note'; ignored")
        return None
    tags = _names(raw.get("tags", [])) if raw.get("tags") is not None else ()
    if tags is None:
        problems.append(f"note {number}: 'tags' should be a list of names; tags ignored")
        tags = ()
    return PassageNote(
        number=number,
        quote=str(raw["quote"]).strip(),
        text=str(raw["note"]).strip(),
        prefix=str(raw.get("prefix") or ""),
        suffix=str(raw.get("suffix") or ""),
        tags=tags,
        refers_to=_text(raw.get("refers_to")),
        imported_from=_text(raw.get("imported_from")),
    )


def parse_annotations(text: str, source: str) -> tuple[Annotations | None, list[str]]:
    """Read a sidecar's YAML; every part of the wrong shape is a problem, not a silence."""
    problems: list[str] = []
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        return None, [f"is not valid YAML ({error.__class__.__name__}); no annotation applied"]
    if data is None:
        return Annotations(source), []
    if not isinstance(data, dict):
        return None, ["is not a mapping; no annotation applied"]
    for key in sorted(set(data) - {"corrections", "editor_note", "notes"}):
        problems.append(f"unknown key '{key}' ignored")
    corrections: dict[str, object] = {}
    raw_corrections = data.get("corrections") or {}
    if not isinstance(raw_corrections, dict):
        problems.append("'corrections' should be a mapping; ignored")
        raw_corrections = {}
    for key, value in raw_corrections.items():
        if key not in CORRECTABLE:
            problems.append(f"correction of '{key}' is not supported; ignored")
        elif key == "tags":
            if (names := _names(value)) is None:
                problems.append("corrected 'tags' should be a list of names; ignored")
            else:
                corrections[key] = names
        elif (value_text := _text(value)) is None:
            problems.append(f"corrected '{key}' should be text; ignored")
        else:
            corrections[key] = value_text
    editor_note = data.get("editor_note")
    if editor_note is not None and not _text(editor_note):
        problems.append("'editor_note' should be text; ignored")
        editor_note = None
    raw_notes = data.get("notes") or []
    if not isinstance(raw_notes, list):
        problems.append("'notes' should be a list; ignored")
        raw_notes = []
    notes = tuple(
        note
        for number, raw in enumerate(raw_notes, start=1)
        if (note := _note(number, raw, problems)) is not None
    )
    return Annotations(source, corrections, _text(editor_note), notes), problems
