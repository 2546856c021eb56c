"""Shared fixtures: a real build of the site, made once per test session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from harness import ROOT, build_env, mkdocs_build
from hypothesis import HealthCheck, settings

# Fuzzing: 300 examples per property in `make test`, 60 in the fast tier's edit-test loop.
settings.register_profile(
    "full", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fast", parent=settings.get_profile("full"), max_examples=60)
settings.load_profile("fast" if os.environ.get("ARCHIVE_TEST_TIER") == "fast" else "full")


def build_site(
    site_dir: Path, seeds_dir: Path | None = None, strict: bool = True, site_url: str | None = None
):
    """Run `mkdocs build` on this project into site_dir, optionally from other seeds."""
    env = build_env(seeds_dir=seeds_dir, site_url=site_url)
    return mkdocs_build(site_dir, env, *(["--strict"] if strict else []))


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


# Real captures from other accounts, beside this checkout (never copied into it).
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory) -> BuiltSite:
    """A site built from every capture in ../shared/corpus, once per test session."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    seeds = tmp_path_factory.mktemp("corpus-seeds")
    for capture in CORPUS.iterdir():
        if capture.name != "README.md":
            shutil.copy(capture, seeds / capture.name)
    site_dir = tmp_path_factory.mktemp("corpus-site")
    result = build_site(site_dir, seeds_dir=seeds)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(site_dir)
