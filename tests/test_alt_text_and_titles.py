"""Built sites: no image is described by the article's title (the seeds here, the corpus
in test_corpus.py), and a feed title stripped of its Chinese is flagged or recovered,
with where it came from."""

from __future__ import annotations

import pytest
from conftest import BuiltSite, build_site
from seed_expectations import EXPECTED_SEEDS, ROOT

pytestmark = pytest.mark.site

SYNOCLI = ROOT / "tests" / "fixtures" / "feed" / "synocli.md"
FULL_TITLE = "SynoCli - 来自 SynoCommunity，为群晖 NAS 安装 110+ 款开发者工具"
DAMAGED = "SynoCli SynoCommunity NAS 110"


def titled_images(site: BuiltSite, slug: str) -> list[str]:
    """The images on an article's page whose alt text is the article's title."""
    page = site.page(f"articles/{slug}")
    title = page.select_one("article h1").get_text(strip=True)
    return [str(image) for image in page.select("img") if image.get("alt", "").strip() == title]


def home_thumbnails_titled(site: BuiltSite) -> list[str]:
    """The home page's thumbnails whose alt text is their article's title."""
    return [
        str(image)
        for item in site.page("").select(".archive-list__item")
        for image in item.select("img")
        if image.get("alt", "").strip()
        == item.select_one(".archive-list__title").get_text(strip=True)
    ]


def test_no_seed_image_is_described_by_the_title(built_site):
    for expected in EXPECTED_SEEDS:
        assert titled_images(built_site, expected.seed_id) == [], expected.seed_id
    assert home_thumbnails_titled(built_site) == []


def test_figures_in_the_seeds_are_numbered_or_captioned(built_site):
    # 004 has figures without alt text or caption: each is named by its number.
    page = built_site.page("articles/004_db852270f7b26be9")
    alts = [image["alt"] for image in page.select("article.md-content__inner p img")]
    assert alts and all(alts)
    assert "图 1" in alts


@pytest.fixture(scope="module")
def feed_site(tmp_path_factory) -> BuiltSite:
    """The SynoCli feed capture twice: as written (the full title in its cover's alt text)
    and without that alt text (nothing to recover the title from)."""
    seeds = tmp_path_factory.mktemp("feed-seeds")
    text = SYNOCLI.read_text("utf-8")
    (seeds / "synocli.md").write_text(text, "utf-8")
    bare = text.replace(f"![{FULL_TITLE}]", "![]").replace("/synocli/", "/synocli-bare/")
    (seeds / "synocli-bare.md").write_text(bare, "utf-8")
    site_dir = tmp_path_factory.mktemp("feed-site")
    result = build_site(site_dir, seeds_dir=seeds)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(site_dir)


def test_a_recovered_title_says_where_it_came_from(feed_site):
    page = feed_site.page("articles/synocli")
    assert page.select_one("article h1").get_text(strip=True) == FULL_TITLE
    note = page.select_one(".md-sidebar--secondary .archive-meta__title-note")
    assert note.get_text(strip=True).startswith("标题取自封面图说明")
    assert note.select_one(".archive-meta__captured-title").get_text() == DAMAGED
    captured = page.select_one(".md-sidebar--secondary .archive-meta__captured[data-field=title]")
    assert captured.get_text() == DAMAGED
    assert page.select_one(".archive-meta__warning") is None
    # On a phone the same note sits under the title, once.
    assert len(page.select(".archive-title-note--inline .archive-meta__title-note")) == 1


def test_a_damaged_title_with_nothing_to_recover_it_from_is_flagged_as_a_note(feed_site):
    page = feed_site.page("articles/synocli-bare")
    assert page.select_one("article h1").get_text(strip=True) == DAMAGED
    warning = page.select_one(".md-sidebar--secondary .archive-meta__warning")
    assert warning.name == "p" and warning.find("a") is None
    assert "导出工具丢失了标题中的中文字符" in warning.get_text()


def test_a_corrected_title_is_said_to_be_corrected_once(built_site):
    note = built_site.page("articles/003_c5574c47c0f95dce").select_one(
        ".md-sidebar--secondary .archive-meta__title-note"
    )
    assert note.get_text(strip=True) == "标题经编辑更正；采集标题：GPT-8AI4"
