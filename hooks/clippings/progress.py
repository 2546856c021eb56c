"""Progress lines for long builds: often enough to see movement, rarely enough to read."""

from __future__ import annotations

from collections.abc import Callable


def progress_reporter(report: Callable[[str], None], label: str) -> Callable[[int, int], None]:
    """A `progress(done, total)` callback that reports every tenth (at least 500 items)."""

    def progress(done: int, total: int) -> None:
        if done == total or done % max(500, total // 10) == 0:
            report(f"{label}: {done}/{total}")

    return progress
