"""Lighthouse on the home page and an article page, served as GitHub Pages serves them.

    python audit/lighthouse.py LIGHTHOUSE_BIN

Builds the site for the address it is served at, serves it on 127.0.0.1 with gzip (as
Pages does), runs Lighthouse three times per page in Debian's Chromium (its scores vary
from run to run on a loaded machine), and prints the median of each category. Exits 1
when a median is below 95.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the shared harness
from harness import CHROMIUM, QuietHandler, StaticServer, build_env, mkdocs_build

PAGES = ["", "articles/003_c5574c47c0f95dce/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
RUNS = 3
THRESHOLD = 95


class GzipHandler(QuietHandler):
    """Static files, gzip-compressed when the browser accepts it."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        data = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return BytesIO(data)


def scores(lighthouse: str, url: str) -> dict[str, int]:
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [
                lighthouse,
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report.name}",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={CHROME_FLAGS}",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        categories = json.loads(Path(report.name).read_text())["categories"]
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}


def main(lighthouse: str) -> int:
    with tempfile.TemporaryDirectory() as site:
        server = StaticServer(site, GzipHandler)
        built = mkdocs_build(Path(site), build_env(site_url=server.url), "--strict")
        if built.returncode != 0:
            raise SystemExit(built.stderr)
        failed = False
        print("| page | " + " | ".join(CATEGORIES) + " |")
        print("| --- |" + " --- |" * len(CATEGORIES))
        with server:
            for page in PAGES:
                runs = [scores(lighthouse, server.url + page) for _ in range(RUNS)]
                medians = {
                    name: int(statistics.median(r[name] for r in runs)) for name in CATEGORIES
                }
                failed |= any(score < THRESHOLD for score in medians.values())
                cells = " | ".join(str(medians[name]) for name in CATEGORIES)
                print(f"| /{page} | {cells} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
