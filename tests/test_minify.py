"""Minified pages: smaller, and a metadata field's markup stays text for every parser."""

from __future__ import annotations

from bs4 import BeautifulSoup

from clippings.minify import minify_page

PAGE = """<!doctype html>
<html lang="zh">
  <head>
    <title>&lt;script&gt;alert(1)&lt;/script&gt;标题 - 剪报档案</title>
  </head>
  <body>
    <p>
      正文 &lt;b&gt; 与 <a href="articles/a/">链接</a>
    </p>
  </body>
</html>
"""


def test_a_minified_page_is_smaller_and_keeps_its_text_and_links():
    minified = minify_page(PAGE)
    assert len(minified) < len(PAGE)
    page = BeautifulSoup(minified, "html.parser")
    assert page.find("a")["href"] == "articles/a/"
    assert "正文 <b> 与" in page.p.get_text()


def test_escaped_markup_stays_escaped_in_titles_and_attributes():
    page = PAGE.replace("<p>", '<p title="&lt;script&gt;x()&lt;/script&gt;">')
    minified = minify_page(page)
    assert "<script" not in minified
    parsed = BeautifulSoup(minified, "html.parser")
    assert parsed.title.get_text() == "<script>alert(1)</script>标题 - 剪报档案"
    assert parsed.p["title"] == "<script>x()</script>"


def test_a_page_holding_the_placeholder_is_left_as_it_is():
    page = PAGE.replace("正文", "正文\ufdd0")
    assert minify_page(page) == page
