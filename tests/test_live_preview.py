"""`make serve` follows the seeds folder: add, edit and delete show up without a restart."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from harness import ROOT, Tmpfs, build_env, free_port
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


@dataclass(frozen=True)
class Served:
    """`make serve` on a copy of the seeds, and what it prints."""

    seeds: Path
    base_url: str
    server: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def _serve(tmp_path: Path, **env: str):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    port = free_port()
    env = {**build_env(seeds_dir=seeds), **env}
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            ["make", "serve", f"SERVE_ARGS=--dev-addr 127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base_url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(lambda: len(_home_titles(base_url)) == 5)
        yield Served(seeds, base_url, server, log)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


@pytest.fixture
def served_seeds(tmp_path):
    with _serve(tmp_path) as served:
        yield served


def test_seed_edits_reach_the_served_site(served_seeds):
    seeds, base_url = served_seeds.seeds, served_seeds.base_url
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
    seeds, base_url = served_seeds.seeds, served_seeds.base_url
    sidecar = seeds / "004_db852270f7b26be9.notes.yml"
    page = base_url + "articles/004_db852270f7b26be9/"
    sidecar.write_text("editor_note: 第一版编者按。\n", encoding="utf-8")
    _wait_for(lambda: "第一版编者按。" in _page_text(page))

    sidecar.write_text("editor_note: 第二版编者按。\n", encoding="utf-8")
    _wait_for(lambda: "第二版编者按。" in _page_text(page))

    sidecar.unlink()
    _wait_for(lambda: "第二版编者按。" not in _page_text(page))


def _cut_short(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def test_a_half_written_seed_shows_its_warning_then_the_finished_article_without_a_restart(
    served_seeds,
):
    served = served_seeds
    finished = ("# 写到一半的文章\n\n" + "正文。" * 400 + "\n\n最后一段终于写完了。\n").encode()
    # An editor's save caught halfway, in the middle of a three-byte character.
    half = next(finished[:n] for n in range(len(finished) // 2, 0, -1) if _cut_short(finished[:n]))
    seed = served.seeds / "half.txt"
    seed.write_bytes(half)
    warning = "half.txt: ends in the middle of a character: saved half-written?"
    _wait_for(lambda: warning in served.output())

    seed.write_bytes(finished)
    page = served.base_url + "articles/half/"
    _wait_for(lambda: "最后一段终于写完了。" in _page_text(page))
    output = served.output()
    assert served.server.poll() is None
    assert output.count("Serving on") == 1
    assert "Traceback" not in output
    assert next(line for line in output.splitlines() if warning in line).startswith("WARNING")


def test_a_rebuild_that_fails_keeps_the_last_site_served_says_why_and_the_next_save_recovers(
    tmp_path,
):
    """`mkdocs serve` builds into a temporary folder: on a small disk, a seed of several
    megabytes leaves no room for the site."""
    with Tmpfs(tmp_path / "disk", "8m") as disk, _serve(tmp_path, TMPDIR=str(disk)) as served:
        home = _home_titles(served.base_url)
        big = served.seeds / "big.txt"
        big.write_text("# 很大的文章\n\n" + ("很长的一段。" * 1000 + "\n\n") * 200, "utf-8")
        reason = f"site folder {disk}/"
        _wait_for(lambda: "its disk is full" in served.output())
        line = next(line for line in served.output().splitlines() if "disk is full" in line)
        assert line.startswith("ERROR") and reason in line and "the site needs about" in line
        assert _home_titles(served.base_url) == home

        big.write_text("# 换成一篇短文章\n\n正文。\n", "utf-8")
        _wait_for(lambda: "换成一篇短文章" in _home_titles(served.base_url))
        output = served.output()
        assert served.server.poll() is None
        assert output.count("Serving on") == 1
        assert "Traceback" not in output
