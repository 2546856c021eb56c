"""Each dialect's detect and apply on a few lines written like its producer's output."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from clippings.archive_links import ArchiveTargets, settle_links
from clippings.decoding import decode_seed
from clippings.dialects import (
    apply_dialects,
    exporter_html,
    hexo_tags,
    jekyll_liquid,
    markdownload,
    obsidian_clipper,
)
from clippings.formats import parse_capture
from clippings.records import Article, Capture
from clippings.site_names import settle_site_names

CLIPPER = """---
title: "标题"
source: "https://example.org/a"
author:
  - "[[甲]]"
  - "[[乙|乙老师]]"
published: 2025-01-20
created: 2025-01-22
description: "摘要"
tags:
  - "clippings"
  - "AI"
---
正文
"""


def test_obsidian_clipper_properties():
    capture = apply_dialects(parse_capture(CLIPPER))
    assert capture.format == obsidian_clipper.NAME
    assert capture.authors == ("甲", "乙老师")
    assert capture.published == "2025-01-20" and capture.clipped == "2025-01-22"
    assert capture.source_url == "https://example.org/a" and capture.summary == "摘要"
    assert capture.tags == ("AI",) and capture.problems == ()


def test_callouts_fold_and_aliases():
    body = "> [!TLDR]+ 要点\n> 第一行\n>\n> 第二行\n\n> [!faq]-\n> 问答\n\n> 普通引用\n"
    capture = obsidian_clipper.apply(Capture("plain", body))
    assert '???+ abstract "要点"\n\n    第一行\n\n    第二行' in capture.body
    assert "??? question\n\n    问答" in capture.body
    assert "> 普通引用" in capture.body


def test_callouts_inside_code_are_left_alone():
    body = "```\n> [!note] 示例\n```\n"
    assert not obsidian_clipper.detect(Capture("plain", body))


def test_wikilinks_and_embeds_settle_against_the_archive(tmp_path: Path):
    (tmp_path / "图").mkdir()
    (tmp_path / "图" / "a.png").write_bytes(b"png bytes")
    body = "见 [[笔记甲|这里]]、[[不存在]] 和 `[[代码]]`。\n\n![[a.png|300]]\n\n![[b.png]]\n"
    capture = obsidian_clipper.apply(Capture("plain", body))
    targets = ArchiveTargets({"笔记甲": "articles/sub/笔记甲.md"}, tmp_path)
    settled = settle_links(capture.body, "x.md", "articles/x.md", targets)
    assert "[这里](sub/笔记甲.md)" in settled
    assert "、不存在 和 `[[代码]]`" in settled
    name = next(iter(targets.media))
    assert f"![](../media/captured/{name})" in settled and targets.media[name] == b"png bytes"
    assert "b\\.png 未随剪藏保存" in settled


MARKDOWNLOAD = """---
created: 2024-06-02T10:15:00 (UTC +08:00)
tags: []
source: https://example.com/p/1
author: 某人
---

# 标题 - 副题 | 站点

> ## Excerpt
> 摘要第一句。

