"""Real captures from other accounts (../shared/corpus, never copied into this repository):
the parsers and cleaners must generalise beyond the archive's own five seeds."""

from __future__ import annotations

import pytest
from conftest import CORPUS, BuiltSite
from seed_expectations import starts_with_credit_or_promotion
from test_alt_text_and_titles import home_thumbnails_titled, titled_images

from clippings.cleaning.bylines import line_credits

pytestmark = [
    pytest.mark.site,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout"),
]


def _article(site: BuiltSite, seed_id: str):
    return site.page(f"articles/{seed_id}").select_one("article.md-content__inner")


def _body(site: BuiltSite, seed_id: str):
    """The article as the capture wrote it: without the page's metadata and citation."""
    article = _article(site, seed_id)
    for added in article.select(".archive-meta--inline, .archive-byline, .archive-citation"):
        added.decompose()
    return article


def _headings(article) -> list[str]:
    return [h.get_text(strip=True).rstrip("¶") for h in article.find_all(["h1", "h2", "h3"])]


def test_qbitai_end_marker_submission_and_follow_prompts_are_gone(corpus_site):
    text = _article(corpus_site, "wechat_qbitai_janusflow").get_text()
    for boilerplate in ["— 完 —", "完 —", "投稿请发邮件到", "ai@qbitai.com", "点这里", "一键三连"]:
        assert boilerplate not in text
    assert "[4] Representation Alignment for Generation" in text


def test_qbitai_byline_is_metadata_labels_are_headings_captions_paragraphs(corpus_site):
    """Issue #14 moved the byline ("Janus团队 投稿自 凹非寺", "量子位 | 公众号 QbitAI") out
    of the body into the sidebar, and made the bold section labels headings."""
    page = corpus_site.page("articles/wechat_qbitai_janusflow")
    article = _article(corpus_site, "wechat_qbitai_janusflow")
    assert _headings(article)[1:] == [
        "模型架构",
        "方法与设计",
        "1、三阶段训练策略",
        "2、解耦理解与生成的视觉编码器",
        "3、表征对齐（Representation Alignment）",
        "4、消融实验",
        "实验结果",
    ]
    assert [h.name for h in article.find_all(["h2", "h3"])][2:6] == ["h3"] * 4
    text = _body(corpus_site, "wechat_qbitai_janusflow").get_text()
    for byline in ["Janus团队", "投稿自", "凹非寺", "公众号 QbitAI"]:
        assert byline not in text
    paragraphs = [p.get_text(strip=True) for p in article("p")]
    assert "△视觉理解分数：JanusFlow超过了一些同尺寸的纯理解模型" in paragraphs
    meta = page.select_one(".md-sidebar--secondary .archive-meta")
    assert meta.select_one(".archive-meta__contributors").get_text(strip=True) == "Janus团队"


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
    # The bold label over the reference links became a heading under the last section.
    assert _headings(_article(corpus_site, "feed_36kr_deepseek_v31"))[1:] == [
        "混合推理，编程击败Claude 4",
        "一手实测",
        "参考资料：HYX",
    ]
    meta = page.select_one(".md-sidebar--secondary .archive-meta")
    assert meta.select_one(".archive-meta__warning") is not None
    original = meta.select_one(".archive-meta__original-account")
    assert original.get_text(strip=True) == "新智元"
    assert original["href"] == "https://mp.weixin.qq.com/s/panSxt0KlfUoaudcdE8y5Q"
    assert meta.select_one(".archive-meta__editors").get_text(strip=True) == "桃子、定慧"


def test_a_repost_states_its_original_source_in_the_sidebar_not_the_body(corpus_site):
    text = _body(corpus_site, "feed_36kr_deepseek_v31").get_text()
    assert "本文来自微信公众号" not in text and "经授权发布" not in text
    assert "https://huggingface.co/deepseek-ai/DeepSeek-V3.1-Base" in text
    article = _article(corpus_site, "feed_36kr_deepseek_v31")
    for phone_or_citation in article.select(".archive-meta--inline, .archive-citation"):
        phone_or_citation.decompose()
    assert "新智元" not in article.get_text(), "the original account is the sidebar's to state"
    sidebar = corpus_site.page("articles/feed_36kr_deepseek_v31").select_one(
        ".md-sidebar--secondary .archive-meta__original"
    )
    assert sidebar.get_text(strip=True) == "新智元"


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


