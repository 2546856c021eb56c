"""Per-seed conversion results kept on disk, so an unchanged seed is not parsed again.

An entry is keyed by the seed's path and bytes and by the pipeline's version: a hash
of this package's own source and its parsing libraries' versions, so any change to
parsing or cleaning code invalidates every entry without anyone remembering to bump a
number. Entries live in one SQLite file per version; files of other versions are
deleted, and entries no build asked for are dropped when the cache is closed. Entries
are pickles: the cache folder is trusted like the project folder it sits in.
"""

from __future__ import annotations

import contextlib
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
    """Conversion results by seed path and content, for one pipeline version (or, as
    kind "page", rendered pages by page and content, for one renderer fingerprint).

    The cache only saves time, so it never stops a build: the first thing that goes
    wrong with it (a damaged file, a full or read-only disk, a lock held beyond the
    timeout, an entry that does not unpickle) is kept in `trouble`, for the build to
    report once, and the build goes on. A damaged file is moved aside and the cache
    filled again; a file that cannot be written is only read, one that cannot be read
    is not used.
    """

    # Entries are committed in batches: a killed build keeps most of its work, and a
    # second build sharing the file never waits long for the write lock.
    COMMIT_EVERY = 32
    LOCK_TIMEOUT = 10.0

    def __init__(self, folder: Path, pipeline: str | None = None, kind: str = "seed") -> None:
        self.version = pipeline or pipeline_version()
        # One file per kind of entry (converted seeds, rendered pages) and version.
        self.kind = kind
        self.path = folder / f"{kind}s-{self.version}.sqlite"
        self.trouble: str | None = None
        self.hits = 0
        self.misses = 0
        self._used: set[str] = set()
        self._db: sqlite3.Connection | None = None
        self._writable = True
        self._uncommitted = 0
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for stale in folder.glob(f"{kind}s-*.sqlite*"):
                if not stale.name.startswith(self.path.name):
                    stale.unlink(missing_ok=True)
        except OSError as error:
            self._note(f"{error.strerror or error}; this build goes on without it")
            return
        self._open()

    @staticmethod
    def key(relative_path: str, raw: bytes) -> str:
        return hashlib.sha256(relative_path.encode() + b"\0" + raw).hexdigest()

    def get(self, key: str) -> object | None:
        self._used.add(key)
        row = self._run("SELECT value FROM seeds WHERE key = ?", (key,))
        if row is None:
            self.misses += 1
            return None
        try:
            value = pickle.loads(row[0])
        except Exception as error:  # an unpickling failure can raise almost anything
            self._note(f"an entry does not unpickle ({error!r}); its seed is converted again")
            self.misses += 1
            return None
        self.hits += 1
        return value

    def has(self, key: str) -> bool:
        """Whether an entry is kept under key, without reading it (it counts as asked for)."""
        self._used.add(key)
        return self._run("SELECT 1 FROM seeds WHERE key = ?", (key,)) is not None

    def put(self, key: str, value: object) -> None:
        self._used.add(key)
        if not self._writable:
            return
        blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._write("INSERT OR REPLACE INTO seeds VALUES (?, ?)", (key, blob))
        self._uncommitted += 1
        if self._uncommitted >= self.COMMIT_EVERY:
            self._commit()

    def close(self) -> None:
        """Write what was added, and forget entries this build did not ask for."""
        if self._writable:
            self._commit()
        if self._writable and self._db is not None:
            try:
                self._db.execute("CREATE TEMP TABLE used (key TEXT PRIMARY KEY)")
                self._db.executemany("INSERT INTO used VALUES (?)", ((k,) for k in self._used))
                self._db.execute("DELETE FROM seeds WHERE key NOT IN (SELECT key FROM used)")
                self._db.commit()
            except sqlite3.Error as error:
                self._failed(error)
        if self._db is not None:
            self._db.close()
            self._db = None

    # What goes wrong, and what the cache does about it.

    def _open(self, after_damage: bool = False) -> None:
        try:
            self._db = sqlite3.connect(self.path, timeout=self.LOCK_TIMEOUT)
        except sqlite3.Error as error:
            self._note(f"{error}; this build goes on without it")
            return
        try:
            self._db.execute("CREATE TABLE IF NOT EXISTS seeds (key TEXT PRIMARY KEY, value BLOB)")
            self._db.commit()
        except sqlite3.OperationalError as error:
            # A full or read-only disk, or a lock held too long: reading may still work.
            self._writable = False
            if self._readable():
                self._note(f"{error}; this build only reads it")
            else:
                self._note(f"{error}; this build goes on without it")
                self._close_quietly()
        except sqlite3.DatabaseError as error:
            if after_damage:
                self._note(f"{error}; this build goes on without it")
                self._close_quietly()
            else:
                self._move_aside(error)

    def _readable(self) -> bool:
        if self._db is None:
            return False
        try:
            self._db.execute("SELECT count(*) FROM seeds").fetchone()
            return True
        except sqlite3.Error:
            return False

    def _move_aside(self, error: sqlite3.Error) -> None:
        """A damaged file is kept for a look, under another name, and a new one begun."""
        self._close_quietly()
        damaged = self.path.with_name(self.path.name + ".damaged")
        try:
            self.path.replace(damaged)
            # A leftover journal belongs to the damaged file, never to the new one.
            self.path.with_name(self.path.name + "-journal").unlink(missing_ok=True)
        except OSError as move_error:
            self._note(f"{error}, and it cannot be moved aside ({move_error.strerror}); "
                       "this build goes on without it")  # fmt: skip
            self._writable = False
            return
        self._note(f"{error}; moved aside to {damaged.name}, filled again from the seeds")
        self._open(after_damage=True)

    def _run(self, statement: str, parameters: tuple) -> tuple | None:
        if self._db is None:
            return None
        try:
            return self._db.execute(statement, parameters).fetchone()
        except sqlite3.OperationalError as error:
            self._note(f"{error}; this build goes on without it")
            self._close_quietly()
        except sqlite3.DatabaseError as error:
            self._damaged_while_open(error)
        return None

    def _write(self, statement: str, parameters: tuple) -> None:
        if self._db is None:
            return
        try:
            self._db.execute(statement, parameters)
        except sqlite3.Error as error:
            self._failed(error)

    def _commit(self) -> None:
        self._uncommitted = 0
        if self._db is None:
            return
        try:
            self._db.commit()
        except sqlite3.Error as error:
            self._failed(error)

    def _failed(self, error: sqlite3.Error) -> None:
        """A write that failed: a damaged file is replaced; otherwise only read from now."""
        if not isinstance(error, sqlite3.OperationalError):
            self._damaged_while_open(error)
            return
        self._note(f"{error}; this build goes on without writing to it")
        self._writable = False
        try:
            if self._db is not None:
                self._db.rollback()
        except sqlite3.Error:
            self._close_quietly()

    def _damaged_while_open(self, error: sqlite3.Error) -> None:
        if self.trouble is None:
            self._move_aside(error)
        else:
            self._close_quietly()
            self._writable = False

    def _close_quietly(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    def _note(self, reason: str) -> None:
        if self.trouble is None:
            self.trouble = f"{self.kind} cache {self.path}: {reason}"
