"""The folder a site is written to: checked before a build writes into it, and a failed
write explained in one line, so that a full or read-only disk is not a traceback."""

from __future__ import annotations

import errno
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

# Material's header, navigation and footer around each page's own text (about 20-28 kB
# measured on article pages).
PAGE_FRAME_BYTES = 20_000
_NO_ROOM = {errno.ENOSPC, errno.EDQUOT}
_NOT_WRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS}


class SiteFolderError(Exception):
    """The site cannot be written: the message is the one line to show."""


def estimate_site_bytes(file_sizes: Iterable[int], page_text_sizes: Iterable[int]) -> int:
    """Roughly what a build writes: every copied file as it is, and each page's text
    about twice (its HTML, and its share of the search index) inside Material's frame."""
    pages = list(page_text_sizes)
    return sum(file_sizes) + 2 * sum(pages) + PAGE_FRAME_BYTES * len(pages)


def check_site_folder(site_dir: Path) -> None:
    """Raise SiteFolderError unless a file can be created in site_dir."""
    try:
        site_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=site_dir):
            pass
    except OSError as error:
        raise SiteFolderError(explain_write_error(site_dir, error) or str(error)) from None


def check_room(site_dir: Path, needed: int) -> None:
    """Raise SiteFolderError when site_dir's disk cannot hold `needed` bytes, counting
    the room that files already there (a dirty build overwrites them) would give back."""
    free = shutil.disk_usage(site_dir).free
    if free >= needed:
        return
    kept = sum(path.stat().st_size for path in site_dir.rglob("*") if path.is_file())
    if free + kept < needed:
        raise SiteFolderError(_no_room(site_dir, needed, free + kept))


def explain_write_error(site_dir: Path, error: BaseException, needed: int = 0) -> str | None:
    """One line for a write into site_dir that failed, or None if it is another error."""
    cause: BaseException | None = error
    while cause is not None and not isinstance(cause, OSError):
        cause = cause.__cause__ or cause.__context__
    if not isinstance(cause, OSError) or cause.errno not in _NO_ROOM | _NOT_WRITABLE:
        return None
    error = cause
    if error.filename and not Path(error.filename).resolve().is_relative_to(site_dir.resolve()):
        return None
    if error.errno in _NO_ROOM:
        return _no_room(site_dir, needed, shutil.disk_usage(site_dir).free)
    return (
        f"site folder {site_dir} cannot be written ({error.strerror}): "
        "make it writable, or build elsewhere with --site-dir"
    )


def _no_room(site_dir: Path, needed: int, free: int) -> str:
    size = f", the site needs about {needed / 1e6:.0f} MB" if needed else ""
    return (
        f"site folder {site_dir}: its disk is full ({free / 1e6:.1f} MB free{size}); "
        "free some room, or build elsewhere with --site-dir"
    )
