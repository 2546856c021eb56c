"""Whitespace, invisible characters and emphasis debris."""

from __future__ import annotations

from test_article_pages import ARTICLE

from clippings.cleaning.emphasis import remove_stray_emphasis, unwrap_bold_images
from clippings.cleaning.whitespace import (
    collapse_blank_lines,
    strip_invisible_characters,
    strip_nbsp_beside_cjk,
    strip_trailing_whitespace,
)


def test_zero_width_characters_and_stray_boms_go():
    assert strip_invisible_characters("a\u200bb\u200dc\ufeffd\u00ade", ARTICLE) == "abcde"


def test_trailing_nbsp_and_space_only_lines_go():
    body = "第一句。\u00a0\n  \n\u3000\n第二句。 \t\n"
    assert strip_trailing_whitespace(body, ARTICLE) == "第一句。\n\n\n第二句。\n"


def test_hard_break_before_a_text_line_survives():
    body = "论文链接：  \nhttps://example.com  \n\n下一段  \n"
    assert strip_trailing_whitespace(body, ARTICLE) == (
        "论文链接：  \nhttps://example.com\n\n下一段\n"
    )


def test_blank_runs_collapse_to_one_blank_line():
    assert collapse_blank_lines("\n\n甲\n\n\n\n乙\n\n\n", ARTICLE) == "甲\n\n乙\n"


def test_split_bold_runs_are_mended_and_empty_emphasis_dropped():
    body = "**用你的****赞****和****在看****告诉我～**\n****\n正文 ** ** 继续\n"
    assert remove_stray_emphasis(body, ARTICLE) == "**用你的赞和在看告诉我～**\n正文  继续\n"


def test_thematic_breaks_and_real_bold_are_not_debris():
    body = "* * *\n\n**重点**和__强调__\n\n***\n"
    assert remove_stray_emphasis(body, ARTICLE) == body


def test_images_wrapped_in_bold_are_unwrapped():
    body = "**![](https://example.com/a.png)**\n**不是图片**\n"
    assert unwrap_bold_images(body, ARTICLE) == "![](https://example.com/a.png)\n**不是图片**\n"


def test_nbsp_beside_cjk_goes_between_latin_words_it_stays():
    body = "思考。\u00a0**我希望** 100\u00a0km\n"
    assert strip_nbsp_beside_cjk(body, ARTICLE) == "思考。**我希望** 100\u00a0km\n"