CAPTURES = sorted(
    path.stem for path in (CORPUS.iterdir() if CORPUS.is_dir() else ()) if path.name != "README.md"
)


def _summaries(site: BuiltSite, seed_id: str) -> list[str]:
    """The article's summary where a reader meets it: its meta description and the
    home page's list (the first page of it holds every corpus capture)."""
    page = site.page(f"articles/{seed_id}")
    description = page.find("meta", attrs={"name": "description"})["content"]
    home = site.page("")
    link = home.find("a", href=lambda h: h and h.rstrip("/").endswith(f"articles/{seed_id}"))
    item = link.find_parent("li")
    return [description, item.select_one(".archive-list__summary").get_text(strip=True)]


@pytest.mark.parametrize("seed_id", CAPTURES)
def test_no_summary_starts_with_a_byline_note_or_promotion(corpus_site, seed_id):
    for summary in _summaries(corpus_site, seed_id):
        assert not starts_with_credit_or_promotion(summary), summary


@pytest.mark.parametrize(
    ("seed_id", "first_sentence"),
    [
        ("wechat_qbitai_janusflow", "在多模态AI领域，基于预训练视觉编码器与MLLM的方法"),
        ("jiqizhixin_neurips_award", "刚刚，NeurIPS 官方公布了 2024 年度的时间检验奖"),
        ("rss_sspai_subtitle_edit", "今天在听中岛美雪的演唱会时，发现视频里内置了字幕。"),
    ],
)
def test_summaries_start_with_the_article(corpus_site, seed_id, first_sentence):
    for summary in _summaries(corpus_site, seed_id):
        assert summary.startswith(first_sentence)


@pytest.mark.parametrize("seed_id", CAPTURES)
def test_no_byline_at_the_top_and_no_end_marker_in_the_body(corpus_site, seed_id):
    article = _body(corpus_site, seed_id)
    assert "© THE END" not in article.get_text()
    for paragraph in article("p")[:3]:
        for line in paragraph.get_text().split("\n"):
            assert line_credits(line) is None, line


def test_jiqizhixin_footer_is_cut_from_the_reference_it_was_glued_to(corpus_site):
    for seed_id, reference in [
        ("jiqizhixin_karpathy_rlhf", "https://x.com/karpathy/status/1821277264996352246"),
        ("jiqizhixin_neurips_award", "https://blog.neurips.cc/2024/11/27/announcing-the-neurips"),
    ]:
        text = _body(corpus_site, seed_id).get_text()
        assert reference in text
        for footer in ["THE END", "转载请联系", "寻求报道", "@jiqizhixin.com"]:
            assert footer not in text
        assert not text.rstrip().endswith("_")
    page = corpus_site.page("articles/jiqizhixin_neurips_award")
    meta = page.select_one(".md-sidebar--secondary .archive-meta")
    assert meta.select_one(".archive-meta__editors").get_text(strip=True) == "机器之心编辑部"
    assert "机器之心报道" not in _body(corpus_site, "jiqizhixin_neurips_award").get_text()


def test_qbitai_writer_is_the_author_and_the_account_its_own_row(corpus_site):
    meta = corpus_site.page("articles/qbitai_glitch_tokens").select_one(
        ".md-sidebar--secondary .archive-meta"
    )
    assert meta.select_one(".archive-meta__author").get_text(strip=True) == "鱼羊"
    assert meta.select_one(".archive-meta__account").get_text(strip=True) == "量子位"


def test_sspai_preamble_and_follow_lines_are_gone(corpus_site):
    text = _body(corpus_site, "rss_sspai_subtitle_edit").get_text()
    for promotion in ["首页推荐", "写作社区", "代表作者个人观点", "少数派小红书", "正版软件"]:
        assert promotion not in text
    assert "HandBrake 不支持字幕提取" in text
    assert "今天在听中岛美雪的演唱会时" in text


def test_no_image_is_described_by_the_title(corpus_site):
    for capture in CORPUS.iterdir():
        if capture.name != "README.md":
            assert titled_images(corpus_site, capture.stem) == [], capture.name
    assert home_thumbnails_titled(corpus_site) == []
