"""Bylines become metadata: credit lines at the top leave the body for the sidebar."""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePosixPath

import pytest
from test_article_pages import ARTICLE

from clippings.cleaning import clean
from clippings.cleaning.bylines import Credits, leading_credits, line_credits, strip_bylines
from clippings.pipeline import read_seed
from clippings.records import SeedFile
from clippings.schema_org import article_json_ld
from clippings.search.documents import article_document

FIRST = "在多模态AI领域，基于预训练视觉编码器的方法展现出卓越性能。"
ACCOUNT = replace(ARTICLE, author="某号", body="")


@pytest.mark.parametrize(
    ("line", "credits"),
    [
        ("梦晨 西风 发自 凹非寺", [("author", "梦晨 西风")]),
        ("##### 鱼羊 发自 凹非寺  ", [("author", "鱼羊")]),
        ("某报报道", [("account", "某报")]),
        ("**某号编辑部**", [("editor", "某号编辑部")]),
        ("编辑：蛋酱", [("editor", "蛋酱")]),
        ("作者：张三 编辑：李四", [("author", "张三"), ("editor", "李四")]),
        ("作者｜王五", [("author", "王五")]),
        ("vivo AI Lab 投稿", [("contributor", "vivo AI Lab")]),
        ("Janus团队 投稿自 凹非寺", [("contributor", "Janus团队")]),
        ("某站 | 公众号 SomeID", [("account", "某站")]),
        ("某报报道**某报编辑部**  ", [("account", "某报"), ("editor", "某报编辑部")]),
    ],
)
def test_credit_lines_are_read_by_their_markers(line, credits):
    assert line_credits(line) == credits


@pytest.mark.parametrize(
    "line",
    [
        FIRST,
        "据路透社报道",
        "编辑：蛋酱，本文讲述了一个很长的故事。",
        "> 也许是时候寻找新的方法了？",
        "## 模型架构",
        "他发自内心地感谢大家",
        "欢迎投稿",
    ],
)
def test_prose_quotes_and_headings_are_not_credits(line):
    assert line_credits(line) is None


def test_the_account_repeating_its_own_name_is_a_credit():
    assert line_credits("某号", ["某号"]) == [("account", "某号")]
    assert line_credits("某号", []) is None


def test_the_byline_block_is_read_up_to_the_first_real_line():
    body = "##### 梦晨 西风 发自 凹非寺  \n某号 | 公众号 QbitAI\n\n" + FIRST + "\n\n编辑：不算\n"
    assert leading_credits(body) == Credits(authors=("梦晨", "西风"), account="某号", lines=(0, 1))


def test_images_rules_and_other_credits_are_passed_over():
    body = "![](https://e.com/a.png)\n\n图｜某图库\n\n* * *\n\n作者：张三\n\n" + FIRST + "\n"
    assert leading_credits(body) == Credits(authors=("张三",), lines=(6,))


def test_strip_bylines_removes_the_credit_lines_and_keeps_the_first_paragraph():
    body = "某报报道**某报编辑部**  \n" + FIRST + "  \n第二句。\n"
    assert strip_bylines(body, ACCOUNT) == FIRST + "  \n第二句。\n"


def test_a_body_without_a_byline_is_left_alone():
    body = "图｜某图库\n\n" + FIRST + "\n"
    assert strip_bylines(body, ACCOUNT) == body


def test_the_cleaning_report_lists_the_byline():
    article = replace(ACCOUNT, body="Janus团队 投稿自 凹非寺\n\n某号\n\n" + FIRST + "\n")
    cleaned, reports = clean(article)
    assert cleaned.body.strip() == FIRST
    removed = {r.name: r.removed_lines for r in reports}["strip_bylines"]
    assert removed == ("Janus团队 投稿自 凹非寺", "某号")


WECHAT_CAPTURE = """# 一篇文章

文章作者: 某号
发布时间: 2024-11-22 12:37
原文链接: http://mp.weixin.qq.com/s?__biz=A&mid=1&idx=1&sn=b

##### 梦晨 西风 发自 凹非寺
某号 | 公众号 SomeID

编辑：蛋酱

{first}
"""


def test_a_capture_byline_becomes_the_record_fields_and_leaves_the_body(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(WECHAT_CAPTURE.format(first=FIRST), encoding="utf-8")
    cleaned, problems = read_seed(SeedFile(path, PurePosixPath("a.txt")), path.read_bytes())
    assert cleaned is not None and not problems
    article = cleaned.article
    assert article.format == "wechat"
    assert article.byline_authors == ("梦晨", "西风")
    assert article.editors == ("蛋酱",)
    assert article.account == "某号"
    assert article.author == "某号"
    assert article.body.strip() == FIRST
    assert article.summary == FIRST


def test_a_byline_naming_writers_makes_the_captured_author_the_account(tmp_path):
    path = tmp_path / "a.txt"
    capture = WECHAT_CAPTURE.replace("某号 | 公众号 SomeID\n", "")
    path.write_text(capture.format(first=FIRST), encoding="utf-8")
    cleaned, _ = read_seed(SeedFile(path, PurePosixPath("a.txt")), path.read_bytes())
    assert cleaned is not None
    assert cleaned.article.account == "某号"


def test_byline_names_stay_searchable_as_metadata():
    article = replace(
        ACCOUNT, byline_authors=("鱼羊",), editors=("蛋酱",), contributors=("Janus团队",)
    )
    metadata = article_document(article, "articles/a/").metadata
    assert {"鱼羊", "蛋酱", "Janus团队", "某号"} <= set(metadata)


def test_byline_credits_are_schema_org_author_editor_and_contributor():
    article = replace(
        ACCOUNT,
        byline_authors=("鱼羊",),
        editors=("某号编辑部",),
        contributors=("vivo AI Lab",),
    )
    data = article_json_ld(article, "https://e.org/a/", "剪报档案", "https://e.org/")
    assert data["author"] == [{"@type": "Person", "name": "鱼羊"}]
    assert data["editor"] == [{"@type": "Organization", "name": "某号编辑部"}]
    assert data["contributor"] == [{"@type": "Organization", "name": "vivo AI Lab"}]
    assert data["publisher"] == {"@type": "Organization", "name": "某号"}
