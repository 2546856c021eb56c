"""Account promotions: cut by the shape of the tail, never by one account's strings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePosixPath

import pytest
from test_article_pages import ARTICLE

from clippings.cleaning import clean
from clippings.cleaning.boilerplate import (
    split_glued_end_markers,
    strip_leading_prompts,
    strip_trailing_promotions,
)
from clippings.pipeline import read_seed
from clippings.records import SeedFile


def _cut_tail(body: str, article=ARTICLE) -> str:
    return strip_trailing_promotions(split_glued_end_markers(body, article), article)


PROSE = (
    "这是文章本身的一段正文，讲的是一个完整的想法，长度足够像一段真正的文字，"
    "读者需要它，清理绝不能删掉它。还要再多写几句，让它明显超过一百二十个字符的界限，"
    "这样它就不会被当作页脚里那种短小的推广语。"
) * 2
ARTICLE_TEXT = "\n\n".join(f"第{n}段：{PROSE}" for n in range(1, 5))


def _tail(*blocks: str) -> str:
    return ARTICLE_TEXT + "\n\n" + "\n\n".join(blocks) + "\n"


def test_everything_from_an_end_marker_on_is_cut():
    body = _tail("— **完** —", "投稿请发邮件到：", "**x@example.com**", "![](https://e.com/qr.gif)")
    assert strip_trailing_promotions(body, ARTICLE) == ARTICLE_TEXT + "\n"


def test_reading_list_and_advert_headings_after_it_are_cut():
    body = _tail(
        "# 往期回顾",
        "[1、[另一篇文章]](https://mp.weixin.qq.com/s?__biz=A&mid=1)",
        "* * *",
        "![](https://e.com/ad.png)",
        "# 告别昂贵服务费",
        "# 无限创意风格",
        "_**\\--END-_**",
    )
    assert strip_trailing_promotions(body, ARTICLE) == ARTICLE_TEXT + "\n"


def test_dividers_and_logos_just_before_the_cut_go_with_it():
    body = _tail("参考：某篇论文", "* * *", "![](https://e.com/logo.png)", "END", "扫码加群")
    assert strip_trailing_promotions(body, ARTICLE) == ARTICLE_TEXT + "\n\n参考：某篇论文\n"


def test_follow_and_star_prompts_are_openers():
    body = _tail("大家猜一下是什么？", "**⭐星标某号，好内容不错过**", "**用你的赞和在看告诉我～**")
    assert strip_trailing_promotions(body, ARTICLE) == ARTICLE_TEXT + "\n\n大家猜一下是什么？\n"


def test_an_opener_followed_by_prose_is_content():
    """A podcast host asking listeners to subscribe, then more transcript."""
    body = _tail("喜欢的话请点赞、分享给朋友。", "谢谢收听。" + PROSE)
    assert strip_trailing_promotions(body, ARTICLE) == body


def test_an_opener_in_the_first_half_is_content():
    body = "扫码加群的故事是这样开始的。\n\n" + ARTICLE_TEXT + "\n"
    assert strip_trailing_promotions(body, ARTICLE) == body


def test_a_short_last_sentence_without_a_prompt_stays():
    body = _tail("我们正在看着这一切发生。")
    assert strip_trailing_promotions(body, ARTICLE) == body


def test_follow_prompts_at_the_top_go():
    body = "点击上方蓝字关注我们\n\n" + ARTICLE_TEXT + "\n"
    assert strip_leading_prompts(body, ARTICLE) == ARTICLE_TEXT + "\n"


def test_a_first_paragraph_without_a_prompt_is_kept_untouched():
    body = "图｜某图库\n\n\n" + ARTICLE_TEXT + "\n"
    assert strip_leading_prompts(body, ARTICLE) == body


def test_an_end_marker_glued_to_the_last_line_by_italics_is_split_off():
    """The exporter's italics run from the reference line into the account's footer."""
    last = (
        "参考内容： _https://x.com/a/status/1_ _  \n"
        "_© THE END 转载请联系本公众号获得授权投稿或寻求报道：a@example.com"
    )
    assert _cut_tail(_tail(last)) == ARTICLE_TEXT + "\n\n参考内容： _https://x.com/a/status/1_\n"


def test_the_cleaning_report_lists_the_glued_footer_as_removed():
    last = "参考内容： _https://x.com/a/1_ _  \n_© THE END 转载请联系本公众号获得授权"
    _, reports = clean(replace(ARTICLE, body=_tail(last)))
    removed = {r.name: r.removed_lines for r in reports}["strip_trailing_promotions"]
    assert removed == ("_© THE END 转载请联系本公众号获得授权",)


def test_an_end_marker_in_the_first_half_is_left_glued():
    body = "第一行。  \n_© THE END 其实是正文_\n\n" + ARTICLE_TEXT + "\n"
    assert split_glued_end_markers(body, ARTICLE) == body


@pytest.mark.parametrize(
    "footer",
    [
        "© THE END",
        "-END-",
        "本文为某号原创，转载请联系授权。",
        "未经授权，禁止转载。",
        "投稿或寻求报道：editor@example.com",
        "\\> 关注 [某站小红书](https://e.com/u/1)，感受精彩数字生活 🍃",
        "@Appinn",
    ],
)
def test_end_markers_copyright_contact_follow_and_signature_lines_are_cut(footer):
    body = _tail(footer, "\\> 实用、好用的 [正版软件](https://e.com/mall)，某站为你呈现 🚀")
    assert strip_trailing_promotions(body, ARTICLE) == ARTICLE_TEXT + "\n"


def test_a_trailing_link_to_the_source_is_cut_another_link_stays():
    sourced = replace(ARTICLE, source_url="https://e.com/post/1")
    body = _tail("原文：<https://e.com/post/1?utm_source=rss>")
    assert strip_trailing_promotions(body, sourced) == ARTICLE_TEXT + "\n"
    other = _tail("原文：<https://e.com/post/2>")
    assert strip_trailing_promotions(other, sourced) == other


def test_a_reprint_line_at_the_end_is_cut_it_is_metadata():
    body = _tail("本文来自微信公众号[“某号”](https://e.com/a)，作者：张三，某站经授权发布。")
    assert strip_trailing_promotions(body, ARTICLE) == ARTICLE_TEXT + "\n"


def test_the_account_name_alone_at_the_end_is_cut():
    body = _tail("某号")
    assert strip_trailing_promotions(body, replace(ARTICLE, author="某号")) == ARTICLE_TEXT + "\n"


def test_a_site_preamble_with_a_disclaimer_above_a_rule_goes_the_cover_stays():
    body = (
        "![封面](https://e.com/cover.jpg)\n\n**某站 首页推荐**\n\n"
        "[某站](https://e.com/m) 是一个写作社区。  \n"
        "文章代表作者个人观点，某站仅对标题和排版略作修改。\n\n"
        "* * *\n\n" + ARTICLE_TEXT + "\n"
    )
    assert strip_leading_prompts(body, ARTICLE) == (
        "![封面](https://e.com/cover.jpg)\n\n" + ARTICLE_TEXT + "\n"
    )


def test_an_introduction_above_a_rule_without_a_disclaimer_stays():
    body = "**编者按**\n\n这篇文章讲的是一件事。\n\n* * *\n\n" + ARTICLE_TEXT + "\n"
    assert strip_leading_prompts(body, ARTICLE) == body


def test_italics_left_open_by_the_cut_footer_are_dropped():
    last = " _参考链接：https://e.com/a-\nb/__  \n_© THE END 转载请联系本公众号获得授权"
    assert _cut_tail(_tail(last)) == ARTICLE_TEXT + "\n\n 参考链接：https://e.com/a-\nb/\n"


FEED_CAPTURE = """> id: https://www.appinn.com/some-tool/

> link: https://www.appinn.com/some-tool/

> title: 某工具

# 某工具
_Published on Mon, 25 Aug 2025 03:00:00 GMT_

{text}

原文：<https://www.appinn.com/some-tool/>

@Appinn
"""


def test_a_feed_capture_loses_its_source_link_repeat_and_signature(tmp_path):
    path = tmp_path / "feed.md"
    path.write_text(FEED_CAPTURE.format(text=ARTICLE_TEXT), encoding="utf-8")
    cleaned, _ = read_seed(SeedFile(path, PurePosixPath("feed.md")), path.read_bytes())
    assert cleaned is not None
    assert cleaned.article.source_url == "https://www.appinn.com/some-tool/"
    assert cleaned.article.body == ARTICLE_TEXT + "\n"
    removed = {r.name: r.removed_lines for r in cleaned.cleaning}["strip_trailing_promotions"]
    assert removed == ("原文：<https://www.appinn.com/some-tool/>", "@Appinn")
