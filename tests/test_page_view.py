"""What a reader downloads to read one article does not grow with the archive."""

from __future__ import annotations

import sys

import pytest
from conftest import build_site
from harness import ROOT

from clippings.theme_script import ThemeScriptError, narrow_alternate_scan

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate
from page_view import page_view

ARTICLE = "articles/seed_00003/"


@pytest.fixture(scope="module")
def page_views(tmp_path_factory) -> dict[int, dict[str, int]]:
    views = {}
    for count in (5, 60):
        work = tmp_path_factory.mktemp(f"archive{count}")
        generate(count, work / "seeds")
        result = build_site(work / "site", seeds_dir=work / "seeds", strict=False)
        assert result.returncode == 0, result.stderr
        views[count] = page_view(work / "site", ARTICLE)
    return views


@pytest.mark.site
@pytest.mark.server
@pytest.mark.browser
def test_an_article_fetches_no_sitemap(page_views):
    for view in page_views.values():
        assert view, "the page downloaded nothing: the recording is broken"
        assert not [path for path in view if "sitemap" in path]


@pytest.mark.site
@pytest.mark.server
@pytest.mark.browser
def test_an_article_downloads_the_same_files_at_two_archive_sizes(page_views):
    small, large = page_views[5], page_views[60]
    assert sorted(small) == sorted(large)
    # The search manifest says how many documents there are: a digit more, no more.
    grew = {path: large[path] - small[path] for path in small if large[path] != small[path]}
    assert all(path.endswith("/search/archive/manifest.js") for path in grew), grew
    assert all(abs(change) <= 2 for change in grew.values()), grew


def test_the_theme_scan_is_narrowed_to_language_alternates_or_the_build_stops():
    scan = 'e.pipe(b(()=>M("link[rel=alternate]")),m(r=>new URL(r.href)))'
    assert narrow_alternate_scan(scan) == scan.replace(
        '"link[rel=alternate]"', '"link[rel=alternate][hreflang]"'
    )
    with pytest.raises(ThemeScriptError):
        narrow_alternate_scan('e.pipe(b(()=>M("link[rel=alternate][hreflang]")))')
