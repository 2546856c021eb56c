"""`make serve` follows the seeds folder: add, edit and delete show up without a restart."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import urllib.request

import pytest
from bs4 import BeautifulSoup
from harness import ROOT, build_env, free_port
from seed_expectations import SEEDS_DIR

pytestmark = [pytest.mark.site, pytest.mark.server]


def _home_titles(base_url: str) -> list[str]:
    with urllib.request.urlopen(base_url, timeout=5) as response:
        soup = BeautifulSoup(response.read().decode("utf-8"), "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".archive-list__title")]


def _wait_for(condition, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError("the served site did not change in time")
        time.sleep(0.5)


@pytest.fixture
def served_seeds(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    port = free_port()
    env = build_env(seeds_dir=seeds)
    server = subprocess.Popen(
        ["make", "serve", f"SERVE_ARGS=--dev-addr 127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base_url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(lambda: len(_home_titles(base_url)) == 5)
        yield seeds, base_url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def test_seed_edits_reach_the_served_site(served_seeds):
    seeds, base_url = served_seeds
    seed = seeds / "new" / "fresh.txt"
    seed.parent.mkdir()
    seed.write_text("# 新加入的文章\n\n正文。\n", encoding="utf-8")
    _wait_for(lambda: "新加入的文章" in _home_titles(base_url))

    seed.write_text("# 改过标题的文章\n\n正文。\n", encoding="utf-8")
    _wait_for(lambda: "改过标题的文章" in _home_titles(base_url))
    assert "新加入的文章" not in _home_titles(base_url)

    seed.unlink()
    _wait_for(lambda: len(_home_titles(base_url)) == 5)


def _page_text(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return BeautifulSoup(response.read().decode("utf-8"), "html.parser").get_text()


def test_annotation_edits_reach_the_served_site(served_seeds):
    seeds, base_url = served_seeds
    sidecar = seeds / "004_db852270f7b26be9.notes.yml"
    page = base_url + "articles/004_db852270f7b26be9/"
    sidecar.write_text("editor_note: 第一版编者按。\n", encoding="utf-8")
    _wait_for(lambda: "第一版编者按。" in _page_text(page))

    sidecar.write_text("editor_note: 第二版编者按。\n", encoding="utf-8")
    _wait_for(lambda: "第二版编者按。" in _page_text(page))

    sidecar.unlink()
    _wait_for(lambda: "第二版编者按。" not in _page_text(page))
