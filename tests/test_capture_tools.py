"""Captures made like each clipping tool's default output, built into a real site.

The fixtures under tests/fixtures/capture_tools/ were written for these tests after
each tool's documented default template: Obsidian Web Clipper, MarkDownload,
SingleFile, a WeChat article saved from the browser, a Hexo post with tag plugins, a
Jekyll post with `highlight`, and a WeChat export with exporter HTML.
"""

from __future__ import annotations

import shutil
from urllib.parse import unquote

import pytest
from conftest import BuiltSite, build_site
from seed_expectations import ROOT

pytestmark = pytest.mark.site

FIXTURES = ROOT / "tests" / "fixtures" / "capture_tools"
LEFTOVERS = ("[[", "]]", "[!", "{%", "%}", "<!--", "-->", "&nbsp;", "<br", "<span", "<section")

# slug: title, authors, published, captured (or None), source URL
EXPECTED = {
    "obsidian-web-clipper": (
        "推理模型如何思考", ["王明", "Sarah Chen"], "2025-01-20T00:00:00+08:00",
        "2025-01-22T00:00:00+08:00", "https://www.example-ai.org/posts/reasoning-models",
    ),
    "markdownload-clip": (
        "用快捷指令整理剪藏", ["少数派编辑部"], None, "2024-06-02T10:15:00+08:00",
        "https://sspai.example.com/post/88001",
    ),
    "singlefile-page": (
        "长上下文模型的三种记忆方式", ["林晓"], "2024-05-30T08:00:00+08:00",
        "2024-06-02T10:15:00+08:00", "https://www.example-tech.com/2024/06/long-context-models",
    ),
    "wechat-saved-page": (
        "芯片工厂里的一天", ["周工"], "2024-06-02T10:15:00+08:00", None,
        "https://mp.weixin.qq.com/s?__biz=MzIzNjc1NzUzMw==&mid=2247700001&idx=1&sn=abc123",
    ),
    "hexo-post": (
        "在树莓派上跑小模型", ["赵一"], "2024-03-08T20:30:00+08:00", None,
        "https://blog.example-hexo.net/2024/03/08/pi-llm/",
    ),
    "jekyll-post": (
        "Ruby 里的惰性枚举", ["钱二"], "2023-11-12T09:00:00+08:00", None,
        "https://jekyll.example.io/2023/11/12/lazy-enumerators.html",
    ),
    "wechat-export-html": (
        "一次关于推理词元的对话", ["前沿观察"], "2025-02-10T08:30:00+08:00", None,
        "https://mp.weixin.qq.com/s?__biz=MzA5NzYxODAwMQ==&mid=2650001&idx=1&sn=f00d",
    ),
}  # fmt: skip


