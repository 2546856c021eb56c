"""Build the archive's search index as many small static files.

A reader's first search downloads a tiny manifest, the term shards its query's tokens
hash to, and the document chunks of the results it shows, never the whole index. Each
token's postings list its documents and, unless the token is very common, the positions
that let the browser check a phrase, as variable-length integers in base64 (about half
the bytes of the base-36 text used before). Files are JavaScript calls so that the same worker
loads them with `fetch` from a web server and with `importScripts` from `file://`.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import itertools
import json
import os
import sqlite3
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..workers import peak_rss_megabytes, worker_pool
from .tokens import tokenize

FOLDER = "search/archive"
# Positions of the title, then of the other metadata, then of the body, so the browser
# can weigh a match by where it is without another file.
META_START = 500
BODY_START = 1000
# A token seen this often anywhere keeps only per-document counts: its positions would
# cost a query far more to download than they add to a phrase check.
POSITIONS_LIMIT = 6000
SHARD_BYTES = 24_000
# Postings held in memory before they are spilled to disk, and what one held token's
# bookkeeping is reckoned to cost beside its bytes.
SPILL_BYTES = 48_000_000
HELD_TOKEN_BYTES = 120
MAX_SHARDS = 8192
DOCUMENTS_PER_CHUNK = 16

# The first number of a token's postings: how its documents are described.
WITH_POSITIONS = 0
WITH_COUNTS = 1


@dataclass(frozen=True)
class SearchDocument:
    """What the index knows of one article: where it is, what to show, what to match."""

    location: str
    title: str
    summary: str
    tags: tuple[str, ...]
    metadata: tuple[str, ...]
    body: str


def token_hash(token: str) -> int:
    """32-bit FNV-1a over code points, then MurmurHash3's finaliser.

    FNV's low bits depend only on the characters' low bits, so neighbouring Han
    characters crowd into a few shards; the finaliser mixes every bit into the low ones.
    The worker computes the same with Math.imul.
    """
    value = 0x811C9DC5
    for character in token:
        value = ((value ^ ord(character)) * 0x01000193) & 0xFFFFFFFF
    value ^= value >> 16
    value = (value * 0x85EBCA6B) & 0xFFFFFFFF
    value ^= value >> 13
    value = (value * 0xC2B2AE35) & 0xFFFFFFFF
    return value ^ (value >> 16)


def document_positions(document: SearchDocument) -> dict[str, list[int]]:
    """Every token of one document and where it stands, by region."""
    tokens = tokenize(document.title)
    by_token: defaultdict[str, list[int]] = defaultdict(list)
    for position, token in enumerate(tokens[:META_START]):
        by_token[token].append(position)
    start = META_START
    for value in (*document.metadata, *document.tags):
        found = tokenize(value)
        for position, token in enumerate(found[: BODY_START - start], start):
            by_token[token].append(position)
        start += len(found) + 1  # a gap, so no phrase spans two fields
        if start >= BODY_START:
            break
    body = tokenize(document.body)
    for position, token in enumerate(body, BODY_START):
        by_token[token].append(position)
    return by_token


def varint(number: int) -> bytes:
    """LEB128: seven bits a byte, low bits first, the high bit set on all but the last."""
    out = bytearray()
    while number >= 0x80:
        out.append((number & 0x7F) | 0x80)
        number >>= 7
    out.append(number)
    return bytes(out)


# Every number below 2**14 encoded once: the postings encode millions of small numbers.
_VARINT = [varint(number) for number in range(1 << 14)]


def _varints(numbers: Iterable[int]) -> bytes:
    return b"".join(_VARINT[n] if n < 16384 else varint(n) for n in numbers)


def _read_varints(data: bytes) -> list[int]:
    numbers, value, shift = [], 0, 0
    for byte in data:
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            numbers.append(value)
            value = shift = 0
    return numbers


def _region_counts(positions: list[int]) -> tuple[int, int, int]:
    title = sum(1 for p in positions if p < META_START)
    meta = sum(1 for p in positions if META_START <= p < BODY_START)
    return len(positions) - title - meta, meta, title


def _as_counts(entries: bytes) -> bytes:
    """A token's entries `doc step, n, first position, position steps` rewritten as
    `doc step, body count, metadata count, title count`."""
    numbers, out, index = _read_varints(entries), [WITH_COUNTS], 0
    while index < len(numbers):
        step, count = numbers[index], numbers[index + 1]
        positions = list(itertools.accumulate(numbers[index + 2 : index + 2 + count]))
        out.extend((step, *_region_counts(positions)))
        index += 2 + count
    return _varints(out)


class _Postings:
    """Each token's postings as variable-length integers (LEB128), encoded as documents
    are read and spilled to an SQLite file whenever SPILL_BYTES are held, so that the
    index's memory follows its vocabulary, not the archive's whole text.

    A token's postings start with a number that says which form follows. With
    positions: for each document, the step from the previous document's number, the
    number of positions, the first position and the steps between the next ones. With
    counts (a token seen more than POSITIONS_LIMIT times): for each document, the step
    and its body, metadata and title counts. Steps run on across spills, so a token's
    postings are its spilled runs put end to end.
    """

    def __init__(self, folder: Path) -> None:
        self._store = sqlite3.connect(folder / "postings.sqlite")
        self._store.execute(
            "CREATE TABLE runs (bucket INTEGER, token TEXT, run INTEGER, data BLOB)"
        )
        self._held: dict[str, bytearray] = {}
        self._held_bytes = 0
        self._runs = 0
        self._occurrences: defaultdict[str, int] = defaultdict(int)
        self._last_document: dict[str, int] = {}
        self._token_bytes = 0
        self._posting_bytes = 0

    def add(self, number: int, document: SearchDocument) -> None:
        for token, positions in document_positions(document).items():
            steps = [b - a for a, b in itertools.pairwise(positions)]
            step = number - self._last_document.get(token, 0)
            data = _varints((step, len(positions), positions[0], *steps))
            held = self._held.get(token)
            if held is None:
                self._held[token] = bytearray(data)
                self._held_bytes += HELD_TOKEN_BYTES
            else:
                held += data
            if token not in self._last_document:
                self._token_bytes += len(token.encode()) + 3
            self._held_bytes += len(data)
            self._posting_bytes += len(data)
            self._last_document[token] = number
            self._occurrences[token] += len(positions)
        if self._held_bytes > SPILL_BYTES:
            self._spill()

    def _spill(self) -> None:
        self._store.executemany(
            "INSERT INTO runs VALUES (?, ?, ?, ?)",
            (
                (token_hash(token) % MAX_SHARDS, token, self._runs, bytes(data))
                for token, data in self._held.items()
            ),
        )
        self._held, self._held_bytes = {}, 0
        self._runs += 1

    def _finished(self, token: str, data: bytes) -> bytes:
        if self._occurrences[token] > POSITIONS_LIMIT:
            return _as_counts(data)
        return _VARINT[WITH_POSITIONS] + data

    def shards(self) -> Iterator[dict[str, bytes]]:
        """Every shard's tokens and postings, shard by shard, in shard order."""
        self._spill()
        count = _shard_count(self._token_bytes + self._posting_bytes * 4 // 3)
        # Shard numbers divide bucket numbers: both counts are powers of two.
        rows = self._store.execute(
            "SELECT bucket % ?, token, data FROM runs ORDER BY 1, token, run", (count,)
        )
        number, shard = 0, dict[str, bytes]()
        for row_shard, token, data in rows:
            while row_shard > number:
                yield {t: self._finished(t, d) for t, d in shard.items()}
                number, shard = number + 1, {}
            shard[token] = shard.get(token, b"") + data
        while number < count:
            yield {t: self._finished(t, d) for t, d in shard.items()}
            number, shard = number + 1, {}

    def close(self) -> None:
        self._store.close()


def _shard_text(postings: dict[str, bytes]) -> str:
    """`token data token data …`: tokens hold no spaces, base64 none either."""
    return " ".join(
        f"{token} {base64.b64encode(data).decode('ascii')}" for token, data in postings.items()
    )


def _script(function: str, *arguments: object) -> str:
    values = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in arguments)
    return f"{function}({values});\n"


