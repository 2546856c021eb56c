"""Build the archive's search index as many small static files.

A reader's first search downloads a tiny manifest, the term shards its query's tokens
hash to, and the document chunks of the results it shows, never the whole index. Each
token's postings list its documents and, unless the token is very common, the positions
that let the browser check a phrase. Files are JavaScript calls so that the same worker
loads them with `fetch` from a web server and with `importScripts` from `file://`.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
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

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
# Base-36 codes of every number below 36**3, made once: the postings encode millions
# of small numbers.
_BASE36 = [(a + b + c).lstrip("0") or "0" for a in _DIGITS for b in _DIGITS for c in _DIGITS]


@dataclass(frozen=True)
class SearchDocument:
    """What the index knows of one article: where it is, what to show, what to match."""

    location: str
    title: str
    summary: str
    tags: tuple[str, ...]
    metadata: tuple[str, ...]
    body: str


def _base36(number: int) -> str:
    if number < len(_BASE36):
        return _BASE36[number]
    digits = ""
    while number:
        number, digit = divmod(number, 36)
        digits = _DIGITS[digit] + digits
    return digits


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


def _region_counts(encoded_positions: str) -> str:
    """`body:meta:title` occurrence counts in base 36, trailing zeros left out."""
    steps = encoded_positions.split(",")
    if int(steps[0], 36) >= BODY_START:
        return _base36(len(steps))
    positions = list(itertools.accumulate(int(step, 36) for step in steps))
    title = sum(1 for p in positions if p < META_START)
    meta = sum(1 for p in positions if META_START <= p < BODY_START)
    counts = [len(positions) - title - meta, meta, title]
    while len(counts) > 1 and counts[-1] == 0:
        counts.pop()
    return ":".join(map(_base36, counts))


def _postings(documents: Sequence[SearchDocument]) -> dict[str, str]:
    """Each token's encoded postings: `doc,pos,pos;doc,pos` or `doc:counts;doc:counts`.

    Document numbers and positions are deltas in base 36, which keeps the files small
    and the decoder a few lines. Entries are encoded as documents are read, so that
    only strings, not position lists, are held for the whole archive.
    """
    entries: defaultdict[str, list[str]] = defaultdict(list)
    occurrences: defaultdict[str, int] = defaultdict(int)
    last_document: dict[str, int] = {}
    for number, document in enumerate(documents):
        for token, positions in document_positions(document).items():
            if len(positions) == 1:
                steps = _base36(positions[0])
            else:
                deltas = [b - a for a, b in itertools.pairwise(positions)]
                steps = _base36(positions[0]) + "," + ",".join(map(_base36, deltas))
            entries[token].append(_base36(number - last_document.get(token, 0)) + "," + steps)
            last_document[token] = number
            occurrences[token] += len(positions)
    encoded: dict[str, str] = {}
    for token, token_entries in entries.items():
        if occurrences[token] > POSITIONS_LIMIT:
            split = (entry.split(",", 1) for entry in token_entries)
            token_entries = [step + ":" + _region_counts(rest) for step, rest in split]
        encoded[token] = ";".join(token_entries)
    return encoded


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
    shard_count = _shard_count(sum(len(k) + len(v) + 6 for k, v in postings.items()))
    shards: list[dict[str, str]] = [{} for _ in range(shard_count)]
    for token, encoded in postings.items():
        shards[token_hash(token) % shard_count][token] = encoded
    files = {
        f"{FOLDER}/terms/{number}.js": _script("archiveTerms", number, shard)
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