@pytest.fixture(scope="module")
def tools_site(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("tool-seeds") / "seeds"
    shutil.copytree(FIXTURES, seeds)
    site_dir = tmp_path_factory.mktemp("tool-site")
    result = build_site(site_dir, seeds_dir=seeds, strict=True)
    return result, BuiltSite(site_dir)


def test_fixtures_build_strict_with_no_warnings(tools_site):
    result, _ = tools_site
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr


@pytest.mark.parametrize("slug", list(EXPECTED))
def test_each_tool_shows_title_authors_dates_and_source(tools_site, slug):
    _, site = tools_site
    title, authors, published, captured, source = EXPECTED[slug]
    page = site.page(f"articles/{slug}")
    assert page.select_one("article h1").get_text(strip=True) == title
    meta = page.select_one(".md-sidebar--secondary .archive-meta")
    assert meta.select_one(".archive-meta__author").get_text() == "、".join(authors)
    shown = meta.select_one(".archive-meta__published")
    assert (shown["datetime"] if shown else None) == published
    clipped = meta.select_one(".archive-meta__clipped")
    assert (clipped["datetime"] if clipped else None) == captured
    assert meta.select_one("a.archive-meta__source")["href"] == source


def test_several_authors_are_listed_as_several(tools_site):
    _, site = tools_site
    authors = site.page("authors")
    names = [heading.get_text(strip=True).rstrip("¶") for heading in authors.select("h2")]
    assert "王明" in names and "Sarah Chen" in names


@pytest.mark.parametrize("slug", [*EXPECTED, "另一篇笔记", "markdownload-second"])
def test_no_producer_markup_is_left_in_the_text(tools_site, slug):
    _, site = tools_site
    article = site.page(f"articles/{slug}").select_one("article .md-content__inner, article")
    text = article.get_text()
    for leftover in LEFTOVERS:
        assert leftover not in text, (slug, leftover)
    assert "Excerpt" not in [h.get_text(strip=True) for h in article.select("h2, h3, h4")]


def test_markdownload_excerpt_is_the_summary_and_site_name_moves_to_the_source(tools_site):
    _, site = tools_site
    page = site.page("articles/markdownload-clip")
    assert page.find("meta", attrs={"name": "description"})["content"].startswith("一个快捷指令")
    assert page.select_one("article").get_text().count("一个快捷指令，把网页剪藏") == 1
    assert page.select_one(".archive-meta__site").get_text() == "少数派样例"
    second = site.page("articles/markdownload-second").select_one("article h1")
    assert second.get_text(strip=True) == "我的阅读器配置 - 2024 版"


def test_obsidian_callouts_are_admonitions_and_wikilinks_links(tools_site):
    _, site = tools_site
    article = site.page("articles/obsidian-web-clipper").select_one("article")
    note = article.select_one(".admonition.note")
    assert note.select_one(".admonition-title").get_text(strip=True) == "编者注"
    assert article.select_one(".admonition.warning") is not None
    folded = article.select_one("details.tip")
    assert folded is not None and not folded.has_attr("open")
    link = article.find("a", string="上一篇关于成本的笔记")
    assert unquote(link["href"]) == "../另一篇笔记/"
    image = article.select_one("img[src*='media/']")
    assert (site.root / "articles" / "obsidian-web-clipper" / image["src"]).resolve().is_file()
    assert "没有保存的图.png 未随剪藏保存" in article.get_text()


def test_hexo_and_jekyll_tags_become_real_elements(tools_site):
    _, site = tools_site
    hexo = site.page("articles/hexo-post").select_one("article")
    quote = hexo.find("blockquote")
    assert "过早的优化是万恶之源。" in quote.get_text() and "高德纳" in quote.get_text()
    assert "llama_cpp.server" in hexo.select_one("pre code").get_text()
    assert hexo.select_one("img[src*='media/']")["alt"] == "树莓派 5 主板"
    jekyll = site.page("articles/jekyll-post").select_one("article")
    assert "lazy.select" in jekyll.select_one("pre code").get_text()
    assert "{{ page.title }}" in jekyll.get_text()


def test_exporter_html_is_unwrapped_and_its_text_kept(tools_site):
    _, site = tools_site
    article = site.page("articles/wechat-export-html").select_one("article")
    assert article.find("strong", string="思考词元") is not None
    # The exporter's <br> fell inside a sentence: the sentence reads whole (issue #14).
    assert "她说，模型输出里夹着的重点部分往往是最值得看的。" in article.get_text()


def test_html_pages_show_the_article_and_none_of_the_page_around_it(tools_site):
    _, site = tools_site
    for slug, kept, dropped in [
        ("singlefile-page", ["检索增强把长文档切成小块", "压缩记忆的实现"],
         ["关于我们导航栏", "热门文章侧栏", "相关推荐", "页脚信息", "SITE_TRACKER", "font-family",
          "analytics comment"]),
        ("wechat-saved-page", ["黄光区是光刻机所在的地方", "良率是工厂的体温计"],
         ["顶部广告横幅", "微信扫一扫", "喜欢此内容的人还喜欢", "WX_TRACKER", "阅读 10万+"]),
    ]:  # fmt: skip
        article = site.page(f"articles/{slug}").select_one("article")
        text = article.get_text()
        assert all(phrase in text for phrase in kept), slug
        assert not [phrase for phrase in dropped if phrase in text], slug
    singlefile = site.page("articles/singlefile-page").select_one("article")
    assert singlefile.find("table") is not None and singlefile.find("blockquote") is not None
    assert "def compress" in singlefile.select_one("pre code").get_text()


def test_embedded_images_are_served_as_files(tools_site):
    _, site = tools_site
    image = site.page("articles/singlefile-page").select_one("article img")
    assert not image["src"].startswith("data:")
    served = (site.root / "articles" / "singlefile-page" / image["src"]).resolve()
    assert served.read_bytes().startswith(b"\x89PNG")
    html = (site.root / "articles" / "singlefile-page" / "index.html").read_text(encoding="utf-8")
    assert "base64" not in html


def test_raw_html_seeds_are_published_as_text(tools_site):
    _, site = tools_site
    raw = site.root / "seeds" / "singlefile-page.html.txt"
    assert raw.read_bytes() == (FIXTURES / "singlefile-page.html").read_bytes()
    assert not (site.root / "seeds" / "singlefile-page.html").exists()
    link = site.page("articles/singlefile-page").select_one("a.archive-meta__raw")
    assert link["href"].endswith("seeds/singlefile-page.html.txt")


def test_archive_json_of_the_tools_site_matches_its_schema(tools_site):
    import json

    from jsonschema import Draft202012Validator

    _, site = tools_site
    schema = json.loads((ROOT / "docs" / "archive.schema.json").read_text("utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    records = json.loads((site.root / "archive.json").read_text("utf-8"))
    for record in records:
        validator.validate(record)
    by_id = {record["seed_id"]: record for record in records}
    assert by_id["obsidian-web-clipper"]["authors"] == ["王明", "Sarah Chen"]
    assert by_id["singlefile-page"]["raw_path"] == "seeds/singlefile-page.html.txt"
    assert by_id["markdownload-clip"]["clipped"] == "2024-06-02T10:15:00+08:00"
