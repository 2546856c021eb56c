"""The README's screenshots, taken by the browser tests from a fresh build of the seeds
(tests/artifacts/): the home page and an article at 1280 px, the article's first screen
on a 390x844 phone, a Chinese search. Saved as 256-colour PNGs (Pillow): text stays
sharp at a fraction of the size."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
SCREENSHOTS = ROOT / "screenshots"
# README name: the browser test's screenshot.
SHOTS = {
    "home.png": "home.png",
    "article.png": "article-1280.png",
    "article-phone.png": "article-390-folded.png",
    "search.png": "search.png",
}
TESTS = "home_lists or metadata_on_desktop_and_phone or search_finds_the_right_article_first"


def main() -> int:
    for name in SHOTS.values():
        (ARTIFACTS / name).unlink(missing_ok=True)
    tests = [sys.executable, "-m", "pytest", "-q", "tests/test_browser.py", "-k", TESTS]
    if subprocess.run(tests, cwd=ROOT).returncode != 0:
        return 1
    for readme_name, shot in SHOTS.items():
        with Image.open(ARTIFACTS / shot) as image:
            small = image.convert("RGB").quantize(colors=256)
        small.save(SCREENSHOTS / readme_name, optimize=True)
        print(f"screenshots/{readme_name}: {(SCREENSHOTS / readme_name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
