"""Stable page paths and the Markdown page a seed becomes."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import yaml

from clippings.article_pages import article_slug, render_article_page
from clippings.records import Article

ARTICLE = Article(
    seed_id="2024/wechat_0001",
    seed_path="2024/wechat_0001.txt",
    format="wechat",
    encoding="utf-8",
    content_hash="0" * 64,
    title="原来的标题",
    body="正文。\n",
    author="某号",
    published=datetime(2024, 1, 2, 3, 4, tzinfo=timezone(timedelta(hours=8))),
    tags=("甲",),
)


def test_url_comes_from_the_seed_not_the_title():
    corrected = replace(ARTICLE, title="改正后的标题", body="重新清理后的正文。\n")
    assert render_article_page(ARTICLE).src_uri == "articles/2024/wechat_0001.md"
    assert render_article_page(corrected).src_uri == render_article_page(ARTICLE).src_uri


def test_url_safe_ids_are_kept_as_they_are():
    assert article_slug("000_37a665e4ef7b3441") == "000_37a665e4ef7b3441"
    assert article_slug("中文文件名") == "中文文件名"


def test_unsafe_characters_are_replaced_and_the_id_hashed():
    slugs = {article_slug(seed_id) for seed_id in ["a b", "a#b", "a?b", "a%b", "a-b"]}
    assert len(slugs) == 5
    for slug in slugs - {"a-b"}:
        assert slug.startswith("a-b-") and not set(slug) & set(" #?%")


def test_page_front_matter_carries_every_field_and_the_body_follows():
    page = render_article_page(ARTICLE)
    _, header, body = page.markdown.split("---\n", 2)
    meta = yaml.safe_load(header)
    assert meta["template"] == "article.html"
    assert meta["title"] == "原来的标题"
    assert meta["article"]["published"] == "2024-01-02T03:04:00+08:00"
    assert meta["article"]["tags"] == ["甲"]
    assert meta["article"]["seed_path"] == "2024/wechat_0001.txt"
    assert "place" not in meta["article"]
    assert body.strip() == "某号\n{: .archive-byline }\n\n正文。"


def test_title_with_yaml_and_html_syntax_survives_front_matter():
    title = 'a: "b" --- <script>alert(1)</script>'
    page = render_article_page(replace(ARTICLE, title=title))
    assert yaml.safe_load(page.markdown.split("---\n", 2)[1])["title"] == title


def test_byline_names_author_and_place_as_text_and_leaves_the_original_to_the_sidebar():
    article = replace(ARTICLE, author="某*号", original_account="原号", place="<上海>")
    body = render_article_page(article).markdown.split("---\n", 2)[2]
    assert body.lstrip().startswith("某\\*号 · &lt;上海&gt;\n{: .archive-byline }\n")
    assert "原号" not in body


def test_no_byline_without_author_account_or_place():
    article = replace(ARTICLE, author=None)
    assert render_article_page(article).markdown.split("---\n", 2)[2].strip() == "正文。"
