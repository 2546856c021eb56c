"""The editor's layer as W3C Web Annotations: exported with the site, expanded by a
JSON-LD processor, and imported back from an annotation tool's export."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from conftest import BuiltSite, build_site
from pyld import jsonld
from seed_expectations import ROOT, SEEDS_DIR

from clippings.import_annotations import configured_site_url
from clippings.web_annotation_import import import_annotations
from clippings.web_annotations import sidecar_dates, sidecar_history

FIXTURES = Path(__file__).parent / "fixtures"
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
TOOL_EXPORT = FIXTURES / "annotation-tool-export.json"
HOSTED = "https://clippings.example.org/archive/"
OA = "http://www.w3.org/ns/oa#"


def _local_context_only(url, options=None):
    """pyld's document loader, without a network: the W3C context from a local copy."""
    if url != ANNO_CONTEXT:
        raise AssertionError(f"the export asked for {url}")
    document = json.loads((FIXTURES / "anno.jsonld").read_text("utf-8"))
    return {"contextUrl": None, "documentUrl": url, "document": document}


def _sidecar_notes() -> dict[str, list[dict]]:
    return {
        path.name.removesuffix(".notes.yml"): yaml.safe_load(path.read_text("utf-8"))["notes"]
        for path in sorted(SEEDS_DIR.glob("*.notes.yml"))
    }


@pytest.fixture(scope="module")
def collection(built_site):
    return json.loads((built_site.root / "annotations.jsonld").read_text("utf-8"))


def _passage_notes(items):
    return [a for a in items if isinstance(a["target"], dict) and a["motivation"] == "commenting"]


@pytest.mark.site
def test_every_demo_passage_note_is_exported_with_a_quote_on_its_page(built_site, collection):
    assert collection["type"] == "AnnotationCollection"
    items = collection["first"]["items"]
    assert collection["total"] == len(items)
    exported = _passage_notes(items)
    expected = {
        (seed_id, note["quote"]) for seed_id, notes in _sidecar_notes().items() for note in notes
    }
    assert len(expected) >= 5
    found = set()
    for annotation in exported:
        source = annotation["target"]["source"]
        path = urlsplit(source).path.strip("/")
        selector = annotation["target"]["selector"]
        assert selector["type"] == "TextQuoteSelector"
        text = built_site.page(path).select_one("article").get_text()
        context = selector.get("prefix", "") + selector["exact"] + selector.get("suffix", "")
        assert context in text, (source, selector)
        found.add((path.removeprefix("articles/"), selector["exact"]))
        bodies = annotation["body"]
        assert bodies[0]["purpose"] == "commenting" and bodies[0]["language"] == "zh"
        assert annotation["created"] <= annotation["modified"]
    assert found == expected


@pytest.mark.site
def test_cross_references_editor_notes_and_corrections_are_their_own_annotations(collection):
    items = collection["first"]["items"]
    links = [a for a in items if a["motivation"] == "linking"]
    assert {a["body"] for a in links} == {
        "http://127.0.0.1:8000/articles/003_c5574c47c0f95dce/",
        "http://127.0.0.1:8000/articles/000_37a665e4ef7b3441/",
    }
    assert len(links) == 3
    editing = [a for a in items if a["motivation"] == "editing"]
    assert [a["target"] for a in editing] == [
        "http://127.0.0.1:8000/articles/003_c5574c47c0f95dce/"
    ]
    assert "GPT-8AI4" in editing[0]["body"]["value"]
    whole = [a for a in items if a["motivation"] == "commenting" and isinstance(a["target"], str)]
    assert len(whole) == 2  # the editor's notes of 002 and 003


@pytest.mark.site
def test_the_export_expands_as_json_ld(collection):
    expanded = jsonld.expand(collection, {"documentLoader": _local_context_only})
    page = expanded[0]["http://www.w3.org/ns/activitystreams#first"][0]
    annotations = page["http://www.w3.org/ns/activitystreams#items"][0]["@list"]
    assert len(annotations) == len(collection["first"]["items"])
    assert all(a["@type"] == [f"{OA}Annotation"] for a in annotations)
    quotes = [
        selector[f"{OA}exact"][0]["@value"]
        for a in annotations
        for target in a[f"{OA}hasTarget"]
        for selector in target.get(f"{OA}hasSelector", [])
    ]
    assert "我希望能够要求GPT-8去治愈某种特定的癌症" in quotes
    motivations = {m["@id"] for a in annotations for m in a[f"{OA}motivatedBy"]}
    assert motivations == {f"{OA}commenting", f"{OA}linking", f"{OA}editing"}


@pytest.mark.site
@pytest.mark.parametrize("seed_id", ["003_c5574c47c0f95dce", "000_37a665e4ef7b3441"])
def test_each_annotated_page_links_its_own_slice(built_site, collection, seed_id):
    head = built_site.page(f"articles/{seed_id}").head
    link = head.find("link", rel="alternate", type="application/ld+json")
    path = urljoin(f"/articles/{seed_id}/", link["href"]).lstrip("/")
    slice_page = json.loads((built_site.root / path).read_text("utf-8"))
    assert slice_page["type"] == "AnnotationPage"
    assert slice_page["partOf"] == collection["id"]
    page_url = f"http://127.0.0.1:8000/articles/{seed_id}/"
    everything = [a for a in collection["first"]["items"] if a["id"].startswith(page_url)]
    assert slice_page["items"] == everything and everything