---
正文。
"""


def test_markdownload_title_created_and_excerpt():
    capture = apply_dialects(parse_capture(MARKDOWNLOAD))
    assert capture.format == markdownload.NAME
    assert capture.title == "标题 - 副题 | 站点" and capture.title_site_suffix == "站点"
    assert capture.clipped == "2024-06-02T10:15:00+08:00"
    assert capture.summary == "摘要第一句。"
    assert capture.body.strip() == "正文。"


def _article(title: str, suffix: str | None, url: str, site: str | None = None) -> Article:
    return Article("id", "p.md", "markdownload", "utf-8", "0", title, "", source_url=url,
                   title_site_suffix=suffix, site_name=site)  # fmt: skip


def test_site_name_is_moved_only_where_the_archive_shows_it_is_one():
    alone = _article("GPT-5 - 一场访谈", "一场访谈", "https://a.example/1")
    pair = [_article(f"文{n} | 站点", "站点", f"https://b.example/{n}") for n in (1, 2)]
    named = _article("文 | 某站", "某站", "https://c.example/1", site="某站")
    host = _article("Post - Example", "Example", "https://www.example.com/x")
    settled = settle_site_names([alone, *pair, named, host])
    assert [a.title for a in settled] == ["GPT-5 - 一场访谈", "文1", "文2", "文", "Post"]
    assert settled[1].site_name == "站点" and settled[0].site_name is None


def test_hexo_tags():
    body = (
        '摘要段。\n<!-- more -->\n正文。\n\n{% img left /images/a.png 300 200 "图题" %}\n\n'
        "{% code lang:js %}\nlet a = `x`;\n{% endcode %}\n\n"
        "{% blockquote David Levithan, Wide Awake https://example.com/book %}\n引文\n"
        "{% endblockquote %}\n"
    )
    capture = hexo_tags.apply(Capture("front-matter", body))
    assert capture.summary == "摘要段。"
    assert "<!--" not in capture.body
    assert "![图题](archive:file/images/a.png)\n\n*图题*" in capture.body
    assert "```js\nlet a = `x`;\n```" in capture.body
    assert "> 引文\n>\n> —— David Levithan, Wide Awake [https://example" in capture.body


def test_jekyll_excerpt_separator_highlight_and_raw():
    text = (
        "---\ntitle: t\nexcerpt_separator: <!--more-->\n---\n开头。\n<!--more-->\n"
        "{% highlight python linenos %}\nprint(1)\n{% endhighlight %}\n"
        "{% raw %}{% if %}{% endraw %}\n"
    )
    capture = apply_dialects(parse_capture(text))
    assert capture.summary == "开头。"
    assert "```python\nprint(1)\n```" in capture.body
    assert "{% if %}" in capture.body and capture.problems == ()
    assert jekyll_liquid.detect(replace(capture, body="{% x %}"))


def test_template_tags_in_code_are_code():
    body = "```\n{% highlight ruby %}\n{% endhighlight %}\n```\n"
    assert apply_dialects(Capture("plain", body)).body == body


def test_exporter_markup_in_code_stays_code():
    body = "<section>文</section>\n\n```html\n<span style='x'>保留</span>\n```\n"
    capture = apply_dialects(Capture("plain", body))
    assert capture.body.startswith("文")
    assert "<span style='x'>保留</span>" in capture.body


def test_a_note_with_a_typed_tag_is_not_exporter_html():
    capture = apply_dialects(Capture("plain", "正文里有 <b>看起来像标签</b> 的文字。\n"))
    assert "<b>看起来像标签</b>" in capture.body and capture.problems == ()


def test_a_tag_no_exporter_uses_stays_text():
    capture = Capture("plain", "模型先输出<span>思考</span> <think>推理过程</think>&nbsp;。\n")
    assert exporter_html.detect(capture)
    converted = exporter_html.apply(capture)
    assert "<think>推理过程</think>" in converted.body
    assert "<span>" not in converted.body and "&nbsp;" not in converted.body
    assert any("<think>" in problem for problem in converted.problems)


def test_unknown_template_tags_and_callouts_are_named_and_kept():
    capture = apply_dialects(Capture("plain", "{% youtube abc %}\n\n> [!custom] 标题\n> 正文\n"))
    assert "{% youtube abc %}" in capture.body and "正文" in capture.body
    assert any("{% youtube abc %}" in p for p in capture.problems)
    assert any("[!custom]" in p for p in capture.problems)


def test_html_charset_is_read_from_the_page():
    page = '<!DOCTYPE html><html><head><meta charset="gbk"><title>标题</title></head>'
    decoded = decode_seed((page + "<body><p>中文正文</p></body></html>").encode("gbk"))
    assert decoded.encoding == "gbk" and "中文正文" in decoded.text
