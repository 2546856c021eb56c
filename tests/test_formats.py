"""Each capture format's detect and parse, on small fixtures written for these tests."""

from __future__ import annotations

import pytest

from clippings.formats import feed, front_matter, parse_capture, plain, wechat

WECHAT = """# 一篇测试文章

文章作者: 测试号
发布时间: 2024-01-02 03:04
发布地: 北京
原文链接: http://mp.weixin.qq.com/s?__biz=AAA==&mid=1&idx=2&sn=abc&chksm=zz#rd

封面图链接: https://mmbiz.qpic.cn/cover/300

正文第一段。
"""

FEED = """> id: https://example.com/p/1

> link: https://example.com/p/1?utm_source=rss

> title: Example Title

# Example Title
_Published on Tue, 02 Jan 2024 03:04:05 GMT_

Body text.
"""

FRONT_MATTER = """---
title: 博客标题
author: 某人
date: 2024-01-02 03:04:05
tags: [甲, 乙]
categories:
- - 科技
  - 产品
description: 一句话摘要
---
正文。
"""


@pytest.mark.parametrize(
    ("text", "module"),
    [(WECHAT, wechat), (FEED, feed), (FRONT_MATTER, front_matter), ("just words\n", plain)],
)
def test_format_detected_from_content(text, module):
    assert parse_capture(text).format == module.NAME


def test_wechat_header_fields():
    capture = wechat.parse(WECHAT)
    assert capture.title == "一篇测试文章"
    assert capture.author == "测试号"
    assert capture.published == "2024-01-02 03:04"
    assert capture.naive_timezone == "Asia/Shanghai"
    assert capture.place == "北京"
    assert capture.source_url.startswith("http://mp.weixin.qq.com/s?__biz=AAA==")
    assert capture.cover_image == "https://mmbiz.qpic.cn/cover/300"
    assert capture.body.strip() == "正文第一段。"


def test_wechat_accepts_full_width_colons_and_missing_lines():
    text = "# 标题\n\n文章作者：某号\n\n正文\n"
    capture = parse_capture(text)
    assert capture.format == wechat.NAME
    assert capture.author == "某号"
    assert capture.published is None and capture.place is None


def test_a_heading_alone_is_not_a_wechat_export():
    assert not wechat.detect("# 只是一个标题\n\n正文：有冒号\n")


def test_feed_fields_and_repeated_title_removed():
    capture = feed.parse(FEED)
    assert capture.title == "Example Title"
    assert capture.published == "Tue, 02 Jan 2024 03:04:05 GMT"
    assert capture.source_url == "https://example.com/p/1?utm_source=rss"
    assert capture.body.strip() == "Body text."
    assert not capture.title_suspect


def test_feed_title_without_cjk_over_cjk_body_is_suspect():
    text = FEED.replace("Body text.", "这是一篇中文正文，标题里的中文字符被导出工具删掉了。" * 3)
    assert feed.parse(text).title_suspect


def test_a_quote_block_is_not_a_feed_capture():
    assert not feed.detect("> 一段引用\n\n正文\n")


def test_front_matter_fields():
    capture = front_matter.parse(FRONT_MATTER)
    assert capture.title == "博客标题"
    assert capture.author == "某人"
    assert capture.published == "2024-01-02T03:04:05"
    assert capture.tags == ("甲", "乙")
    assert capture.categories == ("科技", "产品")
    assert capture.summary == "一句话摘要"
    assert capture.body == "正文。\n"
    assert capture.problems == ()


def test_front_matter_of_the_wrong_shape_keeps_what_can_be_read():
    text = "---\ntitle: 标题\ntags: 甲, 乙\nauthor:\n  name: 某人\n---\n正文\n"
    capture = front_matter.parse(text)
    assert capture.title == "标题"
    assert capture.tags == ("甲", "乙")
    assert capture.author is None
    assert len(capture.problems) == 2


def test_front_matter_that_is_not_yaml_keeps_the_body():
    capture = front_matter.parse("---\ntitle: [unclosed\n---\n正文\n")
    assert capture.title is None
    assert capture.body == "正文\n"
    assert "not valid YAML" in capture.problems[0]


def test_plain_title_from_first_heading():
    capture = plain.parse("\n## 小标题 ##\n\n正文\n")
    assert capture.title == "小标题"
    assert capture.body.strip() == "正文"


def test_plain_without_heading_has_no_title():
    capture = plain.parse("没有标题的正文\n# 后面的标题不算\n")
    assert capture.title is None
    assert capture.body.startswith("没有标题的正文")
