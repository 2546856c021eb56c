"""Generated pages kept on disk for dirty builds."""

from __future__ import annotations

from pathlib import Path


def store_page(folder: Path, src_uri: str, markdown: str) -> Path:
    """Keep a generated page on disk, rewritten only when its text changed.

    A site engine that compares modification times (MkDocs' dirty builds) then renders
    again only the pages whose seeds changed.
    """
    path = folder / src_uri
    encoded = markdown.encode("utf-8")
    try:
        if path.read_bytes() == encoded:
            return path
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(encoded)
    return path


class PageStore:
    """Pages kept in a cache folder, or in memory once that folder fails.

    Like the seed cache it only saves time: the first error (a full or read-only disk)
    is kept in `trouble` for the build to report once, and no page is stored after it.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.trouble: str | None = None

    def store(self, src_uri: str, markdown: str) -> Path | None:
        """The page's file, or None when the caller should hand over the text itself."""
        if self.trouble is not None:
            return None
        try:
            return store_page(self.folder, src_uri, markdown)
        except OSError as error:
            self.trouble = (
                f"page cache {self.folder}: {error.strerror or error}; "
                "this build keeps its pages in memory"
            )
            return None
