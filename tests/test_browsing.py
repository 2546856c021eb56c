"""Ways into the archive: home, timeline, tags, authors, sources, places, previous/next."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from seed_expectations import EXPECTED_SEEDS
from test_article_pages import ARTICLE

from clippings.article_pages import render_article_page
from clippings.browse_pages import render_indexes
from clippings.records import Archive

pytestmark = pytest.mark.site

CHRONOLOGICAL = sorted(EXPECTED_SEEDS, key=lambda e: e.published_at)
TITLES = {e.seed_id: e.page_title for e in EXPECTED_SEEDS}


def _links(site, page_path: str) -> dict[str, str]:
    """Article links on a page: resolved article path -> link text."""
    page = site.page(page_path)
    base = f"/{page_path}/" if page_path else "/"
    found = {}
    for link in page.select("article a[href]"):
        target = urljoin(base, link["href"])
        if target.startswith("/articles/"):
            found[target.strip("/").removeprefix("articles/")] = link.get_text(strip=True)
    return found


def _sections(site, page_path: str) -> dict[str, list[str]]:
    """h2 heading -> article titles listed under it, in order."""
    sections: dict[str, list[str]] = {}
    for heading in site.page(page_path).select("article h2"):
        items = heading.find_next_sibling("ul")
        sections[heading.get_text(strip=True).rstrip("¶")] = [
            a.get_text(strip=True) for a in items.select("a")
        ]
    return sections


def test_home_shows_covers_and_one_line_summaries(built_site):
    items = built_site.page("").select(".archive-list__item")
    by_title = {i.select_one(".archive-list__title").get_text(strip=True): i for i in items}
    for expected in EXPECTED_SEEDS:
        item = by_title[expected.page_title]
        cover = item.select_one("img.archive-list__cover")
        assert (cover is not None) is expected.cover
        if cover:
            # The title is the link beside it: a screen reader should not hear it twice.
            assert cover["alt"] == ""
        summary = item.select_one(".archive-list__summary").get_text(strip=True)
        assert 10 <= len(summary) <= 81
    assert (
        by_title[TITLES["004_db852270f7b26be9"]]
        .select_one(".archive-list__summary")
        .get_text(strip=True)
        .startswith("在 ChatGPT-4o 发布当天")
    )


def test_timeline_groups_by_year_and_month_newest_first(built_site):
    sections = _sections(built_site, "timeline")
    assert list(sections) == [
        "2025 年 8 月",
        "2024 年 5 月",
        "2024 年 4 月",
        "2024 年 3 月",
        "2023 年 6 月",
    ]
    assert sections["2024 年 5 月"] == [TITLES["004_db852270f7b26be9"]]
    assert set(_links(built_site, "timeline")) == set(TITLES)


def test_tags_page_links_tagged_articles(built_site):
    links = _links(built_site, "tags")
    assert set(links) == {"000_37a665e4ef7b3441"}
    page = built_site.page("tags")
    tags = [h.get_text(strip=True).rstrip("¶") for h in page.select("article h2")]
    assert sorted(tags) == sorted(["Sam Altman", "AI", "chatgpt"])


def test_article_tag_chips_link_to_the_tags_page(built_site):
    page = built_site.page("articles/000_37a665e4ef7b3441")
    chips = page.select("nav.md-tags a.md-tag")
    assert sorted(c.get_text(strip=True) for c in chips) == ["AI", "Sam Altman", "chatgpt"]
    assert all(
        urljoin("/articles/000_37a665e4ef7b3441/", c["href"]).startswith("/tags/#") for c in chips
    )


def test_authors_page_groups_by_author_or_original_account(built_site):
    sections = _sections(built_site, "authors")
    assert sections["AI寒武纪"] == [TITLES["001_4830aab3c3ed9d32"]]
    assert sections["王涵"] == [TITLES["003_c5574c47c0f95dce"]]
    assert sections["不详"] == [TITLES["000_37a665e4ef7b3441"]]
    assert list(sections)[-1] == "不详"


def test_sources_and_places_pages(built_site):
    sources = _sections(built_site, "sources")
    assert len(sources["微信公众号"]) == 3
    assert sources["36kr.com"] == [TITLES["003_c5574c47c0f95dce"]]
    places = _sections(built_site, "places")
    assert places["上海"] == [TITLES["004_db852270f7b26be9"], TITLES["002_0aa2ea9de07dcc1e"]]
    assert places["江苏"] == [TITLES["001_4830aab3c3ed9d32"]]


@pytest.mark.parametrize("index", range(len(CHRONOLOGICAL)))
def test_previous_and_next_follow_publication_order(built_site, index):
    seed = CHRONOLOGICAL[index]
    page = built_site.page(f"articles/{seed.seed_id}")
    base = f"/articles/{seed.seed_id}/"
    for selector, neighbour in [
        (".md-footer__link--prev", CHRONOLOGICAL[index - 1] if index else None),
        (
            ".md-footer__link--next",
            CHRONOLOGICAL[index + 1] if index + 1 < len(CHRONOLOGICAL) else None,
        ),
    ]:
        link = page.select_one(selector)
        if neighbour is None:
            assert link is None
        else:
            assert urljoin(base, link["href"]) == f"/articles/{neighbour.seed_id}/"
            assert neighbour.page_title in link["aria-label"]


def test_index_pages_escape_titles_and_names():
    hostile = replace(ARTICLE, title="[x](javascript:1) <b>", author="**粗**", place="<i>")
    archive = Archive(pages=[render_article_page(hostile)])
    markdown = "\n".join(index.markdown for index in render_indexes(archive))
    assert "<b>" not in markdown and "<i>" not in markdown
    assert "\\[x\\]\\(javascript:1\\)" in markdown
    assert "\\*\\*粗\\*\\*" in markdown


def _decorative(image) -> bool:
    """A home thumbnail beside its title, or an image inside a sentence."""
    if "archive-list__cover" in image.get("class", []):
        return True
    paragraph = image.find_parent("p")
    return paragraph is not None and bool(paragraph.get_text(strip=True))


def test_every_image_on_every_page_has_alt_text_unless_decorative(built_site):
    images = []
    for page in built_site.root.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        images += [(page.relative_to(built_site.root), img) for img in soup.select("img")]
    assert len(images) >= 5  # covers on the home page, images in articles
    assert [(path, img.get("src")) for path, img in images if img.get("alt") is None] == []
    undescribed = [
        (path, img.get("src"))
        for path, img in images
        if not img["alt"].strip() and not _decorative(img)
    ]
    assert undescribed == []
