"""The annotation layer, piece by piece: sidecars, anchoring, corrections, glossary."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import markdown
from test_article_pages import ARTICLE

from clippings.annotations import apply_corrections, mark_up, parse_annotations, place_notes
from clippings.annotations.sidecar import PassageNote
from clippings.glossary import GlossaryExtension, parse_glossary


def _note(quote: str, number: int = 1, **fields) -> PassageNote:
    return PassageNote(number=number, quote=quote, text=fields.pop("text", "批注"), **fields)


def test_sidecar_is_read_into_typed_annotations():
    annotations, problems = parse_annotations(
        "corrections:\n  title: 新标题\n  tags: [甲]\neditor_note: 编者的话\n"
        "notes:\n  - quote: 原文\n    note: 批注\n    tags: [预测]\n    refers_to: abc\n",
        "a.notes.yml",
    )
    assert problems == []
    assert annotations.corrections == {"title": "新标题", "tags": ("甲",)}
    assert annotations.editor_note == "编者的话"
    assert annotations.notes == (PassageNote(1, "原文", "批注", tags=("预测",), refers_to="abc"),)


def test_sidecar_of_the_wrong_shape_is_reported_never_silently_dropped():
    annotations, problems = parse_annotations(
        "corrections:\n  place: 北京\n  tags: 甲\nnotes:\n  - quote: 只有引文\n  - 不是映射\n"
        "extra: 1\n",
        "a.notes.yml",
    )
    assert annotations.notes == ()
    assert len(problems) == 5
    assert any("note 1" in p for p in problems) and any("note 2" in p for p in problems)
    assert parse_annotations("notes: [unclosed", "a.notes.yml")[0] is None


def test_quote_is_found_and_marked_with_a_numbered_annotation():
    body = "第一段没有引文。\n\n第二段里有**要批注的话**，后面还有。\n"
    placements, failures = place_notes(body, (_note("要批注的话，后面"),))
    assert failures == []
    marked = mark_up(body, placements, lambda note: note.text)
    assert marked == (
        "第一段没有引文。\n\n"
        '第二段里有**<mark class="archive-note" id="note-1">要批注的话**，后面</mark> (1)还有。\n'
        "{ .annotate }\n\n1.  批注\n"
    )


def test_two_notes_in_one_paragraph_are_numbered_in_reading_order():
    body = "甲乙丙丁戊。\n"
    notes = (_note("丁", number=1, text="后"), _note("乙", number=2, text="前"))
    placements, _ = place_notes(body, notes)
    marked = mark_up(body, placements, lambda note: note.text)
    assert marked.index('id="note-2"') < marked.index('id="note-1"')
    assert "1.  前\n\n2.  后" in marked


def test_quote_in_a_blockquote_keeps_the_annotation_inside_it():
    body = "> 引用里的一句话。\n"
    placements, _ = place_notes(body, (_note("一句话"),))
    marked = mark_up(body, placements, lambda note: "批注\n第二行")
    assert marked == (
        '> 引用里的<mark class="archive-note" id="note-1">一句话</mark> (1)。\n'
        "> { .annotate }\n>\n> 1.  批注\n>     第二行\n"
    )


def test_missing_quote_is_a_failure():
    _, failures = place_notes("正文。\n", (_note("不存在的话"),))
    assert failures[0][1] == "not found in the cleaned text of a paragraph"


def test_quote_in_a_heading_is_not_anchored():
    _, failures = place_notes("## 标题里的话\n\n正文。\n", (_note("标题里的话"),))
    assert failures and "not found" in failures[0][1]


def test_repeated_quote_is_ambiguous_until_prefix_or_suffix_chooses():
    body = "他说：重要。\n\n她说：重要。\n"
    _, failures = place_notes(body, (_note("重要"),))
    assert failures[0][1].startswith("found 2 times")
    placements, failures = place_notes(body, (_note("重要", prefix="她说："),))
    assert failures == [] and placements[0].block == 1
    placements, failures = place_notes(body, (_note("说：重", suffix="要。"),))
    assert failures[0][1].startswith("found 2 times")


def test_escaped_angle_brackets_match_as_the_reader_sees_them():
    body = "模型输出 &lt;think> 标记。\n"
    placements, failures = place_notes(body, (_note("<think>"),))
    assert failures == []
    assert "<mark" in mark_up(body, placements, lambda note: "x")


def test_corrections_keep_the_captured_values():
    article = replace(ARTICLE, title="GPT-8AI4", title_suspect=True, author=None)
    annotations, _ = parse_annotations(
        "corrections:\n  title: 正确标题\n  author: 王涵\n  date: 2025-08-16 12:00\n", "a"
    )
    corrected, problems = apply_corrections(article, annotations)
    assert problems == []
    assert (corrected.title, corrected.author, corrected.title_suspect) == (
        "正确标题",
        "王涵",
        False,
    )
    assert corrected.published == datetime.fromisoformat("2025-08-16T12:00:00+08:00")
    assert corrected.captured == {
        "title": "GPT-8AI4",
        "author": "（无）",
        "published": "2024-01-02 03:04 +08:00",
    }


def test_unreadable_corrected_date_is_reported_and_ignored():
    annotations, _ = parse_annotations("corrections:\n  date: 某天\n", "a")
    corrected, problems = apply_corrections(ARTICLE, annotations)
    assert corrected.published == ARTICLE.published
    assert problems == ["corrected date '某天' could not be read; ignored"]


def test_glossary_terms_are_found_inside_chinese_text():
    terms, problems = parse_glossary("AGI: 通用人工智能\n预训练: pre-training\n")
    assert problems == []
    extension = GlossaryExtension()
    extension.set_terms(terms)
    html = markdown.markdown("建立AGI之前先预训练。MAGIC 不算。", extensions=[extension])
    assert '<abbr title="通用人工智能">AGI</abbr>之前' in html
    assert '<abbr title="pre-training">预训练</abbr>' in html
    assert "MAGIC" in html and html.count("<abbr") == 2


def test_glossary_of_the_wrong_shape_is_reported():
    terms, problems = parse_glossary("AGI: [a, b]\nLLM: 大语言模型\n")
    assert terms == {"LLM": "大语言模型"} and len(problems) == 1
    assert parse_glossary("- a\n- b\n")[1] == [
        "should map each term to its definition; no glossary"
    ]


def test_new_terms_replace_the_old_glossary():
    extension = GlossaryExtension()
    extension.set_terms({"AGI": "旧"})
    extension.set_terms({"LLM": "新"})
    html = markdown.markdown("AGI 和 LLM", extensions=[extension])
    assert "<abbr" in html and "AGI</abbr>" not in html
