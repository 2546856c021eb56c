"""The editor's layer as W3C Web Annotations (JSON-LD), for annotation tools and
researchers: passage notes as `commenting` annotations anchored by a
`TextQuoteSelector`, tags as `tagging` bodies, cross-references as `linking`
annotations, editor's notes on the whole article, metadata corrections as `editing`
annotations.

Dates come from the sidecar's git history (first and last commit), else from
`SOURCE_DATE_EPOCH`, else from the file's modification time: never from the clock of a
reproducible build.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from .annotations.sidecar import SIDECAR_SUFFIX
from .records import Article, NoteEntry
from .schema_org import correction_text

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
COLLECTION_URI = "annotations.jsonld"


def slice_uri(slug: str) -> str:
    """Where one article's annotations are published: at the site root, beside the
    collection, because Material looks for a `sitemap.xml` in the folder of every
    `rel=alternate` link on a page. `~` never occurs in a slug, so no two articles share
    a name."""
    return f"annotations~{slug.replace('/', '~')}.jsonld"


@dataclass(frozen=True)
class SidecarDates:
    created: datetime
    modified: datetime


def sidecar_history(seeds_dir: Path) -> dict[str, SidecarDates]:
    """First and last commit time of each sidecar git knows, by path under seeds_dir."""
    try:
        log = subprocess.run(
            # Paths as they are (core.quotePath would write CJK names as octal escapes).
            ["git", "-c", "core.quotePath=false", "log", "--format=%x1e%cI", "--name-only",
             "--relative", "--", "."],
            cwd=seeds_dir, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, SidecarDates] = {}
    for commit in log.split("\x1e")[1:]:
        stamp, *names = commit.strip().split("\n")
        when = datetime.fromisoformat(stamp)
        for name in names:
            if name.endswith(SIDECAR_SUFFIX):
                known = dates.get(name)
                # The log runs newest first: the first sighting is the last change.
                dates[name] = SidecarDates(when, known.modified if known else when)
    return dates


def sidecar_dates(seeds_dir: Path, history: dict[str, SidecarDates], seed_path: str,
                  pinned: datetime | None) -> SidecarDates:  # fmt: skip
    """When a seed's annotations were made and last changed: from git, else the build's
    pinned time (`SOURCE_DATE_EPOCH`), else the sidecar's modification time."""
    relative = str(PurePosixPath(seed_path).with_suffix("")) + SIDECAR_SUFFIX
    if relative in history:
        return history[relative]
    if pinned is None:
        path = seeds_dir / relative
        pinned = datetime.fromtimestamp(path.stat().st_mtime if path.exists() else 0, UTC)
    return SidecarDates(pinned, pinned)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _comment(text: str) -> dict[str, str]:
    return {"type": "TextualBody", "value": text, "format": "text/markdown",
            "language": "zh", "purpose": "commenting"}  # fmt: skip


def article_annotations(
    article: Article,
    page_url: str,
    notes: Iterable[NoteEntry],
    article_urls: dict[str, str],
    dates: SidecarDates,
    creator: dict[str, str],
) -> list[dict[str, object]]:
    """Every annotation of one article, in page order: corrections, the editor's note,
    then each passage note (and its cross-reference)."""
    common = {"creator": creator, "created": _stamp(dates.created),
              "modified": _stamp(dates.modified)}  # fmt: skip
    items: list[dict[str, object]] = []
    if (correction := correction_text(article)) is not None:
        items.append({
            "id": f"{page_url}#corrections", "type": "Annotation", "motivation": "editing",
            "body": {"type": "TextualBody", "value": correction, "format": "text/plain",
                     "language": "zh", "purpose": "editing"},
            "target": page_url, **common,
        })  # fmt: skip
    if article.editor_note:
        items.append({
            "id": f"{page_url}#editor-note", "type": "Annotation", "motivation": "commenting",
            "body": _comment(article.editor_note), "target": page_url, **common,
        })  # fmt: skip
    for note in notes:
        selector = {"type": "TextQuoteSelector", "exact": note.quote}
        if note.prefix:
            selector["prefix"] = note.prefix
        if note.suffix:
            selector["suffix"] = note.suffix
        target = {"source": page_url, "selector": selector}
        bodies = [_comment(note.text)]
        bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in note.tags]
        annotation: dict[str, object] = {
            "id": f"{page_url}#note-{note.number}", "type": "Annotation",
            "motivation": "commenting", "body": bodies, "target": target, **common,
        }  # fmt: skip
        if note.imported_from:
            annotation["via"] = note.imported_from
        items.append(annotation)
        if note.refers_to in article_urls:
            items.append({
                "id": f"{page_url}#note-{note.number}-link", "type": "Annotation",
                "motivation": "linking", "body": article_urls[note.refers_to],
                "target": target, **common,
            })  # fmt: skip
    return items


def annotation_page(page_id: str, items: list[dict[str, object]], collection_id: str,
                    start_index: int = 0) -> dict[str, object]:  # fmt: skip
    """One article's annotations, as a page of the archive's collection."""
    return {
        "@context": ANNO_CONTEXT, "id": page_id, "type": "AnnotationPage",
        "partOf": collection_id, "startIndex": start_index, "items": items,
    }  # fmt: skip


def annotation_collection(collection_id: str, label: str,
                          items: list[dict[str, object]]) -> dict[str, object]:  # fmt: skip
    """The archive's whole layer: one collection whose one page holds every annotation."""
    page = {"id": f"{collection_id}#page-1", "type": "AnnotationPage", "partOf": collection_id,
            "startIndex": 0, "items": items}  # fmt: skip
    return {
        "@context": ANNO_CONTEXT, "id": collection_id, "type": "AnnotationCollection",
        "label": label, "total": len(items), "first": page, "last": page["id"],
    }  # fmt: skip
