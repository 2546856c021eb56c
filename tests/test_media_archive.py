"""`make images` against a local server that plays the image hosts (127.0.0.1 only):
what is stored, what is refused, what is never asked twice, and how it fails."""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
from pathlib import Path

import pytest
from image_hosts import GIF, JPEG, PNG, WEBP, make_images, no_proxy_env, start_image_hosts
from seed_expectations import ROOT

from clippings.media.__main__ import main as images_main
from clippings.media.archiving import archive_images, referenced_images
from clippings.media.fetch import FetchSettings
from clippings.media.manifest import read_manifest, write_atomically

pytestmark = pytest.mark.server

QUICK = FetchSettings(connect_timeout=2, read_timeout=1, retries=1, backoff=0.05, max_bytes=50_000)


@pytest.fixture
def hosts():
    hosts, server = start_image_hosts()
    yield hosts
    server.shutdown()


def _seed(folder: Path, name: str, urls: list[str], cover: str | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    head = f"---\ntitle: {name}\ncover: {cover}\n---\n" if cover else f"---\ntitle: {name}\n---\n"
    body = "\n\n".join(f"段落 {n}。\n\n![图 {n}]({url})" for n, url in enumerate(urls))
    (folder / name).write_text(head + body + "\n", encoding="utf-8")


def _stored(seeds: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (seeds / "_media").iterdir() if p.suffix != ".json"}


def test_make_images_keeps_the_real_images_and_names_the_failures(tmp_path, hosts):
    seeds = tmp_path / "seeds"
    paths = ["photo.png", "photo.jpg", "dead.png", "fake.jpg"]
    cover = hosts.url("/img/protected.webp")
    _seed(seeds, "five.md", [hosts.url(f"/img/{p}") for p in paths], cover=cover)
    result = make_images(seeds, "--retries 0")
    assert result.returncode == 0, result.stderr
    stored = _stored(seeds)
    assert sorted(stored.values()) == sorted([PNG, JPEG, WEBP])
    for name, content in stored.items():
        assert name.startswith(hashlib.sha256(content).hexdigest() + ".")
    # The hotlink-protected host answered because no Referer was sent, ever.
    assert all("referer" not in headers for _, headers in hosts.requests)
    assert all("Mozilla/5.0" in headers["user-agent"] for _, headers in hosts.requests)
    assert "images: 3 archived, 0 already had, 2 failed" in result.stdout
    failures = [line for line in result.stdout.splitlines() if line.startswith("  failed:")]
    assert failures == [
        f"  failed: seeds/five.md: {hosts.url('/img/dead.png')} (HTTP 404)",
        f"  failed: seeds/five.md: {hosts.url('/img/fake.jpg')} "
        "(not an image (unrecognised bytes), served as text/html; charset=utf-8)",
    ]
    assert "images: 5/5" in result.stdout  # progress
    manifest = read_manifest(seeds)
    photo = manifest[hosts.url("/img/photo.png")]
    assert (photo.status, photo.content_type, photo.size) == (200, "image/png", len(PNG))
    assert (photo.width, photo.height, photo.seeds) == (64, 48, ("five.md",))
    assert photo.sha256 == hashlib.sha256(PNG).hexdigest() and photo.fetched.endswith("Z")
    dead = manifest[hosts.url("/img/dead.png")]
    assert (dead.file, dead.status, dead.error) == (None, 404, "HTTP 404")
    assert manifest[hosts.url("/img/fake.jpg")].status == 200

    # A second run asks for none of the archived URLs, and rewrites none of the files.
    modified = {p.name: p.stat().st_mtime_ns for p in (seeds / "_media").iterdir()}
    hosts.requests.clear()
    again = make_images(seeds, "--retries 0")
    assert again.returncode == 0, again.stderr
    assert sorted(hosts.paths()) == ["/img/dead.png", "/img/fake.jpg"]
    assert "images: 0 archived, 3 already had, 2 failed" in again.stdout
    for name, content in _stored(seeds).items():
        assert stored[name] == content
        assert (seeds / "_media" / name).stat().st_mtime_ns == modified[name]


def test_redirects_slow_answers_size_cap_svg_retries_and_one_file_for_two_urls(tmp_path, hosts):
    seeds = tmp_path / "seeds"
    names = ["redirect.png", "slow.png", "huge.png", "drawing.svg", "flaky.gif"]
    urls = [hosts.url(f"/img/{n}") for n in names] + [hosts.url("/img/photo.png")]
    _seed(seeds, "a.md", urls)
    _seed(seeds, "b.md", [hosts.url("/img/copy-of-photo.png"), hosts.url("/img/photo.png")])
    run = archive_images(seeds, QUICK, say=lambda line: None)
    manifest = read_manifest(seeds)
    redirected = manifest[hosts.url("/img/redirect.png")]
    assert redirected.archived and redirected.final_url == hosts.url("/img/photo.png")
    assert manifest[hosts.url("/img/slow.png")].error.startswith("timed out")
    assert manifest[hosts.url("/img/huge.png")].error.startswith("too large")
    assert manifest[hosts.url("/img/drawing.svg")].error.startswith("SVG is not archived")
    assert manifest[hosts.url("/img/flaky.gif")].archived  # 503 once, then the image
    assert hosts.paths().count("/img/flaky.gif") == 2
    assert hosts.paths().count("/img/slow.png") == 2  # the timeout was retried once
    # One image under three URLs (two seeds, one redirect): one file.
    same = {manifest[hosts.url(f"/img/{n}")].file for n in ("photo.png", "copy-of-photo.png")}
    assert same == {redirected.file}
    assert manifest[hosts.url("/img/photo.png")].seeds == ("a.md", "b.md")
    assert sorted(_stored(seeds).values()) == sorted([PNG, GIF])
    assert (len(run.archived), run.already, len(run.failed)) == (4, 0, 3)
    assert not [p for p in (seeds / "_media").iterdir() if p.name.startswith(".")]


def test_an_interrupted_write_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "image.png"

    def interrupted(source, destination):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, PNG)
    assert list(tmp_path.iterdir()) == []


