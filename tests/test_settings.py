"""`extra.archive` is a typed schema: a misspelt or mistyped setting stops the build."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

import pytest
from harness import build_env
from mkdocs.exceptions import ConfigurationError
from seed_expectations import ROOT

from archive_build import read_settings


def _config(archive: object) -> SimpleNamespace:
    return SimpleNamespace(extra={"archive": archive}, config_file_path=str(ROOT / "mkdocs.yml"))


def test_settings_are_read_with_their_defaults():
    settings = read_settings(_config({"seeds_dir": "captures"}))
    assert settings.seeds_dir == "captures"
    assert settings.cache_dir == ".cache"


def test_an_empty_cache_dir_is_allowed():
    assert read_settings(_config({"cache_dir": ""})).cache_dir == ""


@pytest.mark.parametrize(
    ("archive", "named"),
    [
        ({"seed_dir": "seeds"}, "extra.archive.seed_dir"),
        ({"cache_dir": 3}, "extra.archive.cache_dir"),
        ({"seeds_dir": ["a", "b"]}, "extra.archive.seeds_dir"),
    ],
)
def test_a_wrong_setting_is_an_error_naming_its_key(archive, named):
    with pytest.raises(ConfigurationError, match=named.replace(".", r"\.")):
        read_settings(_config(archive))


def test_settings_must_be_a_mapping():
    with pytest.raises(ConfigurationError, match=r"extra\.archive"):
        read_settings(_config(["seeds"]))


@pytest.mark.site
def test_a_misspelt_setting_fails_the_build_with_one_line(tmp_path):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "    seeds_dir: " in config
    broken = ROOT / "mkdocs-misspelt-setting.yml"
    broken.write_text(config.replace("    seeds_dir: ", "    seed_dir: "), encoding="utf-8")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-f", str(broken), "-d", str(tmp_path)],
            cwd=ROOT,
            env=build_env(),
            capture_output=True,
            text=True,
        )
    finally:
        broken.unlink()
    assert result.returncode != 0
    assert "extra.archive.seed_dir: Unrecognised configuration name" in result.stderr
    assert "Traceback" not in result.stderr
