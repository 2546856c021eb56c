"""Run known queries through the built site's search box in Chromium.

Reports the bytes the browser downloads for search up to the first query's results
(Material's small index, the worker, the index files it loads) and the share of queries
whose first result is the right article.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from harness import StaticServer, chromium

SEARCH_FILES = ("/search/", "/workers/")
# Until the first result of the current query is shown, or Material says none was found.
_ANSWERED = """query => {
  const meta = document.querySelector(".md-search-result__meta");
  const link = document.querySelector(".md-search-result__item > .md-search-result__link");
  if (link) return new URL(link.href).searchParams.get("h") === query;
  return meta && meta.textContent.includes("没有找到");
}"""


def check_search(site: Path, queries: list[tuple[str, str]]) -> tuple[int, int, list[str]]:
    """(bytes for the first search, queries answered right first, the ones that were not).

    `queries` pairs a query with the path its right article is published at.
    """
    downloaded: list[int] = []

    def count(response) -> None:
        if any(part in urlsplit(response.url).path for part in SEARCH_FILES):
            downloaded.append(len(response.body()))

    right, wrong = 0, []
    with StaticServer(site) as server, chromium() as browser:
        page = browser.new_page()
        page.on("response", count)
        page.goto(server.url)
        box = page.locator("input.md-search__input")
        first_search = None
        for query, expected in queries:
            box.fill(query)
            box.press("End")
            page.wait_for_function(_ANSWERED, arg=query, timeout=20_000)
            if first_search is None:
                page.wait_for_load_state("networkidle")
                first_search = sum(downloaded)
            link = page.locator(".md-search-result__item > .md-search-result__link").first
            found = urlsplit(link.get_attribute("href")).path if link.count() else None
            if found is not None and found.endswith(expected):
                right += 1
            else:
                wrong.append(f"{query} -> {found} (expected {expected})")
    return first_search or 0, right, wrong
