"""What the tests, the benchmark and the audit share: the project's root, the environment a
build runs in, a static server on 127.0.0.1 and Debian's Chromium.

The fast test tier (`make test-fast`) sets ARCHIVE_TEST_TIER=fast; building a site,
starting a server or launching Chromium then fails at once, so a slow test that lacks its
mark (`site`, `server`, `browser`) is found instead of slowing the tier down.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LOOPBACK = "127.0.0.1"


def _refuse_in_fast_tier(what: str, mark: str) -> None:
    if os.environ.get("ARCHIVE_TEST_TIER") == "fast":
        raise RuntimeError(f"this test {what}: mark it `@pytest.mark.{mark}`")


def build_env(
    seeds_dir: Path | None = None,
    cache_dir: Path | str | None = None,
    site_url: str | None = None,
) -> dict[str, str]:
    """The environment of a `mkdocs build` or `serve` of this project.

    Without a site_url, mkdocs.yml's default is used, never one from the caller's shell.
    """
    _refuse_in_fast_tier("builds a site", "site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    if seeds_dir is not None:
        env["ARCHIVE_SEEDS_DIR"] = str(seeds_dir)
    if cache_dir is not None:
        env["ARCHIVE_CACHE_DIR"] = str(cache_dir)
    return env


def mkdocs_build(
    site_dir: Path, env: dict[str, str], *options: str
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` of this project into site_dir, its output captured."""
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir), *options]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


def free_port() -> int:
    _refuse_in_fast_tier("starts a server", "server")
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files without a log line per request."""

    def log_message(self, format, *args):
        pass


class StaticServer:
    """A folder served on 127.0.0.1. The address is known before the folder is filled,
    so a site can be built for the address it is served at."""

    def __init__(self, directory: Path | str, handler: type = QuietHandler):
        _refuse_in_fast_tier("starts a server", "server")
        self._server = ThreadingHTTPServer(
            (LOOPBACK, 0), partial(handler, directory=str(directory))
        )
        self.url = f"http://{LOOPBACK}:{self._server.server_address[1]}/"

    def __enter__(self) -> StaticServer:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


class Tmpfs:
    """A small tmpfs for full-disk and read-only faults, or the reason there cannot be one
    (mounting needs root). As a context manager: the mounted folder, unmounted after."""

    def __init__(self, folder: Path, size: str, read_only: bool = False) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.skip_reason = ""
        if os.geteuid() != 0:
            self.skip_reason = "a small disk needs a tmpfs mount, which needs root"
            return
        options = f"size={size}" + (",ro" if read_only else "")
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
            capture_output=True,
            text=True,
        )
        if mounted.returncode != 0:
            self.skip_reason = f"mounting a tmpfs failed: {mounted.stderr.strip()}"

    def skip_unless_mounted(self) -> None:
        if self.skip_reason:
            import pytest

            pytest.skip(self.skip_reason)

    def unmount(self) -> None:
        if not self.skip_reason:
            subprocess.run(["umount", "-l", str(self.folder)], check=False)

    def __enter__(self) -> Path:
        self.skip_unless_mounted()
        return self.folder

    def __exit__(self, *exc) -> None:
        self.unmount()


@contextmanager
def chromium() -> Iterator:
    """Debian's Chromium under Playwright (Playwright's own browser download fails here)."""
    _refuse_in_fast_tier("drives Chromium", "browser")
    if shutil.which(CHROMIUM) is None:
        raise RuntimeError(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
