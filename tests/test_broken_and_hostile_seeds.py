"""Broken and hostile seeds: a clear warning each, nothing lost, nothing executed.

The site is built from a temporary seeds folder of fixtures written for these tests.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from urllib.parse import quote, urljoin
from urllib.request import urlopen

import pytest
from bs4 import BeautifulSoup
from conftest import BuiltSite, build_site
from harness import StaticServer
from html_safety import unsafe_markup

pytestmark = pytest.mark.site

MARKER = "PWNED"
CHINESE = "这是一段用来测试编码的中文正文，保存在一台旧电脑上，希望能被正确读出。" * 4
TRADITIONAL = "這是一段用來測試編碼的繁體中文正文，保存在一台舊電腦上，希望能被正確讀出。" * 4


def _wechat(title: str, link: str, body: str = "正文。", when: str = "2024-01-02 03:04") -> str:
    return (
        f"# {title}\n\n文章作者: 测试号\n发布时间: {when}\n发布地: 北京\n原文链接: {link}\n\n"
        f"{body}\n"
    )


HOSTILE_BODY = f"""正文开始。

<script>alert("{MARKER}")</script>

<iframe src="https://evil.example/{MARKER}"></iframe>
<object data="https://evil.example/{MARKER}.swf"></object><embed src="x.swf">
<style>body {{ display: none }} /* {MARKER} */</style>
<img src="x" onerror="alert('{MARKER}')">