@pytest.mark.site
def test_a_page_without_annotations_links_no_slice(built_site):
    head = built_site.page("articles/004_db852270f7b26be9").head
    assert head.find("link", rel="alternate", type="application/ld+json") is None


# Import.


@pytest.fixture
def seeds_copy(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    return seeds


def test_import_adds_exactly_the_anchorable_notes(seeds_copy):
    before = {p.name: p.read_text("utf-8") for p in seeds_copy.glob("*.notes.yml")}
    report = import_annotations(json.loads(TOOL_EXPORT.read_text("utf-8")), seeds_copy, HOSTED)
    assert [(sidecar, note.quote) for sidecar, note in report.added] == [
        ("001_4830aab3c3ed9d32.notes.yml", "我们还远远没有达到这条曲线的顶端"),
        ("004_db852270f7b26be9.notes.yml", "资产管理规模为 60 亿美元"),
    ]
    reasons = dict(report.skipped)
    assert "not found once" in reasons["https://annotations.example.net/a/Qx7rT2mWEe-3"]
    assert "not an article" in reasons["https://annotations.example.net/a/Qx7rT2mWEe-4"]
    assert "already in" in reasons["https://annotations.example.net/a/Qx7rT2mWEe-5"]
    # Untouched sidecars are byte for byte the same; the changed one keeps its comment
    # and every note it had, then the new one.
    after = {p.name: p.read_text("utf-8") for p in seeds_copy.glob("*.notes.yml")}
    changed = {name for name in after if before.get(name) != after[name]}
    assert changed == {"001_4830aab3c3ed9d32.notes.yml", "004_db852270f7b26be9.notes.yml"}
    old = yaml.safe_load(before["001_4830aab3c3ed9d32.notes.yml"])
    new = yaml.safe_load(after["001_4830aab3c3ed9d32.notes.yml"])
    assert after["001_4830aab3c3ed9d32.notes.yml"].startswith(
        before["001_4830aab3c3ed9d32.notes.yml"].splitlines()[0]
    )
    assert new["notes"][: len(old["notes"])] == old["notes"]
    assert new["notes"][-1] == {
        "quote": "我们还远远没有达到这条曲线的顶端",
        "note": "“曲线的顶端”：2024 年春对规模定律的判断。",
        "tags": ["预测"],
        "imported_from": "https://annotations.example.net/a/Qx7rT2mWEe-1",
    }
    created = yaml.safe_load(after["004_db852270f7b26be9.notes.yml"])
    assert created["notes"][0]["note"].startswith("Redpoint 的规模")
    again = import_annotations(json.loads(TOOL_EXPORT.read_text("utf-8")), seeds_copy, HOSTED)
    assert again.added == []
    assert {p.name: p.read_text("utf-8") for p in seeds_copy.glob("*.notes.yml")} == after


@pytest.mark.site
def test_imported_notes_show_on_the_rebuilt_pages(seeds_copy, tmp_path):
    command = [sys.executable, "-m", "clippings.import_annotations", str(TOOL_EXPORT),
               "--seeds", str(seeds_copy), "--site-url", HOSTED]  # fmt: skip
    result = subprocess.run(command, cwd=ROOT / "hooks", capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "2 notes added, 3 annotations not imported" in result.stdout
    built = build_site(tmp_path / "site", seeds_dir=seeds_copy, strict=True)
    assert built.returncode == 0, built.stderr
    site = BuiltSite(tmp_path / "site")
    article = site.page("articles/001_4830aab3c3ed9d32").select_one("article")
    marks = {mark.get_text(): mark["id"] for mark in article.select("mark.archive-note")}
    assert marks == {
        "他正忙着制造超级计算机": "note-1",
        "我们还远远没有达到这条曲线的顶端": "note-2",
    }
    assert "“曲线的顶端”：2024 年春对规模定律的判断。" in article.get_text()
    other = site.page("articles/004_db852270f7b26be9").select_one("article mark.archive-note")
    assert other.get_text() == "资产管理规模为 60 亿美元"
    exported = json.loads((tmp_path / "site" / "annotations.jsonld").read_text("utf-8"))
    via = [a.get("via") for a in exported["first"]["items"]]
    assert "https://annotations.example.net/a/Qx7rT2mWEe-1" in via


def test_site_url_defaults_to_mkdocs_yml(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    assert configured_site_url(ROOT / "mkdocs.yml") == "http://127.0.0.1:8000/"
    monkeypatch.setenv("SITE_URL", HOSTED)
    assert configured_site_url(ROOT / "mkdocs.yml") == HOSTED


def test_annotation_dates_come_from_the_sidecars_git_history(tmp_path):
    def git(*args, when):
        env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "HOME": str(tmp_path)}
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
                       cwd=tmp_path, check=True, capture_output=True, env=env)  # fmt: skip

    git("init", "-q", when="2026-01-01T00:00:00+00:00")
    sidecar = tmp_path / "剪报" / "一.notes.yml"
    sidecar.parent.mkdir()
    for when in ("2026-01-02T08:00:00+08:00", "2026-03-04T08:00:00+08:00"):
        sidecar.write_text(f"editor_note: {when}\n", encoding="utf-8")
        git("add", ".", when=when)
        git("commit", "-qm", "note", when=when)
    dates = sidecar_dates(tmp_path, sidecar_history(tmp_path), "剪报/一.txt", None)
    assert (dates.created.isoformat(), dates.modified.isoformat()) == (
        "2026-01-02T08:00:00+08:00",
        "2026-03-04T08:00:00+08:00",
    )
