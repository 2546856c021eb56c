"""Spaces around full-width punctuation and inside Chinese quotes, and the report of them."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_article_pages import ARTICLE

from clippings.article_pages import render_article_page
from clippings.cleaning import clean
from clippings.cleaning.whitespace import tighten_cjk_punctuation
from clippings.cleaning_report import render_cleaning_report


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("我的意思是， 这听起来\n", "我的意思是，这听起来\n"),
        ("Mamba ，一种架构\n", "Mamba，一种架构\n"),
        ("数据冗余 。\n", "数据冗余。\n"),
        ("他说“ 好的 ”就走了\n", "他说“好的”就走了\n"),
        ("「 引文 」\n", "「引文」\n"),
        ("“没有限制。” 他补充说 “好”\n", "“没有限制。”他补充说“好”\n"),
        ("> 引用 ， 文字\n", "> 引用，文字\n"),
        ("- 列表 ：项\n", "- 列表：项\n"),
        ("在**视觉理解** 任务上\n", "在**视觉理解**任务上\n"),  # html2text's space after bold
        ("领域 **首次** 实现\n", "领域**首次**实现\n"),
    ],
)
def test_spaces_beside_full_width_punctuation_go(body, expected):
    assert tighten_cjk_punctuation(body, ARTICLE) == expected


@pytest.mark.parametrize(
    "body",
    [
        "He said, “I am here ” and left.\n",  # Latin text inside curly quotes
        "他说 “GPT” 是什么\n",  # Latin inside: the quote is not Chinese text's own
        "代码 `a ， b` 里\n",
        "    缩进的代码 ， 不动\n",
        "```\n围栏 ， 代码\n```\n",
        "链接 https://example.com/a ，后文\n",  # the URL would swallow the comma
        "### （可选）进行识别\n",  # the heading marker's space is syntax
        "两个汉字 之间的空格\n",
        "**GPT** 模型 和 **Ada** 模型\n",  # bold Latin text keeps its spaces
    ],
)
def test_latin_code_urls_and_markup_are_left_alone(body):
    assert tighten_cjk_punctuation(body, ARTICLE) == body


def test_the_report_shows_each_repair_before_and_after():
    long_line = (
        "我的意思是， 这听起来像是个回避责任的回答，但我认为关于它的说法，"
        " 最重要的一点在于它会更加智能。"
    )
    article = replace(ARTICLE, body=f"**摘要： **\n\n{long_line}\n")
    cleaned, reports = clean(article)
    by_name = {report.name: report for report in reports}
    assert [(r.before, r.after) for r in by_name["repair_bold_markers"].rewrites] == [
        ("**摘要： **", "**摘要：**")
    ]
    assert len(by_name["tighten_cjk_punctuation"].rewrites) == 2
    page = replace(render_article_page(cleaned), cleaning=reports)
    report = render_cleaning_report([page])
    assert "`tighten_cjk_punctuation`：删除 0 行，改写 1 行（2 处改动）" in report
    assert "原 **摘要： **\n改 **摘要：**" in report
    assert "原 我的意思是， 这听起来像是个回…\n改 我的意思是，这听起来像是个回…" in report
    assert "原 …为关于它的说法， 最重要的一点在于…\n改 …为关于它的说法，最重要的一点在于…" in report


def test_a_short_line_is_one_rewrite_shown_whole():
    _, reports = clean(replace(ARTICLE, body="▩** @Junta **\n"))
    rewrites = next(r.rewrites for r in reports if r.name == "repair_bold_markers")
    assert [(r.before, r.after) for r in rewrites] == [("▩** @Junta **", "▩**@Junta**")]


def test_passes_that_rewrite_whole_paragraphs_report_a_count_only():
    article = replace(ARTICLE, body="第一行\n第二行\n")
    _, reports = clean(article)
    joined = next(report for report in reports if report.name == "join_wrapped_lines")
    assert joined.rewritten_lines == 1 and joined.rewrites == ()
