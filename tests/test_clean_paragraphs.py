"""Paragraphs recovered from hard-wrapped and run-on captures; images and captions."""

from __future__ import annotations

import pytest
from test_article_pages import ARTICLE

from clippings.cleaning.paragraphs import (
    isolate_images,
    mark_image_captions,
    recover_hard_break_paragraphs,
    separate_source_notes,
    split_run_on_paragraphs,
)

IMAGE = "![](https://img.example/a.png)"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # After a sentence's end: a new paragraph.
        ("第一句。  \n第二句。\n", "第一句。\n\n第二句。\n"),
        ("他说：「好。」  \n然后\n", "他说：「好。」\n\n然后\n"),
        ("Done.  \nNext\n", "Done.\n\nNext\n"),
        # Inside a sentence: joined, as wrapped lines are.
        ("这是  \n100、1000 个\n", "这是 100、1000 个\n"),
        ("列出了 10  \n个景点\n", "列出了 10 个景点\n"),
        ("the most  \nimportant thing\n", "the most important thing\n"),
        # A colon before a lone URL keeps its line break; before text it ends the block.
        ("论文地址：  \nhttps://arxiv.org/abs/1\n", "论文地址：  \nhttps://arxiv.org/abs/1\n"),
        ("如下：  \n第一点\n", "如下：\n\n第一点\n"),
        # A line ending with a URL, a bold label or an emphasis run ends its block.
        (
            "[1]https://a.example/x  \n[2]https://b.example/y\n",
            "[1]https://a.example/x\n\n[2]https://b.example/y\n",
        ),
        ("**分析：**  \n1、比较\n", "**分析：**\n\n1、比较\n"),
        ("机构报道**编辑部**  \n刚刚，消息\n", "机构报道**编辑部**\n\n刚刚，消息\n"),
        # A bold label split over two lines closes on the label.
        ("**【报名中】峰会  \n**\n", "**【报名中】峰会**\n"),
        # Quotes stay quotes.
        ("> 引用一。  \n> 引用二\n", "> 引用一。\n>\n> 引用二\n"),
        # A bold label alone on its line is a block even without a hard break.
        ("**采访全文：**\n正文开始\n", "**采访全文：**\n\n正文开始\n"),
    ],
)
def test_hard_breaks_become_paragraphs_or_are_joined(body, expected):
    assert recover_hard_break_paragraphs(body, ARTICLE) == expected


@pytest.mark.parametrize(
    "body",
    [
        "##### 某某 发自 某地  \n公众号 某号\n",
        "```\n代码。  \n下一行\n```\n",
        "**标题**\n------\n",
        "第一段\n\n第二段\n",
        "**甲** 和 **乙**\n同一句话\n",
    ],
)
def test_headings_code_and_setext_labels_are_left_alone(body):
    assert recover_hard_break_paragraphs(body, ARTICLE) == body


def test_two_spaces_after_a_sentence_end_split_a_run_on_line():
    body = "第一段。  14日（当地时间），第二段。” 仍是第二段。  第三段\n"
    assert split_run_on_paragraphs(body, ARTICLE) == (
        "第一段。\n\n14日（当地时间），第二段。” 仍是第二段。\n\n第三段\n"
    )


def test_inline_dash_items_after_a_break_become_a_list():
    body = (
        "They will get steamrolled.  - He is confident (soon)  - **Actually, yes.**"
        "  - Done  NOTE: all this.\n"
    )
    assert split_run_on_paragraphs(body, ARTICLE) == (
        "They will get steamrolled.\n\n- He is confident (soon)\n- **Actually, yes.**\n- Done"
        "\n\nNOTE: all this.\n"
    )


def test_a_bold_run_cut_by_a_break_is_closed_and_reopened():
    body = '**"One sentence.  "Two," he said."**  **Three.**\n'
    assert split_run_on_paragraphs(body, ARTICLE) == (
        '**"One sentence.**\n\n**"Two," he said."**\n\n**Three.**\n'
    )


@pytest.mark.parametrize(
    "body",
    [
        "两个空格  不在句末\n",
        "代码 `a。  b` 里\n",
        "    缩进代码。  第二句\n",
        "| 表。  格 |\n",
        "```\n句。  句\n```\n",
    ],
)
def test_other_space_runs_are_left_alone(body):
    assert split_run_on_paragraphs(body, ARTICLE) == body


def test_split_quote_lines_stay_in_the_quote():
    assert split_run_on_paragraphs("> 甲。  乙\n", ARTICLE) == "> 甲。\n>\n> 乙\n"


def test_images_are_blocks_and_text_glued_after_them_is_the_next_paragraph():
    body = f"前文。\n{IMAGE}Karpathy\n称：正文\n{IMAGE}  \n后文\n"
    assert isolate_images(body, ARTICLE) == (
        f"前文。\n\n{IMAGE}\n\nKarpathy\n称：正文\n\n{IMAGE}\n\n后文\n"
    )


def test_an_image_inside_a_sentence_stays_inline():
    body = f"公式 {IMAGE} 表示损失\n"
    assert isolate_images(body, ARTICLE) == body


@pytest.mark.parametrize(
    "caption",
    [
        "△视觉理解分数",
        "**△** 视觉生成分数",
        "图 3 模型结构",
        "图源：网络",
        "_「只是勉强算强化学习。」_",
    ],
)
def test_a_short_caption_under_an_image_is_marked(caption):
    body = f"{IMAGE}\n\n{caption}\n\n正文。\n"
    assert mark_image_captions(body, ARTICLE) == (
        f"{IMAGE}\n\n{caption}\n{{: .archive-caption }}\n\n正文。\n"
    )


@pytest.mark.parametrize(
    "following",
    [
        "**论文 1：Generative Adversarial Nets**",  # a bold label, not a caption
        "△" + "很长的说明" * 20,  # too long to be a caption
        "普通的正文段落。",
    ],
)
def test_labels_long_lines_and_text_under_an_image_are_not_captions(following):
    body = f"{IMAGE}\n\n{following}\n"
    assert mark_image_captions(body, ARTICLE) == body


def test_a_caption_needs_an_image_above_it():
    body = "正文。\n\n△说明\n"
    assert mark_image_captions(body, ARTICLE) == body


def test_a_source_note_run_into_a_paragraph_is_its_own_paragraph():
    body = "_*注：https://techcrunch.com/2023/06/07/x/ （by Manish Singh)_ OpenAI仍然没有启动。\n"
    assert separate_source_notes(body, ARTICLE) == (
        "_*注：https://techcrunch.com/2023/06/07/x/ （by Manish Singh)_\n\nOpenAI仍然没有启动。\n"
    )


def test_a_note_that_is_the_whole_paragraph_is_left_alone():
    body = "注：https://example.com/a （by 某人）\n"
    assert separate_source_notes(body, ARTICLE) == body
