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