[点我](javascript:alert('{MARKER}')) [再点](vbscript:msgbox("{MARKER}"))
[数据](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
![图](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)

覆盖整页的段落 {{: style="position:fixed;inset:0" onclick="alert('{MARKER}')" }}

[外部链接](https://example.com/page)
"""

BYTES_FIXTURES: dict[str, bytes] = {
    "empty.txt": b"",
    "blank.txt": b"  \n\n\t\r\n",
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    "gb18030.txt": f"# 简体标题\n\n{CHINESE}\n".encode("gb18030"),
    "big5.txt": f"# 繁體標題\n\n{TRADITIONAL}\n".encode("big5"),
    "utf16.txt": f"# UTF-16 标题\r\n\r\n{CHINESE}\r\n".encode("utf-16"),
    "bom-crlf.txt": b"\xef\xbb\xbf" + f"# 带 BOM 的标题\r\n\r\n{CHINESE}\r\n".encode(),
    "old-mac.txt": f"# 旧 Mac 换行\r\r{CHINESE}\r".encode(),
}

TEXT_FIXTURES: dict[str, str] = {
    "bad-yaml.md": "---\ntitle: [没有闭合\ndate: 2024-01-01\n---\n坏 YAML 之后的正文仍然发布。\n",
    "wrong-shape.md": (
        "---\ntitle: 形状不对的元数据\ntags: 甲, 乙\ndate: 20240101\n"
        "author:\n  name: 某人\n---\n形状不对时正文照样发布。\n"
    ),
    "readable-dates.md": (
        "---\ntitle: 能读懂的日期\ndate: 'Sat, 11 Mar 2023 16:02:55 GMT'\n"
        "updated: 2024-1-27T17:38:30.449+8:0\n---\n正文。\n"
    ),
    "unreadable-date.txt": _wechat(
        "读不懂的日期", "https://example.com/unreadable", when="去年某个下午"
    ),
    "dup-a.txt": _wechat(
        "同一篇文章甲", "http://mp.weixin.qq.com/s?__biz=QQ==&mid=1&idx=1&sn=abc&chksm=1#rd"
    ),
    "sub/dup-b.txt": _wechat(
        "同一篇文章乙",
        "https://mp.weixin.qq.com/s?__biz=QQ==&mid=1&idx=1&sn=abc&scene=21#wechat_redirect",
    ),
    "same.txt": "# 同名文本\n\n正文。\n",
    "same.md": "# 同名 Markdown\n\n正文。\n",
    "Case.txt": "# 大写文件名\n\n正文。\n",
    "case.txt": "# 小写文件名\n\n正文。\n",
    "with space.txt": "# 空格文件名\n\n正文。\n",
    "中文 名字.txt": "# 中文文件名\n\n正文。\n",
    "hash#tag.txt": "# 井号文件名\n\n正文。\n",
    "what?.txt": "# 问号文件名\n\n正文。\n",
    "100%.txt": "# 百分号文件名\n\n正文。\n",
    "hostile.md": (
        f"---\ntitle: <script>alert('{MARKER}')</script>标题\n"
        f"author: <img src=x onerror=alert('{MARKER}')>\n"
        f"tags: ['<b onmouseover=alert(1)>{MARKER}</b>']\n"
        f"cover: javascript:alert('{MARKER}')\n---\n{HOSTILE_BODY}"
    ),
}

LARGE_SEED = "large.txt"
LARGE_BYTES = 4 * 1024 * 1024

EXPECTED_WARNINGS = {
    "empty.txt": "is empty",
    "blank.txt": "is empty",
    "image.txt": "binary",
    "bad-yaml.md": "not valid YAML",
    "wrong-shape.md": "'tags' should be a list",
    "unreadable-date.txt": "could not be read",
    "dup-a.txt": "same article as seeds/sub/dup-b.txt",
    "sub/dup-b.txt": "same article as seeds/dup-a.txt",
    "same.txt": "page address",
    "same.md": "page address",
    "Case.txt": "page address",
    "case.txt": "page address",
    "outside.txt": "symlink points outside seeds/",
    "hostile.md": "cover image",
}


def _write_fixtures(seeds: Path, outside: Path) -> None:
    for name, data in BYTES_FIXTURES.items():
        (seeds / name).write_bytes(data)
    for name, text in TEXT_FIXTURES.items():
        (seeds / name).parent.mkdir(parents=True, exist_ok=True)
        (seeds / name).write_text(text, encoding="utf-8")
    paragraph = ("很长的采集文件里的一段话，" * 40 + "\n\n").encode()
    (seeds / LARGE_SEED).write_bytes(b"# large\n\n" + paragraph * (LARGE_BYTES // len(paragraph)))
    secret = outside / "secret.txt"
    secret.write_text(f"# 不该发布的秘密 {MARKER}\n", encoding="utf-8")
    os.symlink(secret, seeds / "outside.txt")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("seeds")
    _write_fixtures(seeds, tmp_path_factory.mktemp("outside"))
    site_dir = tmp_path_factory.mktemp("site")
    plain = build_site(site_dir, seeds_dir=seeds, strict=False)
    strict = build_site(tmp_path_factory.mktemp("strict-site"), seeds_dir=seeds, strict=True)
    site = BuiltSite(site_dir)
    return plain, strict, site


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("WARNING")]


def test_plain_build_succeeds_and_lists_one_warning_per_problem(hostile):
    plain, _, _ = hostile
    assert plain.returncode == 0, plain.stderr
    warnings = _warnings(plain.stderr)
    for name, reason in EXPECTED_WARNINGS.items():
        mine = [w for w in warnings if f"seeds/{name}:" in w]
        assert len(mine) == 1, (name, mine)
        assert reason in mine[0]
    assert len(warnings) == len(EXPECTED_WARNINGS)


def test_warnings_come_after_the_pages_are_built(hostile):
    plain, _, _ = hostile
    lines = plain.stderr.splitlines()
    first_warning = next(i for i, line in enumerate(lines) if line.startswith("WARNING"))
    assert not [line for line in lines[first_warning:] if "Building documentation" in line]


def test_strict_build_fails_on_the_same_warnings(hostile):
    _, strict, _ = hostile
    assert strict.returncode != 0
    assert "Aborted with" in strict.stdout + strict.stderr


@pytest.mark.parametrize("name", ["empty", "blank", "image", "outside"])
def test_no_page_for_seeds_with_nothing_to_publish(hostile, name):
    _, _, site = hostile
    assert not (site.root / "articles" / name).exists()
    assert not (site.root / "seeds" / f"{name}.txt").exists()


def test_nothing_of_a_symlink_target_is_published(hostile):
    _, _, site = hostile
    for path in site.root.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".txt", ".json", ".md"):
            assert "不该发布的秘密" not in path.read_text(encoding="utf-8", errors="replace"), path


@pytest.mark.parametrize(
    ("slug", "title", "encoding"),
    [
        ("gb18030", "简体标题", "gb18030"),
        ("big5", "繁體標題", "big5"),
        ("utf16", "UTF-16 标题", "utf-16"),
        ("bom-crlf", "带 BOM 的标题", "utf-8-sig"),
        ("old-mac", "旧 Mac 换行", "utf-8"),
    ],
)
def test_encodings_are_read_and_recorded(hostile, slug, title, encoding):
    _, _, site = hostile
    page = site.page(f"articles/{slug}")
    assert page.select_one("article h1").get_text(strip=True) == title
    assert CHINESE[:20] in page.get_text() or TRADITIONAL[:20] in page.get_text()
    assert (
        page.select_one(".md-sidebar--secondary .archive-meta__encoding").get_text(strip=True)
        == encoding
    )


def test_bad_front_matter_still_publishes_the_body(hostile):
    _, _, site = hostile
    assert "坏 YAML 之后的正文仍然发布。" in site.page("articles/bad-yaml").get_text()
    page = site.page("articles/wrong-shape")
    assert page.select_one("article h1").get_text(strip=True) == "形状不对的元数据"
    assert "形状不对时正文照样发布。" in page.get_text()
    meta = page.select_one(".md-sidebar--secondary .archive-meta")
    assert [t.get_text() for t in meta.select(".archive-meta__tag")] == ["甲", "乙"]
    assert meta.select_one(".archive-meta__author") is None
    assert meta.select_one(".archive-meta__published") is None


def test_dates_a_person_can_read_are_read(hostile):
    _, _, site = hostile
    meta = site.page("articles/readable-dates").select_one(".md-sidebar--secondary")
    assert meta.select_one(".archive-meta__published")["datetime"] == "2023-03-11T16:02:55+00:00"
    assert meta.select_one(".archive-meta__updated")["datetime"] == (
        "2024-01-27T17:38:30.449000+08:00"
    )
    assert site.page("articles/unreadable-date").select_one(".archive-meta__published") is None


def test_a_file_of_several_megabytes_is_built(hostile):
    _, _, site = hostile
    html = (site.root / "articles" / "large" / "index.html").read_text(encoding="utf-8")
    assert html.count("很长的采集文件里的一段话") > 100_000
    assert (site.root / "seeds" / LARGE_SEED).stat().st_size >= LARGE_BYTES - 1000


def test_two_captures_of_one_article_are_both_kept_and_flagged(hostile):
    _, _, site = hostile
    for slug, other in [("dup-a", "sub/dup-b"), ("sub/dup-b", "dup-a")]:
        notice = site.page(f"articles/{slug}").select_one(".admonition.archive-same-source")
        assert notice is not None
        link = notice.find("a")
        assert link.get_text() == f"seeds/{other}.txt"
        target = urljoin(f"/articles/{slug}/", link["href"])
        assert target == f"/articles/{other}/"


@pytest.mark.server
def test_every_page_and_raw_seed_is_reachable_at_a_working_url(hostile):
    _, _, site = hostile
    with StaticServer(site.root) as server:
        base = server.url
        home = BeautifulSoup(urlopen(base, timeout=10).read(), "html.parser")
        titles = {}
        for link in home.select(".archive-list__title"):
            url = urljoin(base, link["href"])
            page = BeautifulSoup(urlopen(url, timeout=10).read(), "html.parser")
            titles[link.get_text(strip=True)] = page.select_one("article h1").get_text(strip=True)
            raw = page.select_one(".md-sidebar--secondary a.archive-meta__raw")
            assert urlopen(urljoin(url, raw["href"]), timeout=10).status == 200
    for title in [
        "空格文件名",
        "中文文件名",
        "井号文件名",
        "问号文件名",
        "百分号文件名",
        "同名文本",
        "同名 Markdown",
        "大写文件名",
        "小写文件名",
    ]:
        assert titles.get(title) == title
    assert len(titles) == len(TEXT_FIXTURES) + len(BYTES_FIXTURES) - 3 + 1


def test_raw_seeds_with_url_breaking_names_are_byte_identical(hostile):
    _, _, site = hostile
    for name in ["with space.txt", "中文 名字.txt", "hash#tag.txt", "what?.txt", "100%.txt"]:
        assert (site.root / "seeds" / name).read_bytes() == TEXT_FIXTURES[name].encode()


def test_no_built_page_carries_executable_content(hostile):
    _, _, site = hostile
    pages = list(site.root.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert unsafe_markup(soup, MARKER) == [], path


def test_hostile_metadata_is_shown_as_text(hostile):
    _, _, site = hostile
    page = site.page("articles/hostile")
    title = f"<script>alert('{MARKER}')</script>标题"
    assert page.select_one("article h1").get_text(strip=True) == title
    assert (
        page.select_one("[data-md-component=header-topic] .md-ellipsis").get_text(strip=True)
        == title
    )
    assert page.title.get_text().startswith(title)
    meta = page.select_one(".md-sidebar--secondary .archive-meta")
    assert meta.select_one(".archive-meta__author").get_text() == (
        f"<img src=x onerror=alert('{MARKER}')>"
    )
    assert meta.select_one("img.archive-meta__cover") is None
    home = site.page("")
    assert title in [a.get_text(strip=True) for a in home.select(".archive-list__title")]


def test_hostile_body_is_text_and_links_are_safe(hostile):
    _, _, site = hostile
    article = site.page("articles/hostile").select_one("article")
    text = article.get_text()
    assert f'<script>alert("{MARKER}")</script>' in text
    assert f'<iframe src="https://evil.example/{MARKER}"></iframe>' in text
    external = article.find("a", string="外部链接")
    assert set(external["rel"]) == {"noopener", "noreferrer"}
    for name in ("点我", "再点", "数据"):
        link = article.find("a", string=name)
        assert link is None or not link.get("href")


def test_search_data_from_seeds_is_text_for_the_worker_to_escape(hostile):
    _, _, site = hostile
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    # Material renders its index as HTML: no article may reach it.
    assert not [doc for doc in index["docs"] if doc["location"].startswith("articles/")]
    chunks = (site.root / "search" / "archive" / "documents").glob("*.js")
    shown = "".join(chunk.read_text(encoding="utf-8") for chunk in chunks)
    # Titles travel as JSON strings; the worker escapes them before Material shows them.
    assert "<script>" in shown


def test_raw_links_percent_encode_characters_that_break_urls(hostile):
    _, _, site = hostile
    seed_hash = hashlib.sha1(b"hash#tag").hexdigest()[:8]
    link = site.page(f"articles/hash-tag-{seed_hash}").select_one("a.archive-meta__raw")
    assert link["href"].endswith(quote("hash#tag.txt"))