def test_images_removed_by_cleaning_are_archived_too(tmp_path):
    """The raw seed is published as well: the images only it shows are kept too."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "wechat.txt").write_text(
        "# 标题\n\n文章作者: 某号\n\n正文第一段，足够长的一段文字。\n\n" * 1
        + "正文。\n\n" * 30
        + "往期回顾\n\n![二维码](http://127.0.0.1:9/qr.png)\n",
        encoding="utf-8",
    )
    assert "http://127.0.0.1:9/qr.png" in referenced_images(seeds)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_real_seeds_without_internet_record_every_url_as_failed(tmp_path):
    """This machine has no internet. So that the test never reaches any other address,
    every request goes through a proxy on a closed 127.0.0.1 port: it fails as an
    offline machine does, before any name is looked up."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    originals = {}
    for path in (ROOT / "seeds").iterdir():
        (seeds / path.name).write_bytes(path.read_bytes())
        originals[path.name] = path.read_bytes()
    dead_proxy = f"http://127.0.0.1:{_closed_port()}"
    env = {**no_proxy_env(), "HTTP_PROXY": dead_proxy, "HTTPS_PROXY": dead_proxy}
    result = make_images(seeds, "--retries 1 --backoff 0.1 --connect-timeout 2", env=env)
    assert result.returncode == 0, result.stderr
    manifest = read_manifest(seeds)
    raw = "\n".join(content.decode("utf-8") for content in originals.values())
    # Every image URL the seeds reference, in bodies and cover lines (12), each failed.
    wanted = set(re.findall(r"https://(?:mmbiz\.qpic\.cn|cdn\.jsdelivr\.net)/[^\s)]+", raw))
    assert set(manifest) == wanted and len(wanted) == 12
    assert all(record.error and not record.archived for record in manifest.values())
    assert f"images: 0 archived, 0 already had, {len(manifest)} failed" in result.stdout
    for url in manifest:
        assert f": {url} (no answer" in result.stdout
    # Nothing lost: the seeds are untouched, nothing but the manifest was written.
    for name, content in originals.items():
        assert (seeds / name).read_bytes() == content
    assert [p.name for p in (seeds / "_media").iterdir()] == ["manifest.json"]
    assert json.loads((seeds / "_media" / "manifest.json").read_text("utf-8"))["format"]


def test_exits_non_zero_only_when_it_cannot_run(tmp_path, capsys):
    assert images_main([str(tmp_path / "missing")]) == 2
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "_media").write_text("a file where the media folder should be")
    assert images_main([str(seeds)]) == 2
    assert "cannot write the media folder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as bad_arguments:
        images_main([str(seeds), "--concurrency", "0"])
    assert bad_arguments.value.code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert images_main([str(empty)]) == 0
