"""The real site, built by MkDocs into a temporary folder, read back as HTML."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from seed_expectations import EXPECTED_SEEDS, ROOT

pytestmark = pytest.mark.site


def _meta(page):
    return page.select_one(".md-sidebar--secondary .archive-meta")


@pytest.mark.parametrize("expected", EXPECTED_SEEDS, ids=lambda e: e.seed_id)
def test_article_page_shows_title_once_and_its_metadata(built_site, expected):
    page = built_site.page(f"articles/{expected.seed_id}")
    assert [h1.get_text(strip=True) for h1 in page.find_all("h1")] == [expected.page_title]
    meta = _meta(page)
    assert meta is not None
    author = meta.select_one(".archive-meta__author")
    assert (author.get_text(strip=True) if author else None) == expected.page_author
    published = meta.select_one("time.archive-meta__published")
    assert published["datetime"] == expected.published
    assert published.get_text(strip=True) == expected.published_display
    original = meta.select_one(".archive-meta__original-time")
    if expected.seed_id.startswith("003"):
        # The feed's GMT clock is kept beside the Beijing time.
        assert original.get_text(strip=True) == "原始时间：2025-08-16 04:21:39 GMT"
    else:
        assert original is None
    place = meta.select_one(".archive-meta__place")
    assert (place.get_text(strip=True) if place else None) == expected.place
    source = meta.select_one("a.archive-meta__source")
    assert (source["href"] if source else None) == expected.source_url
    if source:
        assert set(source["rel"]) == {"noopener", "noreferrer"}
    cover = meta.select_one("img.archive-meta__cover")
    assert (cover is not None) is expected.cover
    if cover:
        assert cover["referrerpolicy"] == "no-referrer"
    assert meta.select_one(".archive-meta__format")["data-format"] == expected.format
    seed_name = meta.select_one(".archive-meta__seed").get_text(strip=True)
    assert seed_name == f"seeds/{expected.seed_id}.txt"
    # A suspect title the editor has corrected is no longer flagged.
    suspect = expected.title_suspect and not expected.corrected_title
    assert (meta.select_one(".archive-meta__warning") is not None) is suspect


def test_article_body_is_on_the_page(built_site):
    page = built_site.page("articles/002_0aa2ea9de07dcc1e")
    text = page.select_one("article.md-content__inner").get_text()
    assert "We have a lot of work to do before we start that model" in text


def test_front_matter_tags_and_update_time_in_sidebar(built_site):
    meta = _meta(built_site.page("articles/000_37a665e4ef7b3441"))
    tags = [t.get_text(strip=True) for t in meta.select(".archive-meta__tag")]
    assert tags == ["Sam Altman", "AI", "chatgpt"]
    assert meta.select_one("time.archive-meta__updated")["datetime"] == (
        "2024-03-19T21:04:14.737000+08:00"
    )
    assert meta.select_one(".archive-meta__categories").get_text(strip=True) == "科技&产品"


def test_home_lists_every_article_newest_first_with_date_and_author(built_site):
    home = built_site.page("")
    items = home.select(".archive-list__item")
    by_date = sorted(EXPECTED_SEEDS, key=lambda e: e.published_at, reverse=True)
    assert [i.select_one(".archive-list__title").get_text(strip=True) for i in items] == [
        e.page_title for e in by_date
    ]
    assert [i.select_one("time")["datetime"] for i in items] == [e.published for e in by_date]
    authors = [
        a.get_text(strip=True) if (a := i.select_one(".archive-list__author")) else None
        for i in items
    ]
    assert authors == [e.page_author for e in by_date]
    for item, expected in zip(items, by_date, strict=True):
        href = item.select_one(".archive-list__title")["href"]
        assert urljoin("/", href) == f"/articles/{expected.seed_id}/"
        assert (built_site.root / "articles" / expected.seed_id / "index.html").is_file()


def test_articles_stay_out_of_the_navigation(built_site):
    page = built_site.page("articles/001_4830aab3c3ed9d32")
    nav_links = [a.get("href", "") for a in page.select(".md-nav--primary a")]
    assert not [href for href in nav_links if "articles/" in href]


def test_no_generated_markdown_is_written_into_docs(built_site):
    assert not (ROOT / "docs" / "articles").exists()


def test_sidebar_shows_length_and_reading_time(built_site):
    meta = _meta(built_site.page("articles/003_c5574c47c0f95dce"))
    characters = int(meta.select_one(".archive-meta__characters").get_text())
    minutes = int(meta.select_one(".archive-meta__reading").get_text())
    assert 15_000 < characters < 20_000
    assert minutes == -(-characters // 400) or abs(minutes - characters / 400) <= 2


def test_search_dialog_has_an_accessible_name(built_site):
    dialog = built_site.page("").select_one(".md-search[role=dialog]")
    assert dialog["aria-label"] == "搜索"
