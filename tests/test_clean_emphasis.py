"""Bold and italic markers the exporter spaced, split or left alone: repaired, not shown."""

from __future__ import annotations

import pytest
from test_article_pages import ARTICLE

from clippings.cleaning.emphasis import (
    drop_empty_list_items,
    merge_split_italics,
    repair_bold_markers,
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A closing marker after a space closes nothing in Markdown.
        ("**sam 演讲关键信息摘要： **\n", "**sam 演讲关键信息摘要：**\n"),
        ("** 前后都有空格 **\n", "**前后都有空格**\n"),
        ("▩** @Junta **\n", "▩**@Junta**\n"),
        # A space after the closing marker splitting a word.
        ("**整理出了一万多字的内** 容。这为\n", "**整理出了一万多字的内容**。这为\n"),
        # A marker without a partner goes, its text stays.
        ("前文 ** 后文\n", "前文 后文\n"),
        ("**开了没关\n", "开了没关\n"),
        # Pairs are counted over the paragraph, not the line.
        ("**第一行\n第二行**\n", "**第一行\n第二行**\n"),
    ],
)
def test_bold_markers_are_repaired(body, expected):
    assert repair_bold_markers(body, ARTICLE) == expected


@pytest.mark.parametrize(
    "body",
    [
        "**重点**和正文\n",
        "**在为 GPT-5 做研究，而不是训练** 这基本上只是意味着\n",
        "`a ** b` 和 https://e.example/**x\n",
        "```\n** 代码 **\n```\n",
        "* * *\n",
    ],
)
def test_real_bold_code_and_urls_are_left_alone(body):
    assert repair_bold_markers(body, ARTICLE) == body


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("_*注：链接 （by_ _Manish Singh)_ 正文\n", "_*注：链接 （by Manish Singh)_ 正文\n"),
        ("参考内容： _https://x.example/1_ _  \n", "参考内容： _https://x.example/1_   \n"),
        (
            "_参考链接：https://a.example/x-\npaper/__  \n",
            "_参考链接：https://a.example/x-\npaper/_  \n",
        ),
    ],
)
def test_split_italics_are_merged_and_leftover_underscores_go(body, expected):
    assert merge_split_italics(body, ARTICLE) == expected


def test_snake_case_and_bold_underscores_stay():
    body = "变量 snake_case 和 __重点__ 以及 _斜体_\n"
    assert merge_split_italics(body, ARTICLE) == body


def test_empty_list_items_are_dropped():
    body = "正文\n\n*\n  +\n\n- 真的一项\n* * *\n"
    assert drop_empty_list_items(body, ARTICLE) == "正文\n\n\n- 真的一项\n* * *\n"
