"""What a reader downloads to open one article, HTML pages aside (Chromium)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from harness import StaticServer, chromium

# Milliseconds to keep listening after the page has loaded: late fetches (a sitemap, an
# index) are started by the theme's script once the page is ready.
AFTER_LOAD_MS = 3000


def page_view(site: Path, article: str) -> dict[str, int]:
    """Path -> bytes of every file from the site itself that opening the article (a
    path like "articles/seed_00003/") downloads, HTML pages aside."""
    downloaded: dict[str, int] = {}
    with StaticServer(site) as server, chromium() as browser:
        page = browser.new_page()

        def record(response) -> None:
            url = urlsplit(response.url)
            if response.url.startswith(server.url) and not url.path.endswith("/"):
                downloaded[url.path] = len(response.body())

        page.on("response", record)
        page.goto(server.url + article)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(AFTER_LOAD_MS)
    return downloaded
