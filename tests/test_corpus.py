"""Real captures from other accounts (../shared/corpus, never copied into this repository):
the parsers and cleaners must generalise beyond the archive's own five seeds."""

from __future__ import annotations

import shutil

import pytest
from conftest import BuiltSite, build_site
from seed_expectations import ROOT

CORPUS = ROOT.parent / "shared" / "corpus"

pytestmark = [
    pytest.mark.site,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout"),
]


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> BuiltSite:
    seeds = tmp_path_factory.mktemp("corpus-seeds")
    for capture in CORPUS.iterdir():
        if capture.name != "README.md":
            shutil.copy(capture, seeds / capture.name)
    site_dir = tmp_path_factory.mktemp("corpus-site")
    result = build_site(site_dir, seeds_dir=seeds)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(site_dir)


def _article(site: BuiltSite, seed_id: str):
    return site.page(f"articles/{seed_id}").select_one("article.md-content__inner")


def _headings(article) -> list[str]:
    return [h.get_text(strip=True).rstrip("¶") for h in article.find_all(["h1", "h2", "h3"])]


def test_qbitai_end_marker_submission_and_follow_prompts_are_gone(corpus_site):
    text = _article(corpus_site, "wechat_qbitai_janusflow").get_text()
    for boilerplate in ["— 完 —", "完 —", "投稿请发邮件到", "ai@qbitai.com", "点这里", "一键三连"]:
        assert boilerplate not in text
    assert "[4] Representation Alignment for Generation" in text


def test_qbitai_byline_and_captions_are_paragraphs_not_headings(corpus_site):
    article = _article(corpus_site, "wechat_qbitai_janusflow")
    headings = _headings(article)
    assert headings[1:] == ["模型架构", "方法与设计", "实验结果"]
    paragraphs = [p.get_text(strip=True) for p in article("p")]
    assert "Janus团队 投稿自 凹非寺" in paragraphs
    assert "△视觉理解分数：JanusFlow超过了一些同尺寸的纯理解模型" in paragraphs


def test_qbitai_unknown_place_is_shown_as_captured(corpus_site):
    page = corpus_site.page("articles/wechat_qbitai_janusflow")
    place = page.select_one(".md-sidebar--secondary .archive-meta__place")
    assert place.get_text(strip=True) == "未知地区"


def test_aideep_numbered_headings_reading_list_and_advert(corpus_site):
    article = _article(corpus_site, "wechat_aideep_ilya_papers")
    assert _headings(article)[1:] == [
        "1. Transformer 架构",
        "2. 循环神经网络 RNN",
        "3. 长短期记忆网络（LSTM）",
        "4. 神经网络的复杂度",
        "5. 计算机视觉",
        "6. 神经网络架构",
    ]
    text = article.get_text()
    for boilerplate in ["往期回顾", "英国卫报独家纪录片", "告别昂贵服务费", "Milo-1101", "END"]:
        assert boilerplate not in text
    assert "30篇AI 研究论文清单地址" in text


def test_feed_think_tokens_stay_visible_text(corpus_site):
    article = _article(corpus_site, "feed_36kr_deepseek_v31")
    assert "<think> (id: 128798)" in article.get_text()
    assert "</think> (id: 128799)" in article.get_text()
    assert article.find("think") is None


def test_feed_setext_headings_title_suspect_and_reprint(corpus_site):
    page = corpus_site.page("articles/feed_36kr_deepseek_v31")
    assert _headings(_article(corpus_site, "feed_36kr_deepseek_v31"))[1:] == [
        "混合推理，编程击败Claude 4",
        "一手实测",
    ]
    meta = page.select_one(".md-sidebar--secondary .archive-meta")
    assert meta.select_one(".archive-meta__warning") is not None
    assert meta.select_one(".archive-meta__original-account").get_text(strip=True) == "新智元"


def test_hexo_malformed_update_time_cover_and_nested_categories(corpus_site):
    meta = corpus_site.page("articles/hexo_openai_5_models").select_one(
        ".md-sidebar--secondary .archive-meta"
    )
    assert meta.select_one("time.archive-meta__updated")["datetime"] == (
        "2024-01-27T17:38:30.449000+08:00"
    )
    assert meta.select_one("img.archive-meta__cover")["src"].startswith("https://cdn.jsdelivr")
    assert meta.select_one(".archive-meta__categories").get_text(strip=True) == "科技&产品"
    body = _article(corpus_site, "hexo_openai_5_models")
    assert not body.select("img:not(.archive-meta__cover)[src*='3kleey4o3yg0']"), "cover twice"
