"""Reprint attributions as metadata, and the cleaning report page."""

from __future__ import annotations

from dataclasses import replace

from test_article_pages import ARTICLE

from clippings.article_pages import render_article_page
from clippings.attribution import Reprint, reprint_attribution, split_names
from clippings.cleaning_report import render_cleaning_report
from clippings.markdown_escape import markdown_text
from clippings.records import PassReport


def test_reprint_line_names_account_author_and_link():
    body = "正文\n\n本文来自微信公众号 [“某号”（ID：abc）](https://mp.weixin.qq.com/s?x)，作者：张三，某站经授权发布。\n"
    assert reprint_attribution(body) == Reprint("某号", "张三", url="https://mp.weixin.qq.com/s?x")


def test_reprint_line_names_its_editors():
    body = (
        "本文来自微信公众号[“某号”](https://e.com/a)，作者：某号，编辑：桃子 定慧，某站经授权发布。"
    )
    assert reprint_attribution(body) == Reprint("某号", "某号", ("桃子", "定慧"), "https://e.com/a")


def test_reprint_line_without_author():
    assert reprint_attribution("本文转载自公众号「某号」。\n") == Reprint("某号")


def test_an_author_elsewhere_is_not_taken_for_the_reprint_author():
    body = "本文来自微信公众号“某号”。\n作者：不相干\n"
    assert reprint_attribution(body) == Reprint("某号")


def test_no_reprint_line():
    assert reprint_attribution("作者：张三\n正文\n") is None


def test_chinese_names_split_at_spaces_latin_names_stay_whole():
    assert split_names("梦晨 西风") == ("梦晨", "西风")
    assert split_names("张三、李四") == ("张三", "李四")
    assert split_names("vivo AI Lab") == ("vivo AI Lab",)


def test_report_lists_removed_lines_per_pass_and_links_the_article():
    page = replace(
        render_article_page(replace(ARTICLE, title="标题 *强调* [链接](x)")),
        cleaning=(PassReport("strip_trailing_promotions", ("扫码加群", "```代码```"), 0),),
    )
    report = render_cleaning_report([page])
    assert "[标题 \\*强调\\* \\[链接\\]\\(x\\)](articles/2024/wechat_0001.md)" in report
    assert "`strip_trailing_promotions`：删除 2 行，改写 0 行" in report
    assert "````text\n扫码加群\n```代码```\n````" in report


def test_markdown_text_neutralises_html():
    assert markdown_text("<script>") == "&lt;script&gt;"
