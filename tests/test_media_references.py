"""Which images an article shows, and its body pointed at the archived copies."""

from __future__ import annotations

import json
from pathlib import Path

from clippings import build_archive
from clippings.media.manifest import ImageRecord
from clippings.media.references import body_image_urls, localise_images

BODY = """第一段。

![](https://img.example/a.png)

```
![代码里的图](https://img.example/in-code.png)
```

![说明 \\[1\\]](https://img.example/b.jpg "标题") 与 ![](https://img.example/c.gif)
"""


def _archived(url: str, name: str) -> ImageRecord:
    return ImageRecord(url, ("x.md",), "2026-01-01T00:00:00Z", 200, file=name, sha256="0" * 64,
                       width=10, height=20)  # fmt: skip


def test_images_in_code_blocks_are_not_images():
    assert body_image_urls(BODY) == [
        "https://img.example/a.png",
        "https://img.example/b.jpg",
        "https://img.example/c.gif",
    ]


def test_archived_images_point_at_the_site_relative_to_the_page():
    quoted = "https://img.example/b.jpg"
    records = {quoted: _archived(quoted, "f" * 64 + ".jpg")}
    body = localise_images(BODY, "articles/sub/seed.md", records)
    assert "![](https://img.example/a.png)\n" in body  # the first image: not lazy, remote
    assert (
        f'![说明 \\[1\\]](../../media/{"f" * 64}.jpg "标题")'
        f'{{: loading="lazy" width="10" height="20" data-original-src="{quoted}" }}'
    ) in body
    assert '![](https://img.example/c.gif){: loading="lazy" }' in body
    assert "![代码里的图](https://img.example/in-code.png)\n" in body


def test_characters_that_would_end_an_attribute_are_escaped():
    url = 'https://img.example/x.png?a="}{'
    body = localise_images(f"![]({url})", "articles/a.md", {url: _archived(url, "a.png")})
    assert 'data-original-src="https://img.example/x.png?a=%22%7D%7B"' in body


def _seeds_with_manifest(folder: Path, manifest: str) -> Path:
    seeds = folder / "seeds"
    (seeds / "_media").mkdir(parents=True)
    (seeds / "a.md").write_text("---\ntitle: 图\n---\n正文。\n\n![图](https://img.example/a.png)\n")
    (seeds / "_media" / "manifest.json").write_text(manifest, encoding="utf-8")
    return seeds


def test_an_archived_file_that_is_missing_is_not_published(tmp_path):
    """A deleted file, or a Git LFS pointer never fetched, leaves the remote URL."""
    record = _archived("https://img.example/a.png", "a.png")
    manifest = {"format": "clippings-media/1", "images": {record.url: record.as_json()}}
    seeds = _seeds_with_manifest(tmp_path, json.dumps(manifest))
    (seeds / "_media" / "a.png").write_text("version https://git-lfs.github.com/spec/v1\n")
    archive = build_archive(seeds)
    assert not archive.pages[0].images[0].archived
    assert "](https://img.example/a.png)" in archive.pages[0].markdown
    assert [str(p) for p in archive.problems] == [
        "seeds/a.md: 1 image(s) not archived: https://img.example/a.png "
        "(archived file _media/a.png is missing or incomplete)"
    ]


def test_an_unreadable_manifest_is_a_problem_not_a_crash(tmp_path):
    archive = build_archive(_seeds_with_manifest(tmp_path, "{not json"))
    assert len(archive.pages) == 1
    assert [p.seed_path for p in archive.problems] == ["_media/manifest.json"]
