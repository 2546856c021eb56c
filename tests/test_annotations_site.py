"""The demo annotations on the built site, and what happens when an anchor drifts."""

from __future__ import annotations

import shutil
from urllib.parse import urljoin

import pytest
from conftest import build_site
from seed_expectations import EXPECTED_SEEDS, SEEDS_DIR

pytestmark = pytest.mark.site

SEED_003 = next(e for e in EXPECTED_SEEDS if e.seed_id.startswith("003"))
NOTES = {
    "003_c5574c47c0f95dce": {
        1: "我希望能够要求GPT-8去治愈某种特定的癌症",
        2: "今天出生的孩子，永远不会比AI更聪明。",
        3: "到2027年底，大多数人会同意已经有AI驱动的重大新发现",
    },
    "002_0aa2ea9de07dcc1e": {1: "OpenAI仍然没有启动GPT-5的预训练"},
    "001_4830aab3c3ed9d32": {1: "他正忙着制造超级计算机"},
    "000_37a665e4ef7b3441": {
        1: "计算将成为未来最重要的货币",
        2: "他警告低估GPT-5的改进幅度并以此为基础开展业务将是一个重大错误",
    },
}


@pytest.mark.parametrize("seed_id", NOTES)
def test_markers_sit_on_the_quoted_passages(built_site, seed_id):
    article = built_site.page(f"articles/{seed_id}").select_one("article")
    for number, quote in NOTES[seed_id].items():
        mark = article.select_one(f"mark#note-{number}")
        assert mark.get_text() == quote
        paragraph = mark.find_parent(["p"])
        assert "annotate" in paragraph["class"]
        assert paragraph.find_next_sibling("ol") is not None


def test_a_note_sits_in_the_second_half_of_seed_003(built_site):
    text = built_site.page(f"articles/{SEED_003.seed_id}").select_one("article").get_text()
    assert text.index(NOTES[SEED_003.seed_id][1]) > len(text) / 2


def test_corrected_title_is_used_everywhere_and_the_captured_one_kept(built_site):
    page = built_site.page(f"articles/{SEED_003.seed_id}")
    title = SEED_003.page_title
    assert page.select_one("article h1").get_text(strip=True) == title
    assert page.title.get_text().startswith(title)
    header = page.select_one("[data-md-component=header-topic] .md-ellipsis")
    assert header.get_text(strip=True) == title
    meta = page.select_one(".md-sidebar--secondary .archive-meta")
    assert meta.select_one(".archive-meta__captured-title").get_text() == "GPT-8AI4"
    assert meta.select_one(".archive-meta__captured[data-field=title]").get_text() == "GPT-8AI4"
    assert meta.select_one(".archive-meta__warning") is None
    home = [a.get_text(strip=True) for a in built_site.page("").select(".archive-list__title")]
    assert title in home and "GPT-8AI4" not in home
    chunks = (built_site.root / "search" / "archive" / "documents").glob("*.js")
    shown = "".join(chunk.read_text("utf-8") for chunk in chunks)
    assert f'"{title}"' in shown and '"GPT-8AI4"' not in shown
    previous = built_site.page("articles/004_db852270f7b26be9").select_one(".md-footer__link--next")
    assert title in previous["aria-label"]


def test_editor_notes_are_shown_above_the_text(built_site):
    for seed_id in ("002_0aa2ea9de07dcc1e", "003_c5574c47c0f95dce"):
        article = built_site.page(f"articles/{seed_id}").select_one("article")
        note = article.select_one(".admonition.archive-editor-note")
        assert note.select_one(".admonition-title").get_text(strip=True) == "编者按"
        assert note.find_previous("h1") is not None
        assert note.find_next("mark") is not None


def test_cross_reference_links_both_ways(built_site):
    page = built_site.page("articles/002_0aa2ea9de07dcc1e")
    links = page.select("article ol a[href]")
    targets = {urljoin("/articles/002_0aa2ea9de07dcc1e/", a["href"]) for a in links}
    assert "/articles/003_c5574c47c0f95dce/" in targets
    cited = built_site.page(f"articles/{SEED_003.seed_id}").select_one("#cited-by")
    entries = cited.find_next_sibling("ul").select("a")
    hrefs = {urljoin(f"/articles/{SEED_003.seed_id}/", a["href"]) for a in entries}
    assert "/articles/002_0aa2ea9de07dcc1e/#note-1" in hrefs
    assert "/articles/000_37a665e4ef7b3441/#note-2" in hrefs


def test_notes_index_groups_by_tag_and_links_each_passage(built_site):
    page = built_site.page("notes")
    groups = {}
    for heading in page.select("article h2"):
        links = heading.find_next_sibling("ul").select("a")
        groups[heading.get_text(strip=True).rstrip("¶")] = [
            urljoin("/notes/", a["href"]) for a in links
        ]
    assert groups["预测"] == [  # in publication order: a tracker of predictions
        "/articles/000_37a665e4ef7b3441/#note-1",
        "/articles/000_37a665e4ef7b3441/#note-2",
        f"/articles/{SEED_003.seed_id}/#note-1",
        f"/articles/{SEED_003.seed_id}/#note-2",
        f"/articles/{SEED_003.seed_id}/#note-3",
    ]
    assert "/articles/001_4830aab3c3ed9d32/#note-1" in groups["算力"]
    total = {href for hrefs in groups.values() for href in hrefs}
    assert len(total) == sum(len(notes) for notes in NOTES.values())


def test_glossary_terms_carry_their_definitions(built_site):
    article = built_site.page("articles/001_4830aab3c3ed9d32").select_one("article")
    terms = {abbr.get_text(): abbr["title"] for abbr in article.select("abbr")}
    assert terms["AGI"].startswith("通用人工智能")
    seen = set()
    for page in ("000_37a665e4ef7b3441", "003_c5574c47c0f95dce"):
        seen |= {abbr.get_text() for abbr in built_site.page(f"articles/{page}")("abbr")}
    assert len(seen) >= 5


@pytest.fixture
def seeds_copy(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    return seeds


def test_a_quote_edited_out_of_its_seed_fails_the_strict_build(seeds_copy, tmp_path):
    seed = seeds_copy / "001_4830aab3c3ed9d32.txt"
    seed.write_bytes(seed.read_bytes().replace("制造超级计算机".encode(), "建设数据中心".encode()))
    result = build_site(tmp_path / "site", seeds_dir=seeds_copy, strict=True)
    assert result.returncode != 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1
    assert "seeds/001_4830aab3c3ed9d32.notes.yml" in warnings[0]
    assert "note 1" in warnings[0] and "他正忙着制造超级计算机" in warnings[0]
    assert "not found" in warnings[0]


def test_an_ambiguous_quote_is_reported(seeds_copy, tmp_path):
    sidecar = seeds_copy / "000_37a665e4ef7b3441.notes.yml"
    sidecar.write_text(
        sidecar.read_text("utf-8").replace("    prefix: 我越来越确信，\n", ""), "utf-8"
    )
    result = build_site(tmp_path / "site", seeds_dir=seeds_copy, strict=False)
    assert result.returncode == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1
    assert (
        "000_37a665e4ef7b3441.notes.yml: note 1 quote “计算将成为未来最重要的货币”" in warnings[0]
    )
    assert "found 2 times" in warnings[0]
