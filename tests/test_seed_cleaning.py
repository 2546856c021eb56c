"""The five seeds, cleaned and rendered: what must survive, and what must be gone."""

from __future__ import annotations

import pytest
from seed_expectations import EXPECTED_SEEDS, SEEDS_DIR, starts_with_credit_or_promotion

pytestmark = pytest.mark.site

SURVIVES = {
    "000_37a665e4ef7b3441": [
        "Sam 在与韩国硅谷特派记者团的会面中罕见的透露了比较多关于 GPT-5 的信息",
        '◆Altman似乎除了"建立AGI"之外对其他事情不太感兴趣',
        # The English original after the Chinese summary.
        "I am confident that computing will become the most important currency in the future.",
        "they will be 'steamrolled' by the next-generation model.",
    ],
    "001_4830aab3c3ed9d32": [
        "人工智能模型会继续变得非常强大，我们还远远没有达到这条曲线的顶端",
        # Wrapped English, joined with spaces.
        "we can say right now with a high degree of scientific certainty GPT5 is going to be"
        " a lot smarter than GPT4",
        # The bilingual quote, its wrapped Chinese lines joined without a gap.
        "它将会更加智能。这听上去似乎是在规避问题",
        "大家猜一下可能是什么?哈哈：GPT-5发布日期？",
    ],
    "002_0aa2ea9de07dcc1e": [
        "编译｜汤源",
        "We have a lot of work to do before we start that model",
        "“在启动该模型之前，我们还有很多工作要做，”OpenAI 首席执行官奥特曼",
        # The capture's space before the opening quote goes (no space beside Chinese quotes).
        "某些关键参与者“需要“的答案是“将越来越多的数据喂养越来越大的模型”",
        "笔者曾经在OpenAI署名超级人工智能（ASI）治理宣言时",
        "大家似乎可以稍稍缓一口气了",
        "Manish Singh：OpenAI still not training GPT-5, Sam Altman says",
    ],
    "003_c5574c47c0f95dce": [
        "智东西8月16日消息，上周，OpenAI发布了万众瞩目的新一代旗舰模型GPT-5",
        "所以，这就是我想做的事，令人难以置信的是，它后来真的开始奏效了。",
    ],
    "004_db852270f7b26be9": [
        "在 ChatGPT-4o 发布当天，Sam Altman与Logan Bartlett分享了ChatGPT-4o的幕后细节",
        "Redpoint Ventures 是一家总部位于硅谷的风险投资公司",
        # The host's own sign-off in the transcript is content, not a follow prompt.
        "如果你喜欢这次对话,非常感谢你点赞、订阅和分享给你认为可能会感兴趣的其他人",
        "谢谢大家的收听。",
    ],
}

GONE = {
    "001_4830aab3c3ed9d32": ["星标AI寒武纪", "好内容不错过", "告诉我～", "GPT5快来了"],
    "002_0aa2ea9de07dcc1e": [
        "扫码加群",
        "AI范儿读者群",
        "关注、标星",
        "那些prompt了我的",
        "是否也prompt了你",
    ],
    # The reprint line is metadata (the sidebar's 原载 row), said once (issue #14).
    "003_c5574c47c0f95dce": ["\u00a0", "-----", "本文来自微信公众号", "36氪经授权发布"],
    "004_db852270f7b26be9": [
        "往期回顾",
        "不能错过的发布会整理",
        "我们的AI团队现向外界开放服务",
        "告别昂贵服务费",
        "无限创意风格",
        "Milo-1101",
        "END",
    ],
}


def _body(built_site, seed_id: str):
    return built_site.page(f"articles/{seed_id}").select_one("article.md-content__inner")


def _text(built_site, seed_id: str) -> str:
    return _body(built_site, seed_id).get_text()


@pytest.mark.parametrize(
    ("seed_id", "sentence"), [(s, t) for s, texts in SURVIVES.items() for t in texts]
)
def test_sentence_survives(built_site, seed_id, sentence):
    assert sentence in _text(built_site, seed_id)


@pytest.mark.parametrize(("seed_id", "text"), [(s, t) for s, texts in GONE.items() for t in texts])
def test_boilerplate_is_gone(built_site, seed_id, text):
    assert text not in _text(built_site, seed_id)


def test_seed_002_end_marker_paragraph_is_gone(built_site):
    paragraphs = [p.get_text(strip=True) for p in _body(built_site, "002_0aa2ea9de07dcc1e")("p")]
    assert "END" not in paragraphs


