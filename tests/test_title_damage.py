"""Feed titles stripped of their Chinese: always flagged, recovered where the capture
holds the full title (tests/fixtures/feed/synocli.md is shaped like such a capture)."""

from __future__ import annotations

from seed_expectations import ROOT

from clippings.formats import feed
from clippings.title_damage import lost_han, recover_title, skeleton, title_candidates

SYNOCLI = (ROOT / "tests" / "fixtures" / "feed" / "synocli.md").read_text("utf-8")
FULL_TITLE = "SynoCli - 来自 SynoCommunity，为群晖 NAS 安装 110+ 款开发者工具"
DAMAGED = "SynoCli SynoCommunity NAS 110"
CHINESE = "这是一篇中文正文，标题里的中文字符被导出工具删掉了。"


def test_the_exporter_keeps_the_titles_latin_skeleton():
    assert skeleton(FULL_TITLE) == skeleton(DAMAGED) == "synoclisynocommunitynas110"


def test_a_title_recovered_from_the_cover_alt_text():
    capture = feed.parse(SYNOCLI)
    assert capture.title == FULL_TITLE
    assert capture.damaged_title == DAMAGED
    assert capture.title_recovered_from == "cover-alt"
    assert not capture.title_suspect


def test_a_damaged_title_over_a_body_full_of_tool_names_is_still_flagged():
    # The body lists more Latin letters than Han characters: the old count missed it.
    capture = feed.parse(SYNOCLI.replace(f"![{FULL_TITLE}]", "![]"))
    assert capture.title == DAMAGED
    assert capture.title_suspect
    assert capture.damaged_title is None and capture.title_recovered_from is None


def test_the_first_heading_holds_the_full_title():
    body = f"## DeepSeek V3.1 Base 突袭上线！击败 Claude 4，全网在蹲 R2 和 V4\n\n{CHINESE}"
    recovered = recover_title("DeepSeek V31 BaseClaude 4R2V4", title_candidates(body))
    assert recovered is not None
    assert recovered.title == "DeepSeek V3.1 Base 突袭上线！击败 Claude 4，全网在蹲 R2 和 V4"
    assert recovered.source == "heading"


def test_nothing_is_recovered_from_a_different_or_han_free_text_or_a_short_title():
    assert recover_title(DAMAGED, [("cover-alt", "SynoCli 截图"), ("heading", DAMAGED)]) is None
    assert recover_title("AI", [("heading", "AI 的未来")]) is None
    # A title that has Han was not stripped, whatever else matches its Latin letters.
    assert recover_title("GPT-5 发布", [("heading", "GPT-5 来了")]) is None


def test_only_chinese_bodies_make_a_latin_title_suspect():
    assert lost_han("Subtitle Edit", CHINESE * 2)
    assert not lost_han("标题", CHINESE * 2)
    assert not lost_han("Short", "只有几个字。")
    quoted = "学而时习之不亦说乎有朋自远方来不亦乐乎"
    english = f"An English essay that quotes a Chinese phrase, {quoted}. "
    assert not lost_han("An essay", english * 3 + "More English words here. " * 100)
    # Code and URLs say nothing about the language of the prose.
    code = "```\n" + "中文注释" * 20 + "\n```\n"
    assert not lost_han("Code", code + "English prose only.")
