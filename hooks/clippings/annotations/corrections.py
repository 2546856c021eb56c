"""Metadata corrections: the editor's value is shown, the captured one kept as provenance."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from ..date_display import format_datetime
from ..dates import ARCHIVE_TIME_ZONE, parse_datetime
from ..records import Article
from .sidecar import Annotations

_FIELDS = {
    "title": "title",
    "author": "author",
    "date": "published",
    "tags": "tags",
    "summary": "summary",
}


def _display(value: object) -> str:
    if value is None or value == ():
        return "（无）"
    if isinstance(value, tuple):
        return "、".join(value)
    if isinstance(value, datetime):
        return format_datetime(value)
    return str(value)


def apply_corrections(article: Article, annotations: Annotations) -> tuple[Article, list[str]]:
    """The article with the editor's corrections, and `captured` holding what they replaced."""
    problems: list[str] = []
    # Each value has its field's type: the sidecar's reader checked it.
    changes: dict[str, Any] = {}
    captured: dict[str, str] = {}
    for key, value in annotations.corrections.items():
        field = _FIELDS[key]
        if key == "date":
            try:
                value = parse_datetime(str(value), ARCHIVE_TIME_ZONE)
            except ValueError:
                problems.append(f"corrected date {value!r} could not be read; ignored")
                continue
        captured[field] = _display(getattr(article, field))
        changes[field] = value
    if "title" in changes:
        changes["title_suspect"] = False
    if "author" in changes:
        changes["authors"] = (changes["author"],) if changes["author"] else ()
    corrected = replace(article, **changes, captured={**article.captured, **captured})
    if annotations.editor_note:
        corrected = replace(corrected, editor_note=annotations.editor_note)
    return corrected, problems
