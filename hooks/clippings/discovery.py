"""Find the seed files under the seeds folder."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from .records import Problem, SeedFile

SEED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})


class SeedsFolderError(Exception):
    """The seeds folder itself cannot be read: no archive can be built from it."""


def check_seeds_folder(seeds_dir: Path) -> None:
    """Raise SeedsFolderError with one line saying what is wrong and what to do.

    Without this a missing or unreadable folder would publish an empty archive over
    the reader's site, without a word.
    """
    try:
        os.listdir(seeds_dir)
    except FileNotFoundError:
        raise SeedsFolderError(
            f"seeds folder {seeds_dir} does not exist: create it, or set ARCHIVE_SEEDS_DIR "
            "to the folder that holds the seeds"
        ) from None
    except NotADirectoryError:
        raise SeedsFolderError(f"seeds folder {seeds_dir} is a file, not a folder") from None
    except OSError as error:
        raise SeedsFolderError(
            f"seeds folder {seeds_dir} cannot be read: {error.strerror or error}"
        ) from None


def _is_hidden(relative: PurePosixPath) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def discover_seeds(seeds_dir: Path) -> tuple[list[SeedFile], list[Problem]]:
    """Every text file under seeds_dir, subfolders included, sorted by path.

    Hidden files and folders are skipped (editors' swap files, .git). A symlink whose
    target lies outside seeds_dir is refused, so nothing outside the folder is published.
    A missing or unreadable seeds folder raises SeedsFolderError.
    """
    check_seeds_folder(seeds_dir)
    seeds: list[SeedFile] = []
    problems: list[Problem] = []
    root = seeds_dir.resolve()
    for path in sorted(seeds_dir.rglob("*")):
        relative = PurePosixPath(path.relative_to(seeds_dir).as_posix())
        if _is_hidden(relative) or path.suffix.lower() not in SEED_SUFFIXES:
            continue
        if not path.resolve().is_relative_to(root):
            problems.append(Problem(str(relative), "symlink points outside seeds/, refused"))
            continue
        if path.is_file():
            seeds.append(SeedFile(path=path, relative_path=relative))
    return seeds, problems
