"""Length, reading time and the one-line summary."""

from __future__ import annotations

from clippings.length_and_summary import lead_summary, measure


def test_characters_count_cjk_characters_and_latin_words():
    assert measure("中文五个字 and three words").characters == 8


def test_markup_and_urls_are_not_counted():
    assert measure("**粗体** [链接](https://example.com/a/b) <https://e.com>").characters == 4


def test_reading_time_rounds_up_and_is_at_least_a_minute():
    assert measure("短").minutes == 1
    assert measure("字" * 401).minutes == 2
    assert measure("word " * 200 + "字" * 400).minutes == 2


def test_summary_is_the_first_real_paragraph():
    body = (
        "# 标题\n\n图｜某图库\n\n![](https://e.com/a.png)\n\n第一段真正的文字在这里，讲了一件事。\n"
    )
    assert lead_summary(body) == "第一段真正的文字在这里，讲了一件事。"


def test_long_summary_is_cut_at_a_sentence_end_or_marked():
    sentence = "这是一句足够长的话，用来测试摘要在句号处截断的行为。"
    assert lead_summary(sentence * 5) == sentence * 3
    assert lead_summary("没有标点" * 40).endswith("…")


def test_no_summary_without_prose():
    assert lead_summary("![](https://e.com/a.png)\n\n- 列表\n") is None
