"""Which images an article shows, and its body pointed at the archived copies."""

from __future__ import annotations

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
