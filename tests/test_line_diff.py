"""The cleaning report's line diff: exact, in order, and as difflib for small stretches."""

from __future__ import annotations

from dataclasses import replace
from difflib import SequenceMatcher

from hypothesis import given
from hypothesis import strategies as st
from test_article_pages import ARTICLE

from clippings.cleaning import clean
from clippings.cleaning.line_diff import line_changes

# A small alphabet, so that lines repeat as blank lines and image lines do in articles.
lines = st.lists(st.sampled_from(["", "甲", "乙", "丙", "![](a.png)", "丁", "戊"]), max_size=40)


def _rebuilt(old: list[str], new: list[str]) -> list[str]:
    """`old` with every change applied, reading the replacement lines from `new`."""
    result: list[str] = []
    position = 0
    for _, old_start, old_end, new_start, new_end in line_changes(old, new):
        assert old_start >= position, "changes come in order and do not overlap"
        result += old[position:old_start] + new[new_start:new_end]
        position = old_end
    return result + old[position:]


@given(lines, lines)
def test_applying_the_changes_gives_the_new_lines(old, new):
    assert _rebuilt(old, new) == new


@given(lines)
def test_unchanged_lines_have_no_changes(old):
    assert list(line_changes(old, list(old))) == []


def test_a_stretch_between_blank_lines_is_aligned_as_difflib_does():
    old = ["标题", "", "正文一", "", "广告", "", "正文二", "", "扫码关注"]
    new = ["标题", "", "正文一", "", "正文二（改）", ""]
    expected = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    assert list(line_changes(old, new)) == [op for op in expected if op[0] != "equal"]
    assert list(line_changes(old, new)) == [("replace", 4, 5, 4, 5), ("delete", 6, 9, 6, 6)]


def test_unique_lines_anchor_a_long_body_without_comparing_every_pair():
    # 3,000 paragraphs with blank lines between: a pass drops every tenth one.
    old = [line for n in range(3000) for line in (f"第{n}段。", "")]
    new = [line for n in range(3000) if n % 10 for line in (f"第{n}段。", "")]
    removed = [old[a] for tag, a, b, _, _ in line_changes(old, new) for a in range(a, b)]
    assert [line for line in removed if line] == [f"第{n}段。" for n in range(0, 3000, 10)]


def test_report_lists_lines_a_pass_removed_and_counts_rewritten_ones():
    body = "第一段。\n\n第二段。\n\n—— END ——\n\n扫码关注我们\n"
    cleaned, reports = clean(replace(ARTICLE, body=body))
    report = {r.name: r for r in reports}["strip_trailing_promotions"]
    assert report.removed_lines == ("扫码关注我们",)
    assert "扫码关注" not in cleaned.body
