"""Article pages as published (templated and minified), kept between builds.

A warm build would otherwise apply the theme's templates to every article again,
which costs more than everything else it does for an unchanged page. A page is kept
under a key made of everything its template reads of it (its body, title, metadata,
table of contents, neighbours, citation and tag links); everything the templates read
of the site (the theme and its settings, the nav, the code that fills the templates)
makes the store's version, so that a change there starts a new store. The key parts
are made by the caller, which knows MkDocs' objects; this module only digests and
stores them.
"""

from __future__ import annotations

import functools
import hashlib
import types
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass
from pathlib import Path

from .cache import SeedCache

# zlib's fastest level: a minified article page shrinks about four times, and the
# store is written once per changed page.
_LEVEL = 1


def stable_text(value: object) -> str:
    """A text for value that is the same in every process: sets and mappings sorted,
    dataclasses by their fields. Anything else is its repr, which for objects without
    one (an address) differs between processes and so only ever misses the store."""
    if isinstance(value, Mapping):
        items = sorted((stable_text(key), stable_text(item)) for key, item in value.items())
        return "{" + ", ".join(f"{key}: {item}" for key, item in items) + "}"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(stable_text(item) for item in value)) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(stable_text(item) for item in value) + "]"
    if is_dataclass(value) and not isinstance(value, type):
        parts = {field.name: getattr(value, field.name) for field in fields(value)}
        return type(value).__name__ + stable_text(parts)
    # Settings may hold functions (a sort key, a slugifier): by name, not address.
    if isinstance(value, functools.partial):
        return f"partial{stable_text([value.func, value.args, value.keywords])}"
    if isinstance(value, (types.FunctionType, types.BuiltinFunctionType, type)):
        return f"{value.__module__}.{value.__qualname__}"
    return repr(value)


def digest(parts: Iterable[object]) -> str:
    """One hash of several parts, each told apart from the next."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else stable_text(part).encode("utf-8")
        hashed.update(len(data).to_bytes(8, "little"))
        hashed.update(data)
    return hashed.hexdigest()


def files_digest(folder: Path) -> str:
    """A hash of every file under folder, by path and content (a theme's custom_dir)."""
    hashed = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        hashed.update(str(path.relative_to(folder)).encode("utf-8") + b"\0")
        hashed.update(hashlib.sha256(path.read_bytes()).digest())
    return hashed.hexdigest()


class FinishedPages:
    """Published pages by key, for one version of the site's frame."""

    def __init__(self, folder: Path, frame_version: str) -> None:
        self.store = SeedCache(folder, frame_version[:16], kind="finished")
        self.reused = 0
        self.kept = 0

    @property
    def trouble(self) -> str | None:
        return self.store.trouble

    def has(self, key: str) -> bool:
        return self.store.has(key)

    def take(self, key: str) -> str | None:
        """The page kept under key, or None (not kept, or not readable)."""
        kept = self.store.get(key)
        if not isinstance(kept, bytes):
            return None
        try:
            page = zlib.decompress(kept).decode("utf-8")
        except (zlib.error, UnicodeDecodeError):
            return None
        self.reused += 1
        return page

    def keep(self, key: str, page: str) -> None:
        self.store.put(key, zlib.compress(page.encode("utf-8"), _LEVEL))
        self.kept += 1

    def close(self) -> None:
        """Write what was kept; forget pages this build did not publish."""
        self.store.close()
