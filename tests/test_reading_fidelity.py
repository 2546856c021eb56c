"""Read as a reader reads: paragraphs, emphasis and spacing on the built pages of the
five seeds and of every real capture in ../shared/corpus (read from there, never copied
into this repository)."""

from __future__ import annotations

import copy
import re

import pytest
from conftest import CORPUS
from seed_expectations import SEEDS_DIR

pytestmark = pytest.mark.site

SEED_IDS = sorted(path.stem for path in SEEDS_DIR.glob("*.txt"))
CORPUS_IDS = (
    sorted(p.stem for p in CORPUS.iterdir() if p.name != "README.md") if CORPUS.is_dir() else []
)
ARTICLES = [("seeds", seed_id) for seed_id in SEED_IDS] + [
    ("corpus", seed_id) for seed_id in CORPUS_IDS
]
# Markup a reader must never see as text.
DEBRIS = ("**", "__", "\\>")


@pytest.fixture(scope="module")
def sites(request):
    """The seeds' site, and the corpus's when ../shared/corpus is there."""
    built = {"seeds": request.getfixturevalue("built_site")}
    if CORPUS.is_dir():
        built["corpus"] = request.getfixturevalue("corpus_site")
    return built


def _article(sites, where: str, seed_id: str):
    if where not in sites:
        pytest.skip("../shared/corpus is not beside this checkout")
    return sites[where].page(f"articles/{seed_id}").select_one("article.md-content__inner")


def _text_outside_links(article) -> str:
    """The article's own text: no links, code, metadata block or citation formats."""
    article = copy.copy(article)
    for other in article.select("a, pre, code, .archive-meta--inline, .archive-citation"):
        other.decompose()
    return article.get_text()


@pytest.mark.parametrize(("where", "seed_id"), ARTICLES, ids=[a[1] for a in ARTICLES])
def test_no_paragraph_carries_more_than_two_line_breaks(sites, where, seed_id):
    article = _article(sites, where, seed_id)
    crowded = [p.get_text()[:40] for p in article("p") if len(p("br")) > 2]
    assert not crowded


@pytest.mark.parametrize(("where", "seed_id"), ARTICLES, ids=[a[1] for a in ARTICLES])
def test_no_markup_debris_is_shown_as_text(sites, where, seed_id):
    text = _text_outside_links(_article(sites, where, seed_id))
    assert [d for d in DEBRIS if d in text] == []


def _paragraphs(sites, where: str, seed_id: str) -> list[str]:
    return [p.get_text() for p in _article(sites, where, seed_id)("p")]


def test_seed_000_interview_is_seven_paragraphs(sites):
    paragraphs = _paragraphs(sites, "seeds", "000_37a665e4ef7b3441")
    starts = [
        "14日（当地时间）",
        "奥特曼还指出",
        "奥特曼似乎对",
        "最近，奥特曼",
        "他还表达了",
        "他还提出了",
    ]
    found = [next((p for p in paragraphs if p.startswith(start)), None) for start in starts]
    assert None not in found
    first = next(p for p in paragraphs if "OpenAI的首席执行官(CEO)萨姆·奥特曼" in p)
    assert first.endswith("现实问题可以轻松得到解决。")
    interview = [first, *found]
    assert all("  " not in p and p.count("。") <= 6 for p in interview)
    # The English original: its glued bold paragraphs are separate too.
    assert any(p.startswith("Altman appeared to have no interest") for p in paragraphs)


def test_seed_000_english_list_is_a_list(sites):
    article = _article(sites, "seeds", "000_37a665e4ef7b3441")
    items = [li.get_text(strip=True) for li in article("li")]
    assert "He said he didn’t know when GPT-5 will be released" in items
    assert any(i.startswith("He is confident that with enough compute") for i in items)
    assert any(i.startswith("Actually, he’s obsessed with compute") for i in items)
    assert any(
        p.startswith("NOTE: All this is from a translation")
        for p in [p.get_text() for p in article("p")]
    )


@pytest.mark.parametrize("label", ["sam 演讲关键信息摘要：", "还有一些不能分享的信息："])
def test_seed_001_labels_are_bold_without_asterisks(sites, label):
    article = _article(sites, "seeds", "001_4830aab3c3ed9d32")
    shown = [tag.get_text(strip=True).rstrip("¶") for tag in article(["strong", "h2", "h3"])]
    assert label in shown


def test_seed_001_quote_has_no_space_after_full_width_commas(sites):
    paragraphs = _paragraphs(sites, "seeds", "001_4830aab3c3ed9d32")
    assert any("我的意思是，这听起来像是个回避责任的回答，但我认为" in p for p in paragraphs)
    # Paragraph by paragraph: the minified page keeps one space between block tags,
    # which no reader sees.
    assert not [p for p in paragraphs if re.search(r"[，。：；！？] ", p)]


def test_seed_002_source_note_is_its_own_paragraph(sites):
    paragraphs = [p.strip() for p in _paragraphs(sites, "seeds", "002_0aa2ea9de07dcc1e")]
    note = next(p for p in paragraphs if "techcrunch.com" in p and "注：" in p)
    assert note.endswith("（by Manish Singh)")
    assert any(p.startswith("OpenAI仍然没有启动GPT-5的预训练") for p in paragraphs)
    assert "▩@Junta" in paragraphs


def test_seed_004_split_word_reads_whole(sites):
    assert "一万多字的内容。" in _article(sites, "seeds", "004_db852270f7b26be9").get_text()


def test_hard_wrapped_capture_has_its_paragraphs_and_image_blocks(sites):
    article = _article(sites, "corpus", "jiqizhixin_karpathy_rlhf")
    paragraphs = [p.get_text() for p in article("p")]
    assert "大模型回答人类的对话内容，究竟有多少「智能」成分在里面？" in paragraphs
    assert any(p.startswith("Karpathy 称：人工智能基本上") for p in paragraphs)
    # A sentence the capture broke over two lines is one paragraph again.
    assert any("列出了 10 个景点的列表" in p for p in paragraphs)
    # Images stand alone; the italic line under one is its caption.
    assert all(not p.find("img") or p.get_text(strip=True) == "" for p in article("p"))
    captions = [p.get_text(strip=True) for p in article.select("p.archive-caption")]
    assert captions == ["「RLHF 只是勉强算强化学习。」"]


def test_captions_under_images_are_marked(sites):
    article = _article(sites, "corpus", "wechat_qbitai_janusflow")
    captions = [p.get_text(strip=True) for p in article.select("p.archive-caption")]
    assert "△视觉理解分数：JanusFlow超过了一些同尺寸的纯理解模型" in captions
    for caption in article.select("p.archive-caption"):
        previous = caption.find_previous_sibling()
        assert previous.find("img"), caption


def test_cleaning_report_shows_emphasis_repairs_before_and_after(sites):
    report = sites["seeds"].page("cleaning-report").select_one("article").get_text()
    assert "原 **sam 演讲关键信息摘要： **\n改 **sam 演讲关键信息摘要：**" in report
    assert re.search(r"`?tighten_cjk_punctuation`?：删除 0 行，改写 \d+ 行（\d+ 处改动）", report)