def _shard_count(total_bytes: int) -> int:
    count = 1
    while count * SHARD_BYTES < total_bytes and count < MAX_SHARDS:
        count *= 2
    return count


def _document_chunk(number: int, documents: list[SearchDocument]) -> tuple[str, str]:
    chunk = [[d.location, d.title, d.summary, list(d.tags)] for d in documents]
    return f"{FOLDER}/documents/{number}.js", _script("archiveDocuments", number, chunk)


def index_files(documents: Iterable[SearchDocument], work: Path) -> Iterator[tuple[str, str]]:
    """The index's files as (path under the site, text), one at a time: document chunks
    as documents are read, then term shards, then the manifest. `work` is a folder for
    the postings spilled on the way.

    Documents are numbered in the given order, which breaks ties between equal scores.
    """
    postings = _Postings(work)
    digest = hashlib.sha1()
    chunk: list[SearchDocument] = []
    count = 0
    try:
        for count, document in enumerate(documents, 1):
            postings.add(count - 1, document)
            chunk.append(document)
            if len(chunk) == DOCUMENTS_PER_CHUNK:
                path, text = _document_chunk((count - 1) // DOCUMENTS_PER_CHUNK, chunk)
                digest.update(text.encode())
                yield path, text
                chunk = []
        if chunk:
            path, text = _document_chunk((count - 1) // DOCUMENTS_PER_CHUNK, chunk)
            digest.update(text.encode())
            yield path, text
        shard_count = 0
        for shard_count, shard in enumerate(postings.shards(), 1):
            text = _script("archiveTerms", shard_count - 1, _shard_text(shard))
            digest.update(text.encode())
            yield f"{FOLDER}/terms/{shard_count - 1}.js", text
    finally:
        postings.close()
    manifest = {
        "version": digest.hexdigest()[:12],
        "documents": count,
        "shards": shard_count,
        "chunk": DOCUMENTS_PER_CHUNK,
        "regions": [META_START, BODY_START],
    }
    yield f"{FOLDER}/manifest.js", _script("archiveManifest", manifest)


def build_search_files(documents: Iterable[SearchDocument]) -> dict[str, str]:
    """Every file of the index in memory, by path under the site (small archives)."""
    with tempfile.TemporaryDirectory() as work:
        return dict(index_files(documents, Path(work)))


@dataclass(frozen=True)
class IndexWritten:
    """What writing the index took, for the build's log and the benchmark."""

    files: int
    megabytes: float
    seconds: float
    peak_rss_megabytes: float

    def __str__(self) -> str:
        return (
            f"{self.files} files, {self.megabytes:.1f} MB in {self.seconds:.1f} s "
            f"(its process peaked at {self.peak_rss_megabytes:.0f} MB)"
        )


def write_documents(documents: Iterable[SearchDocument], path: Path) -> None:
    """Documents one JSON line each, for the index process to read one at a time."""
    with path.open("w", encoding="utf-8") as lines:
        for document in documents:
            lines.write(json.dumps(dataclasses.astuple(document), ensure_ascii=False) + "\n")


def read_documents(path: Path) -> Iterator[SearchDocument]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            location, title, summary, tags, metadata, body = json.loads(line)
            yield SearchDocument(location, title, summary, tuple(tags), tuple(metadata), body)


def write_search_files(documents_path: Path, site_dir: Path) -> IndexWritten:
    """Build the index from the documents written to documents_path, and write its
    files under site_dir.

    Meant to run in a process of its own while the site engine renders pages on the
    other core; it reports its own peak memory, which its parent cannot see.
    """
    started = time.perf_counter()
    files = written = 0
    with tempfile.TemporaryDirectory() as work:
        for path, content in index_files(read_documents(documents_path), Path(work)):
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            data = content.encode()
            target.write_bytes(data)
            files += 1
            written += len(data)
    return IndexWritten(
        files=files,
        megabytes=written / 1e6,
        seconds=time.perf_counter() - started,
        peak_rss_megabytes=peak_rss_megabytes(),
    )


class BackgroundIndex:
    """The search index, built in a process of its own while the caller goes on."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._job: Future[IndexWritten] | None = None

    def start(self, documents: Iterable[SearchDocument], site_dir: Path) -> None:
        """Start building; a build still running is waited for first."""
        self.wait()
        handle, name = tempfile.mkstemp(prefix="archive-search-", suffix=".jsonl")
        os.close(handle)
        path = Path(name)
        write_documents(documents, path)
        self._pool = worker_pool(1)
        self._job = self._pool.submit(write_search_files, path, site_dir)
        self._job.add_done_callback(lambda _: path.unlink(missing_ok=True))

    def wait(self) -> IndexWritten | None:
        """The running build's result, once it is done (None if none was started)."""
        if self._job is None or self._pool is None:
            return None
        try:
            return self._job.result()
        finally:
            self._pool.shutdown()
            self._job = self._pool = None

    def when_done(
        self,
        callback: Callable[[IndexWritten], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Call back with the result once the build is done, or with its error."""

        def report(job: Future[IndexWritten]) -> None:
            error = job.exception()
            if error is None:
                callback(job.result())
            else:
                on_error(error)

        if self._job is not None:
            self._job.add_done_callback(report)
