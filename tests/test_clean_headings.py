"""The heading passes: the title is the page's only h1."""

from __future__ import annotations

from dataclasses import replace

from test_article_pages import ARTICLE

from clippings.cleaning import PASSES, clean
from clippings.cleaning.headings import (
    demote_headings,
    drop_repeated_title,
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
    cleaned, reports = clean(replace(TITLED, body="# 标题\n\n# 小节\n"))
    assert cleaned.body == "## 小节\n"
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
