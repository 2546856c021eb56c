"""Per-seed conversion results kept on disk, so an unchanged seed is not parsed again.

An entry is keyed by the seed's path and bytes and by the pipeline's version: a hash
of this package's own source and its parsing libraries' versions, so any change to
parsing or cleaning code invalidates every entry without anyone remembering to bump a
number. Entries live in one SQLite
file per version; files of other versions are deleted, and entries no build asked for
are dropped when the cache is closed. Entries are pickles: the cache folder is trusted
like the project folder it sits in.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from importlib.metadata import version
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
# Libraries whose upgrade can change what a seed converts to.
_LIBRARIES = ("PyYAML", "python-dateutil", "charset-normalizer", "trafilatura", "lxml")


def pipeline_version() -> str:
    """A hash of every Python source file of the pipeline and its libraries' versions."""
    digest = hashlib.sha256(" ".join(version(name) for name in _LIBRARIES).encode())
    for source in sorted(_PACKAGE.rglob("*.py")):
        digest.update(str(source.relative_to(_PACKAGE)).encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


class SeedCache:
    """Conversion results by seed path and content, for one pipeline version."""

    def __init__(self, folder: Path, pipeline: str | None = None) -> None:
        self.version = pipeline or pipeline_version()
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("seeds-*.sqlite"):
            if stale.name != f"seeds-{self.version}.sqlite":
                stale.unlink(missing_ok=True)
        self._db = sqlite3.connect(folder / f"seeds-{self.version}.sqlite", timeout=30)
        self._db.execute("CREATE TABLE IF NOT EXISTS seeds (key TEXT PRIMARY KEY, value BLOB)")
        self._used: set[str] = set()
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(relative_path: str, raw: bytes) -> str:
        return hashlib.sha256(relative_path.encode() + b"\0" + raw).hexdigest()

    def get(self, key: str) -> object | None:
        self._used.add(key)
        row = self._db.execute("SELECT value FROM seeds WHERE key = ?", (key,)).fetchone()
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return pickle.loads(row[0])

    def put(self, key: str, value: object) -> None:
        self._used.add(key)
        blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._db.execute("INSERT OR REPLACE INTO seeds VALUES (?, ?)", (key, blob))

    def close(self) -> None:
        """Write what was added, and forget entries this build did not ask for."""
        self._db.execute("CREATE TEMP TABLE used (key TEXT PRIMARY KEY)")
        self._db.executemany("INSERT INTO used VALUES (?)", ((key,) for key in self._used))
        self._db.execute("DELETE FROM seeds WHERE key NOT IN (SELECT key FROM used)")
        self._db.commit()
        self._db.close()
