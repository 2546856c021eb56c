"""Length, reading time and the one-line summary."""

from __future__ import annotations

import pytest

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


FIRST = "OpenAI仍然没有启动GPT-5的预训练。"


@pytest.mark.parametrize(
    "lead",
    [
        "机器之心报道**机器之心编辑部**",
        "Janus团队 投稿自 凹非寺\n\n某号 | 公众号 SomeID",
        "编辑：蛋酱",
        "注：https://techcrunch.com/2023/06/07/a/ （by Manish Singh)",
        "[某站](https://e.com/m) 是一个写作社区。  \n文章代表作者个人观点，某站仅对标题略作修改。",
        "▩** @Junta **",
    ],
)
def test_summary_skips_bylines_notes_promotions_and_debris(lead):
    assert lead_summary(f"{lead}\n\n{FIRST}\n") == FIRST


def test_a_source_note_glued_to_the_first_paragraph_is_left_out():
    body = f" _*注：<https://techcrunch.com/2023/06/07/a/> （by_ _Manish Singh)_ {FIRST}\n"
    assert lead_summary(body) == FIRST


def test_a_byline_line_at_the_top_of_a_block_is_left_out():
    assert lead_summary(f"机器之心报道**机器之心编辑部**  \n{FIRST}\n") == FIRST


def test_emphasis_marks_leave_no_gap():
    assert lead_summary("在**视觉理解** 任务上展现出卓越性能，这是第一句话。\n") == (
        "在视觉理解 任务上展现出卓越性能，这是第一句话。"
    )
