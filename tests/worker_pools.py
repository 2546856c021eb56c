"""Tests that need a module's work spread over worker processes, however little there is."""

from __future__ import annotations

from types import ModuleType

import pytest

from clippings.workers import worker_pool


def count_pools(monkeypatch: pytest.MonkeyPatch, module: ModuleType) -> list[int]:
    """Make `module` start two worker processes for any amount of work; the list it
    returns gets the number of workers of each pool the module starts."""
    monkeypatch.setattr(module, "PARALLEL_FROM", 1)
    monkeypatch.setattr(module.os, "cpu_count", lambda: 2)
    pools: list[int] = []

    def counted_pool(workers: int):
        pools.append(workers)
        return worker_pool(workers)

    monkeypatch.setattr(module, "worker_pool", counted_pool)
    return pools
