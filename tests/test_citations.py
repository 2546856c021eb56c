"""Citing an article (引用本文, BibTeX, RIS, CSL-JSON) and its schema.org description;
a hostile title or note stays data in all of them."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import bibtexparser
import pytest
import rispy
from bs4 import BeautifulSoup
from conftest import BuiltSite, build_site
from html_safety import unsafe_markup
from seed_expectations import EXPECTED_SEEDS

pytestmark = pytest.mark.site

SITE_URL = "http://127.0.0.1:8000/"
BY_ID = {e.seed_id: e for e in EXPECTED_SEEDS}


def _citation_files(site, seed_id: str) -> dict[str, str]:
    block = site.page(f"articles/{seed_id}").select_one("article .archive-citation")
    files = {}
    for kind in ("bibtex", "ris", "csl"):
        href = block.select_one(f".archive-citation__{kind}")["href"]
        path = urljoin(f"/articles/{seed_id}/", href).lstrip("/")
        files[kind] = (site.root / path).read_text("utf-8")
    return files


@pytest.mark.parametrize("seed_id", ["001_4830aab3c3ed9d32", "003_c5574c47c0f95dce"])
def test_citation_files_parse_with_the_libraries_that_read_them(built_site, seed_id):
    expected = BY_ID[seed_id]
    page_url = f"{SITE_URL}articles/{seed_id}/"
    files = _citation_files(built_site, seed_id)
    library = bibtexparser.parse_string(files["bibtex"])
    assert library.failed_blocks == [] and len(library.entries) == 1
    entry = library.entries[0]
    assert entry.entry_type == "online"
    assert entry.fields_dict["title"].value.strip("{}") == expected.page_title
    assert entry.fields_dict["author"].value.strip("{}") == expected.page_author
    assert entry.fields_dict["url"].value == page_url
    assert entry.fields_dict["date"].value == expected.published_at.strftime("%Y-%m-%d")
    [record] = rispy.loads(files["ris"])
    assert record["type_of_reference"] == "ELEC"
    assert record["title"] == expected.page_title
    assert record["authors"] == [expected.page_author]
    assert record["urls"] == [page_url, expected.source_url]
    [item] = json.loads(files["csl"])
    assert item["title"] == expected.page_title and item["URL"] == page_url
    assert item["author"] == [{"literal": expected.page_author}]
    assert item["note"] == f"原文：{expected.source_url}"


def test_the_citation_block_shows_a_gbt_7714_reference(built_site):
    expected = BY_ID["003_c5574c47c0f95dce"]
    block = built_site.page(f"articles/{expected.seed_id}").select_one("article .archive-citation")
    assert block.select_one("#" + block["aria-labelledby"]).get_text() == "引用本文"
    text = block.select_one(".archive-citation__text").get_text()
    assert text.startswith(f"王涵. {expected.page_title}[EB/OL]. 智东西, 2025[")
    assert f"{SITE_URL}articles/{expected.seed_id}/." in text
    assert text.endswith(f"原文：{expected.source_url}.")
    assert block.select_one("button.archive-citation__copy").get_text() == "复制引用"


def test_archive_json_carries_each_articles_csl_json(built_site):
    records = json.loads((built_site.root / "archive.json").read_text("utf-8"))
    for record in records:
        csl = record["csl"]
        assert csl["id"] == record["seed_id"]
        assert csl["title"] == record["title"]
        assert csl["URL"] == SITE_URL + record["url"]
        files = _citation_files(built_site, record["seed_id"])
        assert json.loads(files["csl"]) == [csl]


def _json_ld(soup: BeautifulSoup) -> dict:
    [script] = soup.head.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def test_json_ld_of_003_has_the_corrected_headline_and_states_the_correction(built_site):
    expected = BY_ID["003_c5574c47c0f95dce"]
    data = _json_ld(built_site.page(f"articles/{expected.seed_id}"))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == expected.page_title
    assert data["correction"]["@type"] == "CorrectionComment"
    assert "标题（采集值：GPT-8AI4）" in data["correction"]["text"]
    assert data["isBasedOn"] == expected.source_url
    assert data["archivedAt"] == f"{SITE_URL}articles/{expected.seed_id}/"
    assert data["author"]["name"] == "王涵"
    assert data["inLanguage"] == "zh-CN"
    assert data["datePublished"].startswith("2025-08-16")


def test_json_ld_of_a_blog_post_and_an_uncorrected_article(built_site):
    blog = _json_ld(built_site.page("articles/000_37a665e4ef7b3441"))
    assert blog["@type"] == "BlogPosting" and "correction" not in blog
    assert blog["dateModified"] > blog["datePublished"]
    wechat = _json_ld(built_site.page("articles/001_4830aab3c3ed9d32"))
    assert wechat["@type"] == "NewsArticle"
    assert wechat["publisher"]["name"] == "AI寒武纪"
    assert wechat["headline"] == BY_ID["001_4830aab3c3ed9d32"].page_title


# A title and a note that try to end the <script> element they are printed in.

MARKER = "PWNED"
HOSTILE = f"</script><script>alert('{MARKER}')</script>"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("seeds")
    (seeds / "hostile.md").write_text(
        f'---\ntitle: "{HOSTILE}标题"\nauthor: "{HOSTILE}"\ndate: 2024-01-02 03:04\n'
        f"source_url: https://example.com/post\n---\n\n第一段正文，有一句要批注的话。\n",
        encoding="utf-8",
    )
    (seeds / "hostile.notes.yml").write_text(
        f'editor_note: "{HOSTILE}"\nnotes:\n  - quote: 有一句要批注的话\n'
        f'    note: "{HOSTILE}"\n    tags: ["{HOSTILE}"]\n',
        encoding="utf-8",
    )
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir, seeds_dir=seeds, strict=True)
    assert result.returncode == 0, result.stderr
    return BuiltSite(site_dir)


def test_hostile_title_stays_inert_in_the_page(hostile_site):
    raw = (hostile_site.root / "articles" / "hostile" / "index.html").read_text("utf-8")
    assert f"<script>alert('{MARKER}')" not in raw
    soup = BeautifulSoup(raw, "html.parser")
    assert unsafe_markup(soup, MARKER) == []
    data = _json_ld(soup)
    assert data["headline"] == f"{HOSTILE}标题"
    assert data["author"]["name"] == HOSTILE


def test_hostile_title_and_note_stay_data_in_the_exported_files(hostile_site):
    root = hostile_site.root
    for name in ("annotations.jsonld", "annotations~hostile.jsonld",
                 "articles/hostile/citation.json"):  # fmt: skip
        text = (root / name).read_text("utf-8")
        assert "<" not in text and ">" not in text, name
    items = json.loads((root / "annotations.jsonld").read_text("utf-8"))["first"]["items"]
    values = [body["value"] for a in items for body in _bodies(a)]
    assert values.count(HOSTILE) == 3  # the editor's note, the note, its tag
    library = bibtexparser.parse_string((root / "articles/hostile/citation.bib").read_text())
    assert library.failed_blocks == [] and len(library.entries) == 1
    assert library.entries[0].fields_dict["title"].value.strip("{}") == f"{HOSTILE}标题"
    [record] = rispy.loads((root / "articles/hostile/citation.ris").read_text("utf-8"))
    assert record["title"] == f"{HOSTILE}标题" and record["authors"] == [HOSTILE]
    citation = hostile_site.page("articles/hostile").select_one(".archive-citation__text")
    assert citation.get_text().startswith(f"{HOSTILE}. {HOSTILE}标题[EB/OL]")
    assert citation.find(True) is None


def _bodies(annotation: dict) -> list[dict]:
    body = annotation["body"]
    return [b for b in (body if isinstance(body, list) else [body]) if isinstance(b, dict)]
