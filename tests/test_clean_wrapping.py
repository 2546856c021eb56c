"""Hard-wrapped lines are joined; structure never is."""

from __future__ import annotations

import pytest
from test_article_pages import ARTICLE

from clippings.cleaning.wrapping import join_wrapped_lines, separate_listed_lines


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Between two CJK characters: no space (a newline would show as a gap).
        ("这家由微软支持的初创\n公司承诺\n", "这家由微软支持的初创公司承诺\n"),
        # Between Latin words: one space.
        ("the most\nimportant thing\n", "the most important thing\n"),
        # Latin next to CJK: the exporter wrapped at a space, which is kept.
        ("OpenAI\n首席执行官\n", "OpenAI 首席执行官\n"),
        ("对Sam\nAltman的\n", "对Sam Altman的\n"),
        # English broken after a hyphen.
        ("One Multi-\nModal Model\n", "One Multi-Modal Model\n"),
        # Quote lines join inside the quote.
        ("> 首席执行官在\n> 会议上说。\n", "> 首席执行官在会议上说。\n"),
    ],
)
def test_wrapped_lines_are_joined(body, expected):
    assert join_wrapped_lines(body, ARTICLE) == expected


@pytest.mark.parametrize(
    "body",
    [
        "第一段\n\n第二段\n",
        "- 一项\n- 二项\n",
        "1. 一\n2. 二\n",
        "## 标题\n正文\n",
        "| a | b |\n| - | - |\n",
        "```\n第一行\n第二行\n```\n",
        "◆第一条\n◆第二条\n",
        "1、第一条\n2、第二条\n",
        "正文\n> 引用\n",
        "> 引用\n正文\n",
        "换行  \n保留\n",
        "![](https://e.com/a.png)\n图注\n",
        "正文\n![](https://e.com/a.png)\n",
        "正文\n* * *\n",
    ],
)
def test_structure_is_never_joined(body):
    assert join_wrapped_lines(body, ARTICLE) == body


def test_lines_listed_in_text_become_paragraphs():
    body = "引言：\n◆第一条\n◆第二条\n1、甲\n2、乙\n"
    assert separate_listed_lines(body, ARTICLE) == (
        "引言：\n\n◆第一条\n\n◆第二条\n\n1、甲\n\n2、乙\n"
    )


def test_listed_lines_in_quotes_and_code_are_left_alone():
    body = "> ◆引用\n> ◆引用\n\n```\n◆代码\n◆代码\n```\n"
    assert separate_listed_lines(body, ARTICLE) == body
