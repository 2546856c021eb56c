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
import hashlib
import itertools
import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
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


def _postings(documents: Iterable[SearchDocument]) -> dict[str, bytes]:
    """Each token's postings as variable-length integers (LEB128).

    The first number says which form follows. With positions: for each document, the
    step from the previous document's number, the number of positions, the first
    position and the steps between the next ones. With counts (a token seen more than
    POSITIONS_LIMIT times): for each document, the step and its body, metadata and
    title counts. Entries are encoded as documents are read, so that only bytes, not
    position lists, are held for the whole archive.
    """
    entries: defaultdict[str, bytearray] = defaultdict(bytearray)
    occurrences: defaultdict[str, int] = defaultdict(int)
    last_document: dict[str, int] = {}
    for number, document in enumerate(documents):
        for token, positions in document_positions(document).items():
            steps = [b - a for a, b in itertools.pairwise(positions)]
            step = number - last_document.get(token, 0)
            entries[token] += _varints((step, len(positions), positions[0], *steps))
            last_document[token] = number
            occurrences[token] += len(positions)
    return {
        token: _as_counts(bytes(data))
        if occurrences[token] > POSITIONS_LIMIT
        else _VARINT[WITH_POSITIONS] + data
        for token, data in entries.items()
    }


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


def build_search_files(documents: Iterable[SearchDocument]) -> dict[str, str]:
    """The index's files by path under the site: manifest, term shards, document chunks.

    Documents are numbered in the given order, which breaks ties between equal scores.
    """
    documents = list(documents)
    postings = _postings(documents)
    shard_count = _shard_count(sum(len(k) * 3 + len(v) * 4 // 3 + 2 for k, v in postings.items()))
    shards: list[dict[str, bytes]] = [{} for _ in range(shard_count)]
    for token, encoded in postings.items():
        shards[token_hash(token) % shard_count][token] = encoded
    files = {
        f"{FOLDER}/terms/{number}.js": _script("archiveTerms", number, _shard_text(shard))
        for number, shard in enumerate(shards)
    }
    for start in range(0, len(documents), DOCUMENTS_PER_CHUNK):
        chunk = [
            [d.location, d.title, d.summary, list(d.tags)]
            for d in documents[start : start + DOCUMENTS_PER_CHUNK]
        ]
        number = start // DOCUMENTS_PER_CHUNK
        files[f"{FOLDER}/documents/{number}.js"] = _script("archiveDocuments", number, chunk)
    digest = hashlib.sha1()
    for path in sorted(files):
        digest.update(files[path].encode())
    manifest = {
        "version": digest.hexdigest()[:12],
        "documents": len(documents),
        "shards": shard_count,
        "chunk": DOCUMENTS_PER_CHUNK,
        "regions": [META_START, BODY_START],
    }
    files[f"{FOLDER}/manifest.js"] = _script("archiveManifest", manifest)
    return files


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


def write_search_files(documents: list[SearchDocument], site_dir: Path) -> IndexWritten:
    """Build the index and write its files under site_dir.

    Meant to run in a process of its own while the site engine renders pages on the
    other core; it reports its own peak memory, which its parent cannot see.
    """
    started = time.perf_counter()
    files = build_search_files(documents)
    for path, content in files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    return IndexWritten(
        files=len(files),
        megabytes=sum(len(content.encode()) for content in files.values()) / 1e6,
        seconds=time.perf_counter() - started,
        peak_rss_megabytes=peak_rss_megabytes(),
    )


class BackgroundIndex:
    """The search index, built in a process of its own while the caller goes on."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._job: Future[IndexWritten] | None = None

    def start(self, documents: list[SearchDocument], site_dir: Path) -> None:
        """Start building; a build still running is waited for first."""
        self.wait()
        self._pool = worker_pool(1)
        self._job = self._pool.submit(write_search_files, documents, site_dir)

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
