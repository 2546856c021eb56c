"""The benchmark's seeds are the size of real captures and carry their markup."""

from __future__ import annotations

import shutil
import sys
from dataclasses import asdict, fields
from pathlib import Path

import pytest
from seed_expectations import ROOT

from clippings import build_archive

sys.path.insert(0, str(ROOT / "bench"))
from generate import REAL_CAPTURES, CaptureProfile, generate, measure_captures

SHARED = ROOT.parent / "shared"
TOLERANCE = 0.25


def _real_captures() -> list[Path]:
    corpus = [path for path in (SHARED / "corpus").glob("*") if path.name != "README.md"]
    return sorted((SHARED / "seeds").glob("*.txt")) + sorted(corpus)


def _profile(folder: Path) -> CaptureProfile:
    """Measured as the generator's parameters were: the tail is what cleaning cuts."""
    archive = build_archive(folder)
    tails = {
        page.article.seed_path: sum(
            len(line.encode()) + 1
            for report in page.cleaning
            if report.name == "strip_trailing_promotions"
            for line in report.removed_lines
        )
        for page in archive.pages
    }
    paths = sorted(path for path in folder.iterdir() if path.suffix in (".txt", ".md"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    return measure_captures(texts, [tails[path.name] for path in paths])


@pytest.fixture(scope="module")
def real_profile(tmp_path_factory) -> CaptureProfile:
    """The real captures measured now when ../shared is here, else the stored numbers."""
    captures = _real_captures()
    if not captures:
        return REAL_CAPTURES
    folder = tmp_path_factory.mktemp("real")
    for path in captures:
        shutil.copy(path, folder / path.name)
    return _profile(folder)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("generated")
    generate(200, folder)
    return folder


@pytest.fixture(scope="module")
def generated_profile(generated) -> CaptureProfile:
    return _profile(generated)


def test_the_stored_parameters_are_the_real_captures_measured(real_profile):
    if not _real_captures():
        pytest.skip("../shared is absent: nothing to measure the stored numbers against")
    # Within 5%: the tail is what the cleaning cuts, and cleaning keeps being improved.
    for measure, real in asdict(real_profile).items():
        stored = asdict(REAL_CAPTURES)[measure]
        assert abs(stored - real) <= 0.05 * real, (measure, stored, real)


@pytest.mark.parametrize("measure", [f.name for f in fields(CaptureProfile) if f.name != "files"])
def test_generated_seeds_match_real_captures_within_a_quarter(
    real_profile, generated_profile, measure
):
    real = asdict(real_profile)[measure]
    generated = asdict(generated_profile)[measure]
    assert real > 0
    assert abs(generated - real) <= TOLERANCE * real, (measure, generated, real)


def test_sizes_spread_like_real_ones(generated):
    sizes = sorted(path.stat().st_size for path in generated.glob("*.txt"))
    # Long-tailed: a few captures several times the median, none tiny.
    assert sizes[0] >= 3000
    assert sizes[-1] >= 4 * sizes[len(sizes) // 2]
