"""The archive as data: one record per article, for researchers, as JSON and CSV.

The record's shape is described by docs/archive.schema.json; a test keeps them in step.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import datetime

from .media.references import site_media_uri
from .records import Archive, ArticlePage, ImageUse, raw_seed_uri

JSON_URI = "archive.json"
CSV_URI = "archive.csv"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _image_record(image: ImageUse) -> dict[str, object]:
    """An image the article shows: its original URL (provenance) and, when archived, the
    site's copy and its SHA-256."""
    record = image.record if image.archived else None
    return {
        "url": image.url,
        "file": site_media_uri(record) if record else None,
        "sha256": record.sha256 if record else None,
    }


def article_record(
    page: ArticlePage, url: str, note_count: int, csl: dict[str, object]
) -> dict[str, object]:
    """Every normalised field of one article, where it lives, what the editor added, and
    how to cite it (a CSL-JSON item)."""
    article = page.article
    return {
        "seed_id": article.seed_id,
        "seed_path": f"seeds/{article.seed_path}",
        "raw_path": raw_seed_uri(article.seed_path),
        "url": url,
        "format": article.format,
        "encoding": article.encoding,
        "content_hash": f"sha256:{article.content_hash}",
        "title": article.title,
        "title_suspect": article.title_suspect,
        "damaged_title": article.damaged_title,
        "title_recovered_from": article.title_recovered_from,
        "author": article.author,
        "authors": list(article.authors),
        "byline_authors": list(article.byline_authors),
        "editors": list(article.editors),
        "contributors": list(article.contributors),
        "account": article.account,
        "original_account": article.original_account,
        "original_author": article.original_author,
        "original_url": article.original_url,
        "published": _iso(article.published),
        "updated": _iso(article.updated),
        "clipped": _iso(article.clipped),
        "place": article.place,
        "source_url": article.source_url,
        "site_name": article.site_name,
        "cover_image": article.cover_image,
        "tags": list(article.tags),
        "categories": list(article.categories),
        "summary": article.summary,
        "characters": article.characters,
        "reading_minutes": article.reading_minutes,
        "same_source_as": [f"seeds/{path}" for path in article.same_source_as],
        "images": [_image_record(image) for image in page.images],
        "captured": dict(article.captured),
        "annotations": {
            "corrections": len(article.captured),
            "editor_note": article.editor_note is not None,
            "notes": note_count,
        },
        "csl": csl,
    }


def archive_records(
    archive: Archive, urls: dict[str, str], csl: dict[str, dict[str, object]]
) -> list[dict[str, object]]:
    """Records newest first; `urls` maps each page's source path to its site URL, `csl`
    each seed id to its CSL-JSON item."""
    notes = Counter(note.seed_id for note in archive.notes)
    return [
        article_record(
            page, urls[page.src_uri], notes[page.article.seed_id], csl[page.article.seed_id]
        )
        for page in archive.newest_first()
    ]


def render_json(records: list[dict[str, object]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def render_csv(records: list[dict[str, object]]) -> str:
    """The same records flattened: lists joined by "; ", mappings as JSON.

    Starts with a byte-order mark, so that spreadsheet programs on Chinese Windows read
    the file as UTF-8 instead of the local code page.
    """
    buffer = io.StringIO()
    columns = list(records[0]) if records else []
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow(_cell(record[column]) for column in columns)
    return "\ufeff" + buffer.getvalue()
