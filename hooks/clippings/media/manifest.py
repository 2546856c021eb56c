"""The media manifest: which remote image URL is archived as which file, and what
happened when it was fetched. It lives beside the files, in the seeds folder, so the
archive carries its own images and their provenance."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

MEDIA_DIR = "_media"
MANIFEST_FILE = "manifest.json"
MANIFEST_FORMAT = "clippings-media/1"


@dataclass(frozen=True)
class ImageRecord:
    """One remote image URL: archived (`file` set) or failed (`error` set).

    `seeds` names every seed that references the URL; `status` is the last HTTP status
    (None when no answer came); `fetched` is when it was last requested (RFC 3339, UTC).
    """

    url: str
    seeds: tuple[str, ...]
    fetched: str
    status: int | None = None
    file: str | None = None
    sha256: str | None = None
    content_type: str | None = None
    size: int | None = None
    width: int | None = None
    height: int | None = None
    final_url: str | None = None
    error: str | None = None

    @property
    def archived(self) -> bool:
        return self.file is not None

    def as_json(self) -> dict[str, object]:
        record = {k: v for k, v in asdict(self).items() if v is not None and k != "url"}
        record["seeds"] = list(self.seeds)
        return record

    @classmethod
    def from_json(cls, url: str, data: dict) -> ImageRecord:
        known = {f.name for f in fields(cls)} - {"url", "seeds"}
        values = {k: v for k, v in data.items() if k in known}
        return cls(url=url, seeds=tuple(data.get("seeds", ())), **values)


def media_dir(seeds_dir: Path) -> Path:
    return seeds_dir / MEDIA_DIR


def manifest_path(seeds_dir: Path) -> Path:
    return media_dir(seeds_dir) / MANIFEST_FILE


def read_manifest(seeds_dir: Path) -> dict[str, ImageRecord] | None:
    """The manifest's records by URL; None when images were never archived."""
    path = manifest_path(seeds_dir)
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return {url: ImageRecord.from_json(url, entry) for url, entry in data["images"].items()}


def published_records(seeds_dir: Path) -> dict[str, ImageRecord] | None:
    """The manifest as a build can use it: a record whose file is missing or of another
    size (deleted, or a Git LFS pointer that was never fetched) counts as failed."""
    records = read_manifest(seeds_dir)
    if records is None:
        return None
    folder = media_dir(seeds_dir)
    for url, record in records.items():
        path = folder / str(record.file)
        if record.archived and (not path.is_file() or path.stat().st_size != record.size):
            error = f"archived file _media/{record.file} is missing or incomplete"
            records[url] = replace(record, file=None, error=error)
    return records


def write_atomically(path: Path, content: bytes) -> None:
    """Write to a temporary name in the same folder, then rename: an interrupted write
    never leaves a partial file under the real name."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".partial-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_manifest(seeds_dir: Path, records: dict[str, ImageRecord]) -> None:
    """The manifest, URLs sorted, so that it diffs well under version control."""
    images = {url: records[url].as_json() for url in sorted(records)}
    text = json.dumps({"format": MANIFEST_FORMAT, "images": images}, ensure_ascii=False, indent=2)
    write_atomically(manifest_path(seeds_dir), (text + "\n").encode("utf-8"))
