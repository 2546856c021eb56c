"""The five real seeds parse to the metadata the archive promises (issue table)."""

from __future__ import annotations

import hashlib
from datetime import datetime

import pytest
from seed_expectations import EXPECTED_SEEDS, ROOT, SEEDS_DIR

from clippings import build_archive
from clippings.discovery import discover_seeds
from clippings.pipeline import read_seed


@pytest.fixture(scope="module")
def articles():
    """The captured metadata, before the editor's annotations are applied."""
    seeds, problems = discover_seeds(SEEDS_DIR)
    assert problems == []
    found = {}
    for seed in seeds:
        cleaned, seed_problems = read_seed(seed, seed.path.read_bytes())
        assert seed_problems == []
        found[cleaned.article.seed_id] = cleaned.article
    return found


def test_the_archive_builds_without_problems():
    assert build_archive(SEEDS_DIR).problems == []


def test_seeds_are_the_shared_captures_byte_for_byte():
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    ours = sorted(p.name for p in SEEDS_DIR.glob("*.txt"))
    assert ours == sorted(p.name for p in shared.iterdir())
    for name in ours:
        assert (SEEDS_DIR / name).read_bytes() == (shared / name).read_bytes()


def test_every_seed_becomes_one_article(articles):
    assert sorted(articles) == [seed.seed_id for seed in EXPECTED_SEEDS]


@pytest.mark.parametrize("expected", EXPECTED_SEEDS, ids=lambda e: e.seed_id)
def test_seed_metadata(articles, expected):
    article = articles[expected.seed_id]
    assert article.format == expected.format
    assert article.title == expected.title
    assert article.title_suspect is expected.title_suspect
    assert article.author == expected.author
    assert article.published == datetime.fromisoformat(expected.published)
    assert article.published.utcoffset() == datetime.fromisoformat(expected.published).utcoffset()
    assert article.place == expected.place
    assert article.source_url == expected.source_url
    assert (article.cover_image is not None) is expected.cover
    raw = (SEEDS_DIR / article.seed_path).read_bytes()
    assert article.content_hash == hashlib.sha256(raw).hexdigest()


def test_front_matter_seed_extras(articles):
    article = articles["000_37a665e4ef7b3441"]
    assert article.updated == datetime.fromisoformat("2024-03-19T21:04:14.737+08:00")
    assert article.tags == ("Sam Altman", "AI", "chatgpt")
    assert article.categories == ("科技&产品",)


def test_missing_fields_are_absent_not_invented(articles):
    feed = articles["003_c5574c47c0f95dce"]
    assert (feed.author, feed.place, feed.updated, feed.cover_image) == (None, None, None, None)
    assert feed.tags == () and feed.categories == ()
    wechat = articles["001_4830aab3c3ed9d32"]
    assert wechat.updated is None and wechat.tags == ()
