"""Shared fixtures: a real build of the site, made once per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from seed_expectations import ROOT


def build_site(
    site_dir: Path, seeds_dir: Path | None = None, strict: bool = True, site_url: str | None = None
):
    """Run `mkdocs build` on this project into site_dir, optionally from other seeds."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)  # mkdocs.yml's default site_url unless one is given
    if site_url:
        env["SITE_URL"] = site_url
    if seeds_dir is not None:
        env["ARCHIVE_SEEDS_DIR"] = str(seeds_dir)
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


class BuiltSite:
    """A built site folder, read as parsed HTML."""

    def __init__(self, root: Path):
        self.root = root

    def page(self, url_path: str) -> BeautifulSoup:
        path = self.root / url_path / "index.html" if not url_path.endswith(".html") else None
        path = path or self.root / url_path
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(site_dir)
