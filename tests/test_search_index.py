"""The archive's sharded search index: tokens, regions, postings format, files."""

from __future__ import annotations

import base64
import itertools
import json
import os
import re
import subprocess
import sys

from seed_expectations import ROOT

from clippings.search import SearchDocument, build_search_files, shards
from clippings.search.shards import BODY_START, META_START, document_positions, token_hash
from clippings.search.tokens import tokenize


def test_han_runs_become_overlapping_bigrams_and_latin_runs_words():
    assert tokenize("AI寒武纪：GPT-5的预训练") == [
        "ai",
        "寒武",
        "武纪",
        "gpt",
        "5",
        "的预",
        "预训",
        "训练",
    ]


def test_a_lone_han_character_is_its_own_token():
    assert tokenize("他说：好。") == ["他说", "好"]


def test_full_width_forms_and_case_are_folded():
    assert tokenize("ＧＰＴ－５ OpenAI") == ["gpt", "5", "openai"]


def test_token_hashes_spread_neighbouring_characters_over_all_shards():
    run = "".join(chr(0x4E00 + i) for i in range(5000))
    buckets = {token_hash(run[i : i + 2]) % 128 for i in range(len(run) - 1)}
    assert len(buckets) == 128
    assert token_hash("寒武") != token_hash("武寒")


def test_token_hashes_do_not_change_between_processes():
    # Shard files are named by these hashes and the worker computes the same ones, so they
    # must not depend on Python's per-process string hashing.
    script = "from clippings.search.shards import token_hash; print(token_hash('寒武'))"
    runs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "hooks")},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert runs == {f"{token_hash('寒武')}\n"}


def _document(number: int, body: str, title: str = "标题", **fields) -> SearchDocument:
    return SearchDocument(
        location=f"articles/{number}/",
        title=title,
        summary=fields.get("summary", ""),
        tags=fields.get("tags", ()),
        metadata=fields.get("metadata", ()),
        body=body,
    )


def test_title_metadata_and_body_have_their_own_regions():
    document = _document(0, "正文内容", title="标题", metadata=("王涵",), tags=("访谈",))
    positions = document_positions(document)
    assert positions["标题"] == [0]
    assert positions["王涵"] == [META_START]
    assert positions["访谈"] == [META_START + 2]  # a gap: no phrase spans two fields
    assert positions["正文"] == [BODY_START]


def _decode(encoded: str) -> dict[int, list[int] | list[str]]:
    """The worker's decoder, in Python: the format is the contract between the two
    (tests/test_search_contract.py runs the worker's own in Chromium). Documents with
    counts map to `body:meta:title` as strings, trailing zeros left out."""
    numbers, value, shift = [], 0, 0
    for byte in base64.b64decode(encoded):
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            numbers.append(value)
            value = shift = 0
    form, numbers = numbers[0], numbers[1:]
    postings: dict[int, list[int] | list[str]] = {}
    document, index = 0, 0
    while index < len(numbers):
        document += numbers[index]
        if form == shards.WITH_COUNTS:
            counts = [str(n) for n in numbers[index + 1 : index + 4]]
            while len(counts) > 1 and counts[-1] == "0":
                counts.pop()
            postings[document] = counts
            index += 4
        else:
            count = numbers[index + 1]
            postings[document] = list(itertools.accumulate(numbers[index + 2 : index + 2 + count]))
            index += 2 + count
    return postings


def _load(files: dict[str, str]) -> tuple[dict, dict[str, str]]:
    manifest = json.loads(
        re.fullmatch(r"archiveManifest\((.*)\);\n", files["search/archive/manifest.js"], re.S)[1]
    )
    terms: dict[str, str] = {}
    for number in range(manifest["shards"]):
        call = re.fullmatch(
            r"archiveTerms\((\d+),(.*)\);\n", files[f"search/archive/terms/{number}.js"], re.S
        )
        assert int(call[1]) == number
        parts = json.loads(call[2]).split()
        for token, encoded in zip(parts[::2], parts[1::2], strict=True):
            assert token_hash(token) % manifest["shards"] == number
            terms[token] = encoded
    return manifest, terms


def test_postings_hold_documents_and_positions_each_in_the_shard_its_hash_names():
    files = build_search_files([_document(0, "超级计算机"), _document(1, "家用计算机和计算机")])
    manifest, terms = _load(files)
    assert manifest["documents"] == 2
    assert _decode(terms["计算"]) == {0: [BODY_START + 2], 1: [BODY_START + 2, BODY_START + 6]}
    assert _decode(terms["级计"]) == {0: [BODY_START + 1]}
    assert _decode(terms["标题"]) == {0: [0], 1: [0]}


def test_very_common_tokens_keep_counts_by_region_not_positions(monkeypatch):
    monkeypatch.setattr(shards, "POSITIONS_LIMIT", 3)
    files = build_search_files([_document(0, "模型模型，模型", title="模型"), _document(1, "模型")])
    _, terms = _load(files)
    # body:meta:title counts, trailing zeros left out.
    assert _decode(terms["模型"]) == {0: ["3", "0", "1"], 1: ["1"]}


def test_document_chunks_carry_what_a_result_shows():
    documents = [
        _document(n, "正文", title=f"第{n}篇", summary="摘要", tags=("AI",)) for n in range(20)
    ]
    files = build_search_files(documents)
    chunk = files["search/archive/documents/1.js"]
    assert chunk.startswith("archiveDocuments(1,")
    assert '["articles/16/","第16篇","摘要",["AI"]]' in chunk
    assert "search/archive/documents/2.js" not in files


def test_shards_grow_with_the_index_and_the_version_with_its_content():
    small = build_search_files([_document(0, "超级计算机")])
    large = build_search_files(
        [
            _document(n, "".join(chr(0x4E00 + (n * 97 + i) % 20000) for i in range(3000)))
            for n in range(40)
        ]
    )
    small_manifest, _ = _load(small)
    large_manifest, _ = _load(large)
    assert small_manifest["shards"] == 1
    assert large_manifest["shards"] > 8
    assert (
        max(len(text) for path, text in large.items() if "/terms/" in path) < 3 * shards.SHARD_BYTES
    )
    changed, _ = _load(build_search_files([_document(0, "超级电脑")]))
    assert changed["version"] != small_manifest["version"]


def test_postings_spilled_to_disk_make_the_same_index(monkeypatch):
    documents = [
        _document(n, "".join(chr(0x4E00 + (n * 31 + i) % 500) for i in range(400)))
        for n in range(30)
    ]
    held = build_search_files(documents)
    monkeypatch.setattr(shards, "SPILL_BYTES", 2000)
    spilled = build_search_files(documents)
    assert spilled == held
    _, terms = _load(spilled)
    # Tokens met in many spilled runs still decode to every document, in order.
    assert len(_decode(terms[chr(0x4E00) + chr(0x4E01)])) > 5


def test_the_index_process_reads_documents_one_line_at_a_time(tmp_path):
    documents = [_document(n, f"第{n}篇的正文", tags=("AI",), metadata=("王涵",)) for n in range(3)]
    path = tmp_path / "documents.jsonl"
    shards.write_documents(documents, path)
    assert len(path.read_text(encoding="utf-8").splitlines()) == 3
    assert list(shards.read_documents(path)) == documents
