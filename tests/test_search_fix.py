"""The fix to Material's search segmenter, on text and on the built site."""

from __future__ import annotations

from clippings.search_fix import FIXED_LOOP, SEGMENT_LOOP, fix_search_worker


def test_the_loop_reaches_the_whole_query():
    script = f"function fe(t,e){{let n=[];{SEGMENT_LOOP};return n}}"
    assert fix_search_worker(script) == f"function fe(t,e){{let n=[];{FIXED_LOOP};return n}}"


def test_an_unknown_worker_is_refused_not_shipped_unfixed():
    assert fix_search_worker("function other(){}") is None
    assert fix_search_worker(SEGMENT_LOOP * 2) is None


def test_the_built_site_ships_the_fixed_worker(built_site):
    workers = list((built_site.root / "assets" / "javascripts" / "workers").glob("search.*.js"))
    assert workers
    for worker in workers:
        text = worker.read_text(encoding="utf-8")
        assert FIXED_LOOP in text and SEGMENT_LOOP not in text
