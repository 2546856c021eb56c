"""A site built from a seeds folder of our own small fixtures, in every supported shape."""

from __future__ import annotations

import pytest
from conftest import BuiltSite, build_site

pytestmark = pytest.mark.site

FIXTURES = {
    "notes/说明.md": "# 一篇纯文本笔记\n\n正文里有 <b>看起来像标签</b> 的文字。\n",
    "untitled.txt": "没有标题的纯文本。\n",
    "blog/post.markdown": "---\ntitle: 博客\ndate: 2022-02-02 10:00:00\ntags: [甲]\n---\n正文。\n",
}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> BuiltSite:
    seeds = tmp_path_factory.mktemp("seeds")
    for name, text in FIXTURES.items():
        (seeds / name).parent.mkdir(parents=True, exist_ok=True)
        (seeds / name).write_text(text, encoding="utf-8")
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir, seeds_dir=seeds)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    site = BuiltSite(site_dir)
    site.seeds = seeds
    return site


def test_every_fixture_is_a_page_under_its_seed_path(fixture_site):
    titles = {
        "articles/notes/说明": "一篇纯文本笔记",
        "articles/untitled": "untitled",
        "articles/blog/post": "博客",
    }
    for path, title in titles.items():
        assert [h.get_text(strip=True) for h in fixture_site.page(path)("h1")] == [title]


def test_a_raw_markdown_seed_is_published_as_a_file_not_a_page(fixture_site):
    raw = fixture_site.root / "seeds" / "notes" / "说明.md"
    assert raw.read_bytes() == (fixture_site.seeds / "notes" / "说明.md").read_bytes()
    assert not (fixture_site.root / "seeds" / "notes" / "说明").exists()
    link = fixture_site.page("articles/notes/说明").select_one("a.archive-meta__raw")
    assert link["href"] == "../../../seeds/notes/%E8%AF%B4%E6%98%8E.md"


def test_tag_like_text_in_a_plain_capture_is_text(fixture_site):
    article = fixture_site.page("articles/notes/说明").select_one("article")
    assert article.find("b") is None
    assert "<b>看起来像标签</b>" in article.get_text()


def test_home_lists_undated_articles_after_dated_ones(fixture_site):
    items = fixture_site.page("").select(".archive-list__item")
    assert [i.select_one(".archive-list__title").get_text(strip=True) for i in items] == [
        "博客",
        "一篇纯文本笔记",
        "untitled",
    ]
