"""Links, images, and text that only looks like HTML."""

from __future__ import annotations

from dataclasses import replace

from test_article_pages import ARTICLE

from clippings.cleaning.links import (
    canonicalise_wechat_links,
    drop_cover_duplicate,
    escape_raw_html,
    link_bare_urls,
)


def test_wechat_links_in_the_body_lose_tracking():
    body = "[旧文](http://mp.weixin.qq.com/s?__biz=A==&mid=1&idx=1&sn=x&chksm=y&scene=21#wechat_redirect)"
    assert canonicalise_wechat_links(body, ARTICLE) == (
        "[旧文](https://mp.weixin.qq.com/s?__biz=A==&mid=1&idx=1&sn=x)"
    )


def test_other_links_are_left_alone():
    body = "[x](https://example.com/?utm_source=a)"
    assert canonicalise_wechat_links(body, ARTICLE) == body


def test_bare_urls_become_autolinks_and_stop_at_cjk():
    body = "论文：https://arxiv.org/abs/1.2，作者 见 https://e.com/a. 结束"
    assert link_bare_urls(body, ARTICLE) == (
        "论文：<https://arxiv.org/abs/1.2>，作者 见 <https://e.com/a>. 结束"
    )


def test_urls_already_linked_or_in_code_are_not_touched():
    body = "[https://a.com](https://a.com) <https://b.com> `https://c.com` ![](https://d.com/i.png)"
    assert link_bare_urls(body, ARTICLE) == body


def test_tags_in_captured_text_are_shown_not_parsed():
    body = "<think> (id: 128798)\n</think>\n<script>alert(1)</script>\n"
    assert escape_raw_html(body, ARTICLE) == (
        "&lt;think> (id: 128798)\n&lt;/think>\n&lt;script>alert(1)&lt;/script>\n"
    )


def test_autolinks_code_and_comparisons_keep_their_angle_brackets():
    body = "<https://a.com> `<b>` 1 < 2\n```\n<div>\n```\n"
    assert escape_raw_html(body, ARTICLE) == body


def test_body_image_that_is_the_cover_at_another_size_is_dropped():
    article = replace(ARTICLE, cover_image="https://mmbiz.qpic.cn/mmbiz_jpg/ABC/300")
    body = "![](https://mmbiz.qpic.cn/mmbiz_jpg/ABC/640?wx_fmt=jpeg)\n![](https://mmbiz.qpic.cn/mmbiz_jpg/DEF/640)\n"
    assert drop_cover_duplicate(body, article) == "![](https://mmbiz.qpic.cn/mmbiz_jpg/DEF/640)\n"


def test_without_a_cover_every_image_stays():
    body = "![](https://mmbiz.qpic.cn/mmbiz_jpg/ABC/640)\n"
    assert drop_cover_duplicate(body, ARTICLE) == body