def test_seed_002_reference_is_a_list_entry_and_a_link_not_headings(built_site):
    body = _body(built_site, "002_0aa2ea9de07dcc1e")
    headings = [h.get_text(strip=True) for h in body.find_all(["h1", "h2", "h3"])]
    assert not [h for h in headings if "Manish" in h or "techcrunch.com" in h]
    assert "参考" in [h.get_text(strip=True).rstrip("¶") for h in body.find_all("h2")]
    entries = [li.get_text(strip=True) for li in body("li")]
    assert "Manish Singh：OpenAI still not training GPT-5, Sam Altman says" in entries
    assert body.find("a", href="https://techcrunch.com/2023/06/07/openai-gpt5-sam-altman/")


def test_seed_002_postscript_is_a_section(built_site):
    body = _body(built_site, "002_0aa2ea9de07dcc1e")
    assert "后记" in [h.get_text(strip=True).rstrip("¶") for h in body.find_all("h2")]


def test_seed_003_setext_sections_make_a_21_entry_table_of_contents(built_site):
    page = built_site.page("articles/003_c5574c47c0f95dce")
    toc = page.select(".md-sidebar--secondary .md-nav--secondary > ul > li")
    # 21 sections of the article, then the editor's 被引用 list.
    assert len(toc) == 22
    assert toc[-1].get_text(strip=True) == "被引用"
    first = toc[0].get_text(strip=True)
    assert first == "01.7秒做出一个贪吃蛇小游戏，GPT-5可以几乎即时地按需创建软件"
    assert "**" not in page.select_one("article").get_text()


def test_seed_003_reprint_account_and_author_are_metadata(built_site):
    meta = built_site.page("articles/003_c5574c47c0f95dce").select_one(
        ".md-sidebar--secondary .archive-meta"
    )
    original = meta.select_one(".archive-meta__original-account")
    assert original.get_text(strip=True) == "智东西"
    assert original["href"].startswith("https://mp.weixin.qq.com/s?__biz=MzA4MTQ4NjQzMw==")
    assert meta.select_one(".archive-meta__original-author").get_text(strip=True) == "王涵"


@pytest.mark.parametrize("expected", EXPECTED_SEEDS, ids=lambda e: e.seed_id)
def test_no_summary_starts_with_a_byline_note_or_promotion(built_site, expected):
    page = built_site.page(f"articles/{expected.seed_id}")
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert not starts_with_credit_or_promotion(description), description


def test_seed_002_home_summary_starts_with_the_article_not_its_source_note(built_site):
    home = built_site.page("")
    link = home.find("a", href=lambda h: h and "002_0aa2ea9de07dcc1e" in h)
    summary = link.find_parent("li").select_one(".archive-list__summary").get_text(strip=True)
    assert summary.startswith("OpenAI仍然没有启动GPT-5的预训练。")


def test_seed_004_sections_sit_under_the_title(built_site):
    body = _body(built_site, "004_db852270f7b26be9")
    assert [h.get_text(strip=True) for h in body("h1")] == [EXPECTED_SEEDS[4].title]
    h2 = [h.get_text(strip=True).rstrip("¶") for h in body("h2")]
    assert h2 == ["视频时间轴", "视频文字整理"]
    assert len(body("h3")) == 18


def test_wechat_links_in_bodies_carry_no_tracking(built_site):
    for seed in EXPECTED_SEEDS:
        for link in _body(built_site, seed.seed_id)("a", href=True):
            if "mp.weixin.qq.com" in link["href"]:
                assert "chksm" not in link["href"] and "scene" not in link["href"]


def test_archived_images_send_no_referrer(built_site):
    page = built_site.page("articles/004_db852270f7b26be9")
    assert page.find("meta", attrs={"name": "referrer"})["content"] == "no-referrer"
    assert page.select("article img[src*='mmbiz.qpic.cn']")


@pytest.mark.parametrize("expected", EXPECTED_SEEDS, ids=lambda e: e.seed_id)
def test_raw_seed_is_published_byte_for_byte_and_linked(built_site, expected):
    name = f"{expected.seed_id}.txt"
    assert (built_site.root / "seeds" / name).read_bytes() == (SEEDS_DIR / name).read_bytes()
    page = built_site.page(f"articles/{expected.seed_id}")
    link = page.select_one(".md-sidebar--secondary a.archive-meta__raw")
    assert link["href"] == f"../../seeds/{name}"


def test_cleaning_report_lists_what_was_cut(built_site):
    report = built_site.page("cleaning-report").select_one("article")
    text = report.get_text()
    assert "strip_trailing_promotions" in text
    assert "扫码加群，" in text
    links = {a["href"] for a in report("a", href=True)}
    assert "../articles/002_0aa2ea9de07dcc1e/" in links


def test_seed_000_bullet_lines_are_separate_paragraphs(built_site):
    paragraphs = [p.get_text() for p in _body(built_site, "000_37a665e4ef7b3441")("p")]
    bullets = [p for p in paragraphs if p.startswith("◆")]
    assert len(bullets) >= 10
    assert all(p.count("◆") == 1 for p in bullets)
