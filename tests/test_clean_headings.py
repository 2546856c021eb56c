"""The heading passes: the title is the page's only h1."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_article_pages import ARTICLE

from clippings.cleaning import PASSES, clean
from clippings.cleaning.headings import (
    demote_headings,
    drop_empty_sections,
    drop_repeated_title,
    promote_section_labels,
    repair_false_headings,
    setext_to_atx,
    unbold_headings,
)

TITLED = replace(ARTICLE, title="标题")


def test_heading_repeating_the_title_is_dropped():
    assert drop_repeated_title("\n# 标题\n\n正文\n", TITLED) == "\n\n正文\n"


def test_heading_with_other_text_is_kept():
    body = "# 别的标题\n\n正文\n"
    assert drop_repeated_title(body, TITLED) == body


def test_title_later_in_the_body_is_kept():
    body = "正文\n\n# 标题\n"
    assert drop_repeated_title(body, TITLED) == body


def test_level_one_headings_push_every_heading_down():
    body = "# 一\n\n## 二\n\n###### 六\n"
    assert demote_headings(body, TITLED) == "## 一\n\n### 二\n\n###### 六\n"


def test_bodies_without_level_one_are_left_alone():
    body = "## 二\n\n### 三\n"
    assert demote_headings(body, TITLED) == body


def test_hash_lines_in_code_are_not_headings():
    body = "```bash\n# a comment\n```\n\n## 二\n"
    assert demote_headings(body, TITLED) == body
    assert drop_repeated_title("```\n# 标题\n```\n", TITLED) == "```\n# 标题\n```\n"


def test_title_is_dropped_before_headings_are_demoted():
    names = [p.name for p in PASSES]
    assert names.index("drop_repeated_title") < names.index("demote_headings")
    cleaned, reports = clean(replace(TITLED, body="# 标题\n\n# 小节\n\n正文。\n"))
    assert cleaned.body == "## 小节\n\n正文。\n"
    assert reports[0].name == "drop_repeated_title"
    assert reports[0].removed_lines == ("# 标题",)


def test_setext_headings_become_atx_without_bold():
    body = "正文\n\n**01.第一节**\n-----------\n\n内容\n\nPart\n====\n"
    assert setext_to_atx(body, TITLED) == "正文\n\n## 01.第一节\n\n\n内容\n\n# Part\n\n"


def test_a_rule_after_a_paragraph_of_several_lines_is_not_an_underline():
    body = "第一行\n第二行\n---\n"
    assert setext_to_atx(body, TITLED) == body


def test_rule_after_a_blank_line_stays_a_rule():
    body = "正文\n\n---\n\n更多\n"
    assert setext_to_atx(body, TITLED) == body


def test_bold_headings_lose_their_bold():
    assert unbold_headings("## **小节**\n### __Part__\n", TITLED) == "## 小节\n### Part\n"
    assert unbold_headings("## **半**粗\n", TITLED) == "## **半**粗\n"


def test_false_headings_become_what_they_are():
    body = (
        "##\n\n参考\n\n"
        "# -Jane Doe：A title, 2023\n\n"
        "# https://example.com/a\n\n"
        "##### 某团队 投稿自 某地\n"
        "###### **△** 图注\n"
        "######\n"
        "## 真正的小节\n"
    )
    assert repair_false_headings(body, TITLED) == (
        "\n\n## 参考\n\n"
        "- Jane Doe：A title, 2023\n\n"
        "<https://example.com/a>\n\n"
        "某团队 投稿自 某地\n\n"
        "**△** 图注\n\n"
        "\n"
        "## 真正的小节\n"
    )


def test_empty_heading_before_a_sentence_does_not_swallow_it():
    body = "##\n\n这是一个完整的句子，不是标签。\n"
    assert repair_false_headings(body, TITLED) == "\n\n这是一个完整的句子，不是标签。\n"


def test_a_bold_line_standing_alone_becomes_a_section_heading():
    body = "引言的一段文字。\n\n**三个变化**\n\n第一个变化是这样的。\n"
    assert promote_section_labels(body, TITLED) == (
        "引言的一段文字。\n\n\n## 三个变化\n\n\n第一个变化是这样的。\n"
    )


def test_html2text_bold_label_split_over_two_lines_becomes_a_heading():
    body = "引言。\n\n**整数位置编码  \n**\n\n位置编码的第一种做法。\n"
    assert "\n## 整数位置编码\n" in promote_section_labels(body, TITLED)
    assert "**" not in promote_section_labels(body, TITLED)


def test_a_hard_broken_bold_line_inside_a_block_becomes_a_heading_between_paragraphs():
    body = "上一段的结尾。  \n**论文 1：GAN**  \n获得时间检验奖的一篇论文。\n"
    assert promote_section_labels(body, TITLED) == (
        "上一段的结尾。\n\n## 论文 1：GAN\n\n获得时间检验奖的一篇论文。\n"
    )


def test_a_label_is_one_level_below_the_section_it_sits_in():
    body = "## 方法\n\n**1、三阶段训练**\n\n训练分为三个阶段。\n\n## 结果\n\n结果很好。\n"
    assert "\n### 1、三阶段训练\n" in promote_section_labels(body, TITLED)


@pytest.mark.parametrize(
    "bold",
    [
        "**采访全文：**",  # a lead-in
        "**Cleo Abram：所以这有点像教育问题。**",  # a bold sentence
        "**主持人：这里“更好”是什么意思？**",  # a speaker's question
        "**“今天出生的孩子永远不会比AI更聪明”**",  # a bold quote
        "**在LLM框架内直接融合这两种结构，就可以实现视觉理解与生成能力的有效统一，效果很好的一个方法**",
        "**[一篇文章](https://e.com/a)**",
    ],
)
def test_lead_ins_sentences_quotes_and_links_stay_bold(bold):
    body = f"引言。\n\n{bold}\n\n正文继续。\n"
    assert promote_section_labels(body, TITLED) == body


def test_a_bold_lead_in_of_a_paragraph_stays():
    body = "**编程能力：**表现突出。\n\n**性能突破**\nV3.1在测试中取得高分。\n"
    assert promote_section_labels(body, TITLED) == body


def test_a_label_with_nothing_of_its_own_after_it_stays():
    body = "正文。\n\n**点这里关注**\n\n**一键三连**\n\n**科技前沿**\n"
    assert promote_section_labels(body, TITLED) == body


def test_an_empty_section_is_dropped_and_reported():
    body = "## 功能\n\n正文。\n\n## 获取\n\n* * *\n\n## 使用\n\n### 细节\n\n更多。\n\n## 结尾\n"
    cleaned, reports = clean(replace(TITLED, body=body))
    assert "获取" not in cleaned.body and "结尾" not in cleaned.body
    assert "## 使用" in cleaned.body and "### 细节" in cleaned.body
    removed = {r.name: r.removed_lines for r in reports}["drop_empty_sections"]
    assert removed == ("## 获取", "## 结尾")


def test_a_heading_over_its_subsections_is_not_empty():
    body = "## 上\n\n### 下\n\n内容。\n"
    assert drop_empty_sections(body, TITLED) == body


def test_html2text_closing_marker_glued_to_the_section_text():
    body = "引言。  \n**整数位置编码  \n**位置编码的第一种做法。\n"
    assert promote_section_labels(body, TITLED) == (
        "引言。\n\n## 整数位置编码\n\n位置编码的第一种做法。\n"
    )
