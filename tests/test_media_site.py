"""The build uses the image archive: archived images are served from the site itself,
once per content hash, with their original URLs kept as provenance; the rest stay
remote and are warned about. Images come from a local server on 127.0.0.1."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import build_site
from harness import StaticServer, chromium
from image_hosts import JPEG, PNG, WEBP, make_images, start_image_hosts
from jsonschema import Draft202012Validator
from PIL import Image
from seed_expectations import ROOT

pytestmark = [pytest.mark.site, pytest.mark.server]

ARTICLE = "articles/five/"
ARTIFACTS = ROOT / "tests" / "artifacts"
# The cover, then the body's images in order.
FIVE = ("protected.webp", "photo.png", "photo.jpg", "dead.png", "fake.jpg")


@pytest.fixture(scope="module")
def media_site(tmp_path_factory):
    """Seeds whose images were archived from the local hosts, built online and offline."""
    hosts, server = start_image_hosts()
    work = tmp_path_factory.mktemp("media-site")
    seeds = work / "seeds"
    seeds.mkdir()
    urls = {name: hosts.url(f"/img/{name}") for name in FIVE}
    (seeds / "five.md").write_text(
        f"---\ntitle: 五张图\ndate: 2024-05-02\ncover: {urls['protected.webp']}\n---\n"
        f"第一段。\n\n![红色方块]({urls['photo.png']})\n\n第二段。\n\n"
        f"![蓝色方块]({urls['photo.jpg']})\n\n![已删除的图]({urls['dead.png']})\n\n"
        f"![不是图片]({urls['fake.jpg']})\n",
        encoding="utf-8",
    )
    (seeds / "other.md").write_text(
        f"---\ntitle: 同一张图\ndate: 2024-05-01\n---\n正文。\n\n![红色]({urls['photo.png']})\n",
        encoding="utf-8",
    )
    archived = make_images(seeds, "--retries 0")
    server.shutdown()
    assert archived.returncode == 0, archived.stderr
    assert f"failed: seeds/five.md: {urls['dead.png']} (HTTP 404)" in archived.stdout
    assert f"failed: seeds/five.md: {urls['fake.jpg']} (not an image" in archived.stdout
    site = work / "site"
    built = build_site(site, seeds_dir=seeds, strict=False)
    assert built.returncode == 0, built.stderr
    os.environ["OFFLINE"] = "true"
    try:
        offline = build_site(work / "offline", seeds_dir=seeds, strict=False)
    finally:
        del os.environ["OFFLINE"]
    assert offline.returncode == 0, offline.stderr
    return {"site": site, "offline": work / "offline", "urls": urls, "stderr": built.stderr}


def _page(site: Path, path: str) -> BeautifulSoup:
    file = site / path / "index.html" if path.endswith("/") or not path else site / path
    return BeautifulSoup(file.read_text("utf-8"), "html.parser")


def _local_file(site: Path, page_path: str, src: str) -> Path:
    """The file an <img src> on a page points at, inside the built site."""
    assert not urlsplit(src).scheme, f"{src} is not on the site itself"
    return site / urljoin("/" + page_path, src).lstrip("/")


def test_archived_images_are_served_from_the_site_byte_for_byte(media_site):
    site, urls = media_site["site"], media_site["urls"]
    body = _page(site, ARTICLE).select("article p img")
    served = {img["data-original-src"]: img for img in body if img.has_attr("data-original-src")}
    assert set(served) == {urls["photo.png"], urls["photo.jpg"]}
    for url, content, size in [(urls["photo.png"], PNG, (64, 48)),
                               (urls["photo.jpg"], JPEG, (80, 60))]:  # fmt: skip
        img = served[url]
        assert _local_file(site, ARTICLE, img["src"]).read_bytes() == content
        assert (int(img["width"]), int(img["height"])) == size
    cover = _page(site, ARTICLE).select_one(".archive-meta__cover")
    assert cover["data-original-src"] == urls["protected.webp"]
    assert _local_file(site, ARTICLE, cover["src"]).read_bytes() == WEBP
    assert (cover["width"], cover["height"]) == ("50", "50")
    # Not archived: the remote URL, lazy like every image after the first.
    remote = [img for img in body if not img.has_attr("data-original-src")]
    assert [img["src"] for img in remote] == [urls["dead.png"], urls["fake.jpg"]]
    assert [img.get("loading") for img in body] == [None, "lazy", "lazy", "lazy"]


def test_an_image_shared_by_two_articles_is_published_once(media_site):
    site, urls = media_site["site"], media_site["urls"]
    files = {p.name for p in (site / "media").iterdir() if p.is_file()}
    assert len(files) == 3
    first = _page(site, ARTICLE).select_one(f"img[data-original-src='{urls['photo.png']}']")
    other = _page(site, "articles/other/").select_one("article p img")
    assert other["data-original-src"] == urls["photo.png"]
    assert _local_file(site, ARTICLE, first["src"]) == _local_file(
        site, "articles/other/", other["src"]
    )


def test_the_build_warns_about_images_referenced_but_not_archived(media_site):
    urls = media_site["urls"]
    warnings = [line for line in media_site["stderr"].splitlines() if "WARNING" in line]
    assert len(warnings) == 1
    assert "seeds/five.md: 2 image(s) not archived" in warnings[0]
    assert f"{urls['dead.png']} (HTTP 404)" in warnings[0]
    assert f"{urls['fake.jpg']} (not an image" in warnings[0]


def test_home_thumbnails_are_small_derivatives(media_site):
    site, urls = media_site["site"], media_site["urls"]
    thumbnail = _page(site, "").select_one(".archive-list__cover")
    assert thumbnail["data-original-src"] == urls["protected.webp"]
    with Image.open(io.BytesIO(_local_file(site, "", thumbnail["src"]).read_bytes())) as image:
        assert (image.format, image.size) == ("WEBP", (192, 192))


def test_archive_json_keeps_each_images_origin(media_site):
    site, urls = media_site["site"], media_site["urls"]
    records = {r["seed_id"]: r for r in json.loads((site / "archive.json").read_text("utf-8"))}
    images = {image["url"]: image for image in records["five"]["images"]}
    assert list(images) == [urls[name] for name in FIVE]
    assert (site / images[urls["photo.png"]]["file"]).read_bytes() == PNG
    assert images[urls["dead.png"]] == {"url": urls["dead.png"], "file": None, "sha256": None}
    schema = json.loads((ROOT / "docs" / "archive.schema.json").read_text("utf-8"))
    validator = Draft202012Validator(schema)
    assert [e.message for r in records.values() for e in validator.iter_errors(r)] == []


def test_the_offline_copy_includes_the_archived_images(media_site):
    offline = media_site["offline"]
    page = "articles/five.html"
    images = _page(offline, page).select("img[data-original-src]")
    assert len(images) == 4  # cover twice (sidebar, phone block) and two body images
    for img in images:
        assert _local_file(offline, page, img["src"]).is_file()
    home = _page(offline, "index.html").select_one(".archive-list__cover")
    assert _local_file(offline, "index.html", home["src"]).is_file()


@pytest.mark.browser
def test_chromium_shows_the_archived_images_from_the_sites_own_origin(media_site):
    """Every request but the site's own is refused: the archived images still show,
    the two that are not archived become placeholders with their text."""
    urls = media_site["urls"]
    refused: list[str] = []
    with StaticServer(media_site["site"]) as server, chromium() as browser:

        def route(request_route):
            if request_route.request.url.startswith(server.url):
                request_route.continue_()
            else:
                refused.append(request_route.request.url)
                request_route.abort()

        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.route("**/*", route)
        page.goto(server.url + ARTICLE)
        page.locator("article img").last.scroll_into_view_if_needed()
        page.wait_for_load_state("networkidle")
        shown = page.eval_on_selector_all(
            "article img, .archive-meta__cover",
            "images => images.map(i => [i.currentSrc, i.naturalWidth, i.dataset.originalSrc])",
        )
        placeholders = page.locator("article .archive-image-missing").all_inner_texts()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "article-archived-images.png"), full_page=True)
        base = server.url
    loaded = {original: (src, width) for src, width, original in shown if original}
    assert set(loaded) == {urls["protected.webp"], urls["photo.png"], urls["photo.jpg"]}
    for src, width in loaded.values():
        assert src.startswith(base) and width > 0
    assert placeholders == ["已删除的图", "不是图片"]
    assert sorted(refused) == [urls["dead.png"], urls["fake.jpg"]]
