"""`make images`: every remote image the seeds show, fetched once into the archive.

Files are named by the SHA-256 of their bytes, so an image used by many articles (or
under many URLs) is stored once, and a stored file is never written again. A URL
already archived is never requested again; failures are recorded and tried again on
the next run.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from ..decoding import decode_seed
from ..pipeline import build_archive
from .fetch import FetchedImage, FetchFailure, FetchSettings, fetch_image, image_client
from .manifest import ImageRecord, media_dir, read_manifest, write_atomically, write_manifest
from .references import body_image_urls, image_urls

# An interrupted run keeps what it archived: the manifest is saved this often.
SAVE_EVERY = 20


@dataclass
class ImageRun:
    """What one run did: URLs archived now, URLs it already had, URLs that failed."""

    archived: list[ImageRecord] = field(default_factory=list)
    already: int = 0
    failed: list[ImageRecord] = field(default_factory=list)


def referenced_images(seeds_dir: Path) -> dict[str, tuple[str, ...]]:
    """Every remote image URL a seed references, and the seeds referencing it: what its
    article shows (cover included) and what cleaning removed from the raw capture, since
    the raw seed is published too."""
    seeds: dict[str, list[str]] = defaultdict(list)
    for page in build_archive(seeds_dir).pages:
        article = page.article
        raw_text = decode_seed((seeds_dir / article.seed_path).read_bytes()).text
        for url in dict.fromkeys(image_urls(article) + body_image_urls(raw_text)):
            seeds[url].append(article.seed_path)
    return {url: tuple(sorted(paths)) for url, paths in seeds.items()}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _store(folder: Path, url: str, seeds: tuple[str, ...], image: FetchedImage) -> ImageRecord:
    digest = hashlib.sha256(image.content).hexdigest()
    name = f"{digest}.{image.extension}"
    if not (folder / name).is_file():
        write_atomically(folder / name, image.content)
    return ImageRecord(
        url=url,
        seeds=seeds,
        fetched=_now(),
        status=image.status,
        file=name,
        sha256=digest,
        content_type=image.content_type,
        size=len(image.content),
        width=image.width,
        height=image.height,
        final_url=image.final_url if image.final_url != url else None,
    )


def _is_kept(folder: Path, record: ImageRecord | None) -> bool:
    return record is not None and record.archived and (folder / str(record.file)).is_file()


def archive_images(
    seeds_dir: Path, settings: FetchSettings, say: Callable[[str], None] = print
) -> ImageRun:
    """Fetch every referenced image not yet archived; record each result in the manifest.

    Raises OSError when the media folder cannot be made or written.
    """
    folder = media_dir(seeds_dir)
    folder.mkdir(exist_ok=True)
    write_atomically(folder / ".write-check", b"")
    (folder / ".write-check").unlink()
    references = referenced_images(seeds_dir)
    records = read_manifest(seeds_dir) or {}
    run = ImageRun()
    todo = []
    for url, seeds in references.items():
        if _is_kept(folder, records.get(url)):
            records[url] = replace(records[url], seeds=seeds)
            run.already += 1
        else:
            todo.append(url)
    say(f"images: {len(references)} referenced by the seeds, {len(todo)} to fetch")
    pool = ThreadPoolExecutor(settings.concurrency)
    try:
        with image_client(settings) as client:
            futures = {pool.submit(fetch_image, client, url, settings): url for url in todo}
            for done, future in enumerate(as_completed(futures), 1):
                url = futures[future]
                try:
                    record = _store(folder, url, references[url], future.result())
                    run.archived.append(record)
                    outcome = "archived"
                except FetchFailure as failure:
                    record = ImageRecord(
                        url, references[url], _now(), failure.status, error=failure.reason
                    )
                    run.failed.append(record)
                    outcome = f"failed: {failure.reason}"
                records[url] = record
                say(f"images: {done}/{len(todo)} {outcome}: {url}")
                if done % SAVE_EVERY == 0:
                    write_manifest(seeds_dir, records)
    finally:
        # Interrupted: requests not yet started are dropped; what was archived is kept.
        pool.shutdown(cancel_futures=True)
        write_manifest(seeds_dir, records)
    return run


def summary_lines(run: ImageRun) -> list[str]:
    """The closing summary, and every failure naming its seeds and URL."""
    lines = [
        f"images: {len(run.archived)} archived, {run.already} already had, {len(run.failed)} failed"
    ]
    for record in sorted(run.failed, key=lambda r: (r.seeds, r.url)):
        seeds = ", ".join(f"seeds/{seed}" for seed in record.seeds)
        lines.append(f"  failed: {seeds}: {record.url} ({record.error})")
    return lines
