"""The contract between the Python index writer and the browser's search worker.

The same inputs (tests/fixtures/search_contract.json, plus documents that need
multi-byte numbers and the counts-only form) go through the writer in Python and through
the worker's own functions in Chromium: tokens, token hashes, shard numbers and every
token's decoded postings must agree, so that a change on one side cannot silently break
search on the other.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from harness import ROOT, chromium

from clippings.search import SearchDocument, build_search_files, shards
from clippings.search.shards import document_positions, token_hash
from clippings.search.tokens import tokenize

FIXTURE = json.loads(
    Path(__file__).with_name("fixtures").joinpath("search_contract.json").read_text()
)
WORKER = ROOT / "overrides/assets/javascripts/workers/archive-search.js"
ORIGIN = "http://contract.test"
SHARD_COUNTS = (1, 7, 64, 8192)
# Few enough that the fixture's commonest tokens keep counts instead of positions.
POSITIONS_LIMIT = 8


def _documents() -> list[SearchDocument]:
    fixture = [
        SearchDocument(**{**d, "tags": tuple(d["tags"]), "metadata": tuple(d["metadata"])})
        for d in FIXTURE["documents"]
    ]
    # Positions past 2**14 and document steps past 2**7: numbers of three and two bytes.
    long_body = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(17_000)) + "计算机"
    filler = [
        SearchDocument(f"articles/f{n}/", f"填充{n}", "", (), (), "无关的正文") for n in range(150)
    ]
    last = SearchDocument("articles/z/", "长文", "", (), (), long_body)
    return [*fixture, *filler, last]


def _expected_postings(documents: list[SearchDocument]) -> dict[str, list]:
    """What the index must say, straight from each document's tokens: per token, per
    document, its positions, or `[title, meta, body]` counts for a very common token."""
    by_token: dict[str, dict[int, list[int]]] = {}
    for number, document in enumerate(documents):
        for token, positions in document_positions(document).items():
            by_token.setdefault(token, {})[number] = positions
    expected = {}
    for token, documents_positions in by_token.items():
        common = sum(len(p) for p in documents_positions.values()) > POSITIONS_LIMIT
        expected[token] = [
            [doc, None, _counts(positions)] if common else [doc, positions, _counts(positions)]
            for doc, positions in sorted(documents_positions.items())
        ]
    return expected


def _counts(positions: list[int]) -> list[int]:
    title = sum(1 for p in positions if p < shards.META_START)
    meta = sum(1 for p in positions if shards.META_START <= p < shards.BODY_START)
    return [title, meta, len(positions) - title - meta]


def _argument(text: str, function: str) -> list:
    call = re.fullmatch(rf"{function}\((.*)\);\n", text, re.S)
    assert call is not None, text[:80]
    return json.loads(f"[{call[1]}]")


@pytest.fixture(scope="module")
def worker():
    """A page running the worker's script, its contract functions within reach."""

    def serve(route) -> None:
        if route.request.url.endswith(".js"):
            route.fulfill(body=WORKER.read_text(), content_type="text/javascript")
        else:
            script = "/assets/javascripts/workers/archive-search.js"
            route.fulfill(
                body=f"<!doctype html><script src='{script}'></script>", content_type="text/html"
            )

    with chromium() as browser:
        page = browser.new_page()
        page.route(f"{ORIGIN}/**", serve)
        page.goto(f"{ORIGIN}/")
        page.wait_for_function("() => self.archiveSearchContract !== undefined")
        yield page


@pytest.mark.browser
def test_tokens_hashes_and_shards_agree(worker):
    texts = FIXTURE["texts"]
    python = [
        {
            "tokens": tokenize(text),
            "hashes": [token_hash(token) for token in tokenize(text)],
            "shards": [
                [token_hash(token) % count for count in SHARD_COUNTS] for token in tokenize(text)
            ],
        }
        for text in texts
    ]
    browser = worker.evaluate(
        """([texts, counts]) => texts.map(text => {
          const c = archiveSearchContract;
          const tokens = c.tokenize(text).tokens;
          return {
            tokens,
            hashes: tokens.map(c.tokenHash),
            shards: tokens.map(token => counts.map(count => c.shardOf(token, count)))
          };
        })""",
        [texts, list(SHARD_COUNTS)],
    )
    for text, ours, theirs in zip(texts, python, browser, strict=True):
        assert ours == theirs, text
    assert any(len(result["tokens"]) > 3 for result in python)


@pytest.mark.browser
def test_every_tokens_postings_decode_to_what_the_writer_read(worker, monkeypatch):
    monkeypatch.setattr(shards, "POSITIONS_LIMIT", POSITIONS_LIMIT)
    documents = _documents()
    files = build_search_files(documents)
    (manifest,) = _argument(files["search/archive/manifest.js"], "archiveManifest")
    shard_texts = [
        _argument(files[f"search/archive/terms/{n}.js"], "archiveTerms")
        for n in range(manifest["shards"])
    ]
    decoded = worker.evaluate(
        """([manifest, shardTexts]) => {
          archiveManifest(manifest);
          const c = archiveSearchContract;
          const found = {};
          for (const [number, text] of shardTexts)
            for (const [token, data] of c.readShard(text)) {
              if (c.shardOf(token, manifest.shards) !== number)
                throw new Error(`${token} is in shard ${number}`);
              found[token] = [...c.decode(data)].map(
                ([doc, posting]) => [doc, posting.positions, posting.counts]);
            }
          return found;
        }""",
        [manifest, shard_texts],
    )
    expected = _expected_postings(documents)
    assert decoded == expected
    # The fixture reaches both forms and numbers of every length.
    assert any(entries[0][1] is None for entries in expected.values())
    assert max(p for e in expected.values() for _, ps, _ in e if ps for p in ps) >= 1 << 14
