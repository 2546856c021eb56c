"""Property-based fuzzing: whatever bytes a seed holds, the pipeline neither raises
nor lets executable markup through to the page."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import markdown
from bs4 import BeautifulSoup
from html_safety import unsafe_markup
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.config import load_config
from seed_expectations import ROOT

from clippings.article_pages import render_article_page
from clippings.pipeline import read_seed
from clippings.records import SeedFile
from clippings.sanitize import sanitize_html

MARKERS = [
    "---", "title: 标题", "tags: [甲", "date: 20240101", "author: {a: 1}", "# 标题",
    "文章作者: 某号", "发布时间: 2024-13-45 99:99", "发布地: 上海",
    "原文链接: javascript:alert(1)", "封面图链接: data:image/png;base64,AAAA",
    "> id: x", "> link: http://a.example/p", "> title: GPT-8AI4",
    "_Published on Sat, 99 Foo 2025 04:21:39 GMT_", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "![](data:text/html,x)",
    "{: onclick=alert(1) style=position:fixed }", "```", "~~~", "****", "* * *", "-----",
    "END", "— 完 —", "往期回顾", "扫码关注我们", "  ", "\u200b", "\u00a0", "<", "`", "\\",
    "本文来自微信公众号“某号”，作者：某人", "https://mp.weixin.qq.com/s?__biz=a&chksm=b",
]  # fmt: skip

SEED = SeedFile(path=Path("fuzz.txt"), relative_path=PurePosixPath("fuzz.txt"))
CONFIG = load_config(str(ROOT / "mkdocs.yml"))


def _render(markdown_text: str) -> BeautifulSoup:
    body = markdown_text.split("---\n", 2)[2]
    converter = markdown.Markdown(
        extensions=CONFIG["markdown_extensions"], extension_configs=CONFIG["mdx_configs"]
    )
    return BeautifulSoup(sanitize_html(converter.convert(body)), "html.parser")


def _check(raw: bytes) -> None:
    cleaned, problems = read_seed(SEED, raw)
    assert all(problem.seed_path == "fuzz.txt" for problem in problems)
    if cleaned is None:
        assert problems
        return
    soup = _render(render_article_page(cleaned.article).markdown)
    assert unsafe_markup(soup, "alert") == []
    assert soup.find(["script", "iframe", "object", "embed", "style"]) is None


marker_documents = st.lists(st.one_of(st.sampled_from(MARKERS), st.text(max_size=20)), max_size=40)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"])
newlines = st.sampled_from(["\n", "\r\n", "\r"])


@given(st.binary(max_size=4000))
def test_random_bytes(raw):
    _check(raw)


@given(marker_documents, encodings, newlines)
def test_mixtures_of_capture_format_markers(lines, encoding, newline):
    _check(newline.join(lines).encode(encoding, errors="ignore"))
