"""Publishing: feeds, data exports and their schema, sharing metadata, reproducible and
offline builds, the deploy workflow."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import build_site
from jsonschema import Draft202012Validator
from seed_expectations import EXPECTED_SEEDS, ROOT, SEEDS_DIR

pytestmark = pytest.mark.site

SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default site_url
NEWEST_FIRST = sorted(EXPECTED_SEEDS, key=lambda e: e.published_at, reverse=True)
ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"


def _xml(built_site, name: str) -> ET.Element:
    return ET.fromstring((built_site.root / name).read_bytes())


def test_rss_lists_the_articles_newest_first_with_their_metadata(built_site):
    items = _xml(built_site, "feed_rss.xml").findall("./channel/item")
    assert [i.findtext("title") for i in items] == [e.page_title for e in NEWEST_FIRST]
    for item, expected in zip(items, NEWEST_FIRST, strict=True):
        assert item.findtext("link") == f"{SITE_URL}articles/{expected.seed_id}/"
        # RSS dates have whole seconds.
        published = expected.published_at.replace(microsecond=0)
        assert parsedate_to_datetime(item.findtext("pubDate")) == published
        assert item.findtext(f"{DC}creator") == expected.page_author
        assert len(item.findtext("description")) > 10


def test_atom_carries_the_same_entries(built_site):
    feed = _xml(built_site, "feed_atom.xml")
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [e.page_title for e in NEWEST_FIRST]
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == f"{SITE_URL}articles/{NEWEST_FIRST[0].seed_id}/"
    assert (
        datetime.fromisoformat(first.findtext(f"{ATOM}published")) == NEWEST_FIRST[0].published_at
    )
    assert first.findtext(f"{ATOM}author/{ATOM}name") == NEWEST_FIRST[0].page_author


@pytest.mark.parametrize("page", ["", "articles/002_0aa2ea9de07dcc1e", "timeline", "tags"])
def test_every_page_announces_the_feeds(built_site, page):
    head = built_site.page(page).head
    feeds = {link["type"]: link["href"] for link in head.select("link[rel=alternate][type]")}
    base = f"/{page}/" if page else "/"
    assert urljoin(base, feeds["application/rss+xml"]) == "/feed_rss.xml"
    assert urljoin(base, feeds["application/atom+xml"]) == "/feed_atom.xml"


@pytest.fixture(scope="module")
def records(built_site):
    return json.loads((built_site.root / "archive.json").read_text("utf-8"))


def test_archive_json_matches_its_schema(built_site, records):
    schema = json.loads((ROOT / "docs" / "archive.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert [error.message for record in records for error in validator.iter_errors(record)] == []
    published = json.loads((built_site.root / "archive.schema.json").read_text("utf-8"))
    assert published == schema


def test_archive_json_holds_one_record_per_seed(records):
    assert [r["seed_id"] for r in records] == [e.seed_id for e in NEWEST_FIRST]
    for record, expected in zip(records, NEWEST_FIRST, strict=True):
        raw = (SEEDS_DIR / f"{expected.seed_id}.txt").read_bytes()
        assert record["content_hash"] == "sha256:" + hashlib.sha256(raw).hexdigest()
        assert record["seed_path"] == f"seeds/{expected.seed_id}.txt"
        assert record["url"] == f"articles/{expected.seed_id}/"
        assert record["format"] == expected.format
        assert record["title"] == expected.page_title
        assert record["author"] == expected.page_author
        assert datetime.fromisoformat(record["published"]) == expected.published_at
        assert record["place"] == expected.place
        assert record["source_url"] == expected.source_url


def test_archive_json_counts_annotations(records):
    by_id = {r["seed_id"]: r for r in records}
    assert by_id["003_c5574c47c0f95dce"]["annotations"] == {
        "corrections": 2,
        "editor_note": True,
        "notes": 3,
    }
    assert by_id["003_c5574c47c0f95dce"]["captured"]["title"] == "GPT-8AI4"
    assert by_id["004_db852270f7b26be9"]["annotations"] == {
        "corrections": 0,
        "editor_note": False,
        "notes": 0,
    }


def test_archive_csv_has_the_same_records(built_site, records):
    data = (built_site.root / "archive.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [row["seed_id"] for row in rows] == [r["seed_id"] for r in records]
    assert [row["title"] for row in rows] == [r["title"] for r in records]
    assert rows[-1]["tags"] == ""
    by_id = {row["seed_id"]: row for row in rows}
    assert by_id["000_37a665e4ef7b3441"]["tags"] == "Sam Altman; AI; chatgpt"


def test_home_links_the_data_exports(built_site):
    hrefs = {a["href"] for a in built_site.page("").select("article a[href]")}
    assert {"archive.json", "archive.csv", "archive.schema.json"} <= hrefs


def test_article_head_has_sharing_and_citation_metadata(built_site):
    expected = next(e for e in EXPECTED_SEEDS if e.seed_id.startswith("002"))
    head = built_site.page(f"articles/{expected.seed_id}").head

    def meta(attribute: str, name: str) -> str:
        return head.find("meta", attrs={attribute: name})["content"]

    canonical = head.find("link", rel="canonical")["href"]
    assert canonical == f"{SITE_URL}articles/{expected.seed_id}/"
    assert meta("property", "og:url") == canonical
    assert meta("property", "og:title") == expected.page_title
    assert meta("property", "og:type") == "article"
    assert meta("property", "og:image").startswith("https://mmbiz.qpic.cn/")
    assert len(meta("property", "og:description")) > 10
    assert meta("name", "description") == meta("property", "og:description")
    assert meta("name", "twitter:card") == "summary_large_image"
    assert meta("name", "citation_title") == expected.page_title
    assert meta("name", "citation_author") == expected.page_author
    assert meta("name", "citation_publication_date") == "2023/06/08"
    assert meta("name", "citation_public_url") == expected.source_url


def _tree(root) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_builds_with_source_date_epoch_are_byte_identical(tmp_path, monkeypatch):
    epoch = 1_700_000_000
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    first, second = tmp_path / "first", tmp_path / "second"
    for site in (first, second):
        assert build_site(site).returncode == 0
    one, two = _tree(first), _tree(second)
    assert one.keys() == two.keys() and len(one) > 50
    assert [name for name in one if one[name] != two[name]] == []
    day = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d")
    assert f"<lastmod>{day}</lastmod>" in one["sitemap.xml"].decode()


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("offline")
    previous = os.environ.get("OFFLINE")
    os.environ["OFFLINE"] = "true"
    try:
        result = build_site(site)
    finally:
        os.environ.pop("OFFLINE") if previous is None else os.environ.update(OFFLINE=previous)
    assert result.returncode == 0, result.stderr
    return site


def test_offline_build_links_html_files_and_fetches_nothing_from_cdns(offline_site):
    assert (offline_site / "articles" / "003_c5574c47c0f95dce.html").is_file()
    assert (offline_site / "search" / "search_index.js").is_file()
    home = BeautifulSoup((offline_site / "index.html").read_text("utf-8"), "html.parser")
    assert home.select('a[href="articles/003_c5574c47c0f95dce.html"]')
    for page in offline_site.rglob("*.html"):
        assert "unpkg.com" not in page.read_text("utf-8"), page


def test_deploy_workflow_builds_strict_and_publishes_pages_from_main():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text())
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML reads `on:` as True
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    assert any("make build" in step.get("run", "") for step in steps)
    assert any(step.get("uses", "").startswith("actions/deploy-pages") for step in steps)
    assert "--strict" in (ROOT / "Makefile").read_text()
