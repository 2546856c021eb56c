"""Archived images as the site publishes them: each file once under `media/` (named by
its content hash, so articles sharing an image share the file) and small square
thumbnails of covers for the index pages, made with Pillow."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from ..records import Archive
from .manifest import ImageRecord, media_dir, write_atomically
from .references import SITE_MEDIA_DIR, site_media_uri

# Thumbnails are shown at 4.8rem (96 CSS px); twice that for dense screens.
THUMBNAIL_PIXELS = 192
THUMBNAIL_QUALITY = 80


@dataclass(frozen=True)
class SiteMediaFile:
    """A file the site publishes: copied from `source`, or made (`content`)."""

    uri: str
    source: Path | None = None
    content: bytes | None = None


def archived_images(archive: Archive) -> dict[str, ImageRecord]:
    """Every archived image some page shows, by its original URL."""
    return {
        image.url: image.record
        for page in archive.pages
        for image in page.images
        if image.record is not None and image.archived
    }


def thumbnail_uri(record: ImageRecord) -> str:
    return f"{SITE_MEDIA_DIR}/thumbs/{record.sha256}-{THUMBNAIL_PIXELS}.webp"


def make_thumbnail(source: Path) -> bytes:
    """A square WebP cut from the middle of the image (its first frame if animated)."""
    with Image.open(source) as image:
        image.seek(0)
        frame = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
    square = ImageOps.fit(frame, (THUMBNAIL_PIXELS, THUMBNAIL_PIXELS), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    square.save(out, format="WEBP", quality=THUMBNAIL_QUALITY, method=6)
    return out.getvalue()


def _thumbnail(
    source: Path, record: ImageRecord, cache_dir: Path | None, cache_trouble: Callable[[str], None]
) -> bytes:
    """The cover's thumbnail, kept in cache_dir. The cache only saves time: a cache that
    cannot be read or written is reported through cache_trouble and the thumbnail made."""
    if cache_dir is None:
        return make_thumbnail(source)
    cached = cache_dir / "thumbs" / Path(thumbnail_uri(record)).name
    try:
        if cached.is_file():
            return cached.read_bytes()
    except OSError as error:
        cache_trouble(f"thumbnail cache {cached}: {error.strerror or error}")
    content = make_thumbnail(source)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(cached, content)
    except OSError as error:
        cache_trouble(f"thumbnail cache {cached.parent}: {error.strerror or error}")
    return content


def site_media_files(
    archive: Archive,
    seeds_dir: Path,
    cache_dir: Path | None = None,
    cache_trouble: Callable[[str], None] = lambda reason: None,
) -> list[SiteMediaFile]:
    """Each archived image the pages show, once, and a thumbnail of each archived cover.

    Thumbnails are kept in cache_dir when there is one: they are made once per image.
    """
    folder = media_dir(seeds_dir)
    images = archived_images(archive)
    by_file = {record.file: record for record in images.values()}
    files = [
        SiteMediaFile(site_media_uri(r), source=folder / str(r.file)) for r in by_file.values()
    ]
    covers = {
        images[page.article.cover_image].file: images[page.article.cover_image]
        for page in archive.pages
        if page.article.cover_image in images
    }
    for record in covers.values():
        thumbnail = _thumbnail(folder / str(record.file), record, cache_dir, cache_trouble)
        files.append(SiteMediaFile(thumbnail_uri(record), content=thumbnail))
    return sorted(files, key=lambda file: file.uri)


def template_media(archive: Archive) -> dict[str, dict[str, object]]:
    """For templates: each archived image's site path, size and thumbnail, by URL."""
    return {
        url: {
            "src": site_media_uri(record),
            "width": record.width,
            "height": record.height,
            "thumbnail": thumbnail_uri(record),
        }
        for url, record in archived_images(archive).items()
    }
