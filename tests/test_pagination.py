"""Index pages list at most PAGE_SIZE entries each; long groups go on over pages."""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime

import pytest
from conftest import BuiltSite, build_site
from seed_expectations import ROOT

from clippings.browse_pages import PAGE_SIZE, IndexGroup, paginate
from clippings.records import Article, ArticlePage

pytestmark = pytest.mark.site


def _page(number: int) -> ArticlePage:
    article = Article(
        seed_id=f"s{number}",
        seed_path=f"s{number}.txt",
        format="plain",
        encoding="utf-8",
        content_hash="x",
        title=f"第{number}篇",
        body="正文",
        published=datetime(2024, 1, 1, tzinfo=UTC),
    )
    return ArticlePage(article=article, src_uri=f"articles/s{number}.md", markdown="")


def _groups(*sizes: int) -> list[IndexGroup]:
    count, groups = 0, []
    for index, size in enumerate(sizes):
        groups.append(IndexGroup(f"组{index}", [_page(count + n) for n in range(size)]))
        count += size
    return groups


def _entries(markdown: str) -> list[str]:
    return re.findall(r"^- .*\[(.+?)\]\((.+?)\)", markdown, re.M)


def test_a_short_index_is_one_page_without_pager_or_directory():
    pages, starts = paginate("timeline", "时间线", "简介", _groups(3, 2))
    assert [p.src_uri for p in pages] == ["timeline.md"]
    assert "archive-pager" not in pages[0].markdown and "全部分组" not in pages[0].markdown
    assert starts == {"组0": "timeline.md#group-0", "组1": "timeline.md#group-1"}
    assert _entries(pages[0].markdown)[0] == ("第0篇", "articles/s0.md")


def test_a_long_index_is_split_into_pages_of_at_most_page_size_entries():
    sizes = (150, 300, 30)
    pages, starts = paginate("authors", "作者", "简介", _groups(*sizes))
    assert [p.src_uri for p in pages] == ["authors.md", "authors/2.md", "authors/3.md"]
    assert [p.in_nav for p in pages] == [True, False, False]
    counts = [len(_entries(p.markdown)) for p in pages]
    assert counts == [PAGE_SIZE, PAGE_SIZE, sum(sizes) - 2 * PAGE_SIZE]
    # Every article once, in order, linked relative to the page it is on.
    titles = [title for p in pages for title, _ in _entries(p.markdown)]
    assert titles == [f"第{n}篇" for n in range(sum(sizes))]
    assert _entries(pages[1].markdown)[0][1] == "../articles/s200.md"
    # Group 1 starts on page 1 and goes on, marked, on page 2.
    assert starts["组1"] == "authors.md#group-1" and starts["组2"] == "authors/3.md#group-2"
    assert "## 组1（续）" in pages[1].markdown
    assert "全部分组：" in pages[0].markdown and "(authors/3.md#group-2)（30）" in pages[0].markdown
    assert "[‹ 上一页](../authors.md)" in pages[1].markdown
    assert "[下一页 ›](3.md)" in pages[1].markdown
    assert "第 3 / 3 页" in pages[2].markdown and "下一页" not in pages[2].markdown


def test_an_empty_index_says_so():
    pages, _ = paginate("places", "发布地", "简介", [])
    assert len(pages) == 1 and "尚无文章" in pages[0].markdown


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    """450 synthetic seeds from the benchmark's generator."""
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    work = tmp_path_factory.mktemp("large")
    generate(450, work / "seeds")
    build_site(work / "site", seeds_dir=work / "seeds", strict=False)
    return BuiltSite(work / "site")


def _article_links(page) -> list[str]:
    return [a["href"] for a in page.select("article li a[href*='articles/']")]


@pytest.mark.parametrize("index", ["timeline", "authors", "sources", "places", "tags"])
def test_no_index_page_of_a_large_archive_lists_more_than_a_page(large_site, index):
    pages = [large_site.page(index)]
    pages += [
        large_site.page(str(p.parent.relative_to(large_site.root)))
        for p in sorted((large_site.root / index).glob("*/index.html"))
    ]
    assert all(len(_article_links(page)) <= PAGE_SIZE for page in pages)
    if index == "timeline":
        assert len(pages) == 3
        linked = {href.rsplit("articles/", 1)[1] for page in pages for href in _article_links(page)}
        assert len(linked) == 450
        pager = pages[1].select_one("nav.archive-pager")
        assert pager is not None and "第 2 / 3 页" in pager.get_text()


def test_the_home_page_shows_the_newest_fifty_and_leads_to_the_timeline(large_site):
    home = large_site.page("")
    assert len(home.select(".archive-list__item")) == 50
    more = home.select_one(".archive-more a")
    assert more["href"] == "timeline/" and "450" in more.get_text()
