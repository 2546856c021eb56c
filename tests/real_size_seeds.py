"""Many real-size seeds made from the five real ones, for tests that need an archive's bulk.

Copy n of a seed keeps its format, size and structure; its title, body and source link
are varied, so no two copies are one article (which would be a warning) or one page.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from seed_expectations import SEEDS_DIR

# Query values and paths that make a source link canonical: WeChat's `sn=`, 36kr's `/p/`.
_SOURCE_IDS = re.compile(r"(sn=|/p/)")


def _variant(text: str, number: int) -> str:
    title_line = next(line for line in text.splitlines() if line.startswith(("# ", "title: ")))
    text = text.replace(title_line, f"{title_line}（副本{number}）", 1)
    text = _SOURCE_IDS.sub(lambda match: f"{match.group(1)}{number}x", text)
    return f"{text.rstrip()}\n\n这是第{number}份副本的附记。\n"


def write_real_size_seeds(count: int, folder: Path) -> Path:
    """Write `count` seeds (and the real glossary) into folder; return it."""
    originals = sorted(SEEDS_DIR.glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        original = originals[number % len(originals)]
        text = original.read_text(encoding="utf-8")
        (folder / f"{number:03d}_{original.name}").write_text(
            _variant(text, number), encoding="utf-8"
        )
    shutil.copy(SEEDS_DIR / "glossary.yml", folder / "glossary.yml")
    return folder
